/**
 * Properties of the predictor over random input: whatever the body, the bytes or the account,
 * it answers (never throws on a valid scenario), never predicts an identifier it cannot know,
 * answers the same twice, and its first problem is the answer it returns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answerParsed, predict, predictParsed } from '../../src/predict/predict.ts';
import type { Outcome } from '../../src/predict/outcome.ts';
import { accountSchema, parseScenario, type ScenarioInput } from '../../src/token/scenario.ts';
import { catalogue, findEntry } from '../../src/catalogue/index.ts';
import { tokenFields, type ValueRule } from '../../src/token/fields.ts';
import { countryCodes, documentTypes, tokenTypes } from '../../src/token/enums.ts';
import { hourlyRequestLimit } from '../../src/predict/stages.ts';

const neverPredicted = new Set(['INTERNAL_ERROR', 'TOKEN_NOT_VALID', 'UNAUTHORIZED']);

/** Every invariant of one prediction; throws with the reason when one fails. */
function checkOutcome(scenario: ScenarioInput): void {
  let outcome: Outcome;
  try {
    outcome = predict(scenario);
  } catch (error) {
    throw new Error(`predict threw ${String(error)}`);
  }
  const own = findEntry(outcome.entry);
  assert.ok(own, `unknown entry ${outcome.entry}`);
  assert.equal(outcome.status, own.status);
  assert.ok(!neverPredicted.has(own.identifier ?? ''), `predicted ${own.identifier}`);
  for (const found of outcome.problems) {
    const problemEntry = findEntry(found.entry);
    assert.ok(problemEntry, `unknown problem entry ${found.entry}`);
    assert.ok(!neverPredicted.has(problemEntry.identifier ?? ''), `problem with ${problemEntry.identifier}`);
    assert.ok(found.pointer === '' || found.pointer.startsWith('/'), `pointer ${found.pointer}`);
  }
  const first = outcome.problems[0];
  if (first) {
    assert.equal(first.entry, outcome.entry);
    assert.equal(first.message, outcome.body.message);
    assert.equal(outcome.body.identifier, own.identifier ?? undefined);
  } else {
    assert.equal(outcome.entry, 'token-created');
    assert.equal(outcome.status, 201);
  }
  assert.doesNotThrow(() => JSON.stringify(outcome));
  assert.deepEqual(predict(scenario), outcome, 'a second prediction differs');
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

// ── Arbitraries ───────────────────────────────────────────────────────────────

const method = fc.oneof(
  fc.constantFrom('POST', 'POST', 'POST', 'GET', 'post', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
  fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/),
);

const documentsMap = fc.dictionary(fc.constantFrom('ALL', 'LT', 'DE', 'US', 'GB'), fc.subarray([...documentTypes].slice(0, 6)), {
  maxKeys: 3,
});

/** Every account setting, with the values it can take. */
const accountModel = {
  active: fc.boolean(),
  keyEnvironment: fc.constantFrom('sandbox' as const, 'production' as const),
  endpointEnvironment: fc.constantFrom('sandbox' as const, 'production' as const),
  fundsAvailable: fc.boolean(),
  tokenLimitReached: fc.boolean(),
  requestsLastHour: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(9999, 10_000)),
  allowedTokenTypes: fc.option(fc.subarray([...tokenTypes]), { nil: null }),
  customCallbackUrl: fc.boolean(),
  additionalSteps: fc.boolean(),
  digitStringMaxExpiry: fc.integer({ min: 1, max: 3_000_000 }),
  questionnaires: fc.option(fc.array(fc.constantFrom('onboarding', 'kyc', 'q')), { nil: null }),
  riskAssessmentProfiles: fc.option(fc.array(fc.uuid()), { nil: null }),
  supportedDocuments: fc.option(documentsMap, { nil: null }),
};

const account = fc.record(accountModel, { requiredKeys: [] });

/** A value that follows the rule (most of the time) so that scenarios reach the later stages. */
function validValue(rule: ValueRule): fc.Arbitrary<unknown> {
  switch (rule.type) {
    case 'string':
      if (rule.format === 'country') return fc.constantFrom(...countryCodes.slice(0, 20), 'lt', 'de', 'XK');
      if (rule.oneOf) return fc.constantFrom(...rule.oneOf);
      if (rule.format === 'https-url') return fc.constantFrom('https://example.com/done', 'https://a.example/cb?x=1');
      if (rule.format === 'date') return fc.constantFrom('1990-12-24', '2024-02-29', '2031-01-01');
      if (rule.format === 'uuid') return fc.uuid();
      return fc
        .string({ minLength: rule.minLength ?? (rule.nonBlank ? 1 : 0), maxLength: Math.min(rule.maxLength ?? 20, 20) })
        .filter((text) => !rule.nonBlank || text.trim().length > 0);
    case 'integer':
      return fc.integer({ min: rule.minimum ?? -10, max: rule.maximum ?? 100_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(rule.items), { minLength: rule.minItems ?? 0, maxLength: 3 });
    case 'object':
      return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  }
}

/** A request body of real field names: valid values, random JSON values, null, plus a few unknown keys. */
const fieldBody = fc
  .tuple(
    fc.record(
      Object.fromEntries(
        tokenFields.map((field) => [
          field.name,
          fc.oneof(
            { weight: 6, arbitrary: validValue(field.rule) },
            { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
            { weight: 1, arbitrary: fc.constant(null) },
          ),
        ]),
      ),
      { requiredKeys: [] },
    ),
    fc.dictionary(
      fc.constantFrom('clientID', 'clientld', 'client_id', 'foo', 'expirytime', '__proto__', 'constructor', 'a/b'),
      fc.jsonValue({ maxDepth: 1 }),
      { maxKeys: 2 },
    ),
    fc.boolean(),
  )
  .map(([known, unknown, withClientId]) => ({
    ...unknown,
    ...(withClientId ? { clientId: 'user-42' } : {}),
    ...known,
  }));

/** Keeps only the body keys that a JSON round trip keeps, as a scenario is JSON. */
const jsonSafe = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const request = fc.record(
  {
    method,
    credentials: fc.constantFrom('valid' as const, 'valid' as const, 'missing' as const, 'invalid' as const),
  },
  { requiredKeys: [] },
);

const anyBody = fc.oneof(
  fc.record({ body: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ body: fieldBody.map(jsonSafe) }),
  fc.record({ rawBody: fc.oneof(fc.string(), fc.json({ maxDepth: 2 }), fc.string({ unit: 'binary' })) }),
  fc.record({ rawBodyBase64: fc.uint8Array({ maxLength: 64 }).map(base64) }),
  fc.constant({}),
);

const scenario = fc.tuple(request, anyBody, fc.option(account, { nil: undefined })).map(
  ([requestPart, bodyPart, accountPart]): ScenarioInput => ({
    request: { ...requestPart, ...bodyPart } as ScenarioInput['request'],
    ...(accountPart ? { account: accountPart } : {}),
  }),
);

// ── Properties ────────────────────────────────────────────────────────────────

test('any JSON value as the body gets a consistent prediction', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (body) => checkOutcome({ request: { body: jsonSafe(body) as never } })),
    { numRuns: 3000 },
  );
});

