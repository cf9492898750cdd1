/**
 * Reading the request body as the API would: bytes → UTF-8 text → JSON value. Pure functions,
 * safe in the browser (atob and TextDecoder exist in both).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What the request carried, before the API decodes it. */
export type RawBody =
  | { kind: 'json'; value: JsonValue }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of UTF-8 bytes, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The JSON value of a text, or undefined when it is empty or does not parse. */
export function parseJson(text: string): JsonValue | undefined {
  if (text.trim().length === 0) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
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
