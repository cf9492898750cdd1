/**
 * Reads a recorded file as a stream of exchanges, in file order and in bounded memory: a HAR
 * file through the incremental scanner (./har-scanner.ts), JSON Lines line by line. Which of the
 * two a file is comes from its first line: a whole JSON object with a "request" is JSON Lines,
 * anything else is read as a HAR.
 */
import { createReadStream } from 'node:fs';
import { maxScenarioBytes } from '../limits.ts';
import { exchangeFromHar, exchangeFromRecord, type ReadExchange } from './exchange.ts';
import { HarFormatError, HarScanner } from './har-scanner.ts';

export type FileFormat = 'har' | 'jsonl';

/** One exchange of the file: its position (from 0) and what was read. */
export interface IndexedExchange {
  index: number;
  read: ReadExchange;
}

/** The file cannot be read as recorded exchanges: exit 2. */
export class RecordingError extends Error {
  override name = 'RecordingError';
}

/**
 * The most one entry or line may take. A request body may be 1 MiB, and a HAR escapes it inside
 * a string with its headers and response around it: 8 MiB (the scenario limit) leaves room.
 */
export const maxExchangeBytes = maxScenarioBytes;

const newline = 0x0a;

/** The first key of a JSON object at the start of the text, if it starts with one. */
function firstKey(text: string): string | undefined {
  const open = text.indexOf('{');
  if (open === -1 || text.slice(0, open).trim() !== '') return undefined;
  const quote = text.indexOf('"', open + 1);
  if (quote === -1 || text.slice(open + 1, quote).trim() !== '') return undefined;
  const end = text.indexOf('"', quote + 1);
  return end === -1 ? undefined : text.slice(quote + 1, end);
}

/**
 * HAR or JSON Lines, from the first bytes: the first key says it when it is one of theirs
 * (`log`; `time`, `request`, `response`), else the first line decides: a whole JSON object with
 * a "request" is JSON Lines.
 */
function sniff(first: Uint8Array): FileFormat {
  const head = new TextDecoder().decode(first.subarray(0, 4096));
  const key = firstKey(head);
  if (key === 'log') return 'har';
  if (key === 'time' || key === 'request' || key === 'response') return 'jsonl';
  const end = first.indexOf(newline);
  if (end === -1 && first.length >= 64 * 1024) return 'har';
  const line = new TextDecoder().decode(end === -1 ? first : first.subarray(0, end)).trim();
  if (!line.startsWith('{')) return 'har';
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && 'request' in value && !('log' in value) ? 'jsonl' : 'har';
  } catch {
    return 'har';
  }
}

function parseEntry(text: string): ReadExchange {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { skipped: `the entry is not valid JSON (${(error as Error).message})` };
  }
  return exchangeFromHar(value);
}

function tooLarge(size: number): ReadExchange {
  return {
    skipped: `the exchange takes ${size.toLocaleString('en-US')} bytes in the file, over the ${(maxExchangeBytes / 1024 / 1024).toFixed(0)} MiB Errata reads for one exchange`,
  };
}

/** Splits bytes into lines, keeping at most `max` bytes of one; longer lines are only measured. */
class LineSplitter {
  private parts: Uint8Array[] = [];
  private size = 0;
  private readonly max: number;
  line = 0;

  constructor(max: number) {
    this.max = max;
  }

  push(chunk: Uint8Array, each: (line: Uint8Array | number, number: number) => void): void {
    let start = 0;
    for (let end = chunk.indexOf(newline); end !== -1; end = chunk.indexOf(newline, start)) {
      this.add(chunk.subarray(start, end));
      this.emit(each);
      start = end + 1;
    }
    if (start < chunk.length) this.add(chunk.subarray(start));
  }

  private add(part: Uint8Array): void {
    if (this.size <= this.max) this.parts.push(part);
    this.size += part.length;
    if (this.size > this.max) this.parts = [];
  }

  /** The last line, if the file does not end with a newline; returns whether there was one. */
  finish(each: (line: Uint8Array | number, number: number) => void): boolean {
    if (this.size === 0 && this.parts.length === 0) return false;
    this.emit(each);
    return true;
  }

  private emit(each: (line: Uint8Array | number, number: number) => void): void {
    this.line++;
    if (this.size > this.max) each(this.size, this.line);
    else if (this.parts.length === 1) each(this.parts[0] as Uint8Array, this.line);
    else {
      const joined = new Uint8Array(this.size);
      let offset = 0;
      for (const part of this.parts) {
        joined.set(part, offset);
        offset += part.length;
      }
      each(joined, this.line);
    }
    this.parts = [];
    this.size = 0;
  }
}

/**
 * The exchanges of a file, in order. Throws a RecordingError when the file cannot be read, is
 * not a HAR or JSON Lines, or is cut off; the exchanges before the problem have been yielded.
 */
export async function* readExchanges(path: string, onBytes?: (read: number) => void): AsyncGenerator<IndexedExchange> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  let format: FileFormat | undefined;
  const scanner = new HarScanner(maxExchangeBytes);
  const lines = new LineSplitter(maxExchangeBytes);
  const decoder = new TextDecoder();
  let index = 0;
  let bytes = 0;
  const pending: IndexedExchange[] = [];
  const onLine = (line: Uint8Array | number, number: number, last: boolean): void => {
    if (typeof line === 'number') {
      pending.push({ index: index++, read: tooLarge(line) });
      return;
    }
    const text = decoder.decode(line).trim();
    if (text === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new RecordingError(
        last
          ? `line ${number} is cut off: the file ends in the middle of an exchange (the recording was interrupted?)`
          : `line ${number} is not JSON: a JSON Lines file has one JSON object per line`,
      );
    }
    pending.push({ index: index++, read: exchangeFromRecord(value) });
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      format ??= sniff(chunk);
      if (format === 'har') {
        for (const entry of scanner.push(chunk)) {
          pending.push({ index: index++, read: 'text' in entry ? parseEntry(entry.text) : tooLarge(entry.tooLarge) });
        }
      } else {
        lines.push(chunk, (line, number) => onLine(line, number, false));
      }
      onBytes?.(bytes);
      yield* pending;
      pending.length = 0;
    }
    if (format === undefined) throw new RecordingError('the file is empty');
    if (format === 'har') scanner.end();
    else lines.finish((line, number) => onLine(line, number, true));
    yield* pending;
  } catch (error) {
    if (error instanceof HarFormatError) throw new RecordingError(error.message);
    if (error instanceof RecordingError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RecordingError(`file not found: ${path}`);
    if (code === 'EISDIR') throw new RecordingError(`${path} is a folder, not a file`);
    if (code === 'EACCES') throw new RecordingError(`cannot read ${path}: permission denied`);
    throw error;
  } finally {
    stream.destroy();
  }
}
