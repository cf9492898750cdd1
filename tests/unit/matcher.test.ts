/**
 * The matcher: from whatever a person pastes or types to the entry it most likely is, first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookup, readInput, type Match } from '../../src/catalogue/matcher.ts';
import { catalogue } from '../../src/catalogue/index.ts';
import { predict } from '../../src/predict/predict.ts';

function first(text: string): Match | undefined {
  return lookup(text).matches[0];
}

function assertFirst(text: string, slug: string, reason?: Match['reason']): Match {
  const found = first(text);
  const shown = JSON.stringify(text.length > 80 ? `${text.slice(0, 40)}…${text.slice(-40)}` : text);
  assert.ok(found, `no match for ${shown}`);
  assert.equal(found.entry.slug, slug, `${shown}: first match is ${found.entry.slug}`);
  if (reason) assert.equal(found.reason, reason, `${shown}: reason`);
  return found;
}

const countryMessage = "Field 'country' must be a valid ISO 3166-1 alpha-2 code.";
const countryBody = JSON.stringify({ identifier: 'BAD_VALUE', message: countryMessage });

function curlOutput(newline: string): string {
  return [
    'HTTP/2 400 ',
    'date: Tue, 25 Nov 2025 10:00:00 GMT',
    'content-type: application/json',
    `content-length: ${countryBody.length}`,
    'allow: POST, OPTIONS',
    'vary: Accept, Authorization',
    '',
    countryBody,
  ].join(newline);
}

test('an identifier in any spelling leads to its identifier entry first', () => {
  for (const spelling of ['BAD_VALUE', 'bad_value', 'bad value', 'Bad Value', 'bad-value', '  BAD_VALUE  ', 'BadValue']) {
    assertFirst(spelling, 'bad-value', 'identifier');
  }
  assertFirst('too many requests', 'too-many-requests', 'identifier');
  assertFirst('method_not_allowed', 'method-not-allowed', 'identifier');
});

test("after an identifier's own entry come its case entries", () => {
  const matches = lookup('BAD_VALUE').matches;
  assert.ok(matches.length > 1);
  for (const found of matches.slice(1)) assert.equal(found.entry.identifier, 'BAD_VALUE');
});

test('a status leads to the one case entry of that status', () => {
  assertFirst('402', 'insufficient-funds', 'status');
  assertFirst('HTTP 402', 'insufficient-funds', 'status');
  assertFirst('HTTP/1.1 402 Payment Required', 'insufficient-funds', 'status');
  assertFirst('429', 'rate-limit-exceeded', 'status');
  assertFirst('405', 'wrong-http-method', 'status');
  assertFirst('201', 'token-created', 'status');
});

test('a status shared by several entries lists them all', () => {
  const slugs = lookup('403').matches.map((found) => found.entry.slug);
  assert.ok(slugs.includes('partner-inactive') && slugs.includes('wrong-environment'), slugs.join(', '));
});

test('a whole message leads to its entry, with the values it carries', () => {
  assert.deepEqual(assertFirst('Invalid data. Expected a dictionary, but got list.', 'body-not-object', 'message').values, {
    type: 'list',
  });
  assert.deepEqual(assertFirst('Method "DELETE" not allowed.', 'wrong-http-method', 'message').values, { method: 'DELETE' });
  assert.deepEqual(
    assertFirst("Document type 'VISA' is not supported for country 'LT'.", 'country-document-unsupported', 'message').values,
    { document: 'VISA', country: 'LT' },
  );
  assertFirst('Requests per hour limit has been reached. Default value is 10000.', 'rate-limit-exceeded', 'message');
  assertFirst('Partner reached token limit.', 'token-limit-reached', 'message');
});

test('part of a message leads to its entry, with the values it carries', () => {
  assert.deepEqual(assertFirst('Expected a dictionary, but got list', 'body-not-object', 'partial-message').values, { type: 'list' });
  assert.deepEqual(assertFirst('not available for DEMO partners', 'wrong-environment', 'partial-message').values, { ENV: 'DEMO' });
  // Also the entry's title word for word, so either reason is right.
  assertFirst('lack of funds or exceeded limit', 'insufficient-funds');
  assertFirst('Partner reached token', 'token-limit-reached', 'partial-message');
  assertFirst('is not supported for country', 'country-document-unsupported', 'partial-message');
  assertFirst('while parsing/constructing JSON', 'json-parse-error', 'partial-message');
});

test('a whole message without its user values still leads to its entry', () => {
  assertFirst('This endpoint is not available for partners.', 'wrong-environment');
  assertFirst('Invalid data. Expected a dictionary', 'body-not-object');
});

test('a JSON error body leads to the entry of its message', () => {
  const found = assertFirst(countryBody, 'country-invalid', 'message');
  assert.equal(found.score, 1);
  const input = readInput(countryBody);
  assert.equal(input.identifier, 'BAD_VALUE');
  assert.equal(input.message, countryMessage);
});

test('a JSON body in the older form, with documentation and severity keys, leads to the same entry', () => {
  const older = JSON.stringify({
    identifier: 'BAD_VALUE',
    message: countryMessage,
    documentation: 'https://github.com/idenfy/Documentation',
    severity: 'NOT_SEVERE',
  });
  assertFirst(older, 'country-invalid', 'message');
  const pretty = JSON.stringify(JSON.parse(older), null, 2);
  assertFirst(pretty, 'country-invalid', 'message');
});

test('a whole curl -i output leads to the entry of its body, with CRLF line ends', () => {
  const text = curlOutput('\r\n');
  assertFirst(text, 'country-invalid', 'message');
  assert.equal(readInput(text).status, 400);
});

test('a whole curl -i output leads to the entry of its body, with LF line ends', () => {
  const text = curlOutput('\n');
  assertFirst(text, 'country-invalid', 'message');
  assert.equal(readInput(text).status, 400);
});

test('a curl -i output of an identifier-less error leads to its entry', () => {
  const text = [
    'HTTP/1.1 401 Unauthorized',
    'WWW-Authenticate: Basic realm="api"',
    '',
    '{"message":"Invalid authorization credentials"}',
  ].join('\r\n');
  assertFirst(text, 'invalid-credentials', 'message');
});

test("the reference's handling example printout leads to the country entry", () => {
  const found = assertFirst(`Error [BAD_VALUE]: ${countryMessage}`, 'country-invalid', 'message');
  assert.equal(found.score, 1);
  assertFirst(`Error [JSON_ERROR]: An error occurred while parsing/constructing JSON`, 'json-parse-error', 'message');
});

test('a field name leads to the entry of its rule', () => {
  assert.deepEqual(assertFirst('sessionLength', 'session-length-invalid', 'field').values, { field: 'sessionLength' });
  assertFirst('`expiryTime`', 'expiry-time-invalid', 'field');
  assertFirst('documents', 'documents-invalid', 'field');
  assertFirst('callbackUrl', 'url-invalid', 'field');
});

test('plain words lead to the case entry they describe', () => {
  assertFirst('credits ran out', 'token-limit-reached', 'words');
  assertFirst('rate limit', 'rate-limit-exceeded', 'words');
  assertFirst('throttled', 'rate-limit-exceeded', 'words');
  assertFirst('out of credits', 'token-limit-reached', 'words');
  assertFirst('account disabled', 'partner-inactive', 'words');
});

test('a 402 body with the funds message ranks insufficient-funds first', () => {
  const body = '{"message":"Action not allowed due to lack of funds or exceeded limit."}';
  assertFirst(body, 'insufficient-funds', 'message');
  assertFirst(`HTTP/1.1 402 Payment Required\r\ncontent-type: application/json\r\n\r\n${body}`, 'insufficient-funds', 'message');
  const matches = lookup(body).matches;
  assert.ok(
    matches.some((found) => found.entry.slug === 'token-limit-reached' && found.variant),
    'the token-limit variant is offered too',
  );
});

test('the UNAUTHORIZED variant of the credentials error still leads to invalid-credentials first', () => {
  const found = assertFirst(
    '{"identifier":"UNAUTHORIZED","message":"Invalid authorization credentials"}',
    'invalid-credentials',
    'message',
  );
  assert.ok(found.variant, 'the match names the variant');
  const second = lookup('{"identifier":"UNAUTHORIZED","message":"Invalid authorization credentials"}').matches[1];
  assert.equal(second?.entry.slug, 'unauthorized');
});

test('garbage returns no matches', () => {
  for (const text of ['', '   ', 'asdkjh qwpoeiu', '!!!???', 'zzzz', '{}', '[1, 2, 3]', '{"foo": "bar"}']) {
    assert.deepEqual(lookup(text).matches, [], JSON.stringify(text));
  }
});

test('matches are ranked by score, highest first', () => {
  for (const text of ['BAD_VALUE', countryBody, 'rate limit', 'Expected a dictionary, but got list']) {
    const scores = lookup(text).matches.map((found) => found.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      text,
    );
    for (const score of scores) assert.ok(score > 0 && score <= 1, `${text}: score ${score}`);
  }
});

test('a 1 MB paste whose JSON error body is at its end is matched in under a second', (t) => {
  const noise = 'INFO request accepted by worker {pid: 12, queue: "default"} \n'.repeat(Math.ceil(1_000_000 / 60));
  const text = `${noise}\n${curlOutput('\n')}`;
  assert.ok(text.length >= 1_000_000);
  const started = performance.now();
  const found = first(text);
  const elapsed = performance.now() - started;
  t.diagnostic(`1 MB paste matched in ${elapsed.toFixed(1)} ms`);
  assert.equal(found?.entry.slug, 'country-invalid');
  assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
});

test('a 1 MB paste without any JSON is read in under a second', (t) => {
  const text = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(1_000_000 / 27));
  const started = performance.now();
  lookup(text);
  const elapsed = performance.now() - started;
  t.diagnostic(`1 MB of words read in ${elapsed.toFixed(1)} ms`);
  assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
});

test("the reference's JavaScript handling example printout of an identifier-less error leads to its entry", () => {
  assertFirst('Error [undefined]: Partner inactive', 'partner-inactive', 'message');
  assert.deepEqual(
    assertFirst('Error [undefined]: This endpoint is not available for DEMO partners.', 'wrong-environment', 'message').values,
    { ENV: 'DEMO' },
  );
  assertFirst('Error [undefined]: Invalid authorization credentials', 'invalid-credentials', 'message');
});

test('a printed error with a one-word identifier is read like one with an underscore', () => {
  const found = assertFirst('Error [UNAUTHORIZED]: Invalid authorization credentials', 'invalid-credentials', 'message');
  assert.equal(readInput('Error [UNAUTHORIZED]: Invalid authorization credentials').identifier, 'UNAUTHORIZED');
  assert.ok(found.variant);
});

test("what Python's, Node's and PHP's HTTP libraries print for an error is read like a status line, its reason phrase never as an identifier", () => {
  const python = lookup('requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://ivs.idenfy.com/api/v2/token');
  assert.deepEqual(python.input, { status: 401 });
  assert.equal(python.matches[0]?.entry.slug, 'invalid-credentials');

  const axios = lookup('AxiosError: Request failed with status code 402');
  assert.deepEqual(axios.input, { status: 402 });
  assert.equal(axios.matches[0]?.entry.slug, 'insufficient-funds');

  const guzzle = lookup(
    'GuzzleHttp\\Exception\\ClientException: Client error: `POST https://ivs.idenfy.com/api/v2/token` resulted in a `400 Bad Request` response:\n' +
      '{"identifier":"MISSING_VALUE","message":"Field \'clientId\' is required."}',
  );
  assert.equal(guzzle.input.status, 400);
  assert.equal(guzzle.input.identifier, 'MISSING_VALUE');
  assert.equal(guzzle.matches[0]?.entry.slug, 'client-id-missing');

  // The message on the lines around a library's line is still read.
  const withMessage = lookup(
    'requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://ivs.idenfy.com/api/v2/token\nPartner inactive',
  );
  assert.equal(withMessage.input.status, 403);
  assert.equal(withMessage.input.message, 'Partner inactive');
  assert.equal(withMessage.matches[0]?.entry.slug, 'partner-inactive');
});

test("every case entry's predicted message, alone or as the predicted body, finds that entry first by 0.15 or more", () => {
  for (const each of catalogue) {
    if (each.kind !== 'case' || !each.example) continue;
    const outcome = predict(each.example.scenario);
    for (const paste of [String(outcome.body.message), JSON.stringify(outcome.body)]) {
      const [first, second] = lookup(paste).matches;
      assert.equal(first?.entry.slug, each.slug, paste);
      if (second)
        assert.ok(
          first.score - second.score >= 0.15,
          `${paste}: ${first.score.toFixed(2)} vs ${second.entry.slug} ${second.score.toFixed(2)}`,
        );
    }
  }
});

test('a message that lost a word, or its punctuation, still wins clearly over word matches', () => {
  for (const [paste, slug] of [
    ['You are not allowed to use custom callback url', 'custom-callback-url-not-enabled'],
    ["No image provided for step 'BACK", 'process-image-missing'],
    ['Action not allowed due to lack of funds or exceeded limit', 'insufficient-funds'],
  ] as const) {
    const [first, second] = lookup(paste).matches;
    assert.equal(first?.entry.slug, slug, paste);
    if (second) assert.ok(first.score - second.score >= 0.15, paste);
  }
});

test("by its message, an entry that contradicts the identifier read never ranks above one that agrees (its own or a variant's identifier)", () => {
  const identifiersOf = (slug: string): (string | null)[] => {
    const found = catalogue.find((each) => each.slug === slug);
    assert.ok(found);
    return [
      found.identifier,
      ...found.variants.map((variant) =>
        variant.asEntry
          ? (catalogue.find((each) => each.slug === variant.asEntry)?.identifier ?? null)
          : variant.identifier === undefined
            ? found.identifier
            : variant.identifier,
      ),
    ];
  };
  const pastes = [
    { identifier: 'PERMISSIONS_ERROR', message: 'This endpoint is not available for TESTING/PRODUCTION partners.' },
    { identifier: 'BAD_VALUE', message: "Field 'clientId' is required." },
    { identifier: 'UNAUTHORIZED', message: 'Invalid authorization credentials' },
    { identifier: 'PARTNER_CONTRACT_ERROR', message: 'Action not allowed due to lack of funds or exceeded limit.' },
  ];
  // Known gap: a match by an entry's `aka` words ignores the identifier (`lookupInput`, left alone while it is rewritten).
  for (const paste of pastes) {
    const { matches } = lookup(JSON.stringify(paste));
    const agrees = matches.map((found) => identifiersOf(found.entry.slug).includes(paste.identifier));
    const lastAgreeing = agrees.lastIndexOf(true);
    const firstContradicting = agrees.indexOf(false);
    assert.ok(lastAgreeing >= 0, paste.message);
    if (firstContradicting !== -1)
      assert.ok(firstContradicting > lastAgreeing, `${paste.message}: ${matches.map((found) => found.entry.slug).join(', ')}`);
  }
});

test('an entry that contradicts the identifier read never outranks one that agrees, however it matched (words, a field, a status)', () => {
  const result = lookup('Error [BAD_VALUE]: Requests per hour limit reached');
  const first = result.matches[0];
  assert.ok(first);
  assert.equal(first.entry.identifier, 'BAD_VALUE');
  const agreeing = result.matches.filter((found) => found.entry.identifier === 'BAD_VALUE');
  const contradicting = result.matches.filter((found) => found.entry.identifier !== 'BAD_VALUE');
  assert.ok(agreeing.length > 0 && contradicting.length > 0, 'both kinds are ranked, so the order is tested');
  assert.ok(Math.min(...agreeing.map((found) => found.score)) >= Math.max(...contradicting.map((found) => found.score)));
});

test('a message in unknown words that names a request field leads to that field’s error, above the identifier’s page', () => {
  const first = (text: string) => lookup(text).matches[0]?.entry.slug;
  assert.equal(first('{"identifier":"BAD_VALUE","message":"Field \'country\' has an invalid value."}'), 'country-invalid');
  assert.equal(first('{"identifier":"MISSING_VALUE","message":"clientId: This field is required."}'), 'client-id-missing');
  assert.equal(first("Field 'callbackUrl' must be a valid URL"), 'url-invalid');
  // Only errors whose identifier agrees: a BAD_VALUE body about clientId is not its MISSING_VALUE error.
  const bad = lookup('{"identifier":"BAD_VALUE","message":"clientId looks wrong"}').matches;
  assert.equal(bad[0]?.entry.identifier, 'BAD_VALUE');
  // An exact message still wins over a field it names.
  assert.equal(
    first('{"identifier":"BAD_VALUE","message":"Field \'country\' must be a valid ISO 3166-1 alpha-2 code."}'),
    'country-invalid',
  );
});
