/**
 * What `errata check` may print of an exchange: never the credentials, never personal data, never
 * a token. Bodies keep their shape (src/share/redact.ts: same lengths, same types, dates stay
 * dates), so a report still shows what was sent and received; and every string the file holds
 * that is secret or personal (the Authorization header and its decoded key and secret, cookies,
 * what the request's fields carry of personal data, by the field table) is also scrubbed from any text printed, wherever it appears.
 */
import { personalStrings, redactFieldValue, redactString } from '../share/redact.ts';
import type { Exchange } from './exchange.ts';

/** Response keys that are credentials in all but name: a verification token and its links. */
export const tokenKeys: readonly string[] = ['authToken', 'scanRef', 'digitString', 'redirectUrl'];

/** A text body (not JSON) is shown up to this many characters. */
const maxTextBody = 2000;

/** Texts shorter than this are not scrubbed from free text: "LT" or "42" would mangle unrelated words. */
const minimumSecret = 4;

function collectStrings(value: unknown, into: Set<string>): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') into.add(node);
    else if (typeof node === 'number') into.add(String(node));
    else if (Array.isArray(node)) stack.push(...node);
    else if (typeof node === 'object' && node !== null) stack.push(...Object.values(node));
  }
}

function decodeBasic(value: string): string[] {
  const space = value.indexOf(' ');
  if (space === -1) return [];
  try {
    const decoded = atob(value.slice(space + 1).trim());
    const colon = decoded.indexOf(':');
    return colon === -1 ? [decoded] : [decoded, decoded.slice(0, colon), decoded.slice(colon + 1)];
  } catch {
    return [];
  }
}

/** The secret and personal strings of an exchange, longest first (so a name goes before its parts). */
export function secretsOf(exchange: Exchange, requestBody: unknown): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(exchange.headers)) {
    if (
      name === 'authorization' ||
      name === 'cookie' ||
      name === 'proxy-authorization' ||
      name.includes('token') ||
      name.includes('key') ||
      name.includes('secret')
    ) {
      found.add(value);
      const space = value.indexOf(' ');
      if (space !== -1) found.add(value.slice(space + 1));
      for (const part of decodeBasic(value)) found.add(part);
    }
  }
  if (typeof requestBody === 'object' && requestBody !== null && !Array.isArray(requestBody)) {
    for (const text of personalStrings(requestBody)) found.add(text);
  }
  const body = exchange.response.body;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    for (const key of tokenKeys) collectStrings((body as Record<string, unknown>)[key], found);
  }
  return [...found].filter((text) => text.length >= minimumSecret && text !== '<redacted>').sort((a, b) => b.length - a.length);
}

/** Text with every secret replaced by a placeholder of its length. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (result.includes(secret)) result = result.split(secret).join(redactString(secret));
  return result;
}

/** Every string in a value scrubbed; the value is copied, never changed. */
export function scrubValue<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return scrubText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubValue(item, secrets)])) as T;
  }
  return value;
}

/** The keys of an error body, kept as they are: a gap report needs the words of an unknown answer. */
const errorKeys: ReadonlySet<string> = new Set(['identifier', 'message', 'detail', 'error', 'documentation', 'severity', 'status']);

const localPart = /[\w.+-]/;
const domainPart = /[\w.-]/;

/**
 * The text with every e-mail address masked. A scan from each `@` over at most 64 characters to
 * the left and 253 to the right (the longest a local part and a domain may be): linear in the text.
 */
function maskEmails(text: string): string {
  let result = '';
  let last = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > Math.max(last, at - 64) && localPart.test(text[start - 1] as string)) start--;
    let end = at + 1;
    while (end < Math.min(text.length, at + 254) && domainPart.test(text[end] as string)) end++;
    const domain = text.slice(at + 1, end);
    if (start === at || !domain.includes('.') || domain.startsWith('.')) continue;
    result += text.slice(last, start) + redactString(text.slice(start, end));
    last = end;
    at = end - 1;
  }
  return result + text.slice(last);
}

/**
 * A response body as `errata check` prints it. It fails closed: the keys of an error body are kept,
 * the request fields the API echoes are redacted as in a request (personal ones masked, URLs without
 * their query), tokens masked, and every other key's value masked: an echo can carry anything.
 */
export function redactResponseBody(body: unknown): unknown {
  if (typeof body === 'string') {
    // A proxy's HTML error page can be long: its start says what it is. Addresses in it go.
    const shown =
      body.length > maxTextBody
        ? `${body.slice(0, maxTextBody)}… (${(body.length - maxTextBody).toLocaleString('en-US')} more characters)`
        : body;
    return maskEmails(shown);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => {
      if (errorKeys.has(key)) return [key, value];
      if (tokenKeys.includes(key)) return [key, typeof value === 'string' ? redactString(value) : value];
      return [key, redactFieldValue(key, value)];
    }),
  );
}
