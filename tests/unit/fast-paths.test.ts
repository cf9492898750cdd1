/**
 * The predictor's hand-made fast paths agree with the plain definitions they replace: the banded
 * edit distance with the full Levenshtein table, the UTF-8 check with a fatal TextDecoder, and the
 * JSON value's measure with its serialization.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance } from '../../src/edit-distance.ts';
import { suggestField } from '../../src/predict/warnings.ts';
import { decodeUtf8 } from '../../src/predict/body.ts';
import { jsonValueMeasure, utf8Length } from '../../src/limits.ts';

/** Levenshtein distance, the whole table, capped at limit + 1 as editDistance reports it. */
function fullTable(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return Math.min(previous[b.length] as number, limit + 1);
}

test('the banded edit distance equals the full table up to its limit', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
  fc.assert(
    fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) =>
      assert.equal(editDistance(a, b, limit), fullTable(a, b, limit)),
    ),
    { numRuns: 20_000, seed: 3 },
  );
});

test('suggestions find near misses of every kind', () => {
  assert.equal(suggestField('clientID'), 'clientId');
  assert.equal(suggestField('clientld'), 'clientId');
  assert.equal(suggestField('client_id'), 'clientId');
  assert.equal(suggestField('expirytime'), 'expiryTime');
  assert.equal(suggestField('callbackUr'), 'callbackUrl');
  assert.equal(suggestField('foo'), undefined);
});

test('the UTF-8 check agrees with a fatal TextDecoder on any bytes', () => {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decoded = (bytes: Uint8Array) => {
    try {
      return strict.decode(bytes);
    } catch {
      return null;
    }
  };
  // Bytes at the edges of UTF-8's ranges, so that overlong forms, surrogates and cut sequences come up often.
  const edge = fc.constantFrom(0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 10 }),
    fc.array(fc.oneof(edge, fc.integer({ min: 0, max: 255 })), { maxLength: 10 }).map((each) => new Uint8Array(each)),
  );
  fc.assert(
    fc.property(bytes, (each) => assert.equal(decodeUtf8(each), decoded(each))),
    { numRuns: 50_000, seed: 5 },
  );
});

/** The depth of a JSON value by recursion, the plain definition. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

test("a JSON value's measure gives its depth and never less than its JSON text's UTF-8 bytes", () => {
  // Strings of every kind: escapes (control characters, quotes), two- and three-byte characters, lone surrogates.
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0001', 'é', '€', '\ud800') }),
  );
  const value = fc.letrec<{ json: unknown }>((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('json')),
      fc.dictionary(text, tie('json')),
    ),
  })).json;
  fc.assert(
    fc.property(value, (json) => {
      const { depth, bytesAtMost } = jsonValueMeasure(json);
      assert.equal(depth, depthOf(json));
      assert.ok(bytesAtMost >= utf8Length(JSON.stringify(json)), `bound ${bytesAtMost} for ${JSON.stringify(json)}`);
    }),
    { numRuns: 3000, seed: 5 },
  );
  // The longest numbers JSON writes (25 characters), many of them: the bound must still hold.
  const longNumbers = { clientId: 'x', a: Array<number>(1000).fill(-1.2345678901234567e-6) };
  assert.ok(jsonValueMeasure(longNumbers).bytesAtMost >= utf8Length(JSON.stringify(longNumbers)));
  // An array is read by index, as JSON.stringify reads it, whatever iterator it has of its own.
  const hiding = ['x'.repeat(1000)];
  Object.defineProperty(hiding, Symbol.iterator, { value: function* () {} });
  assert.ok(jsonValueMeasure(hiding).bytesAtMost >= 1002);
  // Values JSON.stringify reads by their own rules have no bound.
  assert.equal(jsonValueMeasure({ when: new Date(0) }).bytesAtMost, Number.POSITIVE_INFINITY);
  assert.equal(jsonValueMeasure([{ toJSON: () => 'x'.repeat(100) }]).bytesAtMost, Number.POSITIVE_INFINITY);
});
