/**
 * JSON text with positions: a scanner that accepts exactly what `JSON.parse` accepts, reports the
 * first syntax error at its offset in plain words, and keeps the position of every value and key,
 * so that a JSON Pointer (`/documents/1`) can be turned into the text range of its value. Pure and
 * DOM-free; tolerant: on an error it still returns the part of the tree it read.
 */

export interface Span {
  from: number;
  to: number;
}

export type JsonNode =
  | (Span & { kind: 'object'; members: JsonMember[] })
  | (Span & { kind: 'array'; items: JsonNode[] })
  | (Span & { kind: 'string' | 'number' | 'true' | 'false' | 'null' });

export interface JsonMember {
  /** The decoded key, or null while its string is broken. */
  key: string | null;
  keySpan: Span;
  /** The value, or null when the text stops (or breaks) before it. */
  value: JsonNode | null;
}

export interface JsonSyntaxError extends Span {
  message: string;
}

export interface JsonScan {
  /** The value read; on an error, as much of it as was read (open containers end at the error). */
  root: JsonNode | null;
  error: JsonSyntaxError | null;
}

type Container = Extract<JsonNode, { kind: 'object' | 'array' }>;

/** What an open container waits for next. */
type Expect = 'first-key' | 'key' | 'colon' | 'value' | 'first-value' | 'comma';

interface Frame {
  node: Container;
  expect: Expect;
  /** The member being read, in an object. */
  member?: JsonMember;
  /** The offset of the last comma, to point at a trailing one. */
  comma: number;
}

class SyntaxProblem extends Error {
  readonly span: Span;
  constructor(message: string, from: number, to: number) {
    super(message);
    this.span = { from, to };
  }
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isHex = (code: number) => isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);

/** A short, quoted description of the character at an offset, for messages. */
function describeAt(text: string, at: number): string {
  if (at >= text.length) return 'the end of the body';
  const code = text.codePointAt(at) as number;
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0xfeff) return 'a byte order mark (U+FEFF)';
  return `"${String.fromCodePoint(code)}"`;
}

function skipSpace(text: string, at: number): number {
  let index = at;
  while (index < text.length && isSpace(text.charCodeAt(index))) index++;
  return index;
}

/** The end of the string token that starts at `at` (a double quote), or a SyntaxProblem. */
function scanString(text: string, at: number): number {
  let index = at + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return index + 1;
    if (code === 0x5c) {
      const next = text.charCodeAt(index + 1);
      if (Number.isNaN(next)) break;
      if (next === 0x75) {
        for (let digit = 2; digit < 6; digit++) {
          if (!isHex(text.charCodeAt(index + digit))) {
            throw new SyntaxProblem('A \\u escape needs four hexadecimal digits, such as \\u00e9', index, Math.min(index + 6, text.length));
          }
        }
        index += 6;
        continue;
      }
      if ('"\\/bfnrt'.includes(String.fromCharCode(next))) {
        index += 2;
        continue;
      }
      throw new SyntaxProblem(
        `Unknown escape "\\${String.fromCharCode(next)}": JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX`,
        index,
        index + 2,
      );
    }
    if (code < 0x20) {
      throw new SyntaxProblem(
        `A string cannot contain ${describeAt(text, index)} as it is: write it escaped (\\n for a line break, \\t for a tab)`,
        index,
        index + 1,
      );
    }
    index++;
  }
  throw new SyntaxProblem('The string is not closed: add the closing double quote', at, text.length);
}

/** The end of the number token that starts at `at`, or a SyntaxProblem. */
function scanNumber(text: string, at: number): number {
  let index = at;
  if (text.charCodeAt(index) === 0x2d) index++;
  const first = text.charCodeAt(index);
  if (!isDigit(first)) throw new SyntaxProblem('A minus sign must be followed by a digit', at, index + 1);
  index++;
  if (first !== 0x30) while (isDigit(text.charCodeAt(index))) index++;
  if (text.charCodeAt(index) === 0x2e) {
    index++;
    if (!isDigit(text.charCodeAt(index))) throw new SyntaxProblem('A decimal point must be followed by a digit', index - 1, index + 1);
    while (isDigit(text.charCodeAt(index))) index++;
  }
  const e = text.charCodeAt(index);
  if (e === 0x65 || e === 0x45) {
    index++;
    const sign = text.charCodeAt(index);
    if (sign === 0x2b || sign === 0x2d) index++;
    if (!isDigit(text.charCodeAt(index))) throw new SyntaxProblem('An exponent must have digits, such as 1e3', at, index + 1);
    while (isDigit(text.charCodeAt(index))) index++;
  }
  return index;
}

function decodeKey(text: string, span: Span): string {
  return JSON.parse(text.slice(span.from, span.to)) as string;
}

