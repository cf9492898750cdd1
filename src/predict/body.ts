/**
 * Reading the request body as the API would: bytes → UTF-8 text → JSON value. Pure functions,
 * safe in the browser (atob and TextDecoder exist in both).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What the request carried, before the API decodes it. */
export type RawBody = { kind: 'json'; value: JsonValue } | { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array };

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Whether bytes are well-formed UTF-8 (Unicode's table 3-7, which a fatal TextDecoder follows):
 * checked here rather than by catching the decoder's error, as an error costs more than the check.
 */
function isWellFormedUtf8(bytes: Uint8Array): boolean {
  const length = bytes.length;
  let index = 0;
  while (index < length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index++;
      continue;
    }
    // The range of the second byte, and how many bytes follow the lead.
    let low = 0x80;
    let high = 0xbf;
    let following: number;
    if (lead >= 0xc2 && lead <= 0xdf) following = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      following = 2;
      if (lead === 0xe0) low = 0xa0; // no overlong forms
      if (lead === 0xed) high = 0x9f; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      following = 3;
      if (lead === 0xf0) low = 0x90; // no overlong forms
      if (lead === 0xf4) high = 0x8f; // nothing past U+10FFFF
    } else return false;
    if (index + following >= length) return false;
    const second = bytes[index + 1] as number;
    if (second < low || second > high) return false;
    for (let next = index + 2; next <= index + following; next++) {
      const byte = bytes[next] as number;
      if (byte < 0x80 || byte > 0xbf) return false;
    }
    index += following + 1;
  }
  return true;
}

/** The text of UTF-8 bytes, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  return isWellFormedUtf8(bytes) ? utf8.decode(bytes) : null;
}

/** The JSON value of a text, or undefined when it is empty or does not parse. */
export function parseJson(text: string): JsonValue | undefined {
  if (text.trim().length === 0) return undefined;
  // Malformed bodies are common in tests, and the stack trace V8 records for each SyntaxError
  // costs more than the parse: none is needed, as the error is only caught.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * The name Python gives the type of a parsed JSON value, as the API's message shows it
 * (`Expected a dictionary, but got list.`). A number is `int` unless its source text has a
 * fraction or an exponent; a number given as a JSON value (no text) is `int` when whole.
 */
export function pythonTypeName(value: JsonValue, sourceText?: string): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'number':
      if (sourceText !== undefined) return /^\s*-?\d+\s*$/.test(sourceText) ? 'int' : 'float';
      return Number.isInteger(value) ? 'int' : 'float';
    default:
      return 'dict';
  }
}

export function isJsonObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
