/**
 * Redaction before sharing: personal data becomes placeholders of the same shape, the prediction
 * does not change, and no original personal value is left in the link.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { redactBase64, redactDate, redactScenario, redactString, redactText, personalFields } from '../../src/share/redact.ts';
import { decodeScenario, encodeScenario } from '../../src/share/scenario-link.ts';
import { predict } from '../../src/predict/predict.ts';
import type { ScenarioInput } from '../../src/token/scenario.ts';
import { isCalendarDate, codePointLength } from '../../src/token/schema.ts';
import { catalogue } from '../../src/catalogue/index.ts';

/** What must not change: status, entry, each problem's entry and pointer, each warning. */
function shape(scenario: ScenarioInput) {
  const outcome = predict(scenario);
  return {
    status: outcome.status,
    entry: outcome.entry,
    problems: outcome.problems.map((problem) => [problem.entry, problem.pointer, problem.message]),
    warnings: outcome.warnings.map((warning) => [warning.code, warning.pointer]),
  };
}

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

test('strings keep their length in code points, their blanks and their punctuation', () => {
  assert.equal(redactString('Jürgen Smith-2'), 'Xxxxxx Xxxxx-0');
  assert.equal(redactString('   '), '   ');
  assert.equal(redactString(''), '');
  assert.equal(redactString('🙂 José'), 'x Xxxx');
  assert.equal(codePointLength(redactString('x'.repeat(101))), 101);
  assert.equal(redactString('john.smith@example.com'), 'xxxx.xxxxx@xxxxxxx.xxx');
});

test('dates keep their validity and the way they are wrong', () => {
  assert.ok(isCalendarDate(redactDate('1990-12-24')));
  assert.notEqual(redactDate('2000-01-01'), '2000-01-01');
  assert.equal(redactDate('2023-02-30'), '0000-00-00');
  assert.equal(redactDate('24/12/1990'), '00/00/0000');
  assert.equal(redactDate('1990-12-24T00:00'), '0000-00-00X00:00');
});

test('a body with personal data in every field', () => {
  const scenario: ScenarioInput = {
    request: {
      body: {
        clientId: 'jonas.jonaitis@example.com',
        firstName: 'Jonas',
        lastName: 'Jonaitis',
        dateOfBirth: '1990-12-24',
        dateOfExpiry: '2031-02-30',
        dateOfIssue: '12/01/2021',
        personalNumber: 39012240000,
        documentNumber: 'AB1234567',
        address: { street: 'Gedimino pr. 1', city: 'Vilnius' },
        externalRef: 'crm-jonas-42',
        additionalData: { UTILITY_BILL: { address: 'Gedimino pr. 1, Vilnius' } },
        additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'EXTRACT', note: 'for Jonas Jonaitis' } } } },
        country: 'lt',
        nationality: 'LT',
        documents: ['ID_CARD'],
        successUrl: 'https://example.com/ok',
        first_name: 'Jonas',
        phone: '+37060000000',
      },
    },
    account: { requestsLastHour: 5 },
  };
  const redacted = redactScenario(scenario);
  assert.deepEqual(shape(redacted), shape(scenario));
  const body = redacted.request?.body as Record<string, unknown>;
  assert.deepEqual(body, {
    clientId: 'xxxxx.xxxxxxxx@xxxxxxx.xxx',
    firstName: 'Xxxxx',
    lastName: 'Xxxxxxxx',
    dateOfBirth: '2000-01-01',
    dateOfExpiry: '0000-00-00',
    dateOfIssue: '00/00/0000',
    personalNumber: 11021110000,
    documentNumber: 'XX0000000',
    address: { street: 'Xxxxxxxx xx. 0', city: 'Xxxxxxx' },
    externalRef: 'xxx-xxxxx-00',
    additionalData: { UTILITY_BILL: { address: 'Xxxxxxxx xx. 0, Xxxxxxx' } },
    additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'EXTRACT', note: 'xxx Xxxxx Xxxxxxxx' } } } },
    country: 'lt',
    nationality: 'LT',
    documents: ['ID_CARD'],
    successUrl: 'https://example.com/ok',
    first_name: 'Xxxxx',
    phone: '+00000000000',
  });
  assert.deepEqual(redacted.account, scenario.account);
  assert.deepEqual(scenario.request?.body && (scenario.request.body as Record<string, unknown>).firstName, 'Jonas', 'the input is not changed');
});

