/**
 * `errata check FILE [--json] [--report FILE] [--all]`: replays every recorded exchange with the
 * token endpoint through the predictor and says where the real API and Errata agree, where they
 * differ, and which responses the catalogue does not know. The file is streamed (src/check/), and
 * so is the output: the table as it goes, the `--json` items through a temporary file, so a
 * 100,000-exchange HAR never sits in memory.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isTokenRequest, type Exchange } from '../check/exchange.ts';
import { judge, type Judgement, type Verdict } from '../check/judge.ts';
import { readExchanges, RecordingError } from '../check/read-exchanges.ts';
import { redactResponseBody, scrubValue, secretsOf } from '../check/redact-exchange.ts';
import { GapReport } from '../check/report.ts';
import { exitCode, InputError, onePositional, parseCommandArgs, type Command } from './command.ts';
import type { Io } from './io.ts';

const help = `Usage: npm run errata -- check FILE [--json] [--report FILE] [--all]

Checks recorded traffic against Errata: every exchange with POST /api/v2/token (any method) is
replayed through the predictor and judged:

  agree     the response is what Errata predicts for that request, under the default account
            or under an account state it names ("agrees if the account had no funds")
  differ    the catalogue knows the response, but predicts another status, identifier or message
  unknown   no catalogue entry explains the response: a gap in the catalogue
  skipped   another endpoint, or an exchange that cannot be judged (the reason is given)

FILE is a HAR 1.2 file (browser devtools: "Save all as HAR with content"; proxies such as
mitmproxy or Charles) or the JSON Lines that "errata mock --record FILE" writes. Files of any
size are streamed.

Options:
  --json           Print {"exchanges","agree","differ","unknown","skipped","items":[...]},
                   one item {"index","verdict","observed","predicted","account","why"} per
                   exchange in file order (index from 0: log.entries[index] in a HAR)
  --report FILE    Write every distinct difference and unknown response as a Markdown report
                   for the catalogue's maintainers, redacted, with the scenario to reproduce it
  --all            List every exchange in the table, not only those that need a look
  -h, --help       Show this help

Credentials, tokens and personal fields in the file never appear in the output or the report.
Exit codes: 0 everything agrees, 1 something differs or is unknown, 2 the file cannot be read.
`;

interface Counts {
  exchanges: number;
  agree: number;
  differ: number;
  unknown: number;
  skipped: number;
}

interface Item {
  index: number;
  verdict: Verdict;
  observed: Judgement['observed'];
  predicted: Judgement['predicted'];
  account: Record<string, unknown> | null;
  why: string;
}

/** A path segment that looks like a token or id (long, or mixing digits into letters) is not printed. */
function safePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.length > 24 || (segment.length > 8 && /\d/.test(segment)) ? '…' : segment))
    .join('/');
}

function skippedItem(index: number, why: string): Item {
  return { index, verdict: 'skipped', observed: null, predicted: null, account: null, why };
}

/** The item the output shows: redacted bodies, scrubbed text. */
function itemOf(index: number, judgement: Judgement, secrets: readonly string[]): Item {
  const observed = judgement.observed ? { ...judgement.observed, body: redactResponseBody(judgement.observed.body) } : null;
  const predicted = judgement.predicted
    ? { ...judgement.predicted, body: redactResponseBody(judgement.predicted.body) as Record<string, unknown> }
    : null;
  return scrubValue({ index, verdict: judgement.verdict, observed, predicted, account: judgement.account, why: judgement.why }, secrets);
}

function requestBodyValue(exchange: Exchange): unknown {
  if (exchange.body?.kind !== 'text') return undefined;
  try {
    return JSON.parse(exchange.body.text) as unknown;
  } catch {
    return undefined;
  }
}

const columns = { index: 7, verdict: 8, observed: 36, predicted: 36 } as const;

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function responseCell(part: { status: number; entry: string | null } | null): string {
  if (!part) return '–';
  return `${part.status} ${part.entry ?? '(not catalogued)'}`;
}

function row(item: Item): string {
  return `${String(item.index).padEnd(columns.index)}${item.verdict.padEnd(columns.verdict + 1)}${cut(responseCell(item.observed), columns.observed)} ${cut(responseCell(item.predicted), columns.predicted)} ${item.why}\n`;
}

const tableHeader = `${'index'.padEnd(columns.index)}${'verdict'.padEnd(columns.verdict + 1)}${'observed'.padEnd(columns.observed)} ${'predicted'.padEnd(columns.predicted)} why\n`;

/** Items for `--json`, spooled to a temporary file as they come, then printed after the counts. */
class JsonSpool {
  private readonly folder = mkdtempSync(join(tmpdir(), 'errata-check-'));
  private readonly file = join(this.folder, 'items.jsonl');
  private readonly descriptor = openSync(this.file, 'w');
  private first = true;