test('any string as the raw body gets a consistent prediction', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (rawBody) => checkOutcome({ request: { rawBody } })),
    { numRuns: 3000 },
  );
});

test('any bytes as the body get a consistent prediction', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => checkOutcome({ request: { rawBodyBase64: base64(bytes) } })),
    { numRuns: 3000 },
  );
});

test('UTF-8 bytes of any JSON text are read like the same text sent as a raw body', () => {
  fc.assert(
    fc.property(fc.json(), (text) => {
      const fromBytes = predict({ request: { rawBodyBase64: Buffer.from(text, 'utf8').toString('base64') } });
      const fromText = predict({ request: { rawBody: text } });
      assert.equal(fromBytes.entry, fromText.entry);
      assert.deepEqual(fromBytes.problems, fromText.problems);
    }),
    { numRuns: 1000 },
  );
});

test('bodies of real field names with random values get a consistent prediction', () => {
  fc.assert(
    fc.property(fieldBody.map(jsonSafe), (body) => checkOutcome({ request: { body } })),
    { numRuns: 2000 },
  );
});

test('the random accounts set every account setting', () => {
  assert.deepEqual(
    Object.keys(accountModel).sort(),
    Object.keys(accountSchema.shape).sort(),
    'accountModel in tests/unit/property.test.ts lacks a setting of accountSchema (or has one it no longer has): give it the values the setting can take',
  );
});

test('random scenarios (method, credentials, body and account) get a consistent prediction', () => {
  fc.assert(
    fc.property(scenario, (input) => checkOutcome(input)),
    { numRuns: 3000 },
  );
});

test("the answer alone (what the mock sends) is the full prediction's answer, for random scenarios and every example", () => {
  const same = (input: ScenarioInput) => {
    const parsed = parseScenario(input);
    const { status, body, entry } = predictParsed(parsed);
    assert.deepEqual(answerParsed(parsed), { status, body, entry });
  };
  for (const entry of catalogue) if (entry.example) same(entry.example.scenario);
  fc.assert(fc.property(scenario, same), { numRuns: 3000 });
});

test('random scenarios reach every stage: successes and errors of each kind are generated', (t) => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(scenario, (input) => {
      seen.add(predict(input).entry);
    }),
    { numRuns: 3000 },
  );
  t.diagnostic(`entries predicted over 3000 random scenarios: ${seen.size}`);
  for (const slug of ['token-created', 'invalid-credentials', 'wrong-http-method', 'json-parse-error', 'client-id-missing']) {
    assert.ok(seen.has(slug), `${slug} never predicted`);
  }
});

test('a valid body is refused only for the account or the request around it, never for its fields', () => {
  const validBody = fc.record(
    Object.fromEntries(tokenFields.filter((field) => !field.requiredEntry).map((field) => [field.name, validValue(field.rule)])),
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(validBody, (body) => {
      const outcome = predict({ request: { body: jsonSafe({ clientId: 'user-42', ...body }) as never } });
      for (const found of outcome.problems) {
        assert.notEqual(findEntry(found.entry)?.category, 'fields', `${found.entry} at ${found.pointer}`);
      }
    }),
    { numRuns: 1500 },
  );
});

test("requestsLastHour reaches the answer only through the rate limit (the mock's threads rely on it: src/mock/state.ts)", () => {
  const limit = hourlyRequestLimit;
  const sameSide = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: limit - 1 }), fc.integer({ min: 0, max: limit - 1 })),
    fc.tuple(fc.integer({ min: limit, max: 10 * limit }), fc.integer({ min: limit, max: 10 * limit })),
  );
  const same = (input: ScenarioInput, [one, other]: [number, number]) => {
    const parsed = parseScenario(input);
    const answerWith = (requestsLastHour: number) => answerParsed({ ...parsed, account: { ...parsed.account, requestsLastHour } });
    assert.deepEqual(answerWith(one), answerWith(other), `${one} and ${other} requests in the past hour`);
  };
  for (const entry of catalogue)
    if (entry.example)
      for (const pair of [
        [0, limit - 1],
        [limit, limit + 1],
      ] as const)
        same(entry.example.scenario, [...pair]);
  fc.assert(fc.property(scenario, sameSide, same), { numRuns: 2000 });
});
