/**
 * The predictor: what POST /api/v2/token answers to a request from an account, stage by stage,
 * in the order of evaluation, with every problem found, warnings and the success body.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predict, predictParsed } from '../../src/predict/predict.ts';
import { parseScenario, ScenarioError, type ScenarioInput } from '../../src/token/scenario.ts';
import { evaluationOrder } from '../../src/predict/stages.ts';
import { businessRules } from '../../src/predict/business-rules.ts';
import type { Outcome } from '../../src/predict/outcome.ts';
import { catalogue, entry as catalogueEntry } from '../../src/catalogue/index.ts';
import { tokenFields } from '../../src/token/fields.ts';

const uuid = '3f1c2a9e-8b7d-4c6e-9a51-0d2e4f6a8b1c';

/** A scenario that sends this body, on a healthy account unless told otherwise. */
function sending(body: unknown, account: NonNullable<ScenarioInput['account']> = {}): ScenarioInput {
  return { request: { body: body as never }, account };
}

function slugs(outcome: Outcome): string[] {
  return outcome.problems.map((found) => found.entry);
}

function base64(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64');
}

function assertError(outcome: Outcome, slug: string) {
  const own = catalogueEntry(slug);
  assert.equal(outcome.entry, slug, `expected ${slug}, got ${outcome.entry} (${slugs(outcome).join(', ')})`);
  assert.equal(outcome.status, own.status);
  assert.equal(outcome.problems[0]?.entry, slug);
  assert.equal(outcome.body.message, outcome.problems[0]?.message);
  if (own.identifier === null) assert.deepEqual(Object.keys(outcome.body), ['message']);
  else assert.equal(outcome.body.identifier, own.identifier);
}

function assertSuccess(outcome: Outcome) {
  assert.equal(outcome.entry, 'token-created', `expected success, got ${slugs(outcome).join(', ')}`);
  assert.equal(outcome.status, 201);
  assert.deepEqual(outcome.problems, []);
}

// ── Stages ────────────────────────────────────────────────────────────────────

test('the stages run in the order decisions give', () => {
  assert.deepEqual(
    evaluationOrder.map((stage) => stage.id),
    [
      'credentials',
      'account',
      'rate-limit',
      'method',
      'encoding',
      'parsing',
      'required',
      'fields',
      'dummy-session',
      'business-rules',
      'token-limit',
    ],
  );
});

test("each stage's entries are produced by their catalogue examples, as the first problem", async (t) => {
  for (const stage of evaluationOrder) {
    await t.test(`stage ${stage.id}`, () => {
      for (const slug of stage.entries) {
        const example = catalogueEntry(slug).example;
        assert.ok(example, slug);
        assertError(predict(example.scenario), slug);
      }
    });
  }
});

test('an empty scenario is a success', () => {
  assertSuccess(predict({}));
});

test('invalid credentials, an inactive partner, GET and a malformed body are reported in evaluation order, the first returned', () => {
  const outcome = predict({
    request: { credentials: 'invalid', method: 'GET', rawBody: '{"clientId": ' },
    account: { active: false },
  });
  assert.deepEqual(slugs(outcome), ['invalid-credentials', 'partner-inactive', 'wrong-http-method', 'json-parse-error']);
  assertError(outcome, 'invalid-credentials');
  assert.deepEqual(outcome.body, { message: 'Invalid authorization credentials' });
});

test('missing credentials are refused like invalid ones', () => {
  assertError(predict({ request: { credentials: 'missing' } }), 'invalid-credentials');
});

test('every account failure that applies is listed, inactive first, then environment, then funds', () => {
  const outcome = predict({ account: { active: false, keyEnvironment: 'sandbox', fundsAvailable: false } });
  assert.deepEqual(slugs(outcome), ['partner-inactive', 'wrong-environment', 'insufficient-funds']);
  assert.equal(outcome.status, 403);
});

test("the wrong-environment message names the key's environment in capitals", () => {
  const sandboxKey = predict({ account: { keyEnvironment: 'sandbox', endpointEnvironment: 'production' } });
  assert.equal(sandboxKey.body.message, 'This endpoint is not available for SANDBOX partners.');
  const productionKey = predict({ account: { keyEnvironment: 'production', endpointEnvironment: 'sandbox' } });
  assert.equal(productionKey.body.message, 'This endpoint is not available for PRODUCTION partners.');
  assertSuccess(predict({ account: { keyEnvironment: 'sandbox', endpointEnvironment: 'sandbox' } }));
});

test('no funds is a 402 with no identifier', () => {
  const outcome = predict({ account: { fundsAvailable: false } });
  assertError(outcome, 'insufficient-funds');
  assert.equal(outcome.status, 402);
});

