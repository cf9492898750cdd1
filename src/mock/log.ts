/**
 * One line per exchange on stderr: time, method, path, status, the entry's slug and its page on
 * the site, as text or as JSON lines. Lines are gathered and written once per turn of the event
 * loop, as a write to a pipe per request would cost more than the request.
 */
import { entryPath, siteAddress as siteAddressOf } from '../site/paths.ts';

export type LogFormat = 'text' | 'json';

export interface LogLine {
  time: number;
  method: string;
  path: string;
  status: number;
  /** The catalogue entry of an answer to the token endpoint; null for the mock's own answers. */
  entry: string | null;
  /** Why the mock answered itself (`{"errata": …}`), when it did. */
  note?: string;
}

/** The site's address: ERRATA_SITE, default http://localhost:4321, without a final slash. */
export function siteAddress(env: NodeJS.ProcessEnv = process.env): string {
  return siteAddressOf(env);
}

export function formatLogLine(line: LogLine, format: LogFormat, site: string): string {
  const page = line.entry === null ? null : `${site}${entryPath(line.entry)}`;
  const time = new Date(line.time).toISOString();
  if (format === 'json') {
    return JSON.stringify({
      time,
      method: line.method,
      path: line.path,
      status: line.status,
      entry: line.entry,
      page,
      ...(line.note === undefined ? {} : { note: line.note }),
    });
  }
  const tail = line.entry === null ? `- ${line.note ?? ''}`.trimEnd() : `${line.entry} ${page}`;
  // The path is the client's: escaped so that it cannot forge a line of its own.
  return `${time} ${line.method} ${JSON.stringify(line.path).slice(1, -1)} ${line.status} ${tail}`;
}

/** A bug in the mock, said on stderr as a warning: the mock answers on, with a 500 of its own where it can. */
export function warnOfBug(error: unknown): void {
  process.emitWarning(`errata mock: ${(error as Error).stack ?? String(error)}`);
}

export class ExchangeLog {
  private pending: string[] = [];
  private scheduled = false;
  private readonly write: (text: string) => void;
  private readonly format: LogFormat;
  private readonly site: string;

  constructor(write: (text: string) => void, format: LogFormat, site: string) {
    this.write = write;
    this.format = format;
    this.site = site;
  }

  log(line: LogLine): void {
    this.pending.push(formatLogLine(line, this.format, this.site));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.write(text);
  }
}
