/**
 * Redaction before sharing: personal data in a scenario's request body becomes placeholders of
 * the same shape, so that the shared link predicts exactly what the original does while it
 * carries no name, date, number or address of a real person.
 *
 * Same shape means: a string keeps its length in code points and stays blank or not blank; a
 * valid date stays a valid date, a date of the right form but no real day stays one, any other
 * text stays unlike a date; a number stays a number (top-level numbers, whose type the API names,
 * are kept); booleans, nulls, keys and the nesting of objects and arrays do not change. What each
 * field carries of personal data is the field table's `personal` attribute (src/token/fields.ts),
 * which every field must declare; a key the table does not know is masked.
 *
 * Raw bodies are redacted in place, so that text that does not parse still fails to parse, and
 * bytes that are not UTF-8 stay bytes that are not UTF-8. Pure: no DOM.
 */
import type { ScenarioInput } from '../token/scenario.ts';
import { tokenField, tokenFields } from '../token/fields.ts';
import { isCalendarDate } from '../token/schema.ts';
import { scanJson, type JsonNode } from '../json/text.ts';
import { base64FromBytes, bytesFromBase64 } from '../base64.ts';

/**
 * How a value is redacted: `keep` as it is; `text` every string and number in it; `date` like
 * text, but a date string keeps its validity; `choice` like text, but a value of the field's
 * closed list stays a value of it; `steps` the free text in additionalSteps (its upper-case codes
 * such as `UTILITY_BILL` are kept); `url` the query and fragment of a URL; `loose` a value outside
 * any known field.
 */
type Mode = 'keep' | 'text' | 'date' | Choice | 'steps' | 'loose' | 'url';

interface Choice {
  values: readonly string[];
  /** Lower case is read as upper case (countries). */
  caseless: boolean;
}

/** The mode of the values nested in a value of this mode. */
function innerMode(mode: Mode): Mode {
  return mode === 'date' || typeof mode === 'object' ? 'text' : mode;
}

/**
 * The mode of a top-level key, read from the field table's `personal` attribute (src/token/fields.ts).
 * It fails closed: a key the table does not know is masked whole (the API ignores it anyway).
 */
function modeOfKey(key: string | null): Mode {
  const field = key === null ? undefined : tokenField(key);
  if (!field) return 'text';
  switch (field.personal) {
    case false:
      return 'keep';
    case 'url-query':
      return 'url';
    case 'free-text':
      return 'steps';
    case true:
      if (field.rule.type === 'string' && field.rule.format === 'date') return 'date';
      if (field.rule.type === 'string' && field.rule.oneOf) return { values: field.rule.oneOf, caseless: field.rule.format === 'country' };
      return 'text';
  }
}

/**
 * The top-level request fields whose values can carry personal data, in the table's order:
 * every field whose `personal` is not `false`. Keys outside the table are masked too.
 */
export const personalFields: readonly string[] = tokenFields.filter((field) => field.personal !== false).map((field) => field.name);

/**
 * A valid value of a closed list, in place of the one sent: the list's first value, in the case the
 * value was sent in (`country` and `nationality` accept lower case, with a warning). A value not
 * in the list is masked like text, so it stays invalid.
 */
function redactChoice(choice: Choice, value: string): string {
  const valid = choice.values.includes(choice.caseless ? value.toUpperCase() : value);
  if (!valid) return redactString(value);
  const first = choice.values[0] as string;
  return choice.caseless && value !== value.toUpperCase() ? first.toLowerCase() : first;
}

