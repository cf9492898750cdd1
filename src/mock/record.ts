/**
 * `--record FILE`: every exchange appended to a JSON Lines file in the exchange format, for
 * `errata check` to read. Writes are buffered by the stream; stop() waits until they are on disk.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { toRecorded, type Exchange } from './exchange.ts';

/** The record file cannot be opened. */
export class RecordError extends Error {
  override name = 'RecordError';
}

export class Recorder {
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  private constructor(stream: WriteStream, onError: (error: Error) => void) {
    this.stream = stream;
    // A full disk stops the recording, not the server: the requests are still answered.
    stream.on('error', (error) => {
      this.failure = error;
      onError(error);
    });
  }

  /** Opens FILE for appending; rejects when it cannot be opened. */
  static async open(path: string, onError: (error: Error) => void = () => {}): Promise<Recorder> {
    const stream = createWriteStream(path, { flags: 'a' });
    try {
      await once(stream, 'open');
    } catch (error) {
      throw new RecordError(`Cannot record to ${path}: ${(error as Error).message}`);
    }
    return new Recorder(stream, onError);
  }

  /** The error that stopped recording, if one did. */
  get error(): Error | undefined {
    return this.failure;
  }

  write(exchange: Exchange): void {
    this.writeLine(JSON.stringify(toRecorded(exchange)));
  }

  /** An exchange already in the format, as one line of JSON (from another of the mock's threads). */
  writeLine(line: string): void {
    if (this.failure) return;
    this.stream.write(`${line}\n`);
  }

  async close(): Promise<void> {
    if (this.failure || this.stream.closed) return;
    await new Promise<void>((resolve) => this.stream.end(resolve));
  }
}
