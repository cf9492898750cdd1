/**
 * Reading a paste: the status, identifier, message and JSON body in whatever a person has in hand
 * (a body, a message, a printed `Error [ID]: …` line, a status line, a whole `curl -i` output).
 *
 * Everything here sees text a stranger wrote, so nothing here may backtrack: the text is read by
 * scanning it once, and the few regular expressions left are linear by construction (each is
 * anchored or bounded, with no two quantifiers that can take the same characters). The build's
 * regex check (tests/unit/regex-safety.test.ts) holds every pattern in `src/` to that.
 */
import { jsonValueDepth, maxNestingDepth } from '../limits.ts';
import { parseIdentifier } from './identifiers.ts';

/** What the matcher read from the input. */
export interface ReadInput {
  status?: number;
  identifier?: string;
  message?: string;
  /** The JSON object found in the input, if any. */
  body?: Record<string, unknown>;
}

/** Inputs longer than this are read from their end, where a pasted response keeps its body. */
export const maxInput = 200_000;

/** A bare status (`400`, `HTTP 429 Too Many Requests`) is short; longer text is never one. */
const maxBareStatus = 80;

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x3000 ||
    code === 0x1680 ||
    code === 0x202f ||
    code === 0x205f
  );
}

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpace(text.charCodeAt(index))) index++;
  return index;
}

/** The JSON object in a text: the whole text, or the last object that parses (a response's body). */
function findJsonObject(text: string): Record<string, unknown> | undefined {
  const attempt = (candidate: string): Record<string, unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(candidate);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      // An error body is flat; one nested past the limit is no body of the API's, and every
      // recursive reader after this one (JSON.stringify among them) would overflow on it.
      return jsonValueDepth(value) > maxNestingDepth ? undefined : (value as Record<string, unknown>);
    } catch {
      return undefined;
    }
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const whole = attempt(trimmed);
    if (whole) return whole;
  }
  const end = text.lastIndexOf('}');
  if (end === -1) return undefined;
  // Try the last few openings only, so a huge paste full of braces stays fast.
  let start = text.lastIndexOf('{', end);
  for (let tries = 0; start !== -1 && tries < 24; tries++) {
    const found = attempt(text.slice(start, end + 1));
    if (found) return found;
    start = start === 0 ? -1 : text.lastIndexOf('{', start - 1);
  }
  return undefined;
}

const statusLine = /HTTP\/\d(?:\.\d)?\s+(\d{3})\b/gi;

/**
 * What HTTP libraries print for an error response, read like a status line: Python's requests
 * (`401 Client Error: Unauthorized for url: …`), axios and others (`Request failed with status
 * code 400`, `status: 429`), Guzzle (`resulted in a `400 Bad Request` response`). The reason
 * phrase after the code belongs to the status and is never read as an identifier or a message.
 */
const libraryStatusLine =
  /\b([1-5]\d\d) (?:Client|Server) Error\b|\bstatus code ([1-5]\d\d)\b|\bresulted in a `([1-5]\d\d)\b|\bstatus(?:Code)?["']?[=:] ?([1-5]\d\d)\b/gi;

/** The last library error line in a text: its status and the line it stands on. */
function libraryStatus(text: string): { status: number; start: number; end: number } | undefined {
  let found: RegExpExecArray | undefined;
  for (const each of text.matchAll(libraryStatusLine)) found = each;
  if (!found) return undefined;
  const code = found[1] ?? found[2] ?? found[3] ?? found[4];
  const start = text.lastIndexOf('\n', found.index) + 1;
  const newline = text.indexOf('\n', found.index);
  return { status: Number(code), start, end: newline === -1 ? text.length : newline + 1 };
}
const bareStatus = /^(?:(?:HTTP|status|code)[\s/:]*)?(\d{3})(?:\s+[A-Za-z][A-Za-z' -]*)?$/i;

const quotes = new Set(['"', "'", '`', '“', '”', '‘', '’']);

/** The text without white space and quotes at either end. */
function stripQuotes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (isSpace(text.charCodeAt(start)) || quotes.has(text[start] as string))) start++;
  while (end > start && (isSpace(text.charCodeAt(end - 1)) || quotes.has(text[end - 1] as string))) end--;
  return text.slice(start, end);
}

/** Where the body starts after the headers: past the first blank line, else past the status line. */
function afterHeaders(rest: string): string {
  let newline = rest.indexOf('\n');
  while (newline !== -1) {
    // The white space after a line break; a line break inside it ends the headers.
    const end = skipSpace(rest, newline + 1);
    const lastBreak = rest.lastIndexOf('\n', end - 1);
    if (lastBreak > newline) return rest.slice(lastBreak + 1);
    newline = rest.indexOf('\n', end);
  }
  const firstBreak = rest.indexOf('\n');
  return firstBreak === -1 ? '' : rest.slice(firstBreak);
}

