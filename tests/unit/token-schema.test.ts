/**
 * The token request schema, built from the field table: both sides of every documented boundary,
 * and a cross-check of the field names and JSON types against iDenfy's OpenAPI description.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldSchemas, tokenRequestSchema, codePointLength, isCalendarDate, isHttpsUrl } from '../../src/token/schema.ts';
import { tokenField, tokenFields, type ValueRule } from '../../src/token/fields.ts';

function schemaOf(name: string) {
  const schema = fieldSchemas.get(name);
  assert.ok(schema, `fieldSchemas has no schema for "${name}"`);
  return schema;
}

function accepts(name: string, value: unknown): boolean {
  return schemaOf(name).safeParse(value).success;
}

function assertValid(name: string, ...values: unknown[]) {
  for (const value of values) assert.ok(accepts(name, value), `${name} should accept ${JSON.stringify(value)}`);
}

function assertInvalid(name: string, ...values: unknown[]) {
  for (const value of values) assert.ok(!accepts(name, value), `${name} should refuse ${JSON.stringify(value)}`);
}

/** A request body, so that whole-request tests say only what differs. */
function request(extra: Record<string, unknown>) {
  return { clientId: 'user-42', ...extra };
}

test('expiryTime accepts 1 and 2592000 seconds and refuses 0 and 2592001', () => {
  assertValid('expiryTime', 1, 2_592_000);
  assertInvalid('expiryTime', 0, 2_592_001, -1);
});

test('sessionLength accepts 60 and 3600 seconds and refuses 59 and 3601', () => {
  assertValid('sessionLength', 60, 3600);
  assertInvalid('sessionLength', 59, 3601);
});

test('clientId accepts 100 characters and refuses 101', () => {
  assertValid('clientId', 'a'.repeat(100), 'x');
  assertInvalid('clientId', 'a'.repeat(101));
});

test('clientId counts code points: 100 emoji are valid, 101 are not', () => {
  const emoji = '😀';
  assert.equal(emoji.length, 2, 'an emoji is two UTF-16 units');
  assert.equal(codePointLength(emoji.repeat(100)), 100);
  assertValid('clientId', emoji.repeat(100));
  assertInvalid('clientId', emoji.repeat(101));
});

test('clientId refuses an empty string, white space only and other JSON types', () => {
  assertInvalid('clientId', '', ' ', '\t\n', 42, true, ['a'], { id: 'a' });
});

test('URLs of exactly 2048 characters are valid and 2049 are not', () => {
  const base = 'https://example.com/';
  const exact = base + 'a'.repeat(2048 - base.length);
  assert.equal(exact.length, 2048);
  for (const name of ['successUrl', 'errorUrl', 'callbackUrl', 'unverifiedUrl']) {
    assertValid(name, exact);
    assertInvalid(name, `${exact}a`);
  }
});

test('URLs must be absolute https:// URLs with a host: http://, relative paths and spaces are refused', () => {
  for (const name of ['successUrl', 'errorUrl', 'callbackUrl', 'unverifiedUrl']) {
    assertValid(name, 'https://example.com', 'https://example.com/done?state=1#x', 'https://localhost:8443/cb');
    assertInvalid(
      name,
      'http://example.com/done',
      'http://localhost:3000/done',
      '/done',
      'done',
      'example.com/done',
      '//example.com/done',
      'https://',
      'https:///path',
      'https://exa mple.com/',
      'ftp://example.com',
      '',
      42,
    );
  }
  assert.equal(isHttpsUrl('https://example.com'), true);
  assert.equal(isHttpsUrl('http://example.com'), false);
});

