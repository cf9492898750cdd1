import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveErrorPath } from '../../src/client/resolve-path.ts';
import { escapeHtml, inlineMarkdown, plainText } from '../../src/site/inline.ts';
import { pythonLiteral, requestSamples } from '../../src/site/samples.ts';
import { catalogue } from '../../src/catalogue/index.ts';
import { describeRule, jsonType } from '../../src/token/describe.ts';
import { tokenField } from '../../src/token/fields.ts';
import { readdirSync } from 'node:fs';
import { sitePages } from '../../src/site/pages.ts';
import { contentLength, responseHead, responseText } from '../../src/site/response-text.ts';

const slugs = catalogue.map((entry) => entry.slug);

test('the 404 resolver sends any spelling of an identifier to its entry', () => {
  for (const spelling of ['BAD_VALUE', 'bad_value', 'Bad-Value', 'badvalue', 'bad%20value', 'Bad%20Value']) {
    assert.deepEqual(resolveErrorPath(`/errors/${spelling}/`, slugs), { kind: 'redirect', path: '/errors/bad-value/' }, spelling);
  }
});

test('the 404 resolver sends a slug in another case or spelling to its entry', () => {
  assert.deepEqual(resolveErrorPath('/errors/Country-Invalid', slugs), { kind: 'redirect', path: '/errors/country-invalid/' });
  assert.deepEqual(resolveErrorPath('/errors/country_invalid/', slugs), { kind: 'redirect', path: '/errors/country-invalid/' });
});

test('the 404 resolver suggests close slugs and gives up on the rest', () => {
  const found = resolveErrorPath('/errors/country/', slugs);
  assert.equal(found.kind, 'suggest');
  assert.ok(found.kind === 'suggest' && found.paths.includes('/errors/country-invalid/'));
  assert.deepEqual(resolveErrorPath('/errors/zzzz/', slugs), { kind: 'none' });
  assert.deepEqual(resolveErrorPath('/token/x/', slugs), { kind: 'none' });
  assert.deepEqual(resolveErrorPath('/errors/%E0%A4%A/', slugs), { kind: 'none' }, 'a mangled escape is not an error');
});

test('inline Markdown renders code, strong and site links, and escapes everything else', () => {
  assert.equal(
    inlineMarkdown('Send `<b>` **now** & [see](/errors/x/)'),
    'Send <code>&lt;b&gt;</code> <strong>now</strong> &amp; <a href="/errors/x/">see</a>',
  );
  assert.equal(inlineMarkdown('[bad](javascript:alert(1))'), '[bad](javascript:alert(1))');
  assert.equal(escapeHtml(`"'<>&`), '&quot;&#39;&lt;&gt;&amp;');
  assert.equal(plainText('Use `clientId`, **not** [this](/x/).'), 'Use clientId, not this.');
});

test('Python literals use True, False and None', () => {
  assert.equal(
    pythonLiteral({ a: true, b: [null, false], c: 'x' }),
    '{\n    "a": True,\n    "b": [\n        None,\n        False,\n    ],\n    "c": "x",\n}',
  );
});