/** Why a value cannot start here, in words. */
function notAValue(text: string, at: number): SyntaxProblem {
  const rest = text.slice(at, at + 2);
  if (at >= text.length) return new SyntaxProblem('The body ends where a value should be', at, at);
  if (rest === '//' || rest === '/*') return new SyntaxProblem('JSON has no comments: remove it', at, at + 2);
  if (rest[0] === "'") return new SyntaxProblem('JSON strings use double quotes, not single quotes', at, at + 1);
  if (/^[A-Za-z_$]/.test(rest)) {
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(at, at + 40))?.[0] ?? '';
    const hint =
      word === 'True' || word === 'False' || word === 'None'
        ? `: JSON writes ${word === 'None' ? 'null' : word.toLowerCase()} in lower case`
        : word === 'undefined' || word === 'NaN' || word === 'Infinity'
          ? `: JSON has no ${word}`
          : ': strings need double quotes';
    return new SyntaxProblem(`Unexpected word "${word}"${hint}`, at, at + Math.max(1, word.length));
  }
  return new SyntaxProblem(`Expected a value, found ${describeAt(text, at)}`, at, at + 1);
}

/** Reads JSON text as JSON.parse does, keeping positions; never throws. */
export function scanJson(text: string): JsonScan {
  let root: JsonNode | null = null;
  const stack: Frame[] = [];
  let index = skipSpace(text, 0);

  /** Attaches a finished value to the open container (or makes it the root). */
  const place = (node: JsonNode) => {
    const frame = stack.at(-1);
    if (!frame) {
      root = node;
      return;
    }
    if (frame.node.kind === 'array') frame.node.items.push(node);
    else if (frame.member) frame.member.value = node;
    frame.expect = 'comma';
  };
  /** Closes the innermost container at `end`; it was attached when it opened. */
  const close = (end: number) => {
    const frame = stack.pop() as Frame;
    frame.node.to = end;
    const parent = stack.at(-1);
    if (parent) parent.expect = 'comma';
  };

  try {
    if (index >= text.length) {
      throw new SyntaxProblem('The body is empty: the API expects a JSON object such as {"clientId": "user-42"}', 0, text.length);
    }
    for (;;) {
      const frame = stack.at(-1);
      const code = text.charCodeAt(index);

      if (!frame || frame.expect === 'value' || frame.expect === 'first-value') {
        if (frame?.expect === 'first-value' && code === 0x5d) {
          close(index + 1);
          index++;
        } else if (frame?.expect === 'value' && frame.node.kind === 'array' && code === 0x5d) {
          throw new SyntaxProblem('A trailing comma is not allowed in JSON: remove it', frame.comma, frame.comma + 1);
        } else if (code === 0x7b || code === 0x5b) {
          const node: Container =
            code === 0x7b
              ? { kind: 'object', from: index, to: text.length, members: [] }
              : { kind: 'array', from: index, to: text.length, items: [] };
          // Open containers are attached at once, so that an error still leaves a tree to look into.
          if (!frame) root = node;
          else if (frame.node.kind === 'array') frame.node.items.push(node);
          else if (frame.member) frame.member.value = node;
          stack.push({ node, expect: code === 0x7b ? 'first-key' : 'first-value', comma: -1 });
          index++;
        } else if (code === 0x22) {
          const end = scanString(text, index);
          place({ kind: 'string', from: index, to: end });
          index = end;
        } else if (code === 0x2d || isDigit(code)) {
          const end = scanNumber(text, index);
          place({ kind: 'number', from: index, to: end });
          index = end;
        } else {
          const literal = (['true', 'false', 'null'] as const).find((word) => text.startsWith(word, index));
          if (!literal) throw notAValue(text, index);
          place({ kind: literal, from: index, to: index + literal.length });
          index += literal.length;
        }
      } else if (frame.expect === 'first-key' || frame.expect === 'key') {
        const object = frame.node as Extract<JsonNode, { kind: 'object' }>;
        if (code === 0x7d) {
          if (frame.expect === 'key') {
            throw new SyntaxProblem('A trailing comma is not allowed in JSON: remove it', frame.comma, frame.comma + 1);
          }
          close(index + 1);
          index++;
        } else if (code === 0x22) {
          const end = scanString(text, index);
          const keySpan = { from: index, to: end };
          const member: JsonMember = { key: decodeKey(text, keySpan), keySpan, value: null };
          object.members.push(member);
          frame.member = member;
          frame.expect = 'colon';
          index = end;
        } else if (index >= text.length) {
          throw new SyntaxProblem('The body ends inside an object: add the missing "}"', index, index);
        } else if (code === 0x27) {
          throw new SyntaxProblem('Property names need double quotes, not single quotes', index, index + 1);
        } else if (/[A-Za-z_$]/.test(text[index] as string)) {
          const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(index, index + 60))?.[0] ?? '';
          throw new SyntaxProblem(`Property names need double quotes: "${word}"`, index, index + word.length);
        } else {
          throw new SyntaxProblem(`Expected a property name in double quotes, found ${describeAt(text, index)}`, index, index + 1);
        }
      } else if (frame.expect === 'colon') {
        if (code !== 0x3a) {
          throw new SyntaxProblem(
            index >= text.length
              ? 'The body ends after a property name: expected ":"'
              : `Expected ":" after the property name, found ${describeAt(text, index)}`,
            index,
            Math.min(index + 1, text.length),
          );
        }
        frame.expect = 'value';
        index++;
      } else {
        // After a value inside a container: a comma or the end of the container.
        const closer = frame.node.kind === 'object' ? 0x7d : 0x5d;
        if (code === 0x2c) {
          frame.comma = index;
          frame.expect = frame.node.kind === 'object' ? 'key' : 'value';
          frame.member = undefined;
          index++;
        } else if (code === closer) {
          close(index + 1);
          index++;
        } else {
          const wanted = frame.node.kind === 'object' ? '"," or "}"' : '"," or "]"';
          const what = frame.node.kind === 'object' ? 'a property value' : 'an array item';
          throw new SyntaxProblem(
            index >= text.length
              ? `The body ends inside ${frame.node.kind === 'object' ? 'an object' : 'an array'}: add the missing ${frame.node.kind === 'object' ? '"}"' : '"]"'}`
              : `Expected ${wanted} after ${what}, found ${describeAt(text, index)}`,
            index,
            Math.min(index + 1, text.length),
          );
        }
      }

      index = skipSpace(text, index);
      if (stack.length === 0) {
        if (index < text.length) {
          throw new SyntaxProblem(`Unexpected ${describeAt(text, index)} after the end of the JSON value`, index, index + 1);
        }
        return { root, error: null };
      }
      // The text ends inside a container (after a property name, the colon branch says so).
      const open = stack.at(-1) as Frame;
      if (index >= text.length && open.expect !== 'colon') {
        const closer = open.node.kind === 'object' ? '"}"' : '"]"';
        throw new SyntaxProblem(
          `The body ends inside ${open.node.kind === 'object' ? 'an object' : 'an array'}: add the missing ${closer}`,
          index,
          index,
        );
      }
    }
  } catch (problem) {
    if (!(problem instanceof SyntaxProblem)) throw problem;
    for (const frame of stack) frame.node.to = Math.max(frame.node.from + 1, problem.span.from);
    const from = Math.min(problem.span.from, text.length);
    return { root, error: { from, to: Math.max(from, Math.min(problem.span.to, text.length)), message: problem.message } };
  }
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) === 0x0a) {
      line++;
      start = index + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** `/documents/1` → `["documents", "1"]`, unescaping `~1` and `~0`; null when it is not a pointer. */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export type Located =
  /** The value is there; `key` is its property name's span when its parent is an object. */
  | { found: true; value: Span; key?: Span }
  /** The value is not there; `parent` is the object or array that would hold it. */
  | { found: false; parent: Span };

/**
 * Where a JSON Pointer points in a scanned text. With duplicate keys the last one counts, as in
 * JSON.parse. Null when the pointer is not valid or its path leaves the tree (through a scalar).
 */
export function locate(root: JsonNode | null, pointer: string): Located | null {
  const tokens = parsePointer(pointer);
  if (!root || tokens === null) return null;
  let node: JsonNode = root;
  let key: Span | undefined;
  for (const token of tokens) {
    if (node.kind === 'object') {
      let member: JsonMember | undefined;
      for (const candidate of node.members) if (candidate.key === token) member = candidate;
      if (!member?.value) return { found: false, parent: node };
      key = member.keySpan;
      node = member.value;
    } else if (node.kind === 'array') {
      const item = /^(0|[1-9]\d*)$/.test(token) ? node.items[Number(token)] : undefined;
      if (!item) return { found: false, parent: node };
      key = undefined;
      node = item;
    } else {
      return null;
    }
  }
  return key ? { found: true, value: { from: node.from, to: node.to }, key } : { found: true, value: { from: node.from, to: node.to } };
}

/**
 * The text range a JSON Pointer points at: its value's range; for a missing value, the opening
 * bracket of the object or array that lacks it; null when the text has no such place.
 */
export function pointerRange(text: string, pointer: string): Span | null {
  const located = locate(scanJson(text).root, pointer);
  if (!located) return null;
  return located.found ? located.value : { from: located.parent.from, to: located.parent.from + 1 };
}
