/**
 * The compiled schemas parse exactly as zod does: on random values, the compiled parser accepts
 * what zod accepts, gives the same output (keys in the same order), and refuses at the path of
 * zod's first issue. Values are drawn near the schemas' boundaries, so that most of them are
 * accepted by some rules and refused by others.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod';
import { compile, Invalid, NotCompilable } from '../../src/schema/compile.ts';
import { fieldSchemas } from '../../src/token/schema.ts';
import { accountSchema, parseScenario, requestSchema, ScenarioError, scenarioSchema } from '../../src/token/scenario.ts';
import { countryCodes, documentTypes, tokenTypes } from '../../src/token/enums.ts';

/** Same acceptance, same output (deep, keys in order), same first path. */
function assertSameAsZod(schema: z.ZodType, parse: (value: unknown) => unknown, value: unknown): void {
  const expected = schema.safeParse(value);
  const actual = parse(value);
  if (expected.success) {
    assert.ok(
      !(actual instanceof Invalid),
      `zod accepts ${JSON.stringify(value)}, the compiled parser refuses it at ${String((actual as Invalid).path)}`,
    );
    assert.deepStrictEqual(actual, expected.data);
    assert.equal(JSON.stringify(actual), JSON.stringify(expected.data), 'keys in another order');
  } else {
    assert.ok(actual instanceof Invalid, `zod refuses ${JSON.stringify(value)}, the compiled parser accepts it`);
    assert.deepStrictEqual(actual.path, expected.error.issues[0]?.path);
  }
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', 'lt', 'LT', 'LTU', 'ALL', 'M', 'F', 'x'.repeat(101), '😀'.repeat(50), '😀'.repeat(51)),
  fc.constantFrom(...countryCodes.slice(0, 5), ...documentTypes.slice(0, 4), ...tokenTypes),
  fc.constantFrom(
    'https://example.com/a',
    'http://example.com',
    'https://',
    'https:// x',
    'https://exa mple.com',
    `https://e.com/${'a'.repeat(2040)}`,
  ),
  fc.constantFrom('2024-02-29', '2023-02-29', '0000-01-01', '1990-12-24', '24/12/1990'),
  fc.uuid().map(String),
);
const number = fc.oneof(
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.constantFrom(0, 1, 59, 60, 3600, 3601, 2_592_000, 2_592_001, 0.5, -0, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity),
  fc.double(),
);
const leaf = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.constant(undefined));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ maxDepth: 3 }, leaf, tie('array'), tie('object')),
  array: fc.oneof(fc.array(tie('any'), { maxLength: 4 }), fc.array(text, { maxLength: 4 })),
  object: fc.oneof(
    fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('ALL', 'LT', '__proto__', 'constructor')), tie('any'), {
      maxKeys: 4,
    }),
    fc.constant(Object.create(null)),
    fc.constant(new Date(0)),
  ),
})).any;

test('every field schema compiles and parses as zod does', () => {
  for (const [name, schema] of fieldSchemas) {
    const parse = compile(schema);
    fc.assert(
      fc.property(value, (each) => assertSameAsZod(schema, parse, each)),
      { numRuns: 400, seed: name.length },
    );
  }
});

const account = fc.record(
  {
    active: fc.oneof(fc.boolean(), leaf),
    keyEnvironment: fc.constantFrom('development', 'sandbox', 'production', 'staging'),
    requestsLastHour: number,
    allowedTokenTypes: fc.oneof(fc.constant(null), fc.subarray([...tokenTypes]), fc.array(text, { maxLength: 2 })),
    digitStringMaxExpiry: number,
    questionnaires: fc.oneof(fc.constant(null), fc.array(text, { maxLength: 2 })),
    supportedDocuments: fc.oneof(
      fc.constant(null),
      fc.dictionary(fc.constantFrom('ALL', 'LT', 'lt', 'XX'), fc.subarray([...documentTypes].slice(0, 4)), { maxKeys: 3 }),
      value,
    ),
    other: leaf,
  },
  { requiredKeys: [] },
);
const request = fc.record(
  {
    method: fc.constantFrom('POST', 'GET', 'post', 'PO ST', ''),
    credentials: fc.constantFrom('valid', 'missing', 'invalid', 'none'),
    body: value,
    rawBody: fc.oneof(text, number),
    rawBodyBase64: fc.constantFrom('eyJ9', 'e yJ9', 'eyJ', '!!', ''),
  },
  { requiredKeys: [] },
);

