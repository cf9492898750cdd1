/**
 * The playground's JSON scanner: it accepts exactly what JSON.parse accepts, reports where text
 * breaks, and turns a JSON Pointer into the text range of its value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineColumn, locate, parsePointer, pointerRange, scanJson } from '../../src/json/text.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The text of the value a pointer points at. */
const at = (text: string, pointer: string) => {
  const range = pointerRange(text, pointer);
  return range && text.slice(range.from, range.to);
};

test('a pointer leads to the text of its value', () => {
  const text = '{\n  "clientId": "user-42",\n  "documents": ["ID_CARD", "DRIVING_LICENSE"],\n  "address": {"city": "Vilnius"}\n}';
  assert.equal(at(text, '/clientId'), '"user-42"');
  assert.equal(at(text, '/documents'), '["ID_CARD", "DRIVING_LICENSE"]');
  assert.equal(at(text, '/documents/1'), '"DRIVING_LICENSE"');
  assert.equal(at(text, '/address/city'), '"Vilnius"');
  assert.equal(at(text, ''), text);
});

test('a missing value points at the bracket of the object or array that lacks it', () => {
  const text = ' {"client_id": "user-42"}';
  assert.deepEqual(pointerRange(text, '/clientId'), { from: 1, to: 2 });
  assert.deepEqual(pointerRange('[1]', '/5'), { from: 0, to: 1 });
  assert.deepEqual(locate(scanJson('{"a": 1}').root, '/a/b'), null, 'a pointer through a scalar leads nowhere');
});

test('pointers unescape ~1 and ~0, and the last of duplicate keys wins, as in JSON.parse', () => {
  assert.deepEqual(parsePointer('/a~1b/c~0d/~01'), ['a/b', 'c~d', '~1']);
  assert.equal(parsePointer('no-slash'), null);
  const text = '{"a/b": 1, "c~d": 2, "x": "first", "x": "last", "\\u0063lientId": 7}';
  assert.equal(at(text, '/a~1b'), '1');
  assert.equal(at(text, '/c~0d'), '2');
  assert.equal(at(text, '/x'), '"last"');
  assert.equal(at(text, '/clientId'), '7', 'escaped keys are decoded');
  const located = locate(scanJson(text).root, '/x');
  assert.ok(located?.found && located.key);
  assert.equal(text.slice(located.key.from, located.key.to), '"x"');
});

test('array indexes are decimal without leading zeros', () => {
  assert.equal(at('["a", "b"]', '/1'), '"b"');
  assert.equal(at('["a", "b"]', '/01'), '["a", "b"]'.slice(0, 1));
  assert.equal(at('["a", "b"]', '/-'), '[');
});

test('syntax errors are found where they are, in plain words', () => {
  const cases: [string, number, RegExp][] = [
    ['', 0, /empty/],
    ['   \n', 0, /empty/],
    ['{"clientId": "user-42",}', 22, /trailing comma/],
    ['["a",]', 4, /trailing comma/],
    ['{"clientId": "user-42"', 22, /ends inside an object/],
    ["{'clientId': 'user-42'}", 1, /double quotes/],
    ['{clientId: 1}', 1, /double quotes/],
    ['{"a": True}', 6, /lower case/],
    ['{"a": 1 "b": 2}', 8, /Expected "," or "}"/],
    ['{"a" 1}', 5, /Expected ":"/],
    ['{"a": "line\nbreak"}', 11, /escaped/],
    ['{"a": "\\x"}', 7, /Unknown escape/],
    ['{"a": "\\u12g4"}', 7, /four hexadecimal/],
    ['{"a": 01}', 7, /Expected "," or "}"/],
    ['{"a": -}', 6, /minus/],
    ['{"a": 1.}', 7, /decimal point/],
    ['{"a": 1e}', 6, /exponent/],
    ['{"a": "open', 6, /not closed/],
    ['{} {}', 3, /after the end/],
    ['// note\n{}', 0, /comments/],
    ['\uFEFF{}', 0, /byte order mark/],
  ];
  for (const [text, from, message] of cases) {
    const { error } = scanJson(text);
    assert.ok(error, `no error for ${JSON.stringify(text)}`);
    assert.equal(error.from, from, `${JSON.stringify(text)}: ${error.message}`);
    assert.match(error.message, message, JSON.stringify(text));
    assert.equal(parses(text), false, JSON.stringify(text));
  }
});

test('an error still leaves the part of the tree that was read', () => {
  const text = '{"clientId": "user-42", "country": "LT", "documents": ["ID_CARD",';
  const scan = scanJson(text);
  assert.ok(scan.error);
  assert.equal(locate(scan.root, '/country')?.found, true);
  assert.equal(at(text, '/documents/0'), '"ID_CARD"');
});

test('line and column count from 1', () => {
  assert.deepEqual(lineColumn('ab\ncd', 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumn('ab\ncd', 4), { line: 2, column: 2 });
  assert.deepEqual(lineColumn('ab', 99), { line: 1, column: 3 });
});

// ── Agreement with JSON.parse ────────────────────────────────────────────────

/** Text near JSON: valid documents, then cut, spliced and sprinkled with JSON's own characters. */
const nearJson = fc.oneof(
  fc.json(),
  fc
    .tuple(fc.json(), fc.nat(), fc.nat())
    .map(([text, a, b]) => text.slice(Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1))),
  fc
    .tuple(
      fc.json(),
      fc.nat(),
      fc.constantFrom(
        ',',
        ':',
        '"',
        '\\',
        '{',
        '}',
        '[',
        ']',
        ' ',
        '\n',
        '\t',
        '-',
        '0',
        '1',
        '.',
        'e',
        'E',
        '+',
        'u',
        'n',
        't',
        'f',
        '\u0001',
        '\u00a0',
        '\uFEFF',
        "'",
      ),
    )
    .map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1))),
  fc.string({
    unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', 'a', 'e', '-', '.', ' ', 'true', 'null', 'false'),
  }),
);

test('the scanner accepts exactly what JSON.parse accepts', () => {
  fc.assert(
    fc.property(nearJson, (text) => {
      const scan = scanJson(text);
      assert.equal(scan.error === null, parses(text), `${JSON.stringify(text)}: ${scan.error?.message}`);
      if (scan.error) {
        assert.ok(scan.error.from >= 0 && scan.error.from <= text.length && scan.error.to <= text.length);
      }
    }),
    { numRuns: 3000 },
  );
});

test('every value of a parsed document is found by its pointer, and its text parses to the value', () => {
  const pointers = (value: unknown, prefix = ''): [string, unknown][] => {
    const own: [string, unknown][] = [[prefix, value]];
    if (Array.isArray(value)) return own.concat(value.flatMap((item, index) => pointers(item, `${prefix}/${index}`)));
    if (typeof value === 'object' && value !== null) {
      return own.concat(
        Object.entries(value).flatMap(([key, item]) => pointers(item, `${prefix}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`)),
      );
    }
    return own;
  };
  fc.assert(
    fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
      const text = JSON.stringify(value, null, indent);
      for (const [pointer, expected] of pointers(JSON.parse(text))) {
        const slice = at(text, pointer);
        assert.ok(slice !== null, pointer);
        assert.deepEqual(JSON.parse(slice), expected, pointer);
      }
    }),
    { numRuns: 500 },
  );
});