/** A URL with the characters of its query and fragment replaced, the same length, still a URL. */
function redactUrl(value: string): string {
  const query = value.search(/[?#]/);
  return query === -1 ? value : value.slice(0, query + 1) + redactString(value.slice(query + 1));
}

const stepCode = /^[A-Z0-9_]*$/;

/** The placeholder for one character: white space and ASCII punctuation stay, so blank stays blank. */
function placeholderChar(char: string): string {
  const code = char.codePointAt(0) as number;
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return 'X';
    if (code >= 0x61 && code <= 0x7a) return 'x';
    if (code >= 0x30 && code <= 0x39) return '0';
    return char;
  }
  if (/\s/u.test(char)) return char;
  return /\p{Lu}/u.test(char) ? 'X' : 'x';
}

/** `"Jürgen Smith-2"` → `"Xxxxxx Xxxxx-0"`: the same length in code points, the same blanks. */
export function redactString(text: string): string {
  let result = '';
  for (const char of text) result += placeholderChar(char);
  return result;
}

/** A date placeholder: valid stays valid, `2023-02-30` stays a non-day, anything else stays a non-date. */
export function redactDate(text: string): string {
  if (isCalendarDate(text)) return text === '2000-01-01' ? '2000-01-02' : '2000-01-01';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return '0000-00-00';
  return redactString(text);
}

/**
 * Every digit but 0 changes (1 becomes 2, the others 1) and 0 stays 0, so a number token stays a
 * number token, a bad one (`012`) stays bad, and no number with a digit other than 0 survives.
 */
function redactDigits(text: string): string {
  return text.replace(/[1-9]/g, (digit) => (digit === '1' ? '2' : '1'));
}

function redactNumber(value: number): number {
  const redacted = Number(redactDigits(String(value)));
  return Number.isFinite(redacted) ? redacted : 0;
}

function redactValue(value: unknown, mode: Mode): unknown {
  if (mode === 'keep' || value === null || typeof value === 'boolean') return value;
  if (mode === 'loose') return redactLoose(value);
  if (mode === 'url') return typeof value === 'string' ? redactUrl(value) : value;
  if (typeof value === 'string') {
    if (mode === 'date') return redactDate(value);
    if (typeof mode === 'object') return redactChoice(mode, value);
    if (mode === 'steps') return stepCode.test(value) ? value : redactString(value);
    return redactString(value);
  }
  if (typeof value === 'number') return mode === 'steps' ? value : redactNumber(value);
  const inner = innerMode(mode);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, inner));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, inner)]));
  }
  return value;
}

/** A body, or a value of a body that is not an object: objects by their keys, strings redacted, numbers kept. */
function redactLoose(value: unknown): unknown {
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map(redactLoose);
  if (typeof value === 'object' && value !== null) {
    // fromEntries keeps a "__proto__" key as an own property, as JSON.parse made it.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, modeOfKey(key))]));
  }
  return value;
}

// ── Raw bodies ───────────────────────────────────────────────────────────────

interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Redaction of JSON text that parses: each value token is replaced, the rest of the text kept. */
function redactParsedText(text: string, root: JsonNode): string {
  const edits: Edit[] = [];
  const visit = (node: JsonNode, mode: Mode): void => {
    if (mode === 'keep') return;
    if (mode === 'loose') {
      if (node.kind === 'object') for (const member of node.members) member.value && visit(member.value, modeOfKey(member.key));
      else if (node.kind === 'array') for (const item of node.items) visit(item, 'loose');
      else if (node.kind === 'string') visit(node, 'text');
      return;
    }
    if (node.kind === 'string') {
      const value = JSON.parse(text.slice(node.from, node.to)) as string;
      const redacted = redactValue(value, mode) as string;
      if (redacted !== value) edits.push({ from: node.from, to: node.to, text: JSON.stringify(redacted) });
    } else if (node.kind === 'number') {
      if (mode !== 'steps') edits.push({ from: node.from, to: node.to, text: redactDigits(text.slice(node.from, node.to)) });
    } else if (node.kind === 'object' || node.kind === 'array') {
      const inner = innerMode(mode);
      const children = node.kind === 'object' ? node.members.map((member) => member.value) : node.items;
      for (const child of children) if (child) visit(child, inner);
    }
  };
  visit(root, 'loose');
  let result = text;
  for (const edit of edits.sort((a, b) => b.from - a.from)) result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
  return result;
}