test('the rate limit allows 9,999 earlier requests in the hour and refuses the request after 10,000', () => {
  assertSuccess(predict({ account: { requestsLastHour: 9999 } }));
  const limited = predict({ account: { requestsLastHour: 10_000 } });
  assertError(limited, 'rate-limit-exceeded');
  assert.equal(limited.status, 429);
  assert.equal(limited.body.identifier, 'TOO_MANY_REQUESTS');
  assertError(predict({ account: { requestsLastHour: 1_000_000 } }), 'rate-limit-exceeded');
});

test('the rate limit comes after the account and before the method', () => {
  const outcome = predict({ request: { method: 'GET' }, account: { requestsLastHour: 10_000, fundsAvailable: false } });
  assert.deepEqual(slugs(outcome), ['insufficient-funds', 'rate-limit-exceeded', 'wrong-http-method']);
});

test('methods are case-sensitive: post is refused like GET, and the message names the method sent', () => {
  for (const method of ['post', 'Post', 'GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']) {
    const outcome = predict({ request: { method } });
    assertError(outcome, 'wrong-http-method');
    assert.equal(outcome.status, 405);
    assert.equal(outcome.body.message, `Method "${method}" not allowed.`);
    assert.deepEqual(outcome.problems[0]?.values, { method });
  }
  assertSuccess(predict({ request: { method: 'POST' } }));
});

// {"clientId": "Jürgen"} with ü as the Latin-1 byte 0xFC.
const latin1Body = Uint8Array.from([...Buffer.from('{"clientId": "J'), 0xfc, ...Buffer.from('rgen"}')]);

