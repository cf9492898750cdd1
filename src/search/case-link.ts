/**
 * A customer's case in an entry's link: `/errors/<slug>/#case=<base64url JSON>`. The JSON holds
 * only the matched case: the message received, the values of its placeholders, the request field
 * and the value sent in it. The fragment never reaches a server; the entry page reads it and
 * explains that case in particular. Pure and small: entry pages load it only when a link has one.
 */

import { LimitError } from '../limits.ts';
import { checkLinkDataLength, fromBase64Url, toBase64Url } from '../share/base64url.ts';

export interface CustomerCase {
  /** The message the customer received. */
  message?: string;
  /** The values of the message's placeholders (`{type}` → `list`). */
  values?: Record<string, string>;
  /** The request field at fault. */
  field?: string;
  /** The value the request sent in that field, as text. */
  value?: string;
}

export const caseKey = 'case';

/** Limits that keep a link short enough to paste anywhere; longer text is cut when the link is made. */
export const caseLimits = { message: 600, value: 200, field: 100, values: 8, valueText: 200 } as const;

function encodeText(text: string): string {
  return toBase64Url(new TextEncoder().encode(text));
}

function decodeText(data: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(data));
}

function cut(text: string, length: number): string {
  const points = [...text];
  return points.length > length ? `${points.slice(0, length - 1).join('')}…` : text;
}

/** The case with empty parts dropped and long ones cut. */
export function tidyCase(input: CustomerCase): CustomerCase {
  const tidy: CustomerCase = {};
  const message = input.message?.trim();
  if (message) tidy.message = cut(message, caseLimits.message);
  const values = Object.entries(input.values ?? {})
    .filter(([name, value]) => /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && value.trim() !== '')
    .slice(0, caseLimits.values);
  if (values.length > 0) tidy.values = Object.fromEntries(values.map(([name, value]) => [name, cut(value, caseLimits.valueText)]));
  const field = input.field?.trim();
  if (field) tidy.field = cut(field, caseLimits.field);
  const value = input.value?.trim();
  if (value) tidy.value = cut(value, caseLimits.value);
  return tidy;
}

export function isEmptyCase(value: CustomerCase): boolean {
  return Object.keys(tidyCase(value)).length === 0;
}

/** The fragment (without `#`) that carries a case; empty when the case is. */
export function encodeCase(value: CustomerCase): string {
  const tidy = tidyCase(value);
  return Object.keys(tidy).length === 0 ? '' : `${caseKey}=${encodeText(JSON.stringify(tidy))}`;
}

/** The entry's path with the case in its fragment. */
export function caseLink(entryPath: string, value: CustomerCase): string {
  const fragment = encodeCase(value);
  return fragment ? `${entryPath}#${fragment}` : entryPath;
}

export type ReadCase =
  | { kind: 'none' }
  | { kind: 'case'; case: CustomerCase }
  /** The fragment has a case that cannot be read; `reason` says why, for the notice. */
  | { kind: 'damaged'; reason: string };

const isString = (value: unknown): value is string => typeof value === 'string';

/** Reads a fragment (with or without `#`). Anything other than `case=…` is not a case. */
export function decodeCase(fragment: string): ReadCase {
  const text = fragment.replace(/^#/, '');
  if (!text.startsWith(`${caseKey}=`)) return { kind: 'none' };
  const data = text.slice(caseKey.length + 1).split('&')[0] ?? '';
  if (data === '') return { kind: 'damaged', reason: 'the case in the link is empty' };
  if (!/^[A-Za-z0-9_-]+$/.test(data))
    return { kind: 'damaged', reason: 'the case contains characters such a link never has: it was changed or cut' };
  let json: string;
  try {
    checkLinkDataLength(data, false);
    json = decodeText(data);
  } catch (error) {
    if (error instanceof LimitError) return { kind: 'damaged', reason: error.message };
    return { kind: 'damaged', reason: 'the case could not be decoded: the link was cut short or changed' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { kind: 'damaged', reason: 'the case is not valid JSON: the link was cut short or changed' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'damaged', reason: 'the case is not an object' };
  const record = value as Record<string, unknown>;
  const read: CustomerCase = {};
  for (const key of ['message', 'field', 'value'] as const) {
    const part = record[key];
    if (part === undefined) continue;
    if (!isString(part)) return { kind: 'damaged', reason: `the case's ${key} is not text` };
    read[key] = part;
  }
  if (record.values !== undefined) {
    const values = record.values;
    if (typeof values !== 'object' || values === null || Array.isArray(values) || !Object.values(values).every(isString)) {
      return { kind: 'damaged', reason: "the case's values are not text" };
    }
    read.values = values as Record<string, string>;
  }
  const tidy = tidyCase(read);
  if (Object.keys(tidy).length === 0) return { kind: 'damaged', reason: 'the case in the link is empty' };
  return { kind: 'case', case: tidy };
}
