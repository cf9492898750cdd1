/**
 * The body of a successful token request. The API's generated values (`authToken`, `scanRef`,
 * `digitString`) are sample values derived from the scenario, so that the same scenario always
 * gives the same body and pages built from it do not change between builds.
 */
import { entry } from '../catalogue/entry-facts.ts';
import { tokenField, tokenFields } from '../token/fields.ts';
import type { ResponseBody } from './outcome.ts';

/** FNV-1a over the text: a 32-bit seed. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** mulberry32: a small, fast generator of repeatable sample values. */
function sampler(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random: () => number, alphabet: string, length: number): string {
  let result = '';
  for (let index = 0; index < length; index++) result += alphabet[Math.floor(random() * alphabet.length)];
  return result;
}

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const hex = '0123456789abcdef';

/** Fields the API echoes in a normalized form. */
const echo: Readonly<Record<string, (value: string) => string>> = {
  firstName: (value) => value.toUpperCase(),
  lastName: (value) => value.toUpperCase(),
  country: (value) => value.toUpperCase(),
  nationality: (value) => value.toUpperCase(),
};

/** A deep copy of a JSON value; far cheaper than structuredClone for the small values of a request. */
function copy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) result[key] = copy((value as Record<string, unknown>)[key]);
  return result as T;
}

/**
 * Every key of a success body in order, with the defaults filled in: built once, then copied
 * for each success, since a body has some seventy keys and most keep their default.
 */
const defaultBody: Readonly<ResponseBody> = (() => {
  const result: ResponseBody = { message: null, authToken: null, scanRef: null };
  for (const field of tokenFields) {
    result[field.name] = field.default;
    if (field.name === 'clientId') result.personScanRef = null;
  }
  result.digitString = null;
  result.redirectUrl = null;
  // Copied into a fresh object before freezing: built key by key, `result` has slow (dictionary)
  // properties, and spreading it costs about 40 times what spreading the copy costs (0.16 µs).
  return Object.freeze({ ...result });
})();

/** Fields whose default is an object or array, copied into each body so no caller can change the table. */
const objectDefaults = tokenFields.filter((field) => typeof field.default === 'object' && field.default !== null);

/**
 * @param body the request body, known to be valid
 * @param seedText text that identifies the request, from which the sample values derive
 * @param entrySlug the success entry whose message the body carries (a dummy session has its own)
 */
export function successBody(body: Record<string, unknown>, seedText: string, entrySlug = 'token-created'): ResponseBody {
  const random = sampler(hash(seedText));
  const authToken = pick(random, alphanumeric, 40);
  const scanRef = `${pick(random, hex, 8)}-${pick(random, hex, 4)}-${pick(random, hex, 4)}-${pick(random, hex, 4)}-${pick(random, hex, 12)}`;

  const result: ResponseBody = { ...defaultBody };
  result.message = entry(entrySlug).message;
  result.authToken = authToken;
  result.scanRef = scanRef;
  for (const field of objectDefaults) result[field.name] = copy(field.default);
  for (const name of Object.keys(body)) {
    const value = body[name];
    if (value === null || value === undefined || !Object.hasOwn(defaultBody, name) || !tokenField(name)) continue;
    // A copy, so that changing a response never changes the caller's request.
    const normalize = echo[name];
    result[name] = normalize && typeof value === 'string' ? normalize(value) : copy(value);
  }
  result.personScanRef = result.clientId;
  result.digitString = body.generateDigitString === true ? pick(random, '0123456789', 8) : null;
  result.redirectUrl = `https://ivs.idenfy.com/api/v2/redirect?authToken=${authToken}`;
  return result;
}