/** `error` (any case) at this position, followed by something that is not a letter. */
function wordAt(text: string, index: number, word: string): boolean {
  return text.slice(index, index + word.length).toLowerCase() === word && !/[A-Za-z]/.test(text[index + word.length] ?? '');
}

const separators = new Set([':', '-', '–']);

/**
 * A label in front of a message: `Error [BAD_VALUE]: …`, `[undefined] …` (as the reference's own
 * example prints bodies without an identifier), `BAD_VALUE: …` or `error: BAD_VALUE - …`.
 * Returns the label and where the message starts, or null.
 */
function readLabel(text: string): { label: string; bracketed: boolean; end: number } | null {
  let index = skipSpace(text, 0);
  const afterError = wordAt(text, index, 'error') ? skipSpace(text, index + 5) : index;

  if (text[afterError] === '[') {
    const close = text.indexOf(']', afterError + 1);
    const lineEnd = text.indexOf('\n', afterError + 1);
    if (close !== -1 && (lineEnd === -1 || close < lineEnd)) {
      let end = skipSpace(text, close + 1);
      if (text[end] === ':') end = skipSpace(text, end + 1);
      return { label: text.slice(afterError + 1, close).trim(), bracketed: true, end };
    }
  }

  // An upper-case constant (`BAD_VALUE`), optionally after `error` and a separator, then a separator.
  if (afterError !== index) {
    index = afterError;
    if (separators.has(text[index] as string)) index = skipSpace(text, index + 1);
  }
  const start = index;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code >= 0x41 && code <= 0x5a) index++;
    else if (code === 0x5f && index > start && /[A-Z]/.test(text[index + 1] ?? '')) index++;
    else break;
  }
  if (index === start || /[A-Za-z0-9_]/.test(text[index] ?? '')) return null;
  const label = text.slice(start, index);
  const separator = skipSpace(text, index);
  if (!separators.has(text[separator] as string)) return null;
  return { label, bracketed: false, end: skipSpace(text, separator + 1) };
}

/** `error: …` or `message - …` in front of a message. */
function withoutMessageLabel(text: string): string {
  const start = skipSpace(text, 0);
  for (const word of ['error', 'message']) {
    if (!wordAt(text, start, word)) continue;
    const separator = skipSpace(text, start + word.length);
    if (separators.has(text[separator] as string)) return text.slice(skipSpace(text, separator + 1));
  }
  return text;
}

/** Reads the status, identifier, message and JSON body out of a paste. Linear in its length. */
export function readInput(raw: string): ReadInput {
  const text = raw.length > maxInput ? raw.slice(raw.length - maxInput) : raw;
  const result: ReadInput = {};

  const lines = [...text.matchAll(statusLine)];
  const lastStatus = lines.at(-1);
  const library = lastStatus ? undefined : libraryStatus(text);
  if (lastStatus) result.status = Number(lastStatus[1]);
  else if (library) result.status = library.status;

  const body = findJsonObject(text);
  if (body) {
    result.body = body;
    if (typeof body.identifier === 'string') result.identifier = body.identifier;
    const message = body.message ?? body.detail ?? body.error;
    if (typeof message === 'string') result.message = message;
    else if (message !== undefined) result.message = JSON.stringify(message);
    return result;
  }

  const trimmed = text.trim();
  const bare = trimmed.length <= maxBareStatus ? bareStatus.exec(trimmed) : null;
  if (bare) return { status: Number(bare[1]) };

  // After a status line come the headers, a blank line and the body.
  let rest = text;
  if (lastStatus) rest = afterHeaders(text.slice((lastStatus.index ?? 0) + lastStatus[0].length));
  // A library's error line says the status and nothing of the API's own message: the rest does.
  else if (library) rest = text.slice(0, library.start) + text.slice(library.end);

  const labelled = readLabel(rest);
  if (labelled) {
    const label = parseIdentifier(labelled.label);
    if (label) result.identifier = label;
    if (label || labelled.bracketed) rest = rest.slice(labelled.end);
  }
  const whole = parseIdentifier(stripQuotes(rest));
  if (whole && !result.identifier) {
    result.identifier = whole;
    return result;
  }
  const message = stripQuotes(withoutMessageLabel(rest));
  if (message.length > 0) result.message = message;
  return result;
}
