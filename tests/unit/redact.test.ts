/**
 * Redaction before sharing: personal data becomes placeholders of the same shape, the prediction
 * does not change, and no original personal value is left in the link.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { personalStrings, redactBase64, redactDate, redactScenario, redactString, redactText } from '../../src/share/redact.ts';
import { redactResponseBody } from '../../src/check/redact-exchange.ts';
import { tokenField, tokenFields, type TokenField, type ValueRule } from '../../src/token/fields.ts';
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
    nationality: 'AD',
    documents: ['ID_CARD'],
    successUrl: 'https://example.com/ok',
    first_name: 'Xxxxx',
    phone: '+00000000000',
  });
  assert.deepEqual(redacted.account, scenario.account);
  assert.deepEqual(
    scenario.request?.body && (scenario.request.body as Record<string, unknown>).firstName,
    'Jonas',
    'the input is not changed',
  );
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
  fc.constantFrom(
    '',
    ' ',
    '  \t',
    'Jonas',
    'Jürgen Müller',
    "O'Brien-Smith",
    '🙂',
    'a'.repeat(40),
    'a'.repeat(41),
    'b'.repeat(100),
    'c'.repeat(101),
    'd'.repeat(255),
    'e'.repeat(256),
    'f'.repeat(50),
    'g'.repeat(51),
  ),
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

/** The fields the table marks as carrying personal data in every string and number of their value. */
const wholePersonal = tokenFields.filter((field) => field.personal === true).map((field) => field.name);

const personalBody = fc
  .tuple(fc.record(Object.fromEntries(wholePersonal.map((name) => [name, personalValue(name)])), { requiredKeys: [] }), otherFields)
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

/** Masked whole: a field the table marks `personal: true`, or a key outside the table (`clientID`, `email`). */
const isPersonalKey = (key: string) => (tokenField(key)?.personal ?? true) === true;

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
    if (typeof item === 'object' && item !== null)
      return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, leaves(field)]));
    return typeof item === 'string' || typeof item === 'number' ? null : item;
  };
  const strip = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(strip);
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, isPersonalKey(key) ? leaves(field) : field]));
    }
    return typeof item === 'string' ? null : item;
  };
  // Raw bodies are written compact, indented or with a space after each colon: " tr" of `": true"` is theirs.
  const stripped = strip(value);
  const compact = JSON.stringify(stripped);
  return [compact, compact.replaceAll('":', '": ').replaceAll(',"', ', "'), JSON.stringify(stripped, null, 2)].join('\n');
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
    else if (Array.isArray(value)) for (const item of value) collect(item);
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
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of Latin-1, control characters included
        if ('rawBodyBase64' in sent && /[^\u0000-\u00ff]/.test(item)) continue;
        const escaped = JSON.stringify(item).slice(1, -1);
        assert.ok(!link.includes(item) && !link.includes(escaped), `${JSON.stringify(item)} is still in the link`);
      }
    }),
    { numRuns: 2000 },
  );
});

// ── Against the field table: what each field's `personal` attribute promises ──

/** A body through "Redact before sharing" and the share link, as the person who opens it reads it. */
function sharedBody(body: Record<string, unknown>): Record<string, unknown> {
  const read = decodeScenario(encodeScenario(redactScenario({ request: { body } } as ScenarioInput)));
  assert.equal(read.kind, 'scenario');
  return (read.kind === 'scenario' ? read.scenario.request?.body : undefined) as Record<string, unknown>;
}

const person = 'Jonas Jonaitis 1987';

/** A value of a personal field that a person could be found by: right for its rule, so that it is not masked for being wrong. */
function personalSample(rule: ValueRule): unknown {
  switch (rule.type) {
    case 'string':
      if (rule.format === 'date') return '1987-06-05';
      // Not the list's first value, which is the placeholder a valid value becomes.
      if (rule.oneOf) return rule.oneOf.at(-1);
      return person;
    case 'integer':
    case 'number':
      return 19870605;
    case 'boolean':
      return true;
    case 'array':
      return [personalSample(rule.items)];
    case 'object':
      return { note: person };
  }
}

/** Every string and number of a value, as text. */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [];
}

