/**
 * Links that carry state in the fragment: a search (`#q=`), a customer's case (`#case=`), and
 * what the triage page reads from a paste for them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue } from '../../src/catalogue/index.ts';
import { caseLink, decodeCase, encodeCase, tidyCase } from '../../src/search/case-link.ts';
import { buildLookupFiles } from '../../src/search/index-data.ts';
import { siteIndexSources } from '../../src/search/site-index.ts';
import { createShardedLookup } from '../../src/search/sharded-lookup.ts';
import { inlineParts } from '../../src/search/inline-parts.ts';
import { readSearchFragment, searchFragment, searchLink } from '../../src/search/query-fragment.ts';
import { findFieldValue, triage } from '../../src/search/triage.ts';
import { excerptParts } from '../../src/client/search/pagefind.ts';

const { files, meta } = buildLookupFiles(siteIndexSources);
const lookup = createShardedLookup(async (name) => JSON.parse(JSON.stringify(files.get(name))));
const triaged = async (text: string) => triage(text, await lookup.lookup(text), meta);
const countryMessage = "Field 'country' must be a valid ISO 3166-1 alpha-2 code.";

test('a search round-trips through its fragment, spaces and all', () => {
  const state = { query: "Field 'country' must be & more #1", status: 400, category: 'fields' };
  const fragment = searchFragment(state);
  assert.ok(!fragment.includes(' ') && !fragment.includes('#'), fragment);
  assert.deepEqual(readSearchFragment(`#${fragment}`), state);
  assert.equal(searchLink({ query: 'rate limit' }), '/search/#q=rate%20limit');
  assert.deepEqual(readSearchFragment('#q=rate+limit'), { query: 'rate limit' });
});

test('a search fragment ignores what it does not know and is never an error', () => {
  assert.equal(readSearchFragment(''), null);
  assert.equal(readSearchFragment('#case=abc'), null);
  assert.equal(readSearchFragment('#s=abc'), null);
  assert.deepEqual(readSearchFragment('#q=x&status=99&category=<b>'), { query: 'x' });
  assert.equal(typeof readSearchFragment('#q=%E0%A4%A')?.query, 'string', 'a broken escape is read leniently');
});

test('a customer case round-trips through its link, in any script', () => {
  const value = {
    message: 'Invalid data. Expected a dictionary, but got list.',
    values: { type: 'list' },
    field: 'country',
    value: 'Łódź 🇱🇹',
  };
  const link = caseLink('/errors/body-not-object/', value);
  assert.match(link, /^\/errors\/body-not-object\/#case=[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeCase(link.slice(link.indexOf('#'))), { kind: 'case', case: value });
  assert.equal(caseLink('/errors/x/', {}), '/errors/x/', 'an empty case adds nothing');
  assert.equal(encodeCase({ message: '  ', values: { a: '' } }), '');
});

test('a case is tidied: long text cut, odd names and empty parts dropped', () => {
  const tidy = tidyCase({ message: 'x'.repeat(5000), values: { 'bad name': 'v', ok: 'y', empty: ' ' }, field: ' country ' });
  assert.equal([...(tidy.message ?? '')].length, 600);
  assert.deepEqual(tidy.values, { ok: 'y' });
  assert.equal(tidy.field, 'country');
});

test('a mangled case fragment is read as damaged, with a reason, never thrown', () => {
  const good = encodeCase({ message: countryMessage, field: 'country', value: 'LTU' });
  const damaged = [
    '#case=',
    '#case=%%%',
    '#case=abc$',
    `#${good.slice(0, good.length - 7)}`,
    `#case=${Buffer.from('not json').toString('base64url')}`,
    `#case=${Buffer.from('[1,2]').toString('base64url')}`,
    `#case=${Buffer.from('{"message": 42}').toString('base64url')}`,
    `#case=${Buffer.from('{"values": {"a": 1}}').toString('base64url')}`,
    `#case=${Buffer.from('{}').toString('base64url')}`,
    `#case=${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}`,
  ];
  for (const fragment of damaged) {
    const read = decodeCase(fragment);
    assert.equal(read.kind, 'damaged', fragment);
    assert.ok(read.kind === 'damaged' && read.reason.length > 10, fragment);
  }
  assert.deepEqual(decodeCase(''), { kind: 'none' });
  assert.deepEqual(decodeCase('#your-case'), { kind: 'none' });
});

test('the value a pasted request sent in a field is read from it', () => {
  const curl = `curl -i -X POST https://ivs.idenfy.com/api/v2/token --data '{"clientId":"user-42","country":"LTU","expiryTime":3600.5}'`;
  assert.equal(findFieldValue(curl, 'country'), 'LTU');
  assert.equal(findFieldValue(curl, 'expiryTime'), '3600.5');
  assert.equal(findFieldValue("{'country': 'gb'}", 'country'), 'gb');
  assert.equal(findFieldValue('{"documents": ["PASSPORT", "VISA"]}', 'documents'), '["PASSPORT", "VISA"]');
  assert.equal(findFieldValue(countryMessage, 'country'), undefined, "the message's 'country' is not a value");
  assert.equal(findFieldValue('{"country": "LT"}', 'coun.ry'), undefined);
});

test('triage of a whole curl -i output names the entry, the field and the value sent, and the case to share', async () => {
  const body = JSON.stringify({ identifier: 'BAD_VALUE', message: countryMessage });
  const paste = `$ curl -i -X POST https://ivs.idenfy.com/api/v2/token --data '{"clientId":"user-42","country":"LTU"}'\nHTTP/2 400\ncontent-type: application/json\n\n${body}`;
  const view = await triaged(paste);
  assert.deepEqual(view.read, ['status 400 Bad Request', 'identifier BAD_VALUE', `message “${countryMessage}”`]);
  const best = view.candidates[0];
  assert.equal(best?.entry.slug, 'country-invalid');
  assert.equal(best?.field, 'country');
  assert.equal(best?.value, 'LTU');
  assert.deepEqual(best?.customerCase, { message: countryMessage, field: 'country', value: 'LTU' });
});

test('triage of a message with values says how the example differs, and names the variant it matched', async () => {
  const list = await triaged('Invalid data. Expected a dictionary, but got list.');
  const best = list.candidates[0];
  assert.equal(best?.entry.slug, 'body-not-object');
  assert.deepEqual(best?.values, [['type', 'list']]);
  const example = catalogue.find((entry) => entry.slug === 'body-not-object')?.example?.values.type;
  if (example !== 'list') assert.deepEqual(best?.exampleDiffers, [{ name: 'type', yours: 'list', example }]);

  const older = JSON.stringify({ identifier: 'UNAUTHORIZED', message: 'Invalid authorization credentials' });
  const variant = (await triaged(older)).candidates[0];
  assert.equal(variant?.entry.slug, 'invalid-credentials');
  assert.ok(variant?.variant?.includes('UNAUTHORIZED'));
});

test('triage of an older body names the older form it is in', async () => {
  const older = JSON.stringify({
    identifier: 'BAD_VALUE',
    message: countryMessage,
    documentation: 'https://github.com/idenfy/Documentation',
    severity: 'NOT_SEVERE',
  });
  const best = (await triaged(older)).candidates[0];
  assert.equal(best?.entry.slug, 'country-invalid');
  assert.match(best?.variant ?? '', /Older form of the body/);
  const current = JSON.stringify({ identifier: 'BAD_VALUE', message: countryMessage });
  assert.equal((await triaged(current)).candidates[0]?.variant, undefined);
});

test('triage of a status alone says so; garbage has no candidates', async () => {
  const view = await triaged('HTTP/1.1 400 Bad Request');
  assert.equal(view.statusOnly, 400);
  assert.ok(view.more > 0);
  assert.deepEqual((await triaged('qwerty asdf')).candidates, []);
});

test("inline Markdown and Pagefind's excerpts become text parts, never HTML", () => {
  assert.deepEqual(inlineParts('Send `<b>` **now** [here](/x/)'), [
    { kind: 'text', text: 'Send ' },
    { kind: 'code', text: '<b>' },
    { kind: 'text', text: ' ' },
    { kind: 'strong', text: 'now' },
    { kind: 'text', text: ' ' },
    { kind: 'link', text: 'here', href: '/x/' },
  ]);
  // Marks without their closing ones are text, read once however many there are.
  const open = `${'['.repeat(50_000)}](x)${'`'.repeat(3)}**a*${'*'.repeat(50_000)}`;
  const started = performance.now();
  assert.equal(
    inlineParts(open)
      .map((part) => part.text)
      .join('').length > 0,
    true,
  );
  assert.ok(performance.now() - started < 200);
  assert.deepEqual(inlineParts('a ** b [c] (d) `'), [{ kind: 'text', text: 'a ** b [c] (d) `' }]);
  assert.deepEqual(excerptParts('a &lt;script&gt; <mark>rate</mark> &amp; <b>x</b>&#39;'), [
    { text: 'a <script> ', mark: false },
    { text: 'rate', mark: true },
    { text: " & x'", mark: false },
  ]);
});
