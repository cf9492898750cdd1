/**
 * A zod schema compiled, once, into a plain function that parses as zod does: same values
 * accepted, same output, and on a refusal the path of the first issue zod would report. zod stays
 * the one statement of every schema (its refinements are called as they are); what the compiled
 * function saves is zod's per-call machinery: a payload and an issue list per value, the union's
 * attempts, an error object per failure. Profiles put that at a third of a prediction.
 *
 * Only the kinds of schema Errata uses are compiled, each exactly; a schema with any other kind
 * (or check) is refused when compiled, so a caller never gets an approximation. Equivalence with
 * zod is pinned by property tests (tests/unit/compile-schema.test.ts).
 */
import type { z } from 'zod';

/** A refusal: the path of the first issue zod reports for the value (`[]` for the value itself). */
export class Invalid {
  readonly path: readonly PropertyKey[];

  constructor(path: readonly PropertyKey[]) {
    this.path = path;
  }

  /** The same refusal, one level further in: under an object key or an array index. */
  within(key: PropertyKey): Invalid {
    return new Invalid([key, ...this.path]);
  }
}

/** Shared by every refusal of a value itself, as refusals are common and their paths read-only. */
const here = new Invalid([]);

/** The compiled parser: the output zod gives, or an Invalid. */
export type Compiled = (value: unknown) => unknown;

/** zod's definitions, as far as the compiler reads them. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  coerce?: boolean;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  options?: Schema[];
  getter?: () => Schema;
  innerType?: Schema;
  defaultValue?: unknown;
  shape?: Record<string, Schema>;
  catchall?: Schema;
}

interface CheckDef {
  check: string;
  fn?: (value: unknown) => unknown;
  path?: PropertyKey[];
  pattern?: RegExp;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
}

type Schema = z.core.$ZodType & { _zod: { def: Def; optin?: string; optout?: string; values?: ReadonlySet<unknown> } };

/** A schema kind or check the compiler does not know: compile() refuses it rather than guess. */
export class NotCompilable extends Error {
  override name = 'NotCompilable';
}

/** zod's own test for a record: an object whose prototype is Object's (or none). */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const maker = (value as { constructor?: unknown }).constructor;
  if (maker === undefined || typeof maker !== 'function') return true;
  const prototype = (maker as { prototype?: unknown }).prototype;
  if (typeof prototype !== 'object' || prototype === null || Array.isArray(prototype)) return false;
  return Object.hasOwn(prototype, 'isPrototypeOf');
}

/** A value check of a check definition: true when the value passes. */
function compileCheck(check: CheckDef): (value: never) => boolean {
  switch (check.check) {
    case 'custom': {
      const fn = check.fn as (value: unknown) => unknown;
      return (value) => Boolean(fn(value));
    }
    case 'string_format': {
      // Only `.regex()`: zod's other formats (url, base64, …) check more than their pattern.
      const pattern = check.pattern;
      if (check.format !== 'regex' || !pattern) break;
      return (value: string) => {
        pattern.lastIndex = 0;
        return pattern.test(value);
      };
    }
    case 'greater_than': {
      const { value: bound, inclusive } = check;
      if (typeof bound !== 'number') break;
      return inclusive ? (value: number) => value >= bound : (value: number) => value > bound;
    }
    case 'min_length': {
      const { minimum } = check;
      // On strings zod counts code points; arrays are all the compiler lets this check reach.
      if (typeof minimum !== 'number') break;
      return (value: unknown[]) => value.length >= minimum;
    }
  }
  throw new NotCompilable(`zod check "${check.check}" is not compiled`);
}

/** Runs checks in order; a failing check refuses the value at the check's own path, if it has one. */
function withChecks(schema: Schema, parse: Compiled, allowed: readonly string[]): Compiled {
  const checks = (schema._zod.def.checks ?? []).map((check) => {
    const def = check._zod.def as unknown as CheckDef;
    if (!allowed.includes(def.check)) throw new NotCompilable(`zod check "${def.check}" on a ${schema._zod.def.type} is not compiled`);
    return { passes: compileCheck(def), refusal: def.path?.length ? new Invalid(def.path) : here };
  });
  if (checks.length === 0) return parse;
  return (value) => {
    const output = parse(value);
    if (output instanceof Invalid) return output;
    for (const check of checks) if (!check.passes(output as never)) return check.refusal;
    return output;
  };
}

export interface CompileOptions {
  /**
   * Schemas whose value the caller replaces with its own input once parsed: they are checked
   * exactly, but their arrays and objects are not copied into the output (for a large JSON body,
   * the copy is most of the cost).
   */
  checkOnly?: readonly z.ZodType[];
}

