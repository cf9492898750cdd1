/**
 * Triage of a whole file, whatever it is: a log or any text line by line, or a HAR file entry by
 * entry (each response read as one "line" numbered by its entry, from 1). Which of the two comes
 * from the name and the first bytes. Pure and free of Node: the CLI's `errata triage` and the
 * triage page's worker feed it the same bytes and get the same groups.
 */
import type { MatchableEntry } from '../catalogue/match-engine.ts';
import { exchangeFromHar } from '../check/exchange.ts';
import { HarScanner } from '../check/har-scanner.ts';
import { createLogTriage, type LogTriageResult, type LogTriageSource } from './log-triage.ts';

/** The most one HAR entry may take to be read (as `errata check` reads them). */
const maxHarEntryBytes = 8 * 1024 * 1024;

export type FileTriageResult<E extends MatchableEntry> = LogTriageResult<E> & {
  /** What `lines` counts: lines of text, or the entries of a HAR file. */
  unit: 'line' | 'entry';
};

/** A HAR by its name, or by starting as a JSON object whose first key is "log". */
export function looksLikeHar(first: Uint8Array, name: string): boolean {
  if (name.toLowerCase().endsWith('.har')) return true;
  const head = new TextDecoder().decode(first.subarray(0, 4096)).trimStart();
  if (!head.startsWith('{')) return false;
  const log = head.indexOf('"log"');
  return log !== -1 && log < 200;
}

export interface FileTriage<E extends MatchableEntry> {
  push(chunk: Uint8Array): void;
  /** Throws a HarFormatError for a HAR that is cut off or broken. */
  finish(): FileTriageResult<E>;
}

export function createFileTriage<E extends MatchableEntry>(source: LogTriageSource<E>, name: string): FileTriage<E> {
  const triage = createLogTriage(source);
  let har: HarScanner | undefined;
  let decided = false;
  const readEntry = (index: number, text: string) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    const read = exchangeFromHar(value);
    if ('skipped' in read) return;
    const { response, path } = read.exchange;
    // Only iDenfy's API paths: a page's own 404s are not iDenfy errors.
    if (response.status === 0 || !path.startsWith('/api/')) return;
    triage.addResponse(index + 1, response.status, typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''));
  };
  return {
    push(chunk) {
      if (!decided) {
        decided = true;
        if (looksLikeHar(chunk, name)) har = new HarScanner(maxHarEntryBytes);
      }
      if (!har) {
        triage.push(chunk);
        return;
      }
      for (const entry of har.push(chunk)) if ('text' in entry) readEntry(entry.index, entry.text);
    },
    finish() {
      if (har) {
        har.end();
        return { ...triage.finish(), lines: har.entries, unit: 'entry' };
      }
      return { ...triage.finish(), unit: 'line' };
    },
  };
}
