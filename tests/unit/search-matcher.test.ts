/**
 * The browser's exact lookup is the engine's matcher over the sharded index: it must rank every
 * input as the CLI's `lookup` does, while loading only a few small files per query, also when
 * the catalogue is large.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { catalogue, resolveVariant, type Entry } from '../../src/catalogue/index.ts';
import { lookup } from '../../src/catalogue/matcher.ts';
import { createMatcher, type LookupResult, type MatchableEntry } from '../../src/catalogue/match-engine.ts';
import { decodeScenario } from '../../src/share/scenario-link.ts';
import { buildLookupFiles, searchEntries, type EntryAnswer, type LookupMeta, type SearchEntry } from '../../src/search/index-data.ts';
import { siteIndexSources } from '../../src/search/site-index.ts';
import { createShardedLookup } from '../../src/search/sharded-lookup.ts';
import { replyText, triage, withAnswers } from '../../src/search/triage.ts';
import { tokenFields } from '../../src/token/fields.ts';
import { querySet } from '../e2e/query-set.ts';

const sources = siteIndexSources;

/** The sharded lookup over files served from memory, through JSON as the browser gets them. */
function served(files: Map<string, unknown>) {
  const loaded: string[] = [];
  const lookup = createShardedLookup(async (name) => {
    loaded.push(name);
    if (!files.has(name)) throw new Error(`no file ${name}`);
    return JSON.parse(JSON.stringify(files.get(name)));
  });
  return { lookup, loaded };
}

const { files, meta } = buildLookupFiles(sources);
const browser = served(files).lookup;

const countryMessage = "Field 'country' must be a valid ISO 3166-1 alpha-2 code.";
const inputs = [
  ...querySet.map((each) => each.query),
  '',
  '   ',
  'zzzz',
  '{}',
  '[1, 2, 3]',
  '404',
  '40',
  'must be',
  'must be a string',
  'field',
  'constructor',
  '__proto__',
  'toString',
  `Error [BAD_VALUE]: ${countryMessage}`,
  'Error [undefined]: This endpoint is not available for DEMO partners.',
  '{"identifier":"UNAUTHORIZED","message":"Invalid authorization credentials"}',
  JSON.stringify({
    identifier: 'BAD_VALUE',
    message: countryMessage,
    documentation: 'https://github.com/idenfy/Documentation',
    severity: 'NOT_SEVERE',
  }),
  '{"message":"Action not allowed due to lack of funds or exceeded limit."}',
  `HTTP/2 400 \r\ncontent-type: application/json\r\n\r\n${JSON.stringify({ identifier: 'BAD_VALUE', message: countryMessage })}`,
  'HTTP/1.1 400 Bad Request\n\n{"identifier":"METHOD_NOT_ALLOWED","message":"Method \\"GET\\" not allowed."}',
  'HTTP/1.1 400 Bad Request',
  'HTTP/2 403',
  '{"identifier":"BAD_VALUE"}',
  'MISSING_VALUE',
  '{"identifier":"NOPE","message":"x"}',
  '`expiryTime`',
  'Field must be a valid date',
  'credits',
  'quota exceeded',
  'not supported for country',
];

function summary(result: LookupResult<MatchableEntry>, length = 5) {
  return {
    input: result.input,
    matches: result.matches
      .slice(0, length)
      .map((found) => ({ slug: found.entry.slug, score: found.score, reason: found.reason, values: found.values, variant: found.variant })),
  };
}

test('the sharded lookup ranks every input as the CLI lookup does (its first five matches)', async () => {
  for (const input of inputs) {
    assert.deepEqual(summary(await browser.lookup(input)), summary(lookup(input)), JSON.stringify(input));
  }
});

test('field names that are also Object prototype keys are not fields, nor words', async () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    assert.deepEqual((await browser.lookup(name)).matches, [], name);
  }
});

test('the index holds every entry once, and each example links to a scenario that produces it', () => {
  const entries = [...files].filter(([name]) => name.startsWith('e')).flatMap(([, chunk]) => chunk as SearchEntry[]);
  const answers = [...files].filter(([name]) => name.startsWith('f')).flatMap(([, chunk]) => chunk as EntryAnswer[]);
  assert.equal(answers.length, entries.length);
  assert.deepEqual(
    entries.map((entry) => entry.slug),
    catalogue.map((entry) => entry.slug),
  );
  assert.deepEqual(
    entries.map((entry) => entry.id),
    catalogue.map((_, index) => index),
  );
  assert.deepEqual(
    Object.keys(meta.fields),
    tokenFields.map((field) => field.name),
  );
  for (const entry of entries) {
    const original = catalogue[entry.id] as Entry;
    if (!original.example) {
      assert.equal(entry.example, null, entry.slug);
      assert.equal(answers[entry.id]?.playground, null, entry.slug);
      continue;
    }
    assert.deepEqual(entry.example?.values, original.example.values, entry.slug);
    const link = answers[entry.id]?.playground ?? '';
    const read = decodeScenario(link.slice(link.indexOf('#')));
    assert.ok(link.startsWith('/playground/#s='), entry.slug);
    assert.deepEqual(read.kind === 'scenario' ? read.scenario : null, original.example.scenario, entry.slug);
  }
});

