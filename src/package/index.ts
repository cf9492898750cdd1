/**
 * The `errata` package: iDenfy's `POST /api/v2/token` errors in an integrator's own code.
 * Everything here is pure and synchronous: no network, no file system, no DOM.
 *
 * ```ts
 * import { explainResponse, validateTokenRequest } from 'errata';
 * ```
 */
import { catalogue as fullCatalogue, findEntry, type Entry } from '../catalogue/index.ts';
import { identifiers as identifierList, isIdentifier as isIdentifierOf, type Identifier } from '../catalogue/identifiers.ts';
import { lookup as lookupText, type LookupResult, type Match } from '../catalogue/matcher.ts';
import type { Values } from '../catalogue/template.ts';
import { predict as predictScenario } from '../predict/predict.ts';
import type { Outcome, Problem, Warning } from '../predict/outcome.ts';
import { ScenarioError, type ScenarioInput } from '../token/scenario.ts';
import { entryPath, withoutTrailingSlashes } from '../site/paths.ts';
import type { z } from 'zod';
import type { TokenRequest } from '../token/request-type.ts';
import { tokenRequestSchema as requestSchema } from '../token/schema.ts';

export type { Entry, Identifier, LookupResult, Match, Outcome, Problem, Warning, ScenarioInput, TokenRequest, Values };
export type { MatchReason, ReadInput } from '../catalogue/matcher.ts';
export { ScenarioError };

/** Every catalogue entry (identifier entries, then the cases), as typed, read-only data. */
export const catalogue: readonly Entry[] = fullCatalogue;

/** The error identifiers iDenfy's API sends in `identifier`, in the reference's order. */
export const identifiers: readonly Identifier[] = identifierList;

/** True when `value` is one of the API's error identifiers (`BAD_VALUE`, `UNAUTHORIZED`, …). */
export function isIdentifier(value: unknown): value is Identifier {
  return typeof value === 'string' && isIdentifierOf(value);
}

/**
 * The zod schema of the `POST /api/v2/token` request body: each field's type and rule. Unknown
 * keys pass, as the API ignores them. Use {@link validateTokenRequest} to get the API's own
 * answers (entries and messages) rather than zod's issues.
 */
export const tokenRequestSchema: z.ZodType<TokenRequest> = requestSchema as unknown as z.ZodType<TokenRequest>;

/**
 * Predicts what `POST /api/v2/token` answers to a scenario (`{ request?, account? }`, every field
 * optional; `{}` is a healthy request): the status, the body, the entry's slug, every problem in
 * evaluation order and warnings. The same as `errata predict`.
 *
 * @throws {ScenarioError} when the scenario does not fit its schema (`error.issues` names each path).
 */
export function predict(scenario: ScenarioInput): Outcome {
  return predictScenario(scenario);
}

/** One problem the API would find in a request body. */
export interface RequestProblem {
  /** The slug of the catalogue entry (its page is `/errors/<slug>/`). */
  entry: string;
  /** The identifier the API would send, or null when the body carries only a message. */
  identifier: Identifier | null;
  /** The HTTP status the API would answer with, were this the first problem. */
  status: number;
  /** JSON Pointer to the field (`/documents/1`), or `""` for the whole body. */
  pointer: string;
  /** The message the API would send. */
  message: string;
}

/** The account settings a validation assumes; every one optional (a healthy production account). */
export type AccountInput = NonNullable<ScenarioInput['account']>;

/**
 * Every problem the API would find in a token request body, in the order it checks them (the
 * first is the one it answers with), before anything is sent. An empty array means the API
 * would accept it. `body` is the object you would send, or its JSON text; `undefined` is a
 * request sent without a body. For data of unknown shape, say so: `body as TokenRequest`.
 *
 * @param account the account's state (contract, features, limits), when it is not a healthy default.
 * @throws {ScenarioError} when `account` does not fit its schema, or `body` is beyond what Errata
 *   reads (1 MiB, 512 levels of nesting) or is not JSON data (a function, a cycle).
 */
