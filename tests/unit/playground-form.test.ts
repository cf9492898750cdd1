/**
 * The playground's form ⇄ scenario: a form made from a scenario gives the same scenario back (and
 * the same prediction), every invalid control value is reported for its control, and JSON mode
 * sends text that does not parse as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  convertBody,
  defaultForm,
  formFromScenario,
  jsonModeSends,
  readSupportedDocuments,
  scenarioFromForm,
  splitList,
  type FormState,
} from '../../src/client/playground/form.ts';
import { predict } from '../../src/predict/predict.ts';
import { catalogue } from '../../src/catalogue/index.ts';
import type { ScenarioInput } from '../../src/token/scenario.ts';
import { decodeScenario, encodeScenario } from '../../src/share/scenario-link.ts';

const outcomeOf = (scenario: ScenarioInput) => {
  const { status, entry, problems, warnings } = predict(scenario);
  return { status, entry, problems, warnings };
};

test('the default form is the default request', () => {
  const form = defaultForm();
  assert.equal(form.method, 'POST');
  assert.equal(form.bodyMode, 'json');
  assert.deepEqual(JSON.parse(form.body), { clientId: 'user-42' });
  const read = scenarioFromForm(form);
  assert.deepEqual(read.errors, []);
  assert.deepEqual(read.scenario, { request: { body: { clientId: 'user-42' } } });
});

test('every example scenario comes back from its form with the same prediction', () => {
  for (const entry of catalogue) {
    if (!entry.example) continue;
    const { scenario } = entry.example;
    const read = scenarioFromForm(formFromScenario(scenario));
    assert.deepEqual(read.errors, [], entry.slug);
    const dropped = Object.keys(scenario.account ?? {}).filter((key) => !(key in (read.scenario.account ?? {})));
    assert.deepEqual(
      outcomeOf(read.scenario),
      outcomeOf(scenario),
      dropped.length > 0
        ? `${entry.slug}: the form dropped account.${dropped.join(', account.')}: add it to FormState, accountDefaults, formFromScenario and booleanFields (or readForm) in src/client/playground/form.ts`
        : entry.slug,
    );
    // And the form's own scenario survives a second round exactly, as a share link needs.
    assert.deepEqual(scenarioFromForm(formFromScenario(read.scenario)).scenario, read.scenario, entry.slug);
  }
});

test('a form survives a share link exactly', () => {
  const form: FormState = {
    ...defaultForm(),
    method: 'post',
    credentials: 'missing',
    body: '{\n  "clientId": "user-42",\n  "country": "LT"\n}',
    active: false,
    keyEnvironment: 'sandbox',
    requestsLastHour: '0',
    restrictTokenTypes: true,
    allowedTokenTypes: ['DOCUMENT'],
    digitStringMaxExpiry: '600',
    restrictQuestionnaires: true,
    questionnaires: '',
    restrictRiskAssessmentProfiles: true,
    riskAssessmentProfiles: 'a, b',
    supportedDocuments: '{\n  "LT": [\n    "ID_CARD"\n  ]\n}',
  };
  const read = decodeScenario(encodeScenario(scenarioFromForm(form).scenario));
  assert.equal(read.kind, 'scenario');
  assert.deepEqual(read.kind === 'scenario' && formFromScenario(read.scenario), form);
});

test('JSON mode sends text that does not parse as it is, so the prediction is the parse error', () => {
  const read = scenarioFromForm({ ...defaultForm(), body: '{"clientId": "user-42",}' });
  assert.deepEqual(read.scenario.request, { rawBody: '{"clientId": "user-42",}' });
  assert.equal(read.sentAs, 'rawBody');
  assert.ok(read.scan?.error);
  assert.equal(predict(read.scenario).entry, 'json-parse-error');
  // It comes back in JSON mode, which sends it the same way.
  assert.equal(formFromScenario(read.scenario).bodyMode, 'json');
});

test('JSON mode keeps as text what JSON would change: bare numbers and numbers too large', () => {
  assert.deepEqual(jsonModeSends('1.0'), { as: 'rawBody' });
  assert.deepEqual(jsonModeSends('{"expiryTime": 1e999}'), { as: 'rawBody' });
  assert.deepEqual(jsonModeSends('[1]'), { as: 'body', value: [1] });
  assert.equal(
    predict(scenarioFromForm({ ...defaultForm(), body: '1.0' }).scenario).body.message,
    'Invalid data. Expected a dictionary, but got float.',
  );
});

test('raw text mode sends the text even when it parses, and comes back in raw text mode', () => {
  const form = { ...defaultForm(), bodyMode: 'text' as const, body: '{"clientId":"user-42"}' };
  const read = scenarioFromForm(form);
  assert.deepEqual(read.scenario.request, { rawBody: '{"clientId":"user-42"}' });
  assert.deepEqual(formFromScenario(read.scenario), form);
});

test('invalid control values are reported for their control, never dropped', () => {
  const read = scenarioFromForm({
    ...defaultForm(),
    method: 'PO ST',
    requestsLastHour: '-1',
    digitStringMaxExpiry: '0',
    supportedDocuments: '{"LT": ["ID_CARD", "PASPORT"]}',
  });
  assert.deepEqual(
    read.errors.map((error) => error.control),
    ['method', 'requestsLastHour', 'digitStringMaxExpiry', 'supportedDocuments'],
  );
  assert.match(read.errors[3]?.message ?? '', /"PASPORT" in "LT" is not a document type/);
  assert.deepEqual(
    scenarioFromForm({ ...defaultForm(), method: '' }).errors.map((error) => error.message),
    ['Give a method name, such as POST.'],
  );
  assert.deepEqual(scenarioFromForm({ ...defaultForm(), requestsLastHour: '2.5' }).errors.length, 1);
  assert.deepEqual(
    scenarioFromForm({ ...defaultForm(), bodyMode: 'base64', body: 'ab=c' }).errors.map((error) => error.control),
    ['body'],
  );
});

test('empty number fields mean the default', () => {
  const read = scenarioFromForm({ ...defaultForm(), requestsLastHour: ' ', digitStringMaxExpiry: '' });
  assert.deepEqual(read.errors, []);
  assert.equal(read.scenario.account, undefined);
});

test('supported documents: empty is every type everywhere; JSON errors give line and column', () => {
  assert.deepEqual(readSupportedDocuments(''), { value: null });
  assert.deepEqual(readSupportedDocuments('null'), { value: null });
  assert.deepEqual(readSupportedDocuments('{"ALL": ["PASSPORT"]}'), { value: { ALL: ['PASSPORT'] } });
  assert.match((readSupportedDocuments('{"LT": [\n"ID_CARD",]}') as { error: string }).error, /line 2, column 10/);
  assert.match((readSupportedDocuments('{"lt": []}') as { error: string }).error, /"lt" is not a country/);
  assert.match((readSupportedDocuments('["LT"]') as { error: string }).error, /JSON object/);
  assert.match((readSupportedDocuments('{"LT": "ID_CARD"}') as { error: string }).error, /must be a list/);
});

test('lists are split on commas, trimmed, without empty items', () => {
  assert.deepEqual(splitList(' a, b,,c '), ['a', 'b', 'c']);
  assert.deepEqual(splitList(''), []);
});

test('switching body modes keeps the same bytes where it can', () => {
  const text = '{"clientId": "Jürgen"}';
  const bytes = convertBody(text, 'json', 'base64').body;
  assert.equal(Buffer.from(bytes, 'base64').toString('utf8'), text);
  assert.deepEqual(convertBody(bytes, 'base64', 'text'), { body: text });
  const latin1 = Buffer.from([0x7b, 0xfc, 0x7d]).toString('base64');
  assert.match(convertBody(latin1, 'base64', 'json').note ?? '', /not valid UTF-8/);
  assert.match(convertBody('%%%', 'base64', 'json').note ?? '', /did not decode/);
  assert.deepEqual(convertBody('x', 'json', 'text'), { body: 'x' });
});

/** Every control of the form, with the values a person can give it. */
const formModel = {
  method: fc.constantFrom('POST', 'GET', 'post', 'PATCH'),
  credentials: fc.constantFrom('valid', 'missing', 'invalid'),
  bodyMode: fc.constantFrom('json', 'text'),
  body: fc.oneof(fc.json(), fc.string()),
  active: fc.boolean(),
  keyEnvironment: fc.constantFrom('development', 'sandbox', 'production'),
  endpointEnvironment: fc.constantFrom('development', 'sandbox', 'production'),
  fundsAvailable: fc.boolean(),
  tokenLimitReached: fc.boolean(),
  requestsLastHour: fc.oneof(fc.constant(''), fc.nat().map(String)),
  restrictTokenTypes: fc.boolean(),
  allowedTokenTypes: fc.subarray(['IDENTIFICATION', 'DOCUMENT', 'VIDEO_CALL'] as const).map((types) => [...types]),
  customCallbackUrl: fc.boolean(),
  additionalSteps: fc.boolean(),
  digitStringMaxExpiry: fc.oneof(fc.constant(''), fc.integer({ min: 1 }).map(String)),
  restrictQuestionnaires: fc.boolean(),
  questionnaires: fc.string(),
  restrictRiskAssessmentProfiles: fc.boolean(),
  riskAssessmentProfiles: fc.string(),
  supportedDocuments: fc.constantFrom('', '{"LT": ["ID_CARD"]}'),
};