const structural = new Set(['{', '}', '[', ']', ':', ',', '"']);
const isSpace = (char: string) => char === ' ' || char === '\t' || char === '\n' || char === '\r';

/**
 * Redaction of text that does not parse, token by token and tolerant of anything: quotes,
 * backslash escapes, control characters, structure and literals stay where they are, and letters
 * and digits only ever become letters and digits that cannot mend the text, so it still fails to
 * parse. Before the first syntax error (`broken`, the offset the scanner reports) the text reads
 * as JSON does, so strings and bare words are redacted by the field they belong to; from the token
 * that holds the error on, nothing can be trusted to be a key or a kept field, so every string and
 * word is redacted. With `bytes`, the text is one character per byte (not UTF-8): redacted bytes
 * above 0x7F become 0xFF, which is never UTF-8, so the bytes stay invalid.
 */
function redactBrokenText(text: string, bytes: boolean, broken: number): string {
  const map = (char: string) => (bytes && char.charCodeAt(0) >= 0x80 ? '\u00ff' : placeholderChar(char));
  interface Frame {
    kind: '{' | '[';
    mode: Mode;
    key: string | null;
  }
  const stack: Frame[] = [];
  /** The mode of a value starting here. */
  const valueMode = (): Mode => {
    const frame = stack.at(-1);
    if (!frame) return 'loose';
    if (frame.kind === '{' && frame.mode === 'loose') return frame.key === null ? 'text' : modeOfKey(frame.key);
    return frame.mode;
  };
  /** Whether the next thing after `at`, past white space, is a colon: the token before it is a key. */
  const beforeColon = (at: number) => {
    let index = at;
    while (index < text.length && isSpace(text[index] as string)) index++;
    return text[index] === ':';
  };

  let result = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '{' || char === '[') {
      const mode = valueMode();
      stack.push({ kind: char, mode: innerMode(mode), key: null });
      result += char;
      index++;
    } else if (char === '}' || char === ']') {
      stack.pop();
      result += char;
      index++;
    } else if (char === ',') {
      const frame = stack.at(-1);
      if (frame) frame.key = null;
      result += char;
      index++;
    } else if (char === ':' || isSpace(char)) {
      result += char;
      index++;
    } else if (char === '"') {
      // A string token: to the closing quote that no backslash escapes, or to the end.
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const closed = end < text.length;
      end = Math.min(end + 1, text.length);
      const token = text.slice(index, end);
      const frame = stack.at(-1);
      if (end > broken) {
        result += `"${redactStringContent(token.slice(1, closed ? -1 : undefined), map)}${closed ? '"' : ''}`;
      } else if (frame?.kind === '{' && beforeColon(end)) {
        frame.key = readKey(token);
        result += token;
      } else {
        const mode = valueMode();
        const content = token.slice(1, closed ? -1 : undefined);
        const keep = mode === 'keep' || (mode === 'steps' && stepCode.test(content));
        result += keep ? token : `"${redactStringContent(content, map)}${closed ? '"' : ''}`;
      }
      index = end;
    } else {
      // A bare word: a literal, a number, or anything else up to the next structural character.
      let end = index;
      while (end < text.length && !structural.has(text[end] as string) && !isSpace(text[end] as string)) end++;
      const word = text.slice(index, end);
      const frame = stack.at(-1);
      if (end > broken && word !== 'true' && word !== 'false' && word !== 'null') {
        result += /^-?\d[\d.eE+-]*$/.test(word) ? redactDigits(word) : Array.from(word, map).join('');
      } else if (frame?.kind === '{' && beforeColon(end)) {
        frame.key = word.replace(/^'|'$/g, '');
        result += word;
      } else {
        const mode = valueMode();
        if (mode === 'keep' || word === 'true' || word === 'false' || word === 'null') result += word;
        else if (/^-?\d[\d.eE+-]*$/.test(word)) result += mode === 'steps' ? word : redactDigits(word);
        else result += Array.from(word, map).join('');
      }
      index = end;
    }
  }
  return result;
}

