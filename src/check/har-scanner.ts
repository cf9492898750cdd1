/**
 * The entries of a HAR file, read as its bytes arrive: a small incremental scanner that walks the
 * JSON structure byte by byte (strings, escapes, nesting) and cuts out each element of the
 * `log.entries` array as its own text, to be parsed alone. Memory stays bounded by the largest
 * entry (and entries past `maxEntryBytes` are not kept, only counted), so a 200 MB HAR is read in a
 * few megabytes. Pure and free of Node: the triage page's worker reads dropped HAR files with it.
 *
 * It checks structure only as far as it needs to (where the array is, where each entry ends);
 * each entry's text is then checked whole by JSON.parse.
 */

/** One element of `log.entries`: its text, or only its size when it was too large to keep. */
export type HarEntryText = { index: number; text: string } | { index: number; tooLarge: number };

/** The file is not a HAR, or ends before its entries do. */
export class HarFormatError extends Error {
  override name = 'HarFormatError';
}

const quote = 0x22;
const backslash = 0x5c;
const openObject = 0x7b;
const closeObject = 0x7d;
const openArray = 0x5b;
const closeArray = 0x5d;
const colon = 0x3a;

function isWhiteSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Keys longer than this are never `log` or `entries`: they are skipped, not kept. */
const maxKeyBytes = 16;

export class HarScanner {
  readonly maxEntryBytes: number;
  /** Open containers, innermost last: `{` or `[`. */
  private readonly stack: number[] = [];
  /** Whether the object at each depth expects a key next. */
  private readonly expectsKey: boolean[] = [];
  /** The last key read at depths 1 and 2 (the root object and `log`). */
  private readonly keys: string[] = ['', '', ''];
  private inString = false;
  private escaped = false;
  private stringIsKey = false;
  private keyBytes: number[] = [];
  /** Whether the current element of `log.entries` is being kept, and its parts so far. */
  private inEntry = false;
  private entryParts: Uint8Array[] = [];
  private entrySize = 0;
  private entryCount = 0;
  private sawRoot = false;
  private sawEntries = false;
  private finishedEntries = false;
  private readonly decoder = new TextDecoder();

  constructor(maxEntryBytes: number) {
    this.maxEntryBytes = maxEntryBytes;
  }

  /** How many entries were cut out so far. */
  get entries(): number {
    return this.entryCount;
  }

  /** Whether the stack is exactly root object → `log` object → `entries` array. */
  private atEntriesArray(): boolean {
    return (
      this.stack.length === 3 &&
      this.stack[2] === openArray &&
      this.keys[1] === 'log' &&
      this.keys[2] === 'entries' &&
      this.stack[1] === openObject
    );
  }

  private keep(chunk: Uint8Array, from: number, to: number): void {
    if (this.entrySize <= this.maxEntryBytes) {
      this.entryParts.push(chunk.subarray(from, to));
    }
    this.entrySize += to - from;
    if (this.entrySize > this.maxEntryBytes) this.entryParts = [];
  }

  private finishEntry(found: HarEntryText[]): void {
    const index = this.entryCount++;
    if (this.entrySize > this.maxEntryBytes) {
      found.push({ index, tooLarge: this.entrySize });
    } else {
      const bytes = new Uint8Array(this.entrySize);
      let offset = 0;
      for (const part of this.entryParts) {
        bytes.set(part, offset);
        offset += part.length;
      }
      found.push({ index, text: this.decoder.decode(bytes) });
    }
    this.entryParts = [];
    this.entrySize = 0;
    this.inEntry = false;
  }