function gzipped(names: readonly string[], from: Map<string, unknown>): number {
  return [...new Set(names)].reduce((sum, name) => sum + gzipSync(JSON.stringify(from.get(name))).length, 0);
}

test('the whole index is small, and one query loads a part of it', async (t) => {
  // The answers (`f…`, what to do) are loaded only by triage's cards: they are counted apart.
  const all = gzipped(
    [...files.keys()].filter((name) => !name.startsWith('f')),
    files,
  );
  const answers = gzipped(
    [...files.keys()].filter((name) => name.startsWith('f')),
    files,
  );
  t.diagnostic(`answers for triage's cards: ${answers} bytes gzipped in all`);
  const { lookup: sharded, loaded } = served(files);
  await sharded.lookup('Expected a dictionary, but got list');
  const one = gzipped(loaded, files);
  t.diagnostic(
    `index: ${files.size} files, ${all} bytes gzipped; "Expected a dictionary, but got list" loads ${new Set(loaded).size} of them, ${one} bytes gzipped`,
  );
  assert.ok(all < 16_000, `${all} bytes`);
});

/** A catalogue of `size` entries: the real ones and generated ones with messages of their own. */
function synthetic(size: number): Entry[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'pu', 'ri', 'sa', 'to', 'vu', 'ze', 'bo', 'de'];
  const word = (n: number) => {
    let text = '';
    for (let rest = n + 7; rest > 0; rest = Math.floor(rest / syllables.length)) text += syllables[rest % syllables.length];
    return text;
  };
  const generated = Array.from({ length: size - catalogue.length }, (_, index): Entry => {
    const base = catalogue[index % 45] as Entry;
    return {
      ...base,
      slug: `synthetic-${index}`,
      kind: 'case',
      title: `Synthetic ${word(index)} is rejected`,
      message: `Field '{field}' must not be ${word(index)} when ${word(index * 3 + 1)} is sent.`,
      aka: [word(index * 5 + 2)],
      variants: [],
      example: undefined,
    };
  });
  return [...catalogue, ...generated];
}

test('at 5,000 entries a query still loads a few small files, and ranks as the whole catalogue would', async (t) => {
  const big = synthetic(5000);
  const built = buildLookupFiles({ ...sources, catalogue: big, resolveVariant: (entry, variant) => resolveVariant(entry, variant) });
  const everything = searchEntries({ ...sources, catalogue: big });
  const whole = createMatcher<SearchEntry>({
    entries: everything,
    variants: (entry) => entry.variants,
    fieldEntry: (name) => tokenFields.find((field) => field.name === name)?.entry,
  });
  const all = gzipped([...built.files.keys()], built.files);
  for (const query of [
    'Expected a dictionary, but got list',
    countryMessage,
    'BAD_VALUE',
    '402',
    'sessionLength',
    'rate limit',
    "Field 'x' must not be kalo when lomi is sent.",
  ]) {
    const { lookup: sharded, loaded } = served(built.files);
    const result = await sharded.lookup(query);
    assert.deepEqual(summary(result, 3), summary(whole.lookup(query), 3), query);
    const bytes = gzipped(loaded, built.files);
    t.diagnostic(`${JSON.stringify(query)}: ${new Set(loaded).size} files, ${bytes} bytes gzipped of ${all}`);
    assert.ok(bytes < 60_000, `${query}: ${bytes} bytes`);
  }
  assert.equal((built.meta as LookupMeta).statuses.find((status) => status.code === 400)?.top.length, 8);
});

test("a reply for a customer is plain text with the entry, the customer's value, the fix, the retry answer and the link", async () => {
  const paste = `curl -i -d '{"clientId":"user-42","country":"Lithuania"}'\nHTTP/1.1 400 Bad Request\n\n${JSON.stringify({ identifier: 'BAD_VALUE', message: countryMessage })}`;
  const result = await withAnswers(triage(paste, await browser.lookup(paste), meta), browser);
  const best = result.candidates[0];
  assert.ok(best?.answer, 'the best card has its answer');
  const reply = replyText(best, '400 Bad Request', 'https://errata.example.com/errors/country-invalid/#case=x');
  const entry = catalogue.find((each) => each.slug === best.entry.slug) as Entry;
  assert.match(reply, new RegExp(`^The error is "${entry.title}" \\(400 Bad Request, BAD_VALUE\\)\\.`));
  assert.match(reply, /Your request's country was Lithuania\.\nSend LT, not Lithuania\.\n/);
  assert.match(reply, /Your case, explained: https:\/\/errata\.example\.com\/errors\/country-invalid\/#case=x$/);
  assert.ok(!/`|\*\*|\]\(/.test(reply), reply);
  assert.match(reply, entry.retry.helps ? /\nDoes retrying help\? (Yes|Not)\b/ : /\nDoes retrying help\? (No|Not)\b/);
});