  add(item: Item): void {
    writeSync(this.descriptor, `${this.first ? '' : ',\n'}${JSON.stringify(item)}`);
    this.first = false;
  }

  print(counts: Counts, io: Io): void {
    closeSync(this.descriptor);
    io.stdout(
      `{"exchanges":${counts.exchanges},"agree":${counts.agree},"differ":${counts.differ},"unknown":${counts.unknown},"skipped":${counts.skipped},"items":[\n`,
    );
    const input = openSync(this.file, 'r');
    const buffer = Buffer.alloc(1024 * 1024);
    try {
      for (let read = readSync(input, buffer); read > 0; read = readSync(input, buffer)) io.stdout(buffer.toString('utf8', 0, read));
    } finally {
      closeSync(input);
    }
    io.stdout(`${this.first ? '' : '\n'}]}\n`);
  }

  dispose(): void {
    try {
      closeSync(this.descriptor);
    } catch {
      // Already closed by print.
    }
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** `\r`-rewritten progress on a terminal, at most four times a second. */
function progressLine(io: Io, size: number): { update(exchanges: number, bytes: number): void; clear(): void } {
  let last = 0;
  let shown = false;
  return {
    update(exchanges, bytes) {
      if (!io.stderrIsTerminal) return;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      shown = true;
      const percent = size > 0 ? Math.min(100, Math.floor((bytes / size) * 100)) : 0;
      io.stderr(`\rChecking: ${exchanges.toLocaleString('en-US')} exchanges, ${percent}% of the file`);
    },
    clear() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

function summaryLine(counts: Counts): string {
  return `${counts.exchanges} exchanges: ${counts.agree} agree, ${counts.differ} differ, ${counts.unknown} unknown, ${counts.skipped} skipped\n`;
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        json: { type: 'boolean' },
        report: { type: 'string' },
        all: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.stdout(help);
    return exitCode.ok;
  }
  const path = resolve(io.cwd, onePositional(positionals, 'the HAR or JSON Lines file to check'));
  let size = 0;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path} is a folder, not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`File not found: ${path}`);
  }
  const reportPath = values.report === undefined ? undefined : resolve(io.cwd, values.report);
  const counts: Counts = { exchanges: 0, agree: 0, differ: 0, unknown: 0, skipped: 0 };
  const spool = values.json ? new JsonSpool() : undefined;
  const report = reportPath ? new GapReport() : undefined;
  const progress = progressLine(io, size);
  let wroteHeader = false;
  const emit = (item: Item) => {
    counts.exchanges++;
    counts[item.verdict]++;
    if (spool) spool.add(item);
    else if (values.all || item.verdict === 'differ' || item.verdict === 'unknown') {
      if (!wroteHeader) {
        progress.clear();
        io.stdout(tableHeader);
        wroteHeader = true;
      }
      io.stdout(row(item));
    }
  };
  try {
    let bytes = 0;
    for await (const { index, read } of readExchanges(path, (seen) => (bytes = seen))) {
      progress.update(counts.exchanges, bytes);
      if ('skipped' in read) {
        emit(skippedItem(index, `skipped: ${read.skipped}`));
        continue;
      }
      const { exchange } = read;
      if (!isTokenRequest(exchange.path)) {
        emit(skippedItem(index, `skipped: not the token endpoint (${exchange.method} ${safePath(exchange.path)})`));
        continue;
      }
      const judgement = judge(exchange);
      const secrets = secretsOf(exchange, requestBodyValue(exchange));
      emit(itemOf(index, judgement, secrets));
      report?.add(index, judgement, exchange.path, secrets);
    }
    progress.clear();
  } catch (error) {
    progress.clear();
    spool?.dispose();
    if (error instanceof RecordingError) throw new InputError(`${path} cannot be checked: ${error.message}`);
    throw error;
  }
  if (spool) {
    try {
      spool.print(counts, io);
    } finally {
      spool.dispose();
    }
  } else {
    if (!wroteHeader && counts.exchanges > 0 && (counts.differ > 0 || counts.unknown > 0)) io.stdout(tableHeader);
    io.stdout(summaryLine(counts));
  }
  if (report && reportPath) {
    // The file's name only: a full path may name the person who ran the check.
    writeFileSync(reportPath, report.markdown(counts, basename(path)));
    io.stderr(`Wrote the report to ${reportPath}\n`);
  }
  return counts.differ + counts.unknown > 0 ? exitCode.negative : exitCode.ok;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check recorded traffic (a HAR or JSON Lines file) against the predictions',
  help,
  run,
};