test('dates must be real calendar days written YYYY-MM-DD', () => {
  for (const name of ['dateOfBirth', 'dateOfExpiry', 'dateOfIssue']) {
    assertValid(name, '2024-02-29', '1990-12-24', '2000-02-29', '1999-12-31');
    assertInvalid(name, '2023-02-29', '2023-02-30', '1990-13-01', '1990-00-10', '1990-01-00', '1990-04-31', '1900-02-29');
    assertInvalid(name, '24/12/1990', '1990-1-5', '1990-12-24T00:00:00Z', '19901224', ' 1990-12-24', '', 19901224);
  }
  assert.equal(isCalendarDate('2024-02-29'), true);
  assert.equal(isCalendarDate('2023-02-29'), false);
});

test('integers: 3600, 3600.0 and 36e2 are the same valid number; "3600" and 3600.5 are not', () => {
  // 3600.0 and 36e2 are the same JavaScript number as 3600; JSON.parse gives them as such.
  assert.equal(JSON.parse('3600.0'), 3600);
  assert.equal(JSON.parse('36e2'), 3600);
  for (const name of ['expiryTime', 'sessionLength']) {
    assertValid(name, 3600, 3600.0, 36e2, JSON.parse('3600.0'), JSON.parse('36e2'));
    assertInvalid(name, '3600', 3600.5, NaN, Infinity, null, true);
  }
  assertValid('ageLimit', 0, 18, JSON.parse('18.0'));
  assertInvalid('ageLimit', -1, 18.5, '18');
});

test('countries: LT, lt and XK are valid; LTU and UK are not', () => {
  for (const name of ['country', 'nationality']) {
    assertValid(name, 'LT', 'lt', 'Lt', 'XK', 'GB', 'US');
    assertInvalid(name, 'LTU', 'UK', 'Lithuania', '', 'L', 'ZZ', 42, ['LT']);
  }
});

test('documents: [] is refused, ["PASSPORT"] is valid, ["DRIVING_LICENSE"] is refused at item 0', () => {
  assertValid('documents', ['PASSPORT'], ['ID_CARD', 'PASSPORT', 'DRIVER_LICENSE']);
  assertInvalid('documents', [], 'PASSPORT', ['passport'], [null]);
  const result = schemaOf('documents').safeParse(['DRIVING_LICENSE']);
  assert.equal(result.success, false);
  assert.deepEqual(result.error?.issues[0]?.path, [0]);
  const second = schemaOf('documents').safeParse(['PASSPORT', 'DRIVING_LICENSE']);
  assert.deepEqual(second.error?.issues[0]?.path, [1]);
});

test('tokenType must be written exactly as the enum, in capitals', () => {
  assertValid('tokenType', 'IDENTIFICATION', 'DOCUMENT', 'VIDEO_CALL', 'VIDEO_CALL_PHOTOS', 'VIDEO_CALL_IDENTIFICATION');
  assertInvalid('tokenType', 'identification', 'Identification', 'IDENTIFICATION ', 'KYC', '', null);
});

test('other documented limits hold on both sides', () => {
  assertValid('externalRef', 'a'.repeat(40));
  assertInvalid('externalRef', 'a'.repeat(41));
  assertValid('locale', 'en', 'en-GB', 'a'.repeat(7));
  assertInvalid('locale', 'a'.repeat(8), 'en_US.UTF-8');
  assertValid('firstName', 'J', 'a'.repeat(100));
  assertInvalid('firstName', '', 'a'.repeat(101));
  assertValid('personalNumber', '39001010000', 'a'.repeat(50));
  assertInvalid('personalNumber', 39001010000, '', 'a'.repeat(51));
  assertValid('address', 'a'.repeat(255));
  assertInvalid('address', 'a'.repeat(256), { street: 'Main St 1' });
  assertValid('sex', 'M', 'F');
  assertInvalid('sex', 'm', 'MALE', 'X');
  assertValid('theme', '3f1c2a9e-8b7d-4c6e-9a51-0d2e4f6a8b1c');
  assertInvalid('theme', 'dark');
  assertValid('showInstructions', true, false);
  assertInvalid('showInstructions', 'false', 0, 1);
  assertValid('faceMatchingThresholdModifier', 1, 1.2, 0);
  assertInvalid('faceMatchingThresholdModifier', '1.2');
  assertValid('additionalSteps', { ALL: {} }, {});
  assertInvalid('additionalSteps', '{"ALL":{}}', [], 1);
  assertValid('fraudServices', ['AML_NAMES_CHECK', 'LID', 'AML_NEWS'], []);
  assertInvalid('fraudServices', ['AML'], 'LID');
});

