/**
 * The order of evaluation: the API checks a request stage by stage and answers with the first
 * failure. This list is the one statement of that order; the predictor runs it and the
 * evaluation page is generated from it. Every message comes from a catalogue entry.
 */
import { tokenFields } from '../token/fields.ts';
import { fieldSchemas } from '../token/schema.ts';
import { compile, Invalid } from '../schema/compile.ts';
import { businessRules } from './business-rules.ts';
import { decodeUtf8, isJsonObject, parseJson, pythonTypeName, type JsonValue, type RawBody } from './body.ts';
import { pointerTo, problem, type Problem } from './outcome.ts';
import type { Scenario } from '../token/scenario.ts';

/** What the stages learn about the request as they go. */
export interface Context {
  scenario: Scenario;
  source: RawBody;
  /** The body as text, once it decoded. */
  text: string | undefined;
  /** The body's JSON value, once it parsed. */
  json: JsonValue | undefined;
  /** The body as an object, once it is known to be one. */
  object: Record<string, unknown> | undefined;
  /** Fields that were sent (not null) and passed their rule. */
  valid: Map<string, unknown>;
  /** Fields that were sent and broke their rule. */
  invalid: Set<string>;
}

export interface Stage {
  id: string;
  title: string;
  /** What the stage checks, for the evaluation page. */
  description: string;
  /** Why the stage sits here: what the reference says, or what Errata infers. */
  basis: string;
  /** The entries the stage can produce, in the order it checks them. */
  entries: readonly string[];
  /**
   * What the stage needs from the stages before it; without it, the stage is not run:
   * `body` a body that decoded (or arrived as JSON), `object` a body that parsed to an object.
   */
  needs?: 'body' | 'object';
  run(context: Context): Problem[];
}

/**
 * Each field's zod schema compiled once: the field stage runs on every prediction, and through
 * zod a broken rule cost several microseconds (an error object) where the compiled parser
 * costs a fraction of one.
 */
const fieldParsers = tokenFields.map((field) => {
  const schema = fieldSchemas.get(field.name);
  return { field, parse: schema ? compile(schema) : (value: unknown) => value };
});

/** Each field's place in the order of checking, by name. */
const fieldOrder = new Map(tokenFields.map((field, index) => [field.name, index]));

/**
 * The places of the known fields a body has, in the order they are checked: most bodies send few
 * of some seventy. Every own string key, enumerable or not, as Object.hasOwn finds them.
 */
function fieldsSent(object: Record<string, unknown>): number[] {
  const sent: number[] = [];
  for (const key of Object.getOwnPropertyNames(object)) {
    const index = fieldOrder.get(key);
    if (index !== undefined) sent.push(index);
  }
  return sent.sort((a, b) => a - b);
}

/** Each entry once, in order of first appearance. */
function unique(slugs: readonly string[]): string[] {
  return [...new Set(slugs)];
}

/** The API's cap on requests per hour (reference: "10,000 requests per hour"). */
export const hourlyRequestLimit = 10_000;

/** Whether an account that made this many requests in the past hour is refused by the rate limit. */
export function rateLimitReached(requestsLastHour: number): boolean {
  return requestsLastHour >= hourlyRequestLimit;
}

