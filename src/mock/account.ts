/**
 * The account state the mock answers for: the server's own (the scenario's account form, from
 * `--account FILE` or `PUT /__errata/account`) and the per-request override in the
 * `Errata-Account` header, merged over it. Both are checked by the scenario's own account
 * schema, so they accept exactly what a scenario file does.
 */
import { maxNestingDepth, jsonTextDepth } from '../limits.ts';
import { accountSchema, formatPath, type Account } from '../token/scenario.ts';

/** An account that does not fit the schema; the message names each problem's path. */
export class AccountError extends Error {
  override name = 'AccountError';
}

function describeIssues(
  issues: readonly { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] }[],
): string {
  return issues
    .flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? (issue.keys ?? []).map((key) => `${formatPath([...issue.path, key])}: unknown key, not an account field`)
        : [`${formatPath(issue.path) || '(the account itself)'}: ${issue.message}`],
    )
    .join('; ');
}

function validated(input: unknown): Account {
  const result = accountSchema.safeParse(input);
  if (!result.success) throw new AccountError(describeIssues(result.error.issues as never));
  return result.data;
}

/** A whole account: every field optional, defaults filled in. */
export function parseAccount(input: unknown): Account {
  return validated(input);
}

/** The account fields an override sets, validated; the fields it leaves out are not in the result. */
export function parseAccountOverride(input: unknown): Partial<Account> {
  const full = validated(input);
  const given: Record<string, unknown> = {};
  for (const key of Object.keys(input as object)) given[key] = full[key as keyof Account];
  return given as Partial<Account>;
}

/** JSON text of an account, as in a file, a header or a request body. */
export function parseAccountJson(text: string, parse: (input: unknown) => Account | Partial<Account>): Account | Partial<Account> {
  if (jsonTextDepth(text) > maxNestingDepth) throw new AccountError(`nested deeper than ${maxNestingDepth} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AccountError(`not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AccountError('must be a JSON object in the account form, such as {"active": false}');
  }
  return parse(value);
}

/**
 * The `Errata-Account` header read into the fields it sets, with the last results kept: a test
 * suite sends the same few headers again and again, and validating is the costly part.
 */
export class AccountHeaderReader {
  private readonly known = new Map<string, Partial<Account> | AccountError>();
  private readonly capacity: number;

  constructor(capacity = 256) {
    this.capacity = capacity;
  }

  /** The override of a header value; throws an AccountError naming what is wrong. */
  read(value: string): Partial<Account> {
    let found = this.known.get(value);
    if (found === undefined) {
      try {
        // Header values arrive as Latin-1; the JSON was sent as UTF-8.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII; anything past it is not
        const text = /[^\x00-\x7f]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
        found = parseAccountJson(text, parseAccountOverride) as Partial<Account>;
      } catch (error) {
        if (!(error instanceof AccountError)) throw error;
        found = error;
      }
      if (this.known.size >= this.capacity) this.known.delete(this.known.keys().next().value as string);
      this.known.set(value, found);
    }
    if (found instanceof AccountError) throw found;
    return found;
  }
}
