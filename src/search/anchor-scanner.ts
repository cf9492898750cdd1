/**
 * Finds which lines of a byte stream contain any of a set of fixed phrases, ignoring ASCII case,
 * in one pass over the bytes: an Aho–Corasick automaton compiled to a dense table, so the cost is
 * one table read per byte however many phrases there are. Log triage uses it to skip, without
 * decoding them, the lines of a gigabyte log that cannot hold an iDenfy error. No regular
 * expression is built from the phrases, so none can backtrack.
 */

/** A–Z folded to a–z; every other byte as it is. */
const fold = new Uint8Array(256);
for (let byte = 0; byte < 256; byte++) fold[byte] = byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;

export interface AnchorAutomaton {
  /** Next state for (state × 256 + folded byte). */
  table: Int32Array;
  /** Whether reaching a state means some phrase ended there. */
  accepts: Uint8Array;
}

/** Compiles the phrases (lower-cased for ASCII; other characters as UTF-8 bytes). */
export function compileAnchors(phrases: readonly string[]): AnchorAutomaton {
  const encoder = new TextEncoder();
  const children: Map<number, number>[] = [new Map()];
  const accepting: boolean[] = [false];
  for (const phrase of phrases) {
    const bytes = encoder.encode(phrase);
    if (bytes.length === 0) continue;
    let state = 0;
    for (const byte of bytes) {
      const key = fold[byte] as number;
      let next = (children[state] as Map<number, number>).get(key);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        accepting.push(false);
        (children[state] as Map<number, number>).set(key, next);
      }
      state = next;
    }
    accepting[state] = true;
  }
  const count = children.length;
  const table = new Int32Array(count * 256);
  const accepts = new Uint8Array(count);
  const failure = new Int32Array(count);
  // Breadth first: each state's failure link is complete before its children need it.
  const queue: number[] = [];
  for (let byte = 0; byte < 256; byte++) {
    const next = (children[0] as Map<number, number>).get(byte) ?? 0;
    table[byte] = next;
    if (next !== 0) queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    accepts[state] = accepting[state] || accepts[failure[state] as number] === 1 ? 1 : 0;
    for (let byte = 0; byte < 256; byte++) {
      const next = (children[state] as Map<number, number>).get(byte);
      if (next === undefined) {
        table[state * 256 + byte] = table[(failure[state] as number) * 256 + byte] as number;
      } else {
        failure[next] = table[(failure[state] as number) * 256 + byte] as number;
        table[state * 256 + byte] = next;
        queue.push(next);
      }
    }
  }
  return { table, accepts };
}

/**
 * Splits bytes into lines and tells, for each, whether it holds a phrase. Lines are counted from
 * 1; a line longer than `maxLine` bytes is handed over cut to its first `maxLine` bytes (a
 * phrase past the cut still marks it).
 */
export class AnchoredLines {
  private readonly automaton: AnchorAutomaton;
  private readonly maxLine: number;
  private state = 0;
  private hit = false;
  private line = 1;
  /** The bytes of the current line from earlier chunks. */
  private carry: Uint8Array[] = [];
  private carrySize = 0;

  constructor(automaton: AnchorAutomaton, maxLine: number) {
    this.automaton = automaton;
    this.maxLine = maxLine;
  }

  /** Reads a chunk; `each` gets every line that ended in it and holds a phrase. */
  push(chunk: Uint8Array, each: (line: Uint8Array, number: number) => void): void {
    const { table, accepts } = this.automaton;
    let state = this.state;
    let hit = this.hit;
    let start = 0;
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index] as number;
      if (byte === 0x0a) {
        if (hit) each(this.take(chunk, start, index), this.line);
        this.carry = [];
        this.carrySize = 0;
        this.line++;
        start = index + 1;
        state = 0;
        hit = false;
        continue;
      }
      state = table[state * 256 + (fold[byte] as number)] as number;
      if (accepts[state] === 1) hit = true;
    }
    this.state = state;
    this.hit = hit;
    if (start < chunk.length && this.carrySize < this.maxLine) {
      // Copied: the caller may reuse the chunk.
      const part = chunk.slice(start, Math.min(chunk.length, start + this.maxLine - this.carrySize));
      this.carry.push(part);
      this.carrySize += part.length;
    }
  }

  /** The last line, when the input does not end with a line break. */
  end(each: (line: Uint8Array, number: number) => void): void {
    if (this.carrySize > 0) {
      if (this.hit) each(this.take(new Uint8Array(0), 0, 0), this.line);
      this.line++;
    }
    this.carry = [];
    this.carrySize = 0;
    this.state = 0;
    this.hit = false;
  }

  /** How many lines were read (the last one counted once `end` has seen it). */
  get lines(): number {
    return this.line - 1;
  }

  private take(chunk: Uint8Array, from: number, to: number): Uint8Array {
    const room = Math.max(0, this.maxLine - this.carrySize);
    const tail = chunk.subarray(from, Math.min(to, from + room));
    if (this.carry.length === 0) return tail;
    const joined = new Uint8Array(this.carrySize + tail.length);
    let offset = 0;
    for (const part of this.carry) {
      joined.set(part, offset);
      offset += part.length;
    }
    joined.set(tail, offset);
    return joined;
  }
}