test('raw text is redacted in place: what parses keeps its layout, what does not still fails', () => {
  const valid = '{\n  "clientId": "Jonas",\n  "country": "LT",\n  "n": 12.5\n}';
  assert.equal(redactText(valid), '{\n  "clientId": "Xxxxx",\n  "country": "LT",\n  "n": 21.1\n}');
  const broken = '{"clientId": "Jonas", "firstName": \'Jonas\', "lastName": "J\\u00f6nas\\"", }';
  const redacted = redactText(broken);
  // From the error on (the single quote), keys cannot be told from values, so they are redacted too.
  assert.equal(redacted, '{"clientId": "Xxxxx", "firstName": \'Xxxxx\', "xxxxXxxx": "X\\u00f6xxx\\"", }');
  assert.throws(() => JSON.parse(redacted));
  assert.equal(redactText('{"clientId": "Jonas'), '{"clientId": "Xxxxx');
});

test('bytes that are not UTF-8 stay bytes that are not UTF-8', () => {
  const latin1 = Buffer.from([...Buffer.from('{"clientId": "J'), 0xfc, ...Buffer.from('rgen", "country": "LT"}')]);
  const redacted = Buffer.from(redactBase64(base64(latin1)), 'base64');
  assert.equal(redacted.toString('latin1'), '{"clientId": "X\u00ffxxxx", "country": "LT"}');
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(redacted));
  const utf8 = base64('{"clientId": "Jürgen"}');
  assert.equal(Buffer.from(redactBase64(utf8), 'base64').toString('utf8'), '{"clientId": "Xxxxxx"}');
});

test('every example scenario predicts the same once redacted', () => {
  for (const entry of catalogue) {
    if (!entry.example) continue;
    assert.deepEqual(shape(redactScenario(entry.example.scenario)), shape(entry.example.scenario), entry.slug);
  }
});

// ── Property: over many generated payloads ───────────────────────────────────

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('', ' ', '  \t', 'Jonas', 'Jürgen Müller', 'O\'Brien-Smith', '🙂', 'a'.repeat(40), 'a'.repeat(41), 'b'.repeat(100), 'c'.repeat(101), 'd'.repeat(255), 'e'.repeat(256), 'f'.repeat(50), 'g'.repeat(51)),
);
const date = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((day) => day.toISOString().slice(0, 10)),
  fc.constantFrom('2023-02-30', '2024-02-29', '1990-13-01', '0000-01-01', '24/12/1990', '1990-1-1', '', ' ', '19901224'),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
);
const personalValue = (name: string) =>
  fc.oneof(
    { weight: 5, arbitrary: name.startsWith('date') ? date : text },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('street', 'city', 'UTILITY_BILL'), text, { maxKeys: 2 }) },
    { weight: 1, arbitrary: fc.array(text, { maxLength: 2 }) },
  );

const otherFields = fc.record(
  {
    country: fc.constantFrom('LT', 'lt', 'LTU', 'DE'),
    documents: fc.constantFrom(['ID_CARD'], ['PASSPORT', 'DRIVER_LICENSE'], []),
    additionalSteps: fc.constantFrom({ ALL: { ALL: { UTILITY_BILL: {} } } }, { ALL: { ALL: { NOTE: { text: 'Jonas' } } } }, 'x'),
    utilityBill: fc.boolean(),
    clientID: text,
    email: text,
  },
  { requiredKeys: [] },
);

const personalBody = fc
  .tuple(
    fc.record(Object.fromEntries(personalFields.map((name) => [name, personalValue(name)])), { requiredKeys: [] }),
    otherFields,
  )
  .map(([personal, other]) => ({ ...other, ...personal }));

const body = fc.oneof(
  { weight: 6, arbitrary: personalBody },
  { weight: 1, arbitrary: fc.array(personalBody, { maxLength: 2 }) },
  { weight: 1, arbitrary: text },
);

/** A body as the request sends it: a JSON value, its text (maybe cut or broken), or its bytes. */
const request = body.chain((value) => {
  const json = JSON.stringify(value, null, 1);
  const sent = fc.oneof(
    fc.constant({ body: value }),
    fc.constant({ rawBody: json }),
    fc.nat({ max: json.length }).map((cut) => ({ rawBody: json.slice(0, cut) })),
    fc.constantFrom(',', "'", '}', 'x', '"').map((extra) => ({ rawBody: json.replace(/,/, `${extra},`) })),
    fc.constant({ rawBodyBase64: base64(json) }),
    fc.constant({ rawBodyBase64: base64(Buffer.from(json, 'latin1')) }),
  );
  return sent.map((request) => ({ value, request }));
});