test('the scenario schema compiles and parses as zod does, defaults and refinements included', () => {
  const parse = compile(scenarioSchema);
  const scenario = fc.oneof(fc.record({ request, account }, { requiredKeys: [] }), value);
  fc.assert(
    fc.property(scenario, (each) => assertSameAsZod(scenarioSchema, parse, each)),
    { numRuns: 3000, seed: 13 },
  );
  for (const schema of [requestSchema, accountSchema]) {
    const part = compile(schema);
    fc.assert(
      fc.property(fc.oneof(request, account, value), (each) => assertSameAsZod(schema, part, each)),
      { numRuns: 1000, seed: 7 },
    );
  }
});

test('parseScenario, through the compiled schema, gives what zod gives, the body as it was sent', () => {
  const scenario = fc.oneof(fc.record({ request, account }, { requiredKeys: [] }), value);
  fc.assert(
    fc.property(scenario, (each) => {
      const expected = scenarioSchema.safeParse(each);
      let actual: unknown;
      try {
        actual = parseScenario(each);
      } catch (error) {
        assert.ok(error instanceof ScenarioError, String(error));
        assert.ok(!expected.success, `parseScenario refuses what zod accepts: ${(error as Error).message}`);
        return;
      }
      assert.ok(expected.success, 'parseScenario accepts what zod refuses');
      const body = (each as { request?: { body?: unknown } }).request?.body;
      if (body !== undefined) expected.data.request.body = body as never;
      assert.deepStrictEqual(actual, expected.data);
      assert.equal((actual as { request: { body?: unknown } }).request.body, body, 'the body is the one sent');
    }),
    { numRuns: 3000, seed: 17 },
  );
});

test('records read keys as zod does: integer-like keys first, non-enumerable ones skipped, symbols refused', () => {
  const schemas = [z.record(z.string(), z.number()), z.json(), accountSchema.shape.supportedDocuments];
  const hidden = Object.defineProperty({ b: 1 }, 'a', { value: 'x', enumerable: false });
  const hiddenSymbol = Object.defineProperty({ b: 1 }, Symbol('s'), { value: 1, enumerable: false });
  const values: unknown[] = [
    { b: 1, 2: 'x', 1: 2 },
    { b: 'x', [Symbol('s')]: 1 },
    { [Symbol('s')]: 1, LT: ['PASSPORT'] },
    hidden,
    hiddenSymbol,
    { ALL: ['PASSPORT'], lt: ['ID_CARD'] },
  ];
  for (const schema of schemas) {
    const parse = compile(schema);
    for (const value of values) assertSameAsZod(schema, parse, value);
  }
});

test('a union may name, through z.lazy, a schema defined after it is compiled', () => {
  const union = z.union([z.lazy(() => later), z.string()]);
  const parse = compile(union);
  const later = z.number();
  for (const value of [1, 'a', true, null, undefined]) assertSameAsZod(union, parse, value);
});

test('a default is a fresh copy each time, as zod hands it out', () => {
  const parse = compile(scenarioSchema);
  const first = parse({}) as { account: object };
  const second = parse({}) as { account: object };
  assert.deepStrictEqual(first, second);
  assert.notEqual(first.account, second.account);
});

test('a schema kind the compiler does not know is refused when compiled, never approximated', () => {
  for (const schema of [
    z.email(),
    z.string().url(),
    z.string().transform((text) => text.length),
    z.looseObject({}),
    z.string().max(3),
    z.coerce.number(),
  ]) {
    assert.throws(() => compile(schema), NotCompilable);
  }
});