export function validateTokenRequest(body: TokenRequest | string | undefined, account?: AccountInput): RequestProblem[] {
  // Without a body the scenario would send its sample one: a missing body is an empty one.
  const request = typeof body === 'string' ? { rawBody: body } : body === undefined ? { rawBody: '' } : { body: body as never };
  const outcome = predictScenario({ request, ...(account === undefined ? {} : { account }) });
  return outcome.problems.map((found) => {
    const entry = findEntry(found.entry) as Entry;
    return { entry: found.entry, identifier: entry.identifier, status: entry.status, pointer: found.pointer, message: found.message };
  });
}

/**
 * Ranks the catalogue against what you have in hand: a message (with your values in it, or
 * part of it), a JSON error body, a whole `curl -i` output, an identifier or a status. The
 * same as `errata lookup`; `matches` is best first.
 */
export function lookup(text: string): LookupResult {
  return lookupText(text);
}

/** A response the API sent: its status and its body, parsed or as text. */
export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ExplainOptions {
  /** The Errata site to link to (`https://errata.example`); else `ERRATA_SITE`; else no `url`. */
  site?: string;
}

/** What a response is, and what to do about it. */
export interface Explanation {
  /** The catalogue entry the response is. */
  entry: Entry;
  /** The values of the message's placeholders (`{field}` → `country`). */
  values: Values;
  /** What to do, in order. */
  fix: readonly string[];
  /** Whether sending the same request again may succeed, and when. */
  retry: { helps: boolean; note: string };
  /** The entry's page on the site: `/errors/<slug>/`. */
  path: string;
  /** The page's absolute address when a site is known (option, else `ERRATA_SITE`), else null. */
  url: string | null;
  /**
   * What the entry was found by: the body's `message` (its wording is the entry's, and `values`
   * holds what it says), or only its `identifier`, when the message is one Errata does not know:
   * then the entry is the identifier's own, with its general fix.
   */
  matchedBy: 'message' | 'identifier';
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  try {
    return JSON.stringify(body) ?? '';
  } catch {
    return '';
  }
}

function siteOf(options: ExplainOptions): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const site = options.site || env?.ERRATA_SITE;
  if (!site) return undefined;
  if (!URL.canParse(site) || !/^https?:$/.test(new URL(site).protocol)) {
    throw new TypeError(
      `The site to link to must be an http(s) address such as https://errata.example, not ${JSON.stringify(site.slice(0, 200))}`,
    );
  }
  return withoutTrailingSlashes(site);
}

/** The best of some matches: those of the response's own status first, else in rank order. */
function bestOf(matches: readonly Match[], status: number): Match | undefined {
  return [...matches].sort((a, b) => Number(b.entry.status === status) - Number(a.entry.status === status))[0];
}

/**
 * Explains a response from `POST /api/v2/token`: the entry it is, the values in its message, the
 * fix, whether a retry may help, and the entry's page. The entry is found by the body's message;
 * when Errata does not know that wording (or the body has none), by its identifier. Returns null
 * when neither fits: a response Errata does not know.
 *
 * @throws {TypeError} when `response` has no numeric `status`, or the site is not an http(s) address.
 */
export function explainResponse(response: ApiResponse, options: ExplainOptions = {}): Explanation | null {
  if (typeof response !== 'object' || response === null || typeof response.status !== 'number') {
    throw new TypeError('explainResponse needs the response as { status, body }: status a number such as 400, body parsed or as text');
  }
  const text = bodyText(response.body);
  const { input, matches } = lookupText(`HTTP/1.1 ${response.status}\n\n${text}`);
  const byMessage =
    input.message === undefined
      ? undefined
      : bestOf(
          matches.filter((found) => found.reason === 'message'),
          response.status,
        );
  // Without a known message, the identifier's own entry: the general one, not a guess among its cases.
  const byIdentifier =
    input.identifier === undefined
      ? undefined
      : bestOf(
          matches.filter(
            (found) => found.reason === 'identifier' || (found.entry.kind === 'identifier' && found.entry.identifier === input.identifier),
          ),
          response.status,
        );
  const best = byMessage ?? byIdentifier;
  if (!best) return null;
  const entry = best.entry;
  const path = entryPath(entry.slug);
  const site = siteOf(options);
  return {
    entry,
    values: best.values,
    fix: entry.fix,
    retry: { helps: entry.retry.helps, note: entry.retry.note },
    path,
    url: site === undefined ? null : `${site}${path}`,
    matchedBy: best === byMessage ? 'message' : 'identifier',
  };
}

export { catalogueVersion } from '../catalogue/index.ts';