/** Compiles a schema; throws NotCompilable when it uses a kind the compiler does not know. */
export function compile(schema: z.ZodType, options: CompileOptions = {}): Compiled {
  const checkOnly = new Set(options.checkOnly as unknown as Schema[] | undefined);
  return compileWith(schema as unknown as Schema, { copies: new Map(), checks: new Map(), checkOnly }, true);
}

interface Compiling {
  /** What is compiled so far, by schema: parsers that copy, and parsers that only check. */
  copies: Map<Schema, Compiled>;
  checks: Map<Schema, Compiled>;
  checkOnly: ReadonlySet<Schema>;
}

function compileWith(schema: Schema, compiling: Compiling, copy: boolean): Compiled {
  const copies = copy && !compiling.checkOnly.has(schema);
  const compiled = copies ? compiling.copies : compiling.checks;
  const known = compiled.get(schema);
  if (known) return known;
  // A schema can refer to itself (z.json() does, through z.lazy): calls go through this slot.
  let target: Compiled = () => {
    throw new Error('A compiled schema was called before it was compiled');
  };
  compiled.set(schema, (value) => target(value));
  target = compileKind(schema, (inner) => compileWith(inner, compiling, copies), copies);
  compiled.set(schema, target);
  return target;
}

function compileKind(schema: Schema, sub: (schema: Schema) => Compiled, copies: boolean): Compiled {
  const def = schema._zod.def;
  if (def.coerce) throw new NotCompilable('coercing schemas are not compiled');
  switch (def.type) {
    case 'string':
      // z.email() and the like are strings with a format of their own.
      if (def.format !== undefined) throw new NotCompilable(`string format "${def.format}" is not compiled`);
      return withChecks(schema, (value) => (typeof value === 'string' ? value : here), ['custom', 'string_format']);
    case 'number': {
      // z.int() is a number whose format is itself a check: safe integers only.
      if (def.format !== undefined && def.format !== 'safeint') throw new NotCompilable(`number format "${def.format}" is not compiled`);
      const integer = def.format === 'safeint';
      return withChecks(
        schema,
        (value) => (typeof value === 'number' && Number.isFinite(value) && (!integer || Number.isSafeInteger(value)) ? value : here),
        ['custom', 'greater_than'],
      );
    }
    case 'boolean':
      return withChecks(schema, (value) => (typeof value === 'boolean' ? value : here), []);
    case 'null':
      return withChecks(schema, (value) => (value === null ? value : here), []);
    case 'unknown':
      return withChecks(schema, (value) => value, []);
    case 'enum': {
      const values = schema._zod.values as ReadonlySet<unknown>;
      return withChecks(schema, (value) => (values.has(value) ? value : here), []);
    }
    case 'array': {
      const element = sub(def.element as Schema);
      return withChecks(
        schema,
        (value) => {
          if (!Array.isArray(value)) return here;
          const output = copies ? new Array<unknown>(value.length) : value;
          for (let index = 0; index < value.length; index++) {
            const item = element(value[index]);
            if (item instanceof Invalid) return item.within(index);
            if (copies) output[index] = item;
          }
          return output;
        },
        ['min_length'],
      );
    }
    case 'record':
      return withChecks(schema, compileRecord(def, sub, copies), []);
    case 'union': {
      const options = (def.options ?? []).map((option) => ({ parse: sub(option), accepts: kindsAccepted(option) }));
      // By the kind of value, the options that could accept it, in order: z.json() no longer tries
      // string, number, boolean and null on each object of a body before it reaches the record.
      const byKind = new Map(
        valueKinds.map((kind) => [
          kind,
          options.filter(({ accepts }) => accepts === undefined || accepts.has(kind)).map(({ parse }) => parse),
        ]),
      );
      return withChecks(
        schema,
        (value) => {
          for (const option of byKind.get(kindOf(value)) as Compiled[]) {
            const output = option(value);
            if (!(output instanceof Invalid)) return output;
          }
          return here;
        },
        [],
      );
    }
    case 'lazy': {
      const getter = def.getter as () => Schema;
      // Compiled on first use: the schema may refer to itself.
      let inner: Compiled | undefined;
      return withChecks(
        schema,
        (value) => {
          inner ??= sub(getter());
          return inner(value);
        },
        [],
      );
    }
    case 'optional': {
      const innerSchema = def.innerType as Schema;
      const inner = sub(innerSchema);
      const substitutes = innerSchema._zod.optin === 'defaulted';
      return withChecks(schema, (value) => (value === undefined && !substitutes ? undefined : inner(value)), []);
    }
    case 'nullable': {
      const inner = sub(def.innerType as Schema);
      return withChecks(schema, (value) => (value === null ? null : inner(value)), []);
    }
    case 'default': {
      const inner = sub(def.innerType as Schema);
      // zod's defaultValue is a getter that hands out a shallow copy each time.
      return withChecks(
        schema,
        (value) => {
          if (value === undefined) return def.defaultValue;
          const output = inner(value);
          return output === undefined ? def.defaultValue : output;
        },
        [],
      );
    }
    case 'object':
      return withChecks(schema, compileObject(def, sub, copies), ['custom']);
  }
  throw new NotCompilable(`zod type "${def.type}" is not compiled`);
}