test('the request schema needs clientId and accepts null for every optional field', () => {
  assert.equal(tokenRequestSchema.safeParse({}).success, false);
  assert.equal(tokenRequestSchema.safeParse({ clientId: null }).success, false);
  assert.equal(tokenRequestSchema.safeParse(request({})).success, true);
  const allNull = Object.fromEntries(tokenFields.filter((field) => !field.requiredEntry).map((field) => [field.name, null]));
  assert.equal(tokenRequestSchema.safeParse(request(allNull)).success, true);
});

test('the request schema lets unknown keys through, as the API ignores them', () => {
  const parsed = tokenRequestSchema.parse(request({ clientID: 'x', somethingElse: 1 }));
  assert.equal((parsed as Record<string, unknown>).clientID, 'x');
});

test('the request schema applies the same boundaries as the field schemas', () => {
  assert.equal(tokenRequestSchema.safeParse(request({ expiryTime: 2_592_000, sessionLength: 60 })).success, true);
  assert.equal(tokenRequestSchema.safeParse(request({ expiryTime: 2_592_001 })).success, false);
  assert.equal(tokenRequestSchema.safeParse(request({ sessionLength: 59 })).success, false);
  assert.equal(tokenRequestSchema.safeParse(request({ country: 'lt', documents: ['PASSPORT'] })).success, true);
  assert.equal(tokenRequestSchema.safeParse(request({ documents: [] })).success, false);
  assert.equal(tokenRequestSchema.safeParse({ clientId: 'a'.repeat(101) }).success, false);
  const parsed = tokenRequestSchema.safeParse(request({ documents: ['PASSPORT', 'DRIVING_LICENSE'] }));
  assert.deepEqual(parsed.error?.issues[0]?.path, ['documents', 1]);
});

test('every field of the table has a schema', () => {
  for (const field of tokenFields) assert.ok(fieldSchemas.has(field.name), field.name);
  assert.equal(fieldSchemas.size, tokenFields.length);
});

// ── Cross-check against iDenfy's OpenAPI description ──────────────────────────────────────────
// Transcribed by hand from the request schema of `POST /api/v2/token` in the OpenAPI excerpt
// (shared/reference/idenfy-kyc-openapi.yml, archived 2026-09-16), in its order. The project must
// not read that file, so the names and JSON types are copied here.
type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

const openApiRequestFields: Readonly<Record<string, JsonType>> = {
  clientId: 'string',
  tokenType: 'string',
  externalRef: 'string',
  generateDigitString: 'boolean',
  expiryTime: 'integer',
  locale: 'string',
  country: 'string',
  sessionLength: 'integer',
  documents: 'array',
  firstName: 'string',
  lastName: 'string',
  dateOfBirth: 'string',
  nationality: 'string',
  documentNumber: 'string',
  personalNumber: 'string',
  sex: 'string',
  dateOfExpiry: 'string',
  dateOfIssue: 'string',
  address: 'string',
  successUrl: 'string',
  errorUrl: 'string',
  unverifiedUrl: 'string',
  callbackUrl: 'string',
  showInstructions: 'boolean',
  reviewSuccessful: 'boolean',
  reviewFailed: 'boolean',
  questionnaire: 'string',
  questionnaireRequired: 'boolean',
  riskAssessmentProfile: 'string',
  theme: 'string',
  registryCentersCountries: 'array',
  verifyEmail: 'boolean',
  verifyPhone: 'boolean',
  verifyBank: 'boolean',
  verifyBankAccounts: 'boolean',
  verifyBankBalances: 'boolean',
  verifyBankTransactions: 'boolean',
  bankCardVerification: 'boolean',
  bankCardPdfUpload: 'boolean',
  verifyAddress: 'boolean',
  checkAml: 'boolean',
  checkCriminal: 'boolean',
  checkLiveness: 'boolean',
  checkFaceBlacklist: 'boolean',
  checkDocFaceBlacklist: 'boolean',
  checkPersonBlacklist: 'boolean',
  checkDuplicateFaces: 'boolean',
  checkDuplicateDocFaces: 'boolean',
  checkDuplicatePersonalData: 'boolean',
  checkDriverLicense: 'boolean',
  checkLid: 'boolean',
  checkIpProxy: 'boolean',
  allowBsnMasking: 'boolean',
  nfcRequired: 'boolean',
  autoAmlMonitoring: 'boolean',
  driverLicenseBack: 'boolean',
  faceMatchingThresholdModifier: 'number',
  additionalSteps: 'object',
  additionalData: 'object',
  utilityBill: 'boolean',
  nfcOptional: 'boolean',
  ageLimit: 'integer',
  ageMax: 'integer',
};

