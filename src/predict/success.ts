/**
 * The body of a successful token request. The API's generated values (`authToken`, `scanRef`,
 * `digitString`) are sample values derived from the scenario, so that the same scenario always
 * gives the same body and pages built from it do not change between builds.
 */
import { entry } from '../catalogue/index.ts';
import { tokenFields } from '../token/fields.ts';
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
 * @param body the request body, known to be valid
 * @param seedText text that identifies the scenario, from which the sample values derive
 */
export function successBody(body: Record<string, unknown>, seedText: string): ResponseBody {
  const random = sampler(hash(seedText));
  const authToken = pick(random, alphanumeric, 40);
  const scanRef = [8, 4, 4, 4, 12].map((length) => pick(random, hex, length)).join('-');
  const digitString = body.generateDigitString === true ? pick(random, '0123456789', 8) : null;

  const result: ResponseBody = {
    message: entry('token-created').message,
    authToken,
    scanRef,
  };
  for (const field of tokenFields) {
    const sent = Object.hasOwn(body, field.name) ? body[field.name] : undefined;
    // A copy, so that changing a response never changes the field table or the caller's request.
    const value = copy(sent === undefined || sent === null ? field.default : sent);
    const normalize = echo[field.name];
    result[field.name] = normalize && typeof value === 'string' ? normalize(value) : value;
    if (field.name === 'clientId') result.personScanRef = value;
  }
  result.digitString = digitString;
  result.redirectUrl = `https://ivs.idenfy.com/api/v2/redirect?authToken=${authToken}`;
  return result;
}
