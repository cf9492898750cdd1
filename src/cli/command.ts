/**
 * What every command shares: its shape, its exit codes, and turning what the user typed into
 * flags and arguments, where anything unknown or left over is an error rather than ignored.
 */
import type { Io } from './io.ts';

export const exitCode = {
  ok: 0,
  /** The command worked but the answer is "no": an error prediction, nothing found. */
  negative: 1,
  /** The command could not run: bad arguments or unusable input. */
  usage: 2,
  /** Errata itself failed: a bug. */
  internal: 3,
} as const;

export interface Command {
  name: string;
  /** One line for the top-level usage. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  run(args: string[], io: Io): Promise<number>;
}

/** The arguments are wrong: reported with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The input is unusable (missing file, malformed JSON, a scenario that does not fit): exit 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Runs a strict parseArgs call, turning its errors into UsageErrors with a short message. */
export function parseCommandArgs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    const unknown = /Unknown option '([^']+)'/.exec((error as Error).message);
    if (unknown) {
      throw new UsageError(`Unknown option '${unknown[1]}' (to pass text that starts with "-", put it after "--")`);
    }
    throw new UsageError((error as Error).message);
  }
}

/**
 * The one argument a command takes; a missing or extra one is an error, never dropped. For text
 * arguments, the error shows how to quote what was probably meant as one.
 */
export function onePositional(positionals: readonly string[], what: string, text = false): string {
  const [first, ...extra] = positionals;
  if (first === undefined) throw new UsageError(`Missing argument: give ${what}`);
  if (extra.length > 0) {
    const given = positionals.map((value) => JSON.stringify(value)).join(', ');
    const hint = text ? `; quote text with spaces, as in "${positionals.join(' ')}"` : '';
    throw new UsageError(`Too many arguments (${given}): give only ${what}${hint}`);
  }
  return first;
}