/** Limits the OpenAPI excerpt states, as the field table should apply them (where it follows OAS). */
const openApiLimits: Readonly<Record<string, Partial<Record<'maxLength' | 'minimum' | 'maximum', number>>>> = {
  clientId: { maxLength: 100 },
  externalRef: { maxLength: 40 },
  locale: { maxLength: 7 },
  firstName: { maxLength: 100 },
  lastName: { maxLength: 100 },
  documentNumber: { maxLength: 50 },
  personalNumber: { maxLength: 50 },
  // OAS says minimum 0; the reference says "greater than 0" and wins (field note), so only the maximum is compared.
  expiryTime: { maximum: 2_592_000 },
  sessionLength: { minimum: 60, maximum: 3600 },
};

test('the OpenAPI fixture holds the 63 request fields of the excerpt', () => {
  assert.equal(Object.keys(openApiRequestFields).length, 63);
});

test('every OpenAPI request field exists in the field table with the same JSON type', () => {
  const problems: string[] = [];
  for (const [name, type] of Object.entries(openApiRequestFields)) {
    const field = tokenField(name);
    if (!field) problems.push(`${name}: missing from tokenFields`);
    else if (field.rule.type !== type) problems.push(`${name}: OpenAPI says ${type}, tokenFields says ${field.rule.type}`);
  }
  assert.deepEqual(problems, []);
});

test('the OpenAPI limits and enums are the ones the field table applies', () => {
  for (const [name, limits] of Object.entries(openApiLimits)) {
    const rule = tokenField(name)?.rule as ValueRule & Record<string, unknown>;
    for (const [key, value] of Object.entries(limits)) assert.equal(rule[key], value, `${name}.${key}`);
  }
  const tokenType = tokenField('tokenType')?.rule;
  assert.ok(tokenType?.type === 'string' && tokenType.oneOf?.includes('IDENTIFICATION') && tokenType.oneOf.includes('DOCUMENT'));
  const sex = tokenField('sex')?.rule;
  assert.deepEqual(sex?.type === 'string' ? [...(sex.oneOf ?? [])] : [], ['M', 'F']);
  for (const name of ['riskAssessmentProfile', 'theme']) {
    const rule = tokenField(name)?.rule;
    assert.equal(rule?.type === 'string' ? rule.format : undefined, 'uuid', `${name} is a UUID in OpenAPI`);
  }
  for (const name of ['dateOfBirth', 'dateOfExpiry']) {
    const rule = tokenField(name)?.rule;
    assert.equal(rule?.type === 'string' ? rule.format : undefined, 'date', `${name} is a date in OpenAPI`);
  }
});

test('the field table fields beyond OpenAPI are only those of the older documentation', () => {
  const extra = tokenFields.filter((field) => !(field.name in openApiRequestFields));
  for (const field of extra) assert.equal(field.origin, 'older-docs', `${field.name} is not in OpenAPI but its origin is ${field.origin}`);
});