test('code samples send the scenario request as it is', () => {
  const json = requestSamples({ request: { body: { clientId: "o'neil" } } });
  assert.match(json.curl, /--data '\{"clientId":"o'\\''neil"\}'/);
  assert.match(json.python, /json=payload/);
  assert.match(json.javascript, /body: JSON\.stringify\(payload\)/);
  assert.deepEqual(json.account, []);

  const nullBody = requestSamples({ request: { body: null } });
  assert.match(nullBody.python, /data="null"/, 'requests would send no body for json=None');

  const bytes = requestSamples({ request: { rawBodyBase64: '/w==', credentials: 'missing' }, account: { fundsAvailable: false } });
  assert.match(bytes.curl, /base64 -d/);
  assert.doesNotMatch(bytes.curl, / -u /);
  assert.doesNotMatch(bytes.javascript, /Authorization/);
  assert.deepEqual(bytes.account, ['fundsAvailable: false']);

  const get = requestSamples({ request: { method: 'GET' } });
  assert.match(get.curl, /-X GET/);
  assert.doesNotMatch(get.javascript, /body:/, 'fetch refuses a body on GET');
});

test('field rules read aloud say the limits', () => {
  assert.equal(describeRule(tokenField('expiryTime')!.rule), 'a whole number from 1 to 2,592,000');
  assert.equal(describeRule(tokenField('clientId')!.rule), 'a string, not blank, at most 100 characters');
  assert.equal(jsonType(tokenField('documents')!.rule), 'array of string');
  assert.match(describeRule(tokenField('successUrl')!.rule), /https:\/\/.*2,048 characters/);
});

test("the numbered links between index pages are the addresses Astro's paginate() gives them, the first at the bare address", async () => {
  const { pagePath } = await import('../../src/site/pagination.ts');
  assert.equal(pagePath('/status/400/', 1), '/status/400/');
  assert.equal(pagePath('/status/400/', 2), '/status/400/2/');
});

test('a retired entry says in its Markdown twin that it is no longer returned, and links what replaced it', async () => {
  const { entryMarkdown } = await import('../../src/site/markdown.ts');
  const { entry } = await import('../../src/catalogue/index.ts');
  const retired = {
    ...entry('dummy-status-invalid'),
    retired: { since: '2026-01-01', replacedBy: 'token-type-invalid', note: 'Folded into another check.' },
  };
  const markdown = entryMarkdown(retired, new URL('https://errata.example/'));
  assert.match(
    markdown,
    /^- No longer returned since 2026-01-01: Folded into another check\. Replaced by \[[^\]]+\]\(https:\/\/errata\.example\/errors\/token-type-invalid\/\)\.$/m,
  );
  assert.doesNotMatch(entryMarkdown(entry('dummy-status-invalid'), new URL('https://errata.example/')), /No longer returned/);
});

test('every page written by hand under src/pages is in the one page list, src/site/pages.ts', () => {
  // Pages that are not listed on purpose: the 404 page, and search, which the header's box opens.
  const unlisted = new Set(['/404/', '/search/']);
  const routes = readdirSync(new URL('../../src/pages/', import.meta.url), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.astro') && !file.includes('['))
    .map((file) =>
      `/${file
        .replace(/\\/g, '/')
        .replace(/(^|\/)index\.astro$/, '')
        .replace(/\.astro$/, '')}/`.replace(/\/+/g, '/'),
    );
  assert.ok(routes.length > 5, 'the pages were found');
  const listed = new Set<string>(sitePages.map((page) => page.path));
  const missing = routes.filter((route) => !listed.has(route) && !unlisted.has(route));
  assert.deepEqual(
    missing,
    [],
    `add each to sitePages in src/site/pages.ts (title, summary, and nav for the header): ${missing.join(', ')}`,
  );
  const stale = [...listed].filter((path) => !routes.includes(path));
  assert.deepEqual(stale, [], 'sitePages lists pages that src/pages does not have');
});

test('a response is written as text in one way: status line, content type, other headers, blank line, body', () => {
  const body = { identifier: 'BAD_VALUE', message: 'Café' };
  assert.equal(responseText(400, body), `HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n${JSON.stringify(body, null, 2)}`);
  assert.equal(
    responseText(402, body, { headers: [['Errata-Entry', 'no-funds']], compact: true }),
    `HTTP/1.1 402 Payment Required\nContent-Type: application/json\nErrata-Entry: no-funds\n\n${JSON.stringify(body)}`,
  );
  // The length is of the body as sent, in bytes: "é" is two.
  assert.deepEqual(contentLength(body), ['Content-Length', String(JSON.stringify(body).length + 1)]);
  assert.equal(responseHead(201, [contentLength({})]), 'HTTP/1.1 201 Created\nContent-Type: application/json\nContent-Length: 2\n\n');
});