function readKey(token: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.replace(/^"|"$/g, '');
  }
}

/** The inside of a string token redacted character by character; escapes and control characters are kept. */
function redactStringContent(content: string, map: (char: string) => string): string {
  let result = '';
  const chars = Array.from(content);
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    if (char === '\\') {
      result += char;
      const next = chars[index + 1];
      if (next === undefined) continue;
      result += next;
      index++;
      if (next === 'u') {
        for (let digit = 0; digit < 4 && /^[0-9a-fA-F]$/.test(chars[index + 1] ?? ''); digit++) result += chars[++index];
      }
    } else if ((char.codePointAt(0) as number) < 0x20) {
      result += char;
    } else {
      result += map(char);
    }
  }
  return result;
}

/** A raw body redacted in place: structurally when it parses, token by token when it does not. */
export function redactText(text: string): string {
  const scan = scanJson(text);
  return !scan.error && scan.root ? redactParsedText(text, scan.root) : redactBrokenText(text, false, scan.error?.from ?? 0);
}

/** Base64 bytes redacted: as text when they are UTF-8; else byte by byte, staying invalid UTF-8. */
export function redactBase64(base64: string): string {
  let bytes: Uint8Array;
  try {
    bytes = bytesFromBase64(base64);
  } catch {
    return base64;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return base64FromBytes(new TextEncoder().encode(redactText(text)));
  } catch {
    const latin1 = Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
    const broken = scanJson(latin1).error?.from ?? latin1.length;
    return base64FromBytes(Uint8Array.from(redactBrokenText(latin1, true, broken), (char) => char.charCodeAt(0)));
  }
}

/** A copy of the scenario with personal data replaced by placeholders of the same shape. */
export function redactScenario(scenario: ScenarioInput): ScenarioInput {
  const request = scenario.request;
  if (!request) return { ...scenario };
  const redacted: NonNullable<ScenarioInput['request']> = { ...request };
  if (request.body !== undefined) redacted.body = redactLoose(request.body) as typeof request.body;
  if (request.rawBody !== undefined) redacted.rawBody = redactText(request.rawBody);
  if (request.rawBodyBase64 !== undefined) redacted.rawBodyBase64 = redactBase64(request.rawBodyBase64);
  return { ...scenario, request: redacted };
}

/** One top-level field's value redacted as it would be in a body: for response bodies that echo the request. */
export function redactFieldValue(key: string, value: unknown): unknown {
  return redactValue(value, modeOfKey(key));
}

/**
 * The texts that redaction masks in a request body (a URL field's query and fragment, not its host),
 * so that a report can also scrub them from any text it prints: the same decision as the
 * redaction, read from the field table, with every key outside the table masked.
 */
export function personalStrings(body: unknown): string[] {
  const found: string[] = [];
  const collect = (value: unknown, mode: Mode): void => {
    if (mode === 'keep' || value === null || typeof value === 'boolean') return;
    if (typeof value === 'string') {
      if (mode === 'url') {
        const query = value.search(/[?#]/);
        if (query !== -1 && query + 1 < value.length) found.push(value.slice(query + 1));
      } else if (mode !== 'steps' || !stepCode.test(value)) {
        found.push(value);
      }
    } else if (typeof value === 'number') {
      if (mode !== 'steps' && mode !== 'loose' && mode !== 'url') found.push(String(value));
    } else if (Array.isArray(value)) {
      for (const item of value) collect(item, innerMode(mode));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) collect(item, mode === 'loose' ? modeOfKey(key) : innerMode(mode));
    }
  };
  collect(body, 'loose');
  return found;
}
