/**
 * `errata lookup "<text>"`: the entries that a message, an error body or a whole HTTP response
 * most likely is, ranked by the matcher.
 */
import { parseArgs } from 'node:util';
import { lookup, type LookupResult, type Match, type MatchReason, type ReadInput } from '../catalogue/matcher.ts';
import { statusLine } from '../predict/http.ts';
import { exitCode, InputError, onePositional, parseCommandArgs, UsageError, type Command } from './command.ts';
import { readSource, type Io } from './io.ts';
import { limitWords, maxPasteCharacters } from '../limits.ts';

const defaultLimit = 5;

const help = `Usage: npm run errata -- lookup "<message | JSON body | HTTP response>" [--limit N] [--json]
       npm run errata -- lookup - < response.txt

Finds the catalogue entries that an error most likely is: paste a message (with your own
values in it, or part of it), a JSON error body, a whole "curl -i" output, an identifier or a
status. Use "-" to read the text from stdin, which suits multi-line responses.

Options:
  --limit N    Show at most N matches (default ${defaultLimit})
  --json       Print what was read and the matches as JSON
  -h, --help   Show this help

Exit codes: 0 found, 1 nothing matches, 2 bad arguments.
`;

const reasonText: Record<MatchReason, string> = {
  message: 'the whole message fits',
  'partial-message': 'part of the message fits',
  identifier: 'the identifier',
  status: 'the status',
  field: 'a field name',
  words: 'words this entry is known by',
};

/** Long pasted messages are cut in the summary; the match itself used all of them. */
function shorten(text: string, length = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function describeInput(input: ReadInput): string {
  const parts: string[] = [];
  if (input.status !== undefined) parts.push(`status ${statusLine(input.status)}`);
  if (input.identifier !== undefined) parts.push(`identifier ${input.identifier}`);
  if (input.message !== undefined) parts.push(`message "${shorten(input.message)}"`);
  if (parts.length === 0 && input.body) parts.push(`a JSON body with keys ${Object.keys(input.body).join(', ') || '(none)'}`);
  return `Read: ${parts.length > 0 ? parts.join(' · ') : 'nothing recognisable'}`;
}

function describeMatch(found: Match, rank: number): string {
  const { entry } = found;
  const percent = `${Math.round(found.score * 100)}%`.padStart(4);
  const indent = ' '.repeat(10);
  const lines = [
    `${String(rank).padStart(2)}. ${percent}  ${entry.slug} · ${statusLine(entry.status)} · ${entry.identifier ?? 'no identifier'}`,
    `${indent}${entry.title}`,
    `${indent}Matched: ${reasonText[found.reason]}`,
  ];
  const values = Object.entries(found.values).map(([name, value]) => `{${name}} = ${value}`);
  if (values.length > 0) lines.push(`${indent}Values: ${values.join(', ')}`);
  if (found.variant) lines.push(`${indent}Via a variant: ${found.variant}`);
  return lines.join('\n');
}

/** What was read, the ranked matches, and how many more there are, so none is hidden silently. */
function formatMatches(result: LookupResult, shown: readonly Match[]): string {
  const ranked = shown.map((found, index) => describeMatch(found, index + 1)).join('\n\n');
  const more = result.matches.length - shown.length;
  const rest = more > 0 ? `\n${more} more: use --limit ${result.matches.length} to see them all.` : '';
  const best = (shown[0] as Match).entry.slug;
  return `${describeInput(result.input)}\n\n${ranked}\n${rest}\nMore on the best match: npm run errata -- explain ${best}\n`;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined) return defaultLimit;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--limit must be a whole number of at least 1, not "${text}"`);
  return Number(text);
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: { limit: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.stdout(help);
    return exitCode.ok;
  }
  const limit = parseLimit(values.limit);
  const argument = onePositional(positionals, 'the text to look up or "-" for stdin', true);
  const pasteLimit = { bytes: maxPasteCharacters, words: limitWords.paste, hint: 'give the response body, its message or its status line' };
  const text = argument === '-' ? (await readSource('-', io, pasteLimit)).text : argument;
  if (argument !== '-' && Buffer.byteLength(text) > pasteLimit.bytes) {
    throw new InputError(`The text is larger than ${limitWords.paste}, the most Errata reads here: ${pasteLimit.hint}`);
  }
  if (text.trim().length === 0) throw new UsageError(`Nothing to look up: the ${argument === '-' ? 'input' : 'text'} is empty`);

  const result = lookup(text);
  const shown = result.matches.slice(0, limit);
  if (values.json) {
    io.stdout(`${JSON.stringify({ input: result.input, total: result.matches.length, matches: shown }, null, 2)}\n`);
  } else if (shown.length > 0) {
    io.stdout(formatMatches(result, shown));
  }
  if (shown.length === 0) {
    io.stderr(
      `${describeInput(result.input)}\nNo entry matches. Try a shorter piece of the message, the identifier or the status, ` +
        `or search the error reference site.\n`,
    );
    return exitCode.negative;
  }
  return exitCode.ok;
}

export const lookupCommand: Command = {
  name: 'lookup',
  summary: 'find the entries for a message, a JSON error body or an HTTP response',
  help,
  run,
};