export const evaluationOrder: readonly Stage[] = [
  {
    id: 'credentials',
    title: 'Credentials',
    description: 'The HTTP Basic credentials must be present and belong to an account.',
    basis: 'Documented: authentication errors "occur before any request processing".',
    entries: ['invalid-credentials'],
    run({ scenario }) {
      return scenario.request.credentials === 'valid' ? [] : [problem('invalid-credentials', '')];
    },
  },
  {
    id: 'account',
    title: 'Account',
    description: 'The account must be active, its key must belong to the environment called, and it must have funds.',
    basis: 'Documented as authentication errors; their order among themselves is inferred.',
    entries: ['partner-inactive', 'wrong-environment', 'insufficient-funds'],
    run({ scenario: { account } }) {
      const problems: Problem[] = [];
      if (!account.active) problems.push(problem('partner-inactive', ''));
      if (account.keyEnvironment !== account.endpointEnvironment) {
        problems.push(problem('wrong-environment', '', { ENV: account.keyEnvironment.toUpperCase() }));
      }
      if (!account.fundsAvailable) problems.push(problem('insufficient-funds', ''));
      return problems;
    },
  },
  {
    id: 'rate-limit',
    title: 'Rate limit',
    description: `At most ${hourlyRequestLimit.toLocaleString('en-US')} requests in the past hour.`,
    basis: "Inferred: the API's framework (Django REST framework) throttles after authentication and before it dispatches on the method.",
    entries: ['rate-limit-exceeded'],
    run({ scenario }) {
      return rateLimitReached(scenario.account.requestsLastHour) ? [problem('rate-limit-exceeded', '')] : [];
    },
  },
  {
    id: 'method',
    title: 'Method',
    description: 'The method must be POST, in capitals.',
    basis: 'Inferred: the framework dispatches on the method after authentication and throttling.',
    entries: ['wrong-http-method'],
    run({ scenario }) {
      const { method } = scenario.request;
      return method === 'POST' ? [] : [problem('wrong-http-method', '', { method })];
    },
  },
  {
    id: 'encoding',
    title: 'Encoding',
    description: 'The body bytes must be valid UTF-8.',
    basis: 'Inferred: a body must be decoded before it can be parsed.',
    entries: ['body-not-utf8'],
    run(context) {
      const { source } = context;
      if (source.kind === 'json') return [];
      if (source.kind === 'text') {
        context.text = source.text;
        return [];
      }
      const text = decodeUtf8(source.bytes);
      if (text === null) return [problem('body-not-utf8', '')];
      context.text = text;
      return [];
    },
  },
  {
    id: 'parsing',
    title: 'Parsing',
    description: 'The body must be JSON, not empty, not null, and an object.',
    basis:
      "The reference's request parsing errors give the messages; the identifiers, and the same answer for malformed JSON as for an empty body, are inferred.",
    entries: ['json-parse-error', 'body-null', 'body-not-object'],
    needs: 'body',
    run(context) {
      const { source } = context;
      const json = source.kind === 'json' ? source.value : parseJson(context.text ?? '');
      if (json === undefined) return [problem('json-parse-error', '')];
      context.json = json;
      if (json === null) return [problem('body-null', '')];
      if (!isJsonObject(json)) {
        const type = pythonTypeName(json, source.kind === 'json' ? undefined : context.text);
        return [problem('body-not-object', '', { type })];
      }
      context.object = json;
      return [];
    },
  },
  {
    id: 'required',
    title: 'Required fields',
    description: '`clientId` must be present and not null.',
    basis: 'Documented: `clientId` is required.',
    entries: ['client-id-missing'],
    needs: 'object',
    run({ object }) {
      const clientId = object?.clientId;
      return clientId === undefined || clientId === null || !Object.hasOwn(object ?? {}, 'clientId')
        ? [problem('client-id-missing', pointerTo('clientId'))]
        : [];
    },
  },
  {
    id: 'fields',
    title: 'Field rules',
    description:
      "Each field sent is checked against its rule, one field at a time: the reference's table order first, then every other field in schema order. Each field reports its first broken rule.",
    basis: "The reference's field table; the order is inferred from it.",
    entries: unique(tokenFields.map((field) => field.entry)),
    needs: 'object',
    run(context) {
      const object = context.object as Record<string, unknown>;
      const problems: Problem[] = [];
      for (const index of fieldsSent(object)) {
        const { field, parse } = fieldParsers[index] as (typeof fieldParsers)[number];
        const value = object[field.name];
        if (value === null) continue;
        const result = parse(value);
        if (!(result instanceof Invalid)) {
          context.valid.set(field.name, value);
          continue;
        }
        context.invalid.add(field.name);
        const path = result.path.filter((key): key is string | number => typeof key === 'string' || typeof key === 'number');
        problems.push(problem(field.entry, pointerTo(field.name, ...path), { field: field.name }));
      }
      return problems;
    },
  },
  {
    id: 'dummy-session',
    title: 'Dummy session environment',
    description:
      '`dummyStatus`, when sent (not null) and valid, needs a key of the development environment; sandbox and production keys are refused.',
    basis:
      "Documented: iDenfy's 2026 documentation answers a dummy session outside development with a 403 and no identifier. Its place, after the field rules (it needs the parsed field) and before the business rules, is inferred.",
    entries: ['dummy-outside-development'],
    needs: 'object',
    run({ valid, scenario }) {
      return valid.has('dummyStatus') && scenario.account.keyEnvironment !== 'development'
        ? [problem('dummy-outside-development', pointerTo('dummyStatus'))]
        : [];
    },
  },
  {
    id: 'business-rules',
    title: 'Business rules',
    description:
      "Fields valid alone but not together, or not for this account, in the reference's table order. A rule is not checked when a field it reads broke its own rule.",
    basis:
      "The reference's business logic table, in its order; `additionalData` without `additionalSteps` comes from iDenfy's token documentation.",
    entries: businessRules.map((rule) => rule.entry),
    needs: 'object',
    run({ valid, invalid, scenario }) {
      const problems: Problem[] = [];
      for (const rule of businessRules) {
        if (rule.reads.some((name) => invalid.has(name))) continue;
        const breach = rule.check(valid, scenario.account);
        if (breach) problems.push(problem(rule.entry, breach.pointer, breach.values));
      }
      return problems;
    },
  },
  {
    id: 'token-limit',
    title: 'Token limit',
    description: 'The account must have a verification token left.',
    basis: 'Inferred: using up a token is the last step before the token is created.',
    entries: ['token-limit-reached'],
    needs: 'object',
    run({ scenario }) {
      return scenario.account.tokenLimitReached ? [problem('token-limit-reached', '')] : [];
    },
  },
];
