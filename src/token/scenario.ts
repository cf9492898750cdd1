/**
 * A scenario: one request to `POST /api/v2/token` and the state of the account that sends it.
 * Every field is optional with a healthy default, so `{}` predicts a success. No field names an
 * outcome: every outcome follows from the request and the account.
 */
import { z } from 'zod';
import { jsonTextDepth, jsonValueMeasure, limitWords, maxBodyBytes, maxNestingDepth, utf8Length } from '../limits.ts';
import { countryCodes, documentTypes, tokenTypes } from './enums.ts';
import { compile, Invalid } from '../schema/compile.ts';

/** The request body used when a scenario sends none. */
export const defaultBody = { clientId: 'user-42' } as const;

/** iDenfy's environments: development (DEV, where dummy sessions work), sandbox (testing) and production. */
const environment = z.enum(['development', 'sandbox', 'production']);

/** An HTTP method token as RFC 9110 defines it; case matters, as in HTTP. */
const method = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Must be an HTTP method name such as "POST" or "GET"');

/** Base64 that decodes: the alphabet, `=` padding only at the end, and a length atob accepts. */
export function isBase64(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return false;
  try {
    atob(compact);
    return true;
  } catch {
    return false;
  }
}

const base64 = z
  .string()
  .refine((text) => /^[A-Za-z0-9+/]*={0,2}$/.test(text.replace(/\s+/g, '')), 'Must be base64 (A–Z, a–z, 0–9, +, / and = padding)')
  .refine(isBase64, 'Must be base64 of whole bytes: check that nothing was cut off or added')
  // The check above in JSON Schema words, for the published scenario schema.
  .meta({ pattern: '^[A-Za-z0-9+/\\s]*={0,2}\\s*$' });

const countryOrAll = z
  .string()
  .refine(
    (key) => key === 'ALL' || (countryCodes as readonly string[]).includes(key),
    'Keys must be "ALL" or an upper-case ISO 3166-1 alpha-2 code',
  );

/** Any JSON value: the body's schema, named so that the compiled parser can leave it uncopied. */
const jsonBody = z.json();

export const requestSchema = z
  .strictObject({
    /** The HTTP method; anything but POST is refused. */
    method: method.default('POST'),
    /** Whether the request carries the account's API key and secret. */
    credentials: z.enum(['valid', 'missing', 'invalid']).default('valid'),
    /**
     * The body as JSON: any JSON value, `null` included. A whole number given here is read as an
     * integer (`100.0` cannot be told from `100` once parsed): send `rawBody` to keep its spelling.
     */
    body: jsonBody.optional(),
    /** The body as raw text, sent as it is: for empty or malformed JSON. */
    rawBody: z.string().optional(),
    /** The body as base64 bytes: for bodies that are not valid UTF-8. */
    rawBodyBase64: base64.optional(),
  })
  .refine((request) => [request.body, request.rawBody, request.rawBodyBase64].filter((part) => part !== undefined).length <= 1, {
    message: 'Give at most one of "body", "rawBody" and "rawBodyBase64"',
  })
  // The refinement above, in JSON Schema words, for the published scenario schema.
  .meta({
    not: {
      anyOf: [{ required: ['body', 'rawBody'] }, { required: ['body', 'rawBodyBase64'] }, { required: ['rawBody', 'rawBodyBase64'] }],
    },
  });

export const accountSchema = z.strictObject({
  /** Whether the partner account is enabled. */
  active: z.boolean().default(true),
  /** The environment of the API key used. */
  keyEnvironment: environment.default('production'),
  /** The environment the request is sent to. */
  endpointEnvironment: environment.default('production'),
  /** Whether the balance and expense limit allow another verification. */
  fundsAvailable: z.boolean().default(true),
  /** Whether the account has used all its verification tokens. */
  tokenLimitReached: z.boolean().default(false),
  /** Requests already made in the past hour, before this one. */
  requestsLastHour: z.int().min(0, 'Must be 0 or more').default(0),
  /** The token types the contract allows; null allows all. */
  allowedTokenTypes: z.array(z.enum(tokenTypes)).nullable().default(null),
  /** Whether the custom callback URL feature is enabled. */
  customCallbackUrl: z.boolean().default(true),
  /** Whether the additional steps feature is enabled. */
  additionalSteps: z.boolean().default(true),
  /** The longest `expiryTime` allowed with `generateDigitString`, in seconds. */
  digitStringMaxExpiry: z.int().min(1, 'Must be at least 1 second').default(3600),
  /** The account's questionnaire keys; null means any key is known. */
  questionnaires: z.array(z.string()).nullable().default(null),
  /** The account's risk assessment profile IDs; null means any ID is known. */
  riskAssessmentProfiles: z.array(z.string()).nullable().default(null),
  /** Document types supported per country (or "ALL"); null supports every type everywhere. */
  supportedDocuments: z
    .record(countryOrAll, z.array(z.enum(documentTypes)))
    .nullable()
    .default(null),
});

export const scenarioSchema = z.strictObject({
  request: requestSchema.default({ method: 'POST', credentials: 'valid' }),
  account: accountSchema.default(accountSchema.parse({})),
});