  /** Reads the next bytes; returns the entries that ended in them. The chunk must not change later. */
  push(chunk: Uint8Array): HarEntryText[] {
    const found: HarEntryText[] = [];
    const { stack } = this;
    // Where the kept part of the current entry starts in this chunk.
    let entryStart = this.inEntry ? 0 : -1;
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === backslash) this.escaped = true;
        else if (byte === quote) {
          this.inString = false;
          if (this.stringIsKey) {
            const depth = stack.length;
            if (depth <= 2) this.keys[depth] = this.keyBytes.length <= maxKeyBytes ? String.fromCharCode(...this.keyBytes) : '';
          }
        } else if (this.stringIsKey && stack.length <= 2 && this.keyBytes.length <= maxKeyBytes) this.keyBytes.push(byte);
        continue;
      }
      if (isWhiteSpace(byte)) continue;
      if (!this.sawRoot) {
        if (byte !== openObject)
          throw new HarFormatError('it is not a HAR file: a HAR file is one JSON object, and this does not start with "{"');
        this.sawRoot = true;
      } else if (stack.length === 0) {
        throw new HarFormatError('it is not a HAR file: there is more after its JSON object ends');
      }
      const depth = stack.length;
      if (byte === quote) {
        this.inString = true;
        this.stringIsKey = stack[depth - 1] === openObject && this.expectsKey[depth - 1] === true;
        this.keyBytes = [];
        if (this.atEntriesArray() && !this.inEntry) {
          // A string as an entry: kept, so that parsing it reports a wrong entry.
          this.inEntry = true;
          entryStart = index;
        }
        continue;
      }
      if (byte === colon) {
        if (stack[depth - 1] === openObject) this.expectsKey[depth - 1] = false;
        continue;
      }
      if (byte === 0x2c /* , */) {
        if (stack[depth - 1] === openObject) this.expectsKey[depth - 1] = true;
        if (this.inEntry && depth === 3) {
          // A bare value (a number, a literal) as an entry ends at the comma.
          this.keep(chunk, entryStart, index);
          this.finishEntry(found);
          entryStart = -1;
        }
        continue;
      }
      if (byte === openObject || byte === openArray) {
        if (this.atEntriesArray() && !this.inEntry) {
          this.inEntry = true;
          entryStart = index;
        }
        if (depth === 2 && this.keys[1] === 'log' && this.keys[2] === 'entries' && byte === openArray) this.sawEntries = true;
        stack.push(byte);
        this.expectsKey.push(byte === openObject);
        if (stack.length <= 2) this.keys[stack.length] = '';
        continue;
      }
      if (byte === closeObject || byte === closeArray) {
        const open = stack.pop();
        this.expectsKey.pop();
        if (open === undefined || (open === openObject) !== (byte === closeObject)) {
          throw new HarFormatError('it is not a HAR file: its brackets do not pair up');
        }
        if (this.inEntry && stack.length === 3) {
          this.keep(chunk, entryStart, index + 1);
          this.finishEntry(found);
          entryStart = -1;
        } else if (this.inEntry && stack.length === 2) {
          // The array closed right after a bare value.
          this.keep(chunk, entryStart, index);
          this.finishEntry(found);
          entryStart = -1;
        }
        if (stack.length === 2 && open === openArray && this.sawEntries) this.finishedEntries = true;
        continue;
      }
      // Any other byte: part of a number or literal.
      if (this.atEntriesArray() && !this.inEntry) {
        this.inEntry = true;
        entryStart = index;
      }
    }
    if (this.inEntry && entryStart !== -1) this.keep(chunk, entryStart, chunk.length);
    return found;
  }

  /** The end of the file: throws when it is not a HAR or was cut off. */
  end(): void {
    if (!this.sawRoot) throw new HarFormatError('the file is empty');
    if (this.stack.length > 0 || this.inString) {
      throw new HarFormatError(
        this.sawEntries && !this.finishedEntries
          ? `the file ends in the middle of its entries, after ${this.entryCount.toLocaleString('en-US')} whole ones: it was cut off (save or export it again)`
          : 'the file ends in the middle of its JSON: it was cut off (save or export it again)',
      );
    }
    if (!this.sawEntries) throw new HarFormatError('it is not a HAR file: it has no "log": {"entries": [...]}');
  }
}
