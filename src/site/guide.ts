/**
 * The data behind the guide /guides/handling-errors/: what each status and identifier means for
 * an integration's code, read from the catalogue so that the guide's tables never drift from it.
 * The error kinds here are the `kind` values of the guide's code samples.
 */
import { catalogue, entriesWithStatus, identifierEntry, statuses, type Entry } from '../catalogue/index.ts';
import { identifiers, type Identifier } from '../catalogue/identifiers.ts';
import { predict } from '../predict/predict.ts';

/** What an integration does with a failed request: the `kind` of the guide's error class. */
export type ErrorKind = 'rate_limit' | 'server' | 'credentials' | 'account' | 'request' | 'network' | 'unexpected';

export const retryableKinds: readonly ErrorKind[] = ['rate_limit', 'server', 'network'];

export const kindAdvice: Readonly<Record<ErrorKind, string>> = {
  rate_limit: 'Wait, then retry with back-off.',
  server: 'Retry with back-off; contact iDenfy if it persists.',
  credentials: 'Fix the API key or secret in your configuration; alert an operator.',
  account: 'Alert whoever manages the iDenfy account: funds, credits, contract or environment.',
  request: 'Fix the request: a bug in your code or bad input.',
  network: 'Retry with back-off, once the retry is safe.',
  unexpected: 'Log status and body; do not retry.',
};

/**
 * What a 4xx identifier means for your code. Typed over every identifier, so a new one cannot be
 * left out. Identifiers not listed with another kind mean "fix the request".
 */
export const identifierKinds: Readonly<Record<Identifier, Exclude<ErrorKind, 'network' | 'unexpected'>>> = {
  INTERNAL_ERROR: 'server',
  BAD_VALUE: 'request',
  MISSING_VALUE: 'request',
  UNAUTHORIZED: 'credentials',
  ENCODING_ERROR: 'request',
  JSON_ERROR: 'request',
  TOKEN_NOT_VALID: 'request',
  PARTNER_CONTRACT_ERROR: 'account',
  METHOD_NOT_ALLOWED: 'request',
  PERMISSIONS_ERROR: 'account',
  TOO_MANY_REQUESTS: 'rate_limit',
  VALIDATION_ERROR: 'request',
  // Seen on deletion only (a token not expired yet): the request cannot be done as it stands.
  PARTNER_ERROR: 'request',
};

/**
 * The kind a status alone decides, in the samples' order: 429, 5xx, 401, 402 and 403. Other 4xx
 * statuses leave it to the identifier (`undefined`); a 2xx is a success (`null`).
 */
export function statusKind(status: number): ErrorKind | null | undefined {
  if (status >= 200 && status < 300) return null;
  if (status === 429) return 'rate_limit';
  if (status >= 500) return 'server';
  if (status === 401) return 'credentials';
  if (status === 402 || status === 403) return 'account';
  if (status >= 400) return undefined;
  return 'unexpected';
}

/** Whether retrying helps, from the entries' own `retry.helps`. */
export type RetryVerdict = 'success' | 'yes' | 'no' | 'some';

export interface StatusRow {
  status: number;
  kind: ErrorKind | null | undefined;
  retry: RetryVerdict;
  /** The entries with this status whose retry helps, when only some do. */
  retryHelps: Entry[];
  /** The identifiers the entries of this status carry, each with its entry and how many cases carry it. */
  identifiers: { entry: Entry; cases: number }[];
  /** The entries of this status that carry no identifier. */
  withoutIdentifier: Entry[];
  total: number;
}

function live(entries: readonly Entry[]): Entry[] {
  return entries.filter((entry) => entry.retired === undefined);
}

export function statusRows(): StatusRow[] {
  return statuses.map((status) => {
    const entries = live(entriesWithStatus(status));
    const helps = entries.filter((entry) => entry.retry.helps);
    const retry: RetryVerdict = status < 300 ? 'success' : helps.length === entries.length ? 'yes' : helps.length === 0 ? 'no' : 'some';
    const carried = identifiers.filter((identifier) => entries.some((entry) => entry.identifier === identifier));
    return {
      status,
      kind: statusKind(status),
      retry,
      retryHelps: retry === 'some' ? helps : [],
      identifiers: carried.map((identifier) => ({
        entry: identifierEntry(identifier),
        cases: entries.filter((entry) => entry.kind === 'case' && entry.identifier === identifier).length,
      })),
      withoutIdentifier: entries.filter((entry) => entry.identifier === null),
      total: entries.length,
    };
  });
}

export interface IdentifierRow {
  identifier: Identifier;
  entry: Entry;
  /** The statuses it comes with: its entry's, then those of the cases that carry it. */
  statuses: number[];
  kind: ErrorKind;
}

export function identifierRows(): IdentifierRow[] {
  return identifiers.map((identifier) => {
    const entry = identifierEntry(identifier);
    const withIt = live(catalogue.filter((candidate) => candidate.identifier === identifier));
    return {
      identifier,
      entry,
      statuses: [...new Set([entry.status, ...withIt.map((candidate) => candidate.status)])].sort((a, b) => a - b),
      kind: statusKind(entry.status) ?? identifierKinds[identifier],
    };
  });
}

export interface TestScenario {
  entry: Entry;
  scenario: unknown;
  status: number;
  identifier: string | null;
  kind: ErrorKind | null;
}