const account = fc.record(
  { supportedDocuments: fc.constantFrom(null, { LT: ['ID_CARD'] }), additionalSteps: fc.boolean() },
  { requiredKeys: [] },
);

const isPersonalKey = (key: string) => personalFields.includes(key) || key === 'clientID' || key === 'email';

/** Every personal value in a body (strings, and numbers as written). */
function personalValues(value: unknown): string[] {
  const found: string[] = [];
  const collect = (item: unknown) => {
    if (typeof item === 'string') found.push(item);
    else if (typeof item === 'number') found.push(String(item));
    else if (Array.isArray(item)) item.forEach(collect);
    else if (typeof item === 'object' && item !== null) Object.values(item).forEach(collect);
  };
  const visit = (item: unknown) => {
    if (Array.isArray(item)) item.forEach(visit);
    else if (typeof item === 'object' && item !== null) {
      for (const [key, field] of Object.entries(item)) if (isPersonalKey(key)) collect(field);
    } else if (typeof item === 'string') found.push(item);
  };
  visit(value);
  return found;
}

/** The body with every personal value taken out (keys stay): the text that is in a link anyway. */
function background(value: unknown): string {
  const leaves = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(leaves);
    if (typeof item === 'object' && item !== null) return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, leaves(field)]));
    return typeof item === 'string' || typeof item === 'number' ? null : item;
  };
  const strip = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(strip);
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, isPersonalKey(key) ? leaves(field) : field]));
    }
    return typeof item === 'string' ? null : item;
  };
  return JSON.stringify(strip(value));
}

/**
 * Everything a link shows of a scenario, as text: each string and number in it (as they are, not
 * escaped), its raw body, and a byte body read as UTF-8 and as Latin-1 (its base64 is left out:
 * base64 letters spell short words by chance).
 */
function linkText(scenario: ScenarioInput): string {
  const read = decodeScenario(encodeScenario(scenario));
  assert.equal(read.kind, 'scenario');
  const decoded = read.kind === 'scenario' ? read.scenario : scenario;
  const parts: string[] = [];
  const collect = (value: unknown, key?: string) => {
    if (key === 'rawBodyBase64' && typeof value === 'string') {
      const bytes = Buffer.from(value, 'base64');
      parts.push(bytes.toString('utf8'), bytes.toString('latin1'));
    } else if (typeof value === 'string' || typeof value === 'number') parts.push(String(value));
    else if (Array.isArray(value)) value.forEach((item) => collect(item));
    else if (typeof value === 'object' && value !== null) for (const [name, item] of Object.entries(value)) collect(item, name);
  };
  collect(decoded);
  return parts.join('\u0000');
}

/**
 * Written (but for at most one character) in the placeholders' alphabet: X, x, the digits 0, 1
 * and 2 of redacted numbers and dates, white space and ASCII punctuation. Such a value cannot be
 * told from a placeholder or from the JSON around it (` "a` is in ` "additionalSteps"`).
 */
const placeholderLike = (item: string) => item.replace(/[Xx012\s!-/:-@[-`{-~]/g, '').length < 2;

test('redaction never changes the prediction, and leaves no personal value in the link', () => {
  fc.assert(
    fc.property(request, account, fc.constantFrom('POST', 'GET'), ({ value, request: sent }, state, method) => {
      const original = { request: { method, ...sent }, account: state } as ScenarioInput;
      const redacted = redactScenario(original);
      assert.deepEqual(shape(redacted), shape(original));

      const link = linkText(redacted);
      // The scenario's own keys and other values are in every link.
      const around = background(value) + JSON.stringify({ request: { method, body: '', rawBody: '', rawBodyBase64: '' }, account: state });
      for (const item of personalValues(value)) {
        if (item.length < 3 || placeholderLike(item) || around.includes(item)) continue;
        // Latin-1 cannot carry characters above U+00FF: Buffer writes their low byte, which is not the value.
        if ('rawBodyBase64' in sent && /[^\u0000-\u00ff]/.test(item)) continue;
        const escaped = JSON.stringify(item).slice(1, -1);
        assert.ok(!link.includes(item) && !link.includes(escaped), `${JSON.stringify(item)} is still in the link`);
      }
    }),
    { numRuns: 2000 },
  );
});