test('the field table decides for every field, and uses every kind of decision', () => {
  const kinds = new Set(tokenFields.map((field) => field.personal));
  assert.deepEqual([...kinds].sort(), [false, true, 'free-text', 'url-query'].sort());
  assert.ok(tokenFields.filter((field) => field.personal === true).length >= 10, 'the names, dates and numbers of a person are personal');
  // @ts-expect-error A field that does not say whether it carries personal data does not compile.
  const undecided: TokenField = {
    name: 'phoneNumber',
    rule: { type: 'string' },
    default: null,
    entry: 'bad-value',
    origin: 'openapi',
    description: 'A phone number.',
  };
  assert.equal(undecided.personal, undefined);
});

test('every field the table marks personal is masked in a share link, in whole or in the part it names', () => {
  const checked: string[] = [];
  for (const field of tokenFields) {
    if (field.personal === false) continue;
    const value =
      field.personal === 'url-query'
        ? 'https://shop.example.com/kyc/done?customer=jonas.jonaitis&ref=1987#step-2'
        : field.personal === 'free-text'
          ? { ALL: { ALL: { UTILITY_BILL: { note: `for ${person}` } } } }
          : personalSample(field.rule);
    const shared = sharedBody({ clientId: 'user-42', [field.name]: value });
    const link = JSON.stringify(shared[field.name]);
    if (field.personal === 'url-query') {
      assert.ok(link.startsWith('"https://shop.example.com/kyc/done?'), `${field.name}: the scheme, host and path stay: ${link}`);
      assert.ok(
        !link.includes('jonas') && !link.includes('1987') && !link.includes('step-2'),
        `${field.name}: the query and fragment are masked: ${link}`,
      );
    } else if (field.personal === 'free-text') {
      assert.ok(link.includes('UTILITY_BILL'), `${field.name}: the codes the predictor reads stay: ${link}`);
      assert.ok(!link.includes('Jonas') && !link.includes('1987'), `${field.name}: its free text is masked: ${link}`);
    } else {
      for (const text of leaves(value))
        assert.ok(!link.includes(text), `${field.name}: ${JSON.stringify(text)} is still in the link: ${link}`);
    }
    // errata check scrubs the same texts from what it prints.
    const scrubbed = personalStrings({ [field.name]: value }).join('\n');
    for (const text of field.personal === 'url-query'
      ? ['jonas.jonaitis']
      : field.personal === 'free-text'
        ? [`for ${person}`]
        : leaves(value)) {
      assert.ok(scrubbed.includes(text), `${field.name}: errata check would print ${JSON.stringify(text)}`);
    }
    checked.push(field.name);
  }
  assert.ok(checked.length >= 15, `only ${checked.length} personal fields checked`);
});

test('every field the table marks not personal is kept as sent, in a share link and in an errata check report', () => {
  const samples: Record<ValueRule['type'], unknown> = {
    string: 'Abc 42',
    integer: 42,
    number: 0.75,
    boolean: true,
    array: ['Abc 42', 7],
    object: { Abc: 'Def 42' },
  };
  const checked: string[] = [];
  for (const field of tokenFields) {
    if (field.personal !== false) continue;
    const value = samples[field.rule.type];
    const body = { clientId: 'user-42', [field.name]: value };
    assert.deepEqual(sharedBody(body)[field.name], value, field.name);
    assert.deepEqual((redactResponseBody(body) as Record<string, unknown>)[field.name], value, field.name);
    assert.deepEqual(personalStrings({ [field.name]: value }), [], field.name);
    checked.push(field.name);
  }
  assert.ok(checked.length >= 30, `only ${checked.length} fields checked`);
});

test('a key the field table does not know is masked whole, in a share link and in an errata check report', () => {
  const body = { clientId: 'user-42', phoneNumber: '+370 600 12345', email: 'jonas@example.com' };
  const shared = sharedBody(body);
  const reported = redactResponseBody(body) as Record<string, unknown>;
  for (const key of ['phoneNumber', 'email'] as const) {
    assert.equal(shared[key], redactString(body[key]), key);
    assert.equal(reported[key], redactString(body[key]), key);
  }
  assert.deepEqual(personalStrings(body).sort(), ['+370 600 12345', 'jonas@example.com', 'user-42'].sort());
});