/**
 * One example scenario per thing a handler tells apart: each identifier-less case, and the first
 * case of each identifier, status by status. Status and identifier come from the predictor.
 */
export function testScenarios(): TestScenario[] {
  const picked: Entry[] = [];
  for (const status of statuses) {
    const cases = live(entriesWithStatus(status)).filter((entry) => entry.kind === 'case' && entry.example);
    for (const entry of cases) {
      if (entry.identifier === null || !picked.some((other) => other.identifier === entry.identifier)) picked.push(entry);
    }
  }
  return picked.map((entry) => {
    const scenario = entry.example?.scenario ?? {};
    const outcome = predict(scenario);
    const identifier = typeof outcome.body.identifier === 'string' ? outcome.body.identifier : null;
    const byStatus = statusKind(outcome.status);
    const kind =
      byStatus !== undefined
        ? byStatus
        : identifier && identifier in identifierKinds
          ? identifierKinds[identifier as Identifier]
          : 'request';
    return { entry, scenario, status: outcome.status, identifier, kind };
  });
}

/** The guide's complete handlers: real files that the page shows and the tests compile and run against errata mock. */
export const handlerFiles = {
  python: 'docs/examples/guide/idenfy.py',
  javascript: 'docs/examples/guide/idenfy.mjs',
  php: 'docs/examples/guide/idenfy.php',
} as const;

export type HandlerLanguage = keyof typeof handlerFiles;

/** The Errata address the handler files name; the page shows the site's own in its place. */
export const handlerSite = 'http://localhost:4321';

/** A handler's source as the page shows it: the same file, its `ERRATA` constant naming this site. */
export function handlerSource(source: string, site: string): string {
  const uses = source.split(`'${handlerSite}'`).length + source.split(`"${handlerSite}"`).length - 2;
  if (uses !== 1) throw new Error(`A guide handler should name ${handlerSite} once, as its ERRATA constant; it does ${uses} times.`);
  return source.replace(/(["'])http:\/\/localhost:4321\1/, (quoted) => `${quoted[0]}${site}${quoted[0]}`);
}

/** The Python handler's two functions that read an error without throwing, shown on their own. */
export function pythonReadError(source: string): string {
  const from = source.indexOf('def json_object(response):');
  const to = source.indexOf('\n\n\ndef error_kind(');
  if (from < 0 || to < from) throw new Error(`${handlerFiles.python} no longer has json_object and read_error before error_kind.`);
  return source.slice(from, to);
}

/**
 * What each handler file must say of the catalogue, as that language writes it: the identifiers
 * that are not "request" with their kind, the retryable kinds, every identifier and every error
 * status (for the links to Errata), and the token URL. The handlers are files to copy, so they
 * spell these out; a test holds them to the catalogue.
 */
export function handlerFacts(language: HandlerLanguage, tokenUrl: string): string[] {
  const special = identifiers.filter((identifier) => identifierKinds[identifier] !== 'request');
  const errorStatuses = statuses.filter((status) => status >= 400);
  const quote = language === 'python' ? '"' : "'";
  const literal = (value: string | number) => (typeof value === 'string' ? `${quote}${value}${quote}` : String(value));
  const inline = (open: string, values: readonly (string | number)[], close: string) => `${open}${values.map(literal).join(', ')}${close}`;
  const block = (open: string, items: readonly string[], close: string, indent: string) =>
    `${open}\n${items.map((item) => `${indent}${item},`).join('\n')}\n${close}`;
  const quotedIdentifiers = identifiers.map(literal);
  switch (language) {
    case 'python':
      return [
        `TOKEN_URL = os.environ.get("IDENFY_TOKEN_URL", "${tokenUrl}")`,
        block(
          'IDENTIFIER_KINDS = {',
          special.map((identifier) => `"${identifier}": "${identifierKinds[identifier]}"`),
          '}',
          '    ',
        ),
        `RETRYABLE_KINDS = ${inline('{', retryableKinds, '}')}`,
        `KNOWN_IDENTIFIERS = ${block('{', quotedIdentifiers, '}', '    ')}`,
        `KNOWN_STATUSES = ${inline('{', errorStatuses, '}')}`,
      ];
    case 'javascript':
      return [
        `const TOKEN_URL = process.env.IDENFY_TOKEN_URL ?? '${tokenUrl}';`,
        block(
          'const IDENTIFIER_KINDS = new Map([',
          special.map((identifier) => `['${identifier}', '${identifierKinds[identifier]}']`),
          ']);',
          '  ',
        ),
        `const RETRYABLE_KINDS = new Set(${inline('[', retryableKinds, ']')});`,
        `const KNOWN_IDENTIFIERS = new Set(${block('[', quotedIdentifiers, ']', '  ')});`,
        `const KNOWN_STATUSES = new Set(${inline('[', errorStatuses, ']')});`,
      ];
    case 'php':
      return [
        `const IDENFY_TOKEN_URL = '${tokenUrl}';`,
        block(
          'const IDENFY_IDENTIFIER_KINDS = [',
          special.map((identifier) => `'${identifier}' => '${identifierKinds[identifier]}'`),
          '];',
          '    ',
        ),
        `const IDENFY_RETRYABLE_KINDS = ${inline('[', retryableKinds, ']')};`,
        `const ERRATA_IDENTIFIERS = ${block('[', quotedIdentifiers, ']', '    ')};`,
        `const ERRATA_STATUSES = ${inline('[', errorStatuses, ']')};`,
      ];
  }
}