test('the random forms below set every control of the form', () => {
  assert.deepEqual(
    Object.keys(formModel).sort(),
    Object.keys(defaultForm()).sort(),
    'formModel in tests/unit/playground-form.test.ts lacks a control of FormState (or has one it no longer has): give it the values a person can set',
  );
});

test('any valid form gives a scenario the predictor accepts', () => {
  const form = fc.record(formModel);
  fc.assert(
    fc.property(form, (state) => {
      const read = scenarioFromForm(state as FormState);
      assert.deepEqual(read.errors, []);
      assert.doesNotThrow(() => predict(read.scenario));
      const back = scenarioFromForm(formFromScenario(read.scenario));
      assert.deepEqual(outcomeOf(back.scenario), outcomeOf(read.scenario));
    }),
    { numRuns: 500 },
  );
});

test('the development environment survives the form and a share link, and a dummy session there succeeds', () => {
  const form: FormState = {
    ...defaultForm(),
    body: '{\n  "clientId": "user-42",\n  "dummyStatus": "APPROVED"\n}',
    keyEnvironment: 'development',
    endpointEnvironment: 'development',
  };
  const { scenario, errors } = scenarioFromForm(form);
  assert.deepEqual(errors, []);
  assert.deepEqual(scenario.account, { keyEnvironment: 'development', endpointEnvironment: 'development' });
  const read = decodeScenario(encodeScenario(scenario));
  assert.deepEqual(read.kind === 'scenario' && formFromScenario(read.scenario), form);
  assert.equal(predict(scenario).entry, 'dummy-token-created');
});

