/**
 * `errata triage FILE|- [--json]`: every iDenfy error in a log or any text, grouped by catalogue
 * entry with its count, first and last line, and the fix. Read line by line from the file or
 * standard input (src/search/log-triage.ts), so a gigabyte log takes a few megabytes. A HAR file
 * is read entry by entry instead, each response as one "line" numbered by its entry (from 1).
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogue, type Entry } from '../catalogue/index.ts';
import { catalogueMatcher, matchVariants } from '../catalogue/matcher.ts';
import { HarFormatError } from '../check/har-scanner.ts';
import { statusLine } from '../predict/http.ts';
import { createFileTriage, type FileTriageResult } from '../search/file-triage.ts';
import type { LogGroup } from '../search/log-triage.ts';
import { entryPath, statusPath } from '../site/paths.ts';
import { exitCode, InputError, onePositional, parseCommandArgs, type Command } from './command.ts';
import { wrap } from './format.ts';
import type { Io } from './io.ts';

const help = `Usage: npm run errata -- triage FILE|- [--json]

Finds every iDenfy error in an application log or any text (JSON error bodies, messages,
"Error [BAD_VALUE]: …" lines, status lines such as "HTTP/1.1 402 Payment Required") and lists
them grouped by catalogue entry: how many, the first and last line, and the fix. A status line
followed by its body counts once. "-" reads standard input; a HAR file is read entry by entry
(its "lines" are the entry numbers, from 1). Files and input of any size are read line by line.

Options:
  --json       Print {"lines","unit","found","groups":[{"entry","status","identifier","title","count",
               "firstLine","lastLine","path","fix","values"}]}, most frequent first ("entry" is
               null for a status that several entries share)
  -h, --help   Show this help

Exit codes: 0 errors found, 1 none found, 2 the input cannot be read.
`;

/** What was read, and whether its "lines" are lines of text or the entries of a HAR file. */
type TriageRead = FileTriageResult<Entry>;

async function readAll(input: AsyncIterable<Uint8Array>, name: string): Promise<TriageRead> {
  const triage = createFileTriage<Entry>({ entries: catalogue, variants: matchVariants, matcher: catalogueMatcher }, name);
  for await (const chunk of input) triage.push(chunk);
  return triage.finish();
}

interface GroupJson {
  entry: string | null;
  status: number;
  identifier: string | null;
  title: string;
  count: number;
  firstLine: number;
  lastLine: number;
  path: string;
  fix: string[];
  values: Record<string, string>;
}

function groupJson(group: LogGroup<Entry>): GroupJson {
  const { entry } = group;
  if (!entry) {
    return {
      entry: null,
      status: group.status,
      identifier: null,
      title: `${statusLine(group.status)}: one of several entries (no body was found with it)`,
      count: group.count,
      firstLine: group.firstLine,
      lastLine: group.lastLine,
      path: statusPath(group.status),
      fix: ['Log the response body with the status: its identifier and message name the error.'],
      values: {},
    };
  }
  return {
    entry: entry.slug,
    status: entry.status,
    identifier: entry.identifier,
    title: entry.title,
    count: group.count,
    firstLine: group.firstLine,
    lastLine: group.lastLine,
    path: entryPath(entry.slug),
    fix: entry.fix,
    values: { ...group.values },
  };
}

function asText(result: TriageRead): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const units = `${count(result.lines)} ${result.unit === 'line' ? (result.lines === 1 ? 'line' : 'lines') : result.lines === 1 ? 'HAR entry' : 'HAR entries'}`;
  if (result.found === 0) return `No iDenfy error found in ${units}.\n`;
  const groups = result.groups.map(groupJson);
  const blocks = groups.map((group) => {
    const word = result.unit === 'line' ? 'line' : 'entry';
    const lines =
      group.firstLine === group.lastLine
        ? `${word} ${count(group.firstLine)}`
        : `${word === 'line' ? 'lines' : 'entries'} ${count(group.firstLine)} to ${count(group.lastLine)}`;
    const label = group.entry
      ? `${group.entry} (${statusLine(group.status)}${group.identifier ? `, ${group.identifier}` : ''})`
      : statusLine(group.status);
    return [
      `${count(group.count).padStart(8)} × ${label}`,
      wrap(group.title, '           '),
      `           ${lines} · ${group.path}`,
      wrap(`Fix: ${group.fix[0] ?? ''}`, '           '),
    ].join('\n');
  });
  return `${count(result.found)} iDenfy ${result.found === 1 ? 'error' : 'errors'} in ${units}, ${groups.length} ${groups.length === 1 ? 'kind' : 'kinds'}:\n\n${blocks.join('\n\n')}\n`;
}

async function* fileBytes(path: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`File not found: ${path}`);
    if (code === 'EISDIR') throw new InputError(`${path} is a folder, not a file`);
    if (code === 'EACCES') throw new InputError(`Cannot read ${path}: permission denied`);
    throw error;
  }
}

async function* stdinBytes(io: Io): AsyncGenerator<Uint8Array> {
  if (io.stdinStream) {
    yield* io.stdinStream();
    return;
  }
  // An Io without a stream (an older caller): standard input whole, within the paste limit.
  yield new TextEncoder().encode(await io.readStdin(64 * 1024 * 1024));
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.stdout(help);
    return exitCode.ok;
  }
  const spec = onePositional(positionals, 'a log file, or - for standard input');
  const name = spec === '-' ? 'standard input' : resolve(io.cwd, spec);
  let result: TriageRead;
  try {
    result = await readAll(spec === '-' ? stdinBytes(io) : fileBytes(name), spec === '-' ? '' : name);
  } catch (error) {
    if (error instanceof HarFormatError) throw new InputError(`${name} looks like a HAR file but cannot be read: ${error.message}`);
    throw error;
  }
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ lines: result.lines, unit: result.unit, found: result.found, groups: result.groups.map(groupJson) }, null, 2)}\n`,
    );
  } else {
    io.stdout(asText(result));
  }
  return result.found > 0 ? exitCode.ok : exitCode.negative;
}

export const triageCommand: Command = {
  name: 'triage',
  summary: 'find and group every iDenfy error in a log (a file or - for stdin)',
  help,
  run,
};
