/**
 * The query set (tests/e2e/query-set.ts) against the exact lookup alone: every query that the
 * matcher answers must give its expected first result. The end-to-end test runs the whole set,
 * full-text queries included, through the search box of the built site.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactAnswer, type SearchFilters } from '../../src/search/exact.ts';
import { buildLookupFiles } from '../../src/search/index-data.ts';
import { siteIndexSources } from '../../src/search/site-index.ts';
import { createShardedLookup } from '../../src/search/sharded-lookup.ts';
import { entryPath, statusPath } from '../../src/site/paths.ts';
import { querySet } from '../e2e/query-set.ts';

const { files } = buildLookupFiles(siteIndexSources);
const lookup = createShardedLookup(async (name) => JSON.parse(JSON.stringify(files.get(name))));
const exact = async (query: string, filters: SearchFilters = {}) => exactAnswer(await lookup.lookup(query), filters);

async function exactPath(query: string, filters: SearchFilters = {}): Promise<string | null> {
  const { answer } = await exact(query, filters);
  if (!answer) return null;
  return answer.kind === 'entry' ? entryPath(answer.match.entry.slug) : statusPath(answer.status);
}

test('the query set has at least 40 queries, each of every kind', () => {
  assert.ok(querySet.length >= 40, `${querySet.length} queries`);
  for (const kind of ['identifier', 'status', 'message', 'field', 'words', 'body', 'full-text']) {
    assert.ok(
      querySet.some((each) => each.kind === kind),
      kind,
    );
  }
});

test('every query the exact lookup answers gives its expected first result', async (t) => {
  const answered = querySet.filter((each) => each.kind !== 'full-text');
  const wrong: string[] = [];
  for (const each of answered) {
    const found = await exactPath(each.query);
    if (found !== each.first) wrong.push(`${JSON.stringify(each.query)} → ${found}, expected ${each.first}`);
  }
  t.diagnostic(`${answered.length - wrong.length}/${answered.length} exact answers right`);
  assert.deepEqual(wrong, []);
});

test('full-text queries have no exact answer, so Pagefind answers them', async () => {
  for (const each of querySet.filter((query) => query.kind === 'full-text')) assert.equal(await exactPath(each.query), null, each.query);
});

test('a status no entry has, a prefix of a status and garbage have no exact match, and say why', async () => {
  assert.deepEqual(await exact('404'), { answer: null, none: 'No exact match: no entry has HTTP status 404.' });
  for (const query of ['40', 'zzzz qwerty', 'BAD_VALUES_X']) assert.equal((await exact(query)).answer, null, query);
});

test('a fragment that fits several entries equally is not an exact match, and names them', async () => {
  const result = await exact('must be');
  assert.equal(result.answer, null);
  assert.equal(result.close?.length, 5);
  assert.match(result.none ?? '', /is part of \d+ entries' messages/);
});

test('filters narrow the exact answer', async () => {
  assert.equal(await exactPath('rate limit', { category: 'identifiers' }), '/errors/too-many-requests/');
  assert.equal(await exactPath('rate limit', { status: 400 }), null);
  assert.equal(await exactPath('403', { status: 403 }), '/status/403/');
  assert.equal(await exactPath('429', { category: 'identifiers' }), '/errors/too-many-requests/');
  assert.equal((await exact('sessionLength', { status: 401 })).none, 'No exact match within these filters.');
});