test('a body past the limits is refused with the limit named, before anything reads it', async () => {
  const { scenarioFromForm, defaultForm } = await import('../../src/client/playground/form.ts');
  const deep = `{"clientId":"a","x":${'['.repeat(400_000)}${']'.repeat(400_000)}}`;
  const started = performance.now();
  const read = scenarioFromForm({ ...defaultForm(), body: deep });
  assert.ok(performance.now() - started < 100, 'refused at once');
  assert.match(read.errors.map((error) => error.message).join(' '), /nested more than 512 levels/);
  const large = scenarioFromForm({ ...defaultForm(), body: JSON.stringify({ clientId: 'a', x: 'y'.repeat(1_100_000) }) });
  assert.match(large.errors.map((error) => error.message).join(' '), /larger than 1 MiB/);
  // 4,000 levels once overflowed the stack; at the limit the body is read.
  assert.match(
    scenarioFromForm({ ...defaultForm(), body: `{"clientId":"a","x":${'['.repeat(4000)}${']'.repeat(4000)}}` }).errors[0]?.message ?? '',
    /512 levels/,
  );
  assert.deepEqual(scenarioFromForm({ ...defaultForm(), body: `{"clientId":"a","x":${'['.repeat(500)}${']'.repeat(500)}}` }).errors, []);
});