/**
 * The scenario schema compiled once (src/schema/compile.ts): every prediction from raw input
 * parses one. The body is checked, not copied, as parseScenario keeps the body as given.
 */
const parseFast = compile(scenarioSchema, { checkOnly: [jsonBody] }) as (input: unknown) => Scenario | Invalid;

/** What a person writes: every field optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** What the predictor reads: every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Account = Scenario['account'];

/** A scenario that does not fit the schema, with the path and reason of each problem. */
export class ScenarioError extends Error {
  readonly issues: readonly { path: string; message: string }[];

  constructor(issues: readonly { path: string; message: string }[]) {
    super(`The scenario is not valid:\n${issues.map((issue) => `  ${issue.path || '(scenario)'}: ${issue.message}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** `["request", "body"]` → `request.body`; array indexes in brackets. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

type Issue = { path: string; message: string };

const tooDeep = `is nested more than ${maxNestingDepth} levels deep (arrays and objects): Errata reads request bodies of at most ${limitWords.depth}`;
const tooLarge = (bytes: number) =>
  `is ${bytes.toLocaleString('en-US')} bytes: Errata reads request bodies of at most ${limitWords.body} (${maxBodyBytes.toLocaleString('en-US')} bytes)`;

/** How many bytes base64 text decodes to, without decoding it. */
function base64Bytes(text: string): number {
  let length = 0;
  let padding = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x3d /* = */) padding++;
    else if (code > 0x20) length++;
  }
  return Math.floor(((length + padding) * 3) / 4) - padding;
}

/**
 * The limits of src/limits.ts, checked before the schema reads anything: a body nested a million
 * levels deep would overflow the stack of any recursive reader, zod's included, so its depth is
 * measured first, without recursion.
 */
function limitIssues(input: unknown): Issue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const request = (input as Record<string, unknown>).request;
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    // Anything deep elsewhere is refused by the strict schema at its first level, never walked.
    return [];
  }
  const { body, rawBody, rawBodyBase64 } = request as Record<string, unknown>;
  const issues: Issue[] = [];
  if (body !== undefined) {
    const { depth, bytesAtMost } = jsonValueMeasure(body);
    if (depth > maxNestingDepth) issues.push({ path: 'request.body', message: `The body ${tooDeep}` });
    // Most bodies are far below the limit: only those that may not be are serialized and counted.
    else if (bytesAtMost > maxBodyBytes) {
      const json = JSON.stringify(body) ?? '';
      // A UTF-16 unit is at most three bytes of UTF-8: most bodies need no counting.
      const bytes = json.length * 3 <= maxBodyBytes ? 0 : utf8Length(json);
      if (bytes > maxBodyBytes) issues.push({ path: 'request.body', message: `The body ${tooLarge(bytes)}` });
    }
  }
  if (typeof rawBody === 'string') {
    const bytes = utf8Length(rawBody);
    if (bytes > maxBodyBytes) issues.push({ path: 'request.rawBody', message: `The body ${tooLarge(bytes)}` });
    else if (jsonTextDepth(rawBody) > maxNestingDepth) issues.push({ path: 'request.rawBody', message: `The body ${tooDeep}` });
  }
  if (typeof rawBodyBase64 === 'string') {
    const bytes = base64Bytes(rawBodyBase64);
    if (bytes > maxBodyBytes) issues.push({ path: 'request.rawBodyBase64', message: `The body ${tooLarge(bytes)}` });
    else if (isBase64(rawBodyBase64)) {
      // Brackets are ASCII, so reading the bytes as Latin-1 counts them as the API's parser would.
      const latin1 = atob(rawBodyBase64.replace(/\s+/g, ''));
      if (jsonTextDepth(latin1) > maxNestingDepth) issues.push({ path: 'request.rawBodyBase64', message: `The body ${tooDeep}` });
    }
  }
  return issues;
}

/** Validates a scenario and fills its defaults, or throws a ScenarioError naming every problem. */
export function parseScenario(input: unknown): Scenario {
  const limits = limitIssues(input);
  if (limits.length > 0) throw new ScenarioError(limits);
  const parsed = parseFast(input);
  // A refusal is parsed again by zod itself, which says why in its own words.
  const result = parsed instanceof Invalid ? scenarioSchema.safeParse(input) : ({ success: true, data: parsed } as const);
  if (result.success) {
    const { body } = (input as { request?: { body?: unknown } }).request ?? {};
    // The body exactly as given: the schema's copy would drop a "__proto__" key the user wrote,
    // and with it the warning that the API ignores it.
    if (body !== undefined) result.data.request.body = body as Scenario['request']['body'];
    return result.data;
  }
  throw new ScenarioError(
    result.error.issues.flatMap((issue) =>
      // An unknown key is named by its own path, so the person sees exactly what to remove.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            path: formatPath([...issue.path, key]),
            message: `Unknown key "${key}": remove it or check its spelling`,
          }))
        : [{ path: formatPath(issue.path), message: issue.message }],
    ),
  );
}