const valueKinds = ['string', 'number', 'boolean', 'null', 'undefined', 'array', 'object', 'other'] as const;
type ValueKind = (typeof valueKinds)[number];

function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined' || type === 'object' ? type : 'other';
}

/**
 * The kinds of value a schema's compiled parser can accept (it refuses every other kind at its
 * first test), or undefined when that is not known: a union uses it to skip options that must fail.
 */
function kindsAccepted(schema: Schema): ReadonlySet<ValueKind> | undefined {
  const def = schema._zod.def;
  const withKind = (inner: ReadonlySet<ValueKind> | undefined, kind: ValueKind) => (inner ? new Set(inner).add(kind) : undefined);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return new Set([def.type]);
    case 'null':
      return new Set(['null']);
    case 'array':
      return new Set(['array']);
    case 'record':
    case 'object':
      return new Set(['object']);
    case 'enum':
      return new Set([...(schema._zod.values ?? [])].map(kindOf));
    case 'optional':
    case 'default':
      return withKind(kindsAccepted(def.innerType as Schema), 'undefined');
    case 'nullable':
      return withKind(kindsAccepted(def.innerType as Schema), 'null');
    case 'lazy':
      // Its getter may name a schema not yet defined when this one is compiled: any kind, then.
      return undefined;
    case 'union': {
      const kinds = new Set<ValueKind>();
      for (const option of def.options ?? []) {
        const accepted = kindsAccepted(option);
        if (accepted === undefined) return undefined;
        for (const kind of accepted) kinds.add(kind);
      }
      return kinds;
    }
    default:
      return undefined;
  }
}

/** A record with string keys: zod reads own enumerable keys, skips `__proto__`, and copies the rest. */
function compileRecord(def: Def, sub: (schema: Schema) => Compiled, copies: boolean): Compiled {
  const keyType = def.keyType as Schema;
  if (keyType._zod.def.type !== 'string') throw new NotCompilable('records whose keys are not strings are not compiled');
  const key = sub(keyType);
  const readValue = sub(def.valueType as Schema);
  return (value) => {
    if (!isPlainObject(value)) return here;
    const output: Record<PropertyKey, unknown> = copies ? {} : value;
    // Reflect.ownKeys's order is the string keys in Object.keys's order, then the symbols: read
    // apart, the string keys need no check of enumerability, as Object.keys gives only those.
    for (const name of Object.keys(value)) {
      if (name === '__proto__') continue;
      if (key(name) instanceof Invalid) return new Invalid([name]);
      const item = readValue(value[name]);
      if (item instanceof Invalid) return item.within(name);
      if (copies) output[name] = item;
    }
    // The keys are strings (checked above, when compiled): an enumerable symbol key is refused.
    for (const symbol of Object.getOwnPropertySymbols(value)) {
      if (Object.prototype.propertyIsEnumerable.call(value, symbol)) return new Invalid([symbol]);
    }
    return output;
  };
}

/**
 * An object, property by property in the shape's order, as zod's own parser decides whether a
 * key appears in the output: a default always does, an optional key only when it was there.
 * A strict object then refuses keys outside its shape.
 */
function compileObject(def: Def, sub: (schema: Schema) => Compiled, copies: boolean): Compiled {
  if (!copies) throw new NotCompilable('objects are always copied');
  const shape = def.shape ?? {};
  const catchall = def.catchall?._zod.def.type;
  if (catchall !== undefined && catchall !== 'never') throw new NotCompilable(`objects with a "${catchall}" catchall are not compiled`);
  const known = new Set(Object.keys(shape));
  const properties = Object.keys(shape)
    .filter((name) => name !== '__proto__')
    .map((name) => {
      const schema = shape[name] as Schema;
      return { name, parse: sub(schema), optin: schema._zod.optin, optional: schema._zod.optout === 'optional' };
    });
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return here;
    const input = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (const { name, parse, optin, optional } of properties) {
      const present = name in input;
      const parsed = parse(input[name]);
      if (parsed instanceof Invalid) {
        // An optional key that is absent is not held against the object.
        if (optin !== undefined && optional && !present) continue;
        return parsed.within(name);
      }
      if (optin === undefined) {
        if (!present) return new Invalid([name]);
        output[name] = parsed;
      } else if (optional) {
        if (optin === 'optional' ? present : parsed !== undefined || present) output[name] = parsed;
      } else if (optin === 'defaulted' || parsed !== undefined || present) {
        output[name] = parsed;
      }
    }
    if (catchall === 'never') {
      for (const name in input) if (!known.has(name)) return here;
    }
    return output;
  };
}