test('a body that is not valid UTF-8 is an encoding error, and no body stage after it is checked', () => {
  const outcome = predict({ request: { rawBodyBase64: base64(latin1Body) }, account: { tokenLimitReached: true } });
  assertError(outcome, 'body-not-utf8');
  assert.equal(outcome.body.identifier, 'ENCODING_ERROR');
  assert.ok(!slugs(outcome).includes('token-limit-reached'));
  assert.deepEqual(outcome.warnings, []);
  for (const bytes of [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
    assertError(predict({ request: { rawBodyBase64: base64(Uint8Array.from(bytes)) } }), 'body-not-utf8');
  }
});

test('a body that is not valid UTF-8 is the only body problem listed', () => {
  const outcome = predict({ request: { rawBodyBase64: base64(latin1Body) } });
  assert.deepEqual(slugs(outcome), ['body-not-utf8']);
});

test('valid UTF-8 bytes are decoded and read as JSON', () => {
  const outcome = predict({ request: { rawBodyBase64: base64('{"clientId": "Jürgen 😀", "firstName": "Łukasz"}') } });
  assertSuccess(outcome);
  assert.equal(outcome.body.clientId, 'Jürgen 😀');
  assert.equal(outcome.body.firstName, 'ŁUKASZ');
  assert.equal(predict({ request: { rawBodyBase64: ` ${base64('{"clientId":"a"}')}\n` } }).entry, 'token-created');
});

test('an empty body, white space only and malformed JSON are JSON errors', () => {
  for (const rawBody of [
    '',
    ' ',
    '\n\t ',
    '{',
    '{"clientId": "user-42",}',
    "{'clientId': 'user-42'}",
    '{clientId: "a"}',
    'NaN',
    'undefined',
    '{"a":1}{"b":2}',
  ]) {
    const outcome = predict({ request: { rawBody } });
    assertError(outcome, 'json-parse-error');
    assert.equal(outcome.body.message, 'An error occurred while parsing/constructing JSON');
    assert.equal(outcome.body.identifier, 'JSON_ERROR');
  }
  assertError(predict({ request: { rawBodyBase64: '' } }), 'json-parse-error');
});

test('a null body is missing values', () => {
  for (const request of [{ body: null }, { rawBody: 'null' }, { rawBody: ' null\n' }]) {
    const outcome = predict({ request });
    assertError(outcome, 'body-null');
    assert.deepEqual(outcome.body, { identifier: 'MISSING_VALUE', message: 'Some of required values are missing' });
  }
});

test('a body that is not an object names its Python type: list, str, int, float or bool', () => {
  const cases: [NonNullable<ScenarioInput['request']>, string][] = [
    [{ body: [{ clientId: 'user-42' }] }, 'list'],
    [{ rawBody: '[]' }, 'list'],
    [{ body: 'clientId' }, 'str'],
    [{ rawBody: '"{\\"clientId\\": \\"user-42\\"}"' }, 'str'],
    [{ rawBody: '3' }, 'int'],
    [{ rawBody: '-0' }, 'int'],
    [{ body: 3 }, 'int'],
    [{ rawBody: '3.0' }, 'float'],
    [{ rawBody: '1e3' }, 'float'],
    [{ body: 3.5 }, 'float'],
    [{ rawBody: 'true' }, 'bool'],
    [{ body: false }, 'bool'],
  ];
  for (const [request, type] of cases) {
    const outcome = predict({ request });
    assertError(outcome, 'body-not-object');
    assert.equal(outcome.body.message, `Invalid data. Expected a dictionary, but got ${type}.`, JSON.stringify(request));
    assert.equal(outcome.body.identifier, 'VALIDATION_ERROR');
  }
});

test('after a parse failure there are no field, business-rule or token-limit problems, and no warnings', () => {
  const account = { tokenLimitReached: true, customCallbackUrl: false };
  for (const request of [{ rawBody: '{' }, { body: null }, { body: [1] }, { rawBody: '"x"' }]) {
    const outcome = predict({ request, account });
    assert.equal(outcome.problems.length, 1, JSON.stringify(request));
    assert.deepEqual(outcome.warnings, []);
  }
  const withAccountProblem = predict({ request: { rawBody: '[' }, account: { ...account, active: false } });
  assert.deepEqual(slugs(withAccountProblem), ['partner-inactive', 'json-parse-error']);
});

test('clientId absent or null is client-id-missing, pointing at /clientId', () => {
  for (const body of [{}, { clientId: null }, { firstName: 'Jonas' }]) {
    const outcome = predict(sending(body));
    assertError(outcome, 'client-id-missing');
    assert.equal(outcome.problems[0]?.pointer, '/clientId');
    assert.deepEqual(outcome.body, { identifier: 'MISSING_VALUE', message: "Field 'clientId' is required." });
  }
});

test('a blank or non-string clientId breaks its rule instead', () => {
  for (const clientId of ['', '   ', 42, true, ['user-42'], { id: 1 }, 'a'.repeat(101)]) {
    const outcome = predict(sending({ clientId }));
    assertError(outcome, 'client-id-invalid');
    assert.equal(outcome.problems[0]?.pointer, '/clientId');
  }
});

test('a missing clientId is reported together with the field problems after it', () => {
  const outcome = predict(sending({ expiryTime: 0 }));
  assert.deepEqual(slugs(outcome), ['client-id-missing', 'expiry-time-invalid']);
});

test('field problems carry a JSON Pointer to the field, or to the item of a list', () => {
  const documents = predict(sending({ clientId: 'a', documents: ['PASSPORT', 'DRIVING_LICENSE'] }));
  assert.equal(documents.problems[0]?.pointer, '/documents/1');
  const empty = predict(sending({ clientId: 'a', documents: [] }));
  assert.equal(empty.problems[0]?.pointer, '/documents');
  const countries = predict(sending({ clientId: 'a', registryCentersCountries: ['LT', 'HU', 'XX'] }));
  assert.equal(countries.problems[0]?.pointer, '/registryCentersCountries/2');
  assert.equal(countries.problems[0]?.entry, 'list-field-invalid');
  const url = predict(sending({ clientId: 'a', errorUrl: 'http://example.com' }));
  assert.equal(url.problems[0]?.pointer, '/errorUrl');
  assert.equal(url.body.message, "Field 'errorUrl' must be a valid HTTPS URL of at most 2048 characters.");
});

test('a field that breaks several rules reports only its first, once', () => {
  const outcome = predict(sending({ clientId: ' '.repeat(101), documents: ['X', 'Y', 'Z'], expiryTime: -0.5 }));
  assert.deepEqual(slugs(outcome), ['client-id-invalid', 'expiry-time-invalid', 'documents-invalid']);
  assert.equal(outcome.problems[2]?.pointer, '/documents/0');
});

test("fields are checked in the reference's table order, then in schema order, whatever the key order", () => {
  const body = {
    ageLimit: -1,
    externalRef: 'x'.repeat(41),
    nationality: 'Lithuanian',
    dateOfIssue: '2023-02-30',
    dateOfBirth: '24/12/1990',
    unverifiedUrl: '/u',
    callbackUrl: 'http://c',
    successUrl: 'ftp://s',
    documents: [],
    country: 'LTU',
    tokenType: 'kyc',
    sessionLength: 59,
    expiryTime: 0,
    clientId: '',
  };
  const outcome = predict(sending(body));
  assert.deepEqual(
    outcome.problems.map((found) => found.pointer),
    [
      '/clientId',
      '/expiryTime',
      '/sessionLength',
      '/tokenType',
      '/country',
      '/documents',
      '/successUrl',
      '/callbackUrl',
      '/unverifiedUrl',
      '/dateOfBirth',
      '/dateOfIssue',
      '/nationality',
      '/externalRef',
      '/ageLimit',
    ],
  );
  assert.deepEqual(
    outcome.problems.filter((found) => found.entry === 'date-invalid').map((found) => found.values),
    [{ field: 'dateOfBirth' }, { field: 'dateOfIssue' }],
  );
});

test('null means "not sent" for every optional field', () => {
  const body: Record<string, unknown> = { clientId: 'a' };
  for (const field of tokenFields) if (!field.requiredEntry) body[field.name] = null;
  const outcome = predict(
    sending(body, { customCallbackUrl: false, additionalSteps: false, questionnaires: [], riskAssessmentProfiles: [] }),
  );
  assertSuccess(outcome);
});

test('integers written 3600.0 or 36e2 in the raw body are accepted, "3600" and 3600.5 are not', () => {
  assertSuccess(predict({ request: { rawBody: '{"clientId":"a","expiryTime":3600.0,"sessionLength":6e2}' } }));
  assertSuccess(predict({ request: { rawBody: '{"clientId":"a","expiryTime":36e2}' } }));
  assertError(predict({ request: { rawBody: '{"clientId":"a","expiryTime":"3600"}' } }), 'expiry-time-invalid');
  assertError(predict({ request: { rawBody: '{"clientId":"a","expiryTime":3600.5}' } }), 'expiry-time-invalid');
});

// ── Business rules ────────────────────────────────────────────────────────────

const everyRuleButOne = {
  clientId: 'user-42',
  country: 'LT',
  documents: ['DRIVER_LICENSE'],
  tokenType: 'VIDEO_CALL',
  callbackUrl: 'https://example.com/cb',
  additionalSteps: { ALL: { ALL: { UTILITY_BILL: {} } } },
  utilityBill: true,
  address: 'Main St 1',
  additionalData: { UTILITY_BILL: { address: 'Main St 1' } },
  generateDigitString: true,
  expiryTime: 7200,
  questionnaire: 'onboardng',
  riskAssessmentProfile: uuid,
};
const strictAccount = {
  supportedDocuments: { LT: ['PASSPORT' as const] },
  allowedTokenTypes: ['IDENTIFICATION' as const],
  customCallbackUrl: false,
  additionalSteps: false,
  questionnaires: ['onboarding'],
  riskAssessmentProfiles: ['9b2d7c41-5e3a-4f80-8c19-6a7e2d4b0f35'],
  tokenLimitReached: true,
};

test("business rules are checked in the reference's table order, and the token limit last", () => {
  const outcome = predict(sending(everyRuleButOne, strictAccount));
  assert.deepEqual(slugs(outcome), [
    'country-document-unsupported',
    'token-type-not-allowed',
    'custom-callback-url-not-enabled',
    'additional-steps-not-enabled',
    'utility-bill-with-additional-steps',
    'address-with-additional-data',
    'digit-string-expiry-too-long',
    'questionnaire-unknown',
    'risk-assessment-profile-unknown',
    'token-limit-reached',
  ]);
  assertError(outcome, 'country-document-unsupported');
  assert.deepEqual(outcome.problems[0]?.values, { document: 'DRIVER_LICENSE', country: 'LT' });
  assert.equal(outcome.problems[0]?.pointer, '/documents/0');
});

test('additionalData without additionalSteps comes after address with additionalData', () => {
  const outcome = predict(sending({ clientId: 'a', address: 'Main St 1', additionalData: { X: {} } }));
  assert.deepEqual(slugs(outcome), ['address-with-additional-data', 'additional-data-without-additional-steps']);
});

test("the business rules run in the order of their entries in the catalogue (the reference's table order)", () => {
  const dummyStage = evaluationOrder.find((candidate) => candidate.id === 'dummy-session');
  const stage = evaluationOrder.find((candidate) => candidate.id === 'business-rules');
  // The category also holds the dummy-session check, a stage of its own before the rules.
  const inCatalogue = catalogue
    .filter((each) => each.category === 'business-rules' && !(dummyStage?.entries ?? []).includes(each.slug))
    .map((each) => each.slug);
  assert.ok(inCatalogue.length >= 10);
  assert.deepEqual(
    businessRules.map((rule) => rule.entry),
    inCatalogue,
  );
  assert.deepEqual(stage?.entries, inCatalogue);
});

test('a business rule is skipped when a field it reads broke its own rule', () => {
  const account = strictAccount;
  const cases: [Record<string, unknown>, string, string][] = [
    [{ country: 'LTU', documents: ['DRIVER_LICENSE'] }, 'country-invalid', 'country-document-unsupported'],
    [{ country: 'LT', documents: ['DRIVING_LICENSE'] }, 'documents-invalid', 'country-document-unsupported'],
    [{ tokenType: 'video_call' }, 'token-type-invalid', 'token-type-not-allowed'],
    [{ callbackUrl: 'http://example.com/cb' }, 'url-invalid', 'custom-callback-url-not-enabled'],
    [{ additionalSteps: '{"ALL":{}}' }, 'object-field-invalid', 'additional-steps-not-enabled'],
    [{ utilityBill: 'true', additionalSteps: {} }, 'boolean-field-invalid', 'utility-bill-with-additional-steps'],
    [{ address: { street: 'Main St 1' }, additionalData: {}, additionalSteps: {} }, 'address-invalid', 'address-with-additional-data'],
    [{ additionalData: {}, additionalSteps: 'x' }, 'object-field-invalid', 'additional-data-without-additional-steps'],
    [{ generateDigitString: true, expiryTime: 0 }, 'expiry-time-invalid', 'digit-string-expiry-too-long'],
    [{ riskAssessmentProfile: 'not-a-uuid' }, 'risk-assessment-profile-unknown', 'risk-assessment-profile-unknown'],
  ];
  for (const [extra, fieldEntry, ruleEntry] of cases) {
    const outcome = predict(sending({ clientId: 'a', ...extra }, { ...account, tokenLimitReached: false, allowedTokenTypes: null }));
    const found = slugs(outcome);
    assert.ok(found.includes(fieldEntry), `${JSON.stringify(extra)}: ${found.join(', ')}`);
    if (fieldEntry !== ruleEntry) assert.ok(!found.includes(ruleEntry), `${JSON.stringify(extra)}: ${found.join(', ')}`);
    else assert.equal(found.filter((slug) => slug === ruleEntry).length, 1, `${JSON.stringify(extra)}: reported once`);
  }
});

test('a questionnaire of the wrong type breaks its field rule, not its business rule', () => {
  const outcome = predict(sending({ clientId: 'a', questionnaire: 42 }, { questionnaires: ['onboarding'] }));
  assert.equal(outcome.problems.length, 1);
  assert.equal(outcome.problems[0]?.pointer, '/questionnaire');
});

test('business rules pass when the account allows what is asked', () => {
  assertSuccess(
    predict(
      sending(
        { clientId: 'a', country: 'lt', documents: ['PASSPORT'], tokenType: 'DOCUMENT' },
        {
          supportedDocuments: { LT: ['PASSPORT'] },
          allowedTokenTypes: ['DOCUMENT'],
        },
      ),
    ),
  );
  assertSuccess(predict(sending({ clientId: 'a', country: 'DE', documents: ['ID_CARD'] }, { supportedDocuments: { ALL: ['ID_CARD'] } })));
  assertSuccess(
    predict(
      sending(
        { clientId: 'a', questionnaire: 'onboarding', riskAssessmentProfile: uuid.toUpperCase() },
        {
          questionnaires: ['onboarding'],
          riskAssessmentProfiles: [uuid],
        },
      ),
    ),
  );
  assertSuccess(predict(sending({ clientId: 'a', callbackUrl: null }, { customCallbackUrl: false })));
  assertSuccess(predict(sending({ clientId: 'a', utilityBill: false, additionalSteps: {} })));
});

test('the default token type must be allowed too; the problem then points at the whole request', () => {
  const outcome = predict(sending({ clientId: 'a' }, { allowedTokenTypes: ['DOCUMENT'] }));
  assertError(outcome, 'token-type-not-allowed');
  assert.equal(outcome.problems[0]?.pointer, '');
  assert.deepEqual(outcome.problems[0]?.values, { tokenType: 'IDENTIFICATION' });
});

test('a digit string with the default expiryTime passes under the default maximum and fails under a lower one', () => {
  assertSuccess(predict(sending({ clientId: 'a', generateDigitString: true })));
  const lower = predict(sending({ clientId: 'a', generateDigitString: true }, { digitStringMaxExpiry: 3599 }));
  assertError(lower, 'digit-string-expiry-too-long');
  assert.equal(lower.problems[0]?.pointer, '/generateDigitString');
  assert.equal(lower.body.message, "Field 'expiryTime' must not exceed 3599 seconds when 'generateDigitString' is true.");
});

test('a digit string allows an expiryTime up to the maximum, default or custom, and not one second more', () => {
  assertSuccess(predict(sending({ clientId: 'a', generateDigitString: true, expiryTime: 3600 })));
  const over = predict(sending({ clientId: 'a', generateDigitString: true, expiryTime: 3601 }));
  assertError(over, 'digit-string-expiry-too-long');
  assert.equal(over.problems[0]?.pointer, '/expiryTime');
  assert.deepEqual(over.problems[0]?.values, { maxExpiry: '3600' });
  const custom = { digitStringMaxExpiry: 86_400 };
  assertSuccess(predict(sending({ clientId: 'a', generateDigitString: true, expiryTime: 86_400 }, custom)));
  const overCustom = predict(sending({ clientId: 'a', generateDigitString: true, expiryTime: 86_401 }, custom));
  assert.deepEqual(overCustom.problems[0]?.values, { maxExpiry: '86400' });
  assertSuccess(predict(sending({ clientId: 'a', generateDigitString: false, expiryTime: 2_592_000 })));
});

test('the token limit is checked last, after field and business-rule problems', () => {
  const outcome = predict(
    sending({ clientId: 'a', expiryTime: 0, callbackUrl: 'https://x.example/cb' }, { tokenLimitReached: true, customCallbackUrl: false }),
  );
  assert.deepEqual(slugs(outcome), ['expiry-time-invalid', 'custom-callback-url-not-enabled', 'token-limit-reached']);
  const alone = predict({ account: { tokenLimitReached: true } });
  assertError(alone, 'token-limit-reached');
  assert.deepEqual(alone.body, { identifier: 'PERMISSIONS_ERROR', message: 'Partner reached token limit.' });
  assert.equal(alone.status, 400);
});

// ── Warnings ──────────────────────────────────────────────────────────────────

test('unknown keys are ignored with a warning that suggests the field meant', () => {
  const outcome = predict(sending({ clientId: 'a', clientID: 'b', clientld: 'c', client_id: 'd', xyz: 1, ExpiryTime: 5 }));
  assertSuccess(outcome);
  const unknown = outcome.warnings.filter((warning) => warning.code === 'unknown-field');
  assert.deepEqual(
    unknown.map((warning) => [warning.pointer, warning.suggestion]),
    [
      ['/clientID', 'clientId'],
      ['/clientld', 'clientId'],
      ['/client_id', 'clientId'],
      ['/xyz', undefined],
      ['/ExpiryTime', 'expiryTime'],
    ],
  );
  assert.match(unknown[0]?.message ?? '', /Did you mean "clientId"\?/);
  assert.doesNotMatch(unknown[3]?.message ?? '', /Did you mean/);
});

test('a misspelt clientId is both missing and warned about', () => {
  const outcome = predict(sending({ clientID: 'user-42' }));
  assertError(outcome, 'client-id-missing');
  assert.equal(outcome.warnings[0]?.suggestion, 'clientId');
});

test('unknown keys with / or ~ get escaped JSON Pointers', () => {
  const outcome = predict(sending({ clientId: 'a', 'a/b': 1, 'c~d': 2 }));
  assert.deepEqual(
    outcome.warnings.map((warning) => warning.pointer),
    ['/a~1b', '/c~0d'],
  );
});

test('a locale outside the documented 16 falls back to English, with a warning', () => {
  const outcome = predict(sending({ clientId: 'a', locale: 'ko' }));
  assertSuccess(outcome);
  assert.deepEqual(
    outcome.warnings.map((warning) => [warning.code, warning.pointer]),
    [['locale-fallback', '/locale']],
  );
  assert.deepEqual(predict(sending({ clientId: 'a', locale: 'lt' })).warnings, []);
});

test('a lower-case country or nationality is read as upper case, with a warning', () => {
  const outcome = predict(sending({ clientId: 'a', country: 'lt', nationality: 'de' }));
  assertSuccess(outcome);
  assert.deepEqual(
    outcome.warnings.map((warning) => [warning.code, warning.pointer]),
    [
      ['country-case', '/country'],
      ['country-case', '/nationality'],
    ],
  );
  assert.equal(outcome.body.country, 'LT');
  assert.equal(outcome.body.nationality, 'DE');
});

test('warnings come with errors too, but not about invalid values', () => {
  const outcome = predict(sending({ clientId: 'a', locale: 'en_US.UTF-8', country: 'ltu', foo: 1 }));
  assert.deepEqual(slugs(outcome), ['country-invalid', 'locale-invalid']);
  assert.deepEqual(
    outcome.warnings.map((warning) => warning.code),
    ['unknown-field'],
  );
});

// ── Success ───────────────────────────────────────────────────────────────────

test('a success is a 201 with the message, a 40-character token, a UUID scan reference and a redirect URL', () => {
  const outcome = predict(sending({ clientId: 'user-42' }));
  assertSuccess(outcome);
  const { body } = outcome;
  assert.equal(body.message, 'Token created successfully');
  assert.match(body.authToken as string, /^[A-Za-z0-9]{40}$/);
  assert.match(body.scanRef as string, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.equal(body.redirectUrl, `https://ivs.idenfy.com/api/v2/redirect?authToken=${body.authToken as string}`);
  assert.equal(body.personScanRef, 'user-42');
  assert.equal(body.identifier, undefined);
});

test('the digit string is 8 digits only when generateDigitString is true, else null', () => {
  assert.match(predict(sending({ clientId: 'a', generateDigitString: true })).body.digitString as string, /^\d{8}$/);
  assert.equal(predict(sending({ clientId: 'a', generateDigitString: false })).body.digitString, null);
  assert.equal(predict(sending({ clientId: 'a' })).body.digitString, null);
  assert.equal(predict(sending({ clientId: 'a', generateDigitString: null })).body.digitString, null);
});

test('every token field is echoed: the value sent, else its default, else null', () => {
  const sent = predict(sending({ clientId: 'user-42', expiryTime: 600, documents: ['PASSPORT'], firstName: 'jonas', tokenType: null }));
  assertSuccess(sent);
  for (const field of tokenFields) assert.ok(Object.hasOwn(sent.body, field.name), `${field.name} is not echoed`);
  assert.equal(sent.body.expiryTime, 600);
  assert.deepEqual(sent.body.documents, ['PASSPORT']);
  assert.equal(sent.body.firstName, 'JONAS');
  assert.equal(sent.body.tokenType, 'IDENTIFICATION');

  const minimal = predict(sending({ clientId: 'user-42' }));
  for (const field of tokenFields) {
    if (field.name === 'clientId') continue;
    assert.deepEqual(minimal.body[field.name], field.default, field.name);
  }
  assert.equal(minimal.body.expiryTime, 3600);
  assert.equal(minimal.body.sessionLength, 600);
  assert.equal(minimal.body.tokenType, 'IDENTIFICATION');
  assert.deepEqual(minimal.body.documents, ['ID_CARD', 'PASSPORT']);
  assert.equal(minimal.body.callbackUrl, null);
  assert.equal(minimal.body.showInstructions, true);
});

test('the default body is {"clientId": "user-42"}', () => {
  assert.equal(predict({}).body.clientId, 'user-42');
});

test('different requests give different sample tokens', () => {
  const a = predict(sending({ clientId: 'a' })).body.authToken;
  const b = predict(sending({ clientId: 'b' })).body.authToken;
  assert.notEqual(a, b);
});

test('changing a success body does not change the next prediction', () => {
  const first = predict({});
  (first.body.documents as string[]).push('VISA');
  const second = predict({});
  assert.deepEqual(second.body.documents, ['ID_CARD', 'PASSPORT']);
});

// ── Determinism and scenarios ─────────────────────────────────────────────────

test('the same scenario always gives the same outcome', () => {
  const scenarios: ScenarioInput[] = [
    {},
    sending({ clientId: 'a', generateDigitString: true }),
    sending(everyRuleButOne, strictAccount),
    { request: { rawBody: '[1,2]', method: 'GET' }, account: { active: false } },
  ];
  for (const scenario of scenarios) assert.deepEqual(predict(scenario), predict(structuredClone(scenario)));
});

test('predict and predictParsed agree, and a parsed scenario has every default filled in', () => {
  const input = sending({ clientId: 'a', country: 'lt' });
  assert.deepEqual(predictParsed(parseScenario(input)), predict(input));
  const parsed = parseScenario({});
  assert.equal(parsed.request.method, 'POST');
  assert.equal(parsed.request.credentials, 'valid');
  assert.equal(parsed.account.requestsLastHour, 0);
  assert.equal(parsed.account.digitStringMaxExpiry, 3600);
  assert.equal(parsed.account.supportedDocuments, null);
});

function scenarioError(input: unknown): ScenarioError {
  try {
    predict(input);
  } catch (error) {
    assert.ok(error instanceof ScenarioError, `expected a ScenarioError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${JSON.stringify(input)} was accepted`);
}

test('a scenario with an unknown key is refused, naming where the key is and the key', () => {
  const error = scenarioError({ request: { foo: 1 } });
  assert.equal(error.issues[0]?.path, 'request.foo');
  assert.match(error.message, /request/);
  assert.match(error.message, /"foo"/);
  assert.match(scenarioError({ bogus: true }).message, /"bogus"/);
  assert.match(scenarioError({ account: { tokensLeft: 3 } }).message, /account\.tokensLeft: Unknown key "tokensLeft"/);
});

test('a scenario error names an unknown key by its full path', () => {
  const error = scenarioError({ request: { foo: 1 } });
  assert.ok(
    error.issues.some((issue) => issue.path === 'request.foo'),
    JSON.stringify(error.issues),
  );
});

test('a scenario with a value of the wrong type is refused, naming the path', () => {
  assert.equal(scenarioError({ account: { requestsLastHour: '5' } }).issues[0]?.path, 'account.requestsLastHour');
  assert.equal(scenarioError({ account: { requestsLastHour: -1 } }).issues[0]?.path, 'account.requestsLastHour');
  assert.equal(scenarioError({ account: { requestsLastHour: 1.5 } }).issues[0]?.path, 'account.requestsLastHour');
  assert.equal(scenarioError({ request: { credentials: 'maybe' } }).issues[0]?.path, 'request.credentials');
  assert.equal(scenarioError({ request: { method: 'PO ST' } }).issues[0]?.path, 'request.method');
  assert.equal(scenarioError({ account: { allowedTokenTypes: ['KYC'] } }).issues[0]?.path, 'account.allowedTokenTypes[0]');
  assert.match(scenarioError({ account: { requestsLastHour: '5' } }).message, /account\.requestsLastHour/);
  assert.match(scenarioError({ request: { rawBodyBase64: 'not base64!' } }).message, /request\.rawBodyBase64/);
});

test('a scenario that gives two of body, rawBody and rawBodyBase64 is refused', () => {
  for (const request of [
    { body: {}, rawBody: '{}' },
    { body: {}, rawBodyBase64: 'e30=' },
    { rawBody: '{}', rawBodyBase64: 'e30=' },
    { body: null, rawBody: '' },
  ]) {
    const error = scenarioError({ request });
    assert.equal(error.issues[0]?.path, 'request');
    assert.match(error.message, /at most one of "body", "rawBody" and "rawBodyBase64"/);
  }
});

test('a scenario that is not an object is refused', () => {
  for (const input of [null, 'scenario', 42, []]) scenarioError(input);
});

test('base64 whose length cannot be decoded is refused as a scenario error, not a crash', () => {
  for (const rawBodyBase64 of ['a', 'abcde', '=', '==']) {
    const error = scenarioError({ request: { rawBodyBase64 } });
    assert.match(error.message, /request\.rawBodyBase64/);
  }
});

// ── Environments and dummy sessions (decisions of 2026-11-27) ──────────────────

const dummyBody = { clientId: 'user-42', dummyStatus: 'APPROVED' };

test('a dummy session with a development key succeeds with its own message, and the rest of a success body', () => {
  const outcome = predict({ request: { body: dummyBody }, account: { keyEnvironment: 'development', endpointEnvironment: 'development' } });
  assert.equal(outcome.status, 201);
  assert.equal(outcome.entry, 'dummy-token-created');
  assert.equal(outcome.body.message, 'Dummy token and verification created successfully');
  assert.equal(outcome.body.dummyStatus, 'APPROVED');
  assert.equal(typeof outcome.body.authToken, 'string');
  assert.deepEqual(outcome.warnings, []);
});

test('a dummy session with a sandbox or production key is refused after the field rules, before the business rules', () => {
  for (const keyEnvironment of ['sandbox', 'production'] as const) {
    const outcome = predict({
      request: { body: { ...dummyBody, callbackUrl: 'https://example.com/hook' } },
      account: { keyEnvironment, endpointEnvironment: keyEnvironment, customCallbackUrl: false },
    });
    assertError(outcome, 'dummy-outside-development');
    assert.deepEqual(outcome.body, { message: 'This endpoint is not available for TESTING/PRODUCTION partners.' });
    assert.deepEqual(slugs(outcome), ['dummy-outside-development', 'custom-callback-url-not-enabled']);
    assert.equal(outcome.problems[0]?.pointer, '/dummyStatus');
  }
});

test('an invalid dummyStatus is its field error first, in any environment, and a null one is not sent', () => {
  for (const keyEnvironment of ['development', 'sandbox'] as const) {
    const outcome = predict({
      request: { body: { clientId: 'user-42', dummyStatus: 'PASSED' } },
      account: { keyEnvironment, endpointEnvironment: keyEnvironment },
    });
    assert.deepEqual(slugs(outcome), ['dummy-status-invalid'], keyEnvironment);
  }
  assertSuccess(predict({ request: { body: { clientId: 'user-42', dummyStatus: null } } }));
});

test('a development key against another environment is the wrong environment, naming DEVELOPMENT', () => {
  const outcome = predict({ account: { keyEnvironment: 'development', endpointEnvironment: 'sandbox' } });
  assertError(outcome, 'wrong-environment');
  assert.equal(outcome.body.message, 'This endpoint is not available for DEVELOPMENT partners.');
});

test('the dummy-environment warning is retired: no prediction gives it', () => {
  const outcome = predict({ request: { body: dummyBody }, account: { keyEnvironment: 'development', endpointEnvironment: 'development' } });
  assert.ok(!outcome.warnings.some((warning) => (warning.code as string) === 'dummy-environment'));
});

test('the field stage checks every field the body has in the order of the field table, enumerable or not', () => {
  // A body built in code (the package's API) can hold a field JSON could not show: it is still the body's field.
  const body: Record<string, unknown> = { clientId: 'user-42' };
  Object.defineProperty(body, 'locale', { value: 123, enumerable: false });
  assert.equal(predictParsed(parseScenario({ request: { body: body as never } })).entry, 'locale-invalid');
  // Keys in any order, integer-like keys and `__proto__` among them: the problems come in the table's order.
  const shuffled = JSON.parse('{"__proto__": 1, "1": 2, "locale": 5, "expiryTime": "soon", "clientId": "user-42", "documents": "ID_CARD"}');
  const ordered = JSON.parse('{"clientId": "user-42", "expiryTime": "soon", "documents": "ID_CARD", "locale": 5}');
  const problems = (input: unknown) => predict({ request: { body: input as never } }).problems.map((found) => found.entry);
  assert.deepEqual(problems(shuffled), problems(ordered));
  assert.ok(problems(ordered).length >= 3);
});
