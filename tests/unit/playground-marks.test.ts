/**
 * Where the playground marks each problem and warning: at its field in the body text, or at the
 * control that causes it; and the response highlighter's tokens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predict } from '../../src/predict/predict.ts';
import { marksFor, problemTarget } from '../../src/client/playground/marks.ts';
import { jsonTokens } from '../../src/client/playground/render.ts';
import { scenarioFromForm, defaultForm } from '../../src/client/playground/form.ts';

/** The marks of a body typed in JSON mode, as [marked text, severity, start of message]. */
function marked(body: string, account = {}) {
  const read = scenarioFromForm({ ...defaultForm(), body, ...account });
  const outcome = predict(read.scenario);
  return marksFor(outcome, read.scan, 'json', body).map((mark) => [
    body.slice(mark.from, mark.to),
    mark.severity,
    mark.message.slice(0, 28),
  ]);
}

test('each problem is marked at its value, and an unknown key at the key', () => {
  const body = '{\n  "clientId": "user-42",\n  "country": "LTU",\n  "documents": ["ID_CARD", "PASPORT"],\n  "clientID": 1\n}';
  assert.deepEqual(marked(body), [
    ['"LTU"', 'error', "BAD_VALUE: Field 'country' m"],
    ['"PASPORT"', 'error', "BAD_VALUE: Field 'documents'"],
    ['"clientID"', 'warning', 'Unknown field "clientID" is '],
  ]);
});

test('a missing field is marked at the brace of the object that lacks it', () => {
  assert.deepEqual(marked(' {"client_id": "x"}')[0], ['{', 'error', "MISSING_VALUE: Field 'client"]);
});

test('a parse error is marked where it is, with its line and column', () => {
  const [mark] = marked('{\n  "clientId": "user-42",\n}');
  assert.equal(mark?.[0], ',');
  const read = scenarioFromForm({ ...defaultForm(), body: '{\n  "clientId": "user-42",\n}' });
  const message = marksFor(predict(read.scenario), read.scan, 'json', '{\n  "clientId": "user-42",\n}')[0]?.message;
  assert.match(message ?? '', /^Line 2, column 24: A trailing comma is not allowed in JSON: remove it\. The API answers JSON_ERROR/);
});

test('a body that is not an object is marked whole; account problems go to their control', () => {
  assert.deepEqual(marked('[1, 2]')[0]?.slice(0, 2), ['[1, 2]', 'error']);
  const read = scenarioFromForm({ ...defaultForm(), active: false, method: 'GET' });
  const outcome = predict(read.scenario);
  assert.deepEqual(
    outcome.problems.map((problem) => problemTarget(problem, read.scan, 'json')),
    [
      { kind: 'control', control: 'active' },
      { kind: 'control', control: 'method' },
    ],
  );
  assert.deepEqual(marksFor(outcome, read.scan, 'json', read.scenario.request?.rawBody ?? ''), []);
});

test('in base64 mode, body problems point at the editor as a whole', () => {
  const read = scenarioFromForm({ ...defaultForm(), bodyMode: 'base64', body: Buffer.from([0xff]).toString('base64') });
  const outcome = predict(read.scenario);
  assert.equal(outcome.entry, 'body-not-utf8');
  assert.deepEqual(problemTarget(outcome.problems[0]!, read.scan, 'base64'), { kind: 'control', control: 'body' });
});

test('a "did you mean" warning carries its fix', () => {
  const body = '{"clientID": "user-42"}';
  const read = scenarioFromForm({ ...defaultForm(), body });
  const marks = marksFor(predict(read.scenario), read.scan, 'json', body);
  const warning = marks.find((mark) => mark.severity === 'warning');
  assert.deepEqual(warning?.fix, { label: 'Rename to "clientId"', text: '"clientId"' });
});

test('the response highlighter tells keys from strings, and keeps every character', () => {
  const text = JSON.stringify({ message: 'a "quoted" \\ text', n: -1.5e3, ok: true, none: null, list: [1] }, null, 2);
  const tokens = jsonTokens(text);
  assert.equal(tokens.map((token) => token.text).join(''), text);
  assert.deepEqual(
    tokens.filter((token) => token.kind !== 'space' && token.kind !== 'punctuation').map((token) => [token.kind, token.text]),
    [
      ['key', '"message"'],
      ['string', '"a \\"quoted\\" \\\\ text"'],
      ['key', '"n"'],
      ['number', '-1500'],
      ['key', '"ok"'],
      ['literal', 'true'],
      ['key', '"none"'],
      ['literal', 'null'],
      ['key', '"list"'],
      ['number', '1'],
    ],
  );
});
