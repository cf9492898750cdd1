/**
 * What a prediction returns, and how a problem is made from a catalogue entry, so that the
 * predictor never writes a message of its own.
 */
import { entry } from '../catalogue/entry-facts.ts';
import { fill, placeholders, type Values } from '../catalogue/template.ts';

/** One thing wrong with the request, as the API would report it. */
export interface Problem {
  /** The slug of the catalogue entry. */
  entry: string;
  /** JSON Pointer to the field (`/documents/1`), or `""` for the whole request. */
  pointer: string;
  message: string;
  /** The values filled into the message's placeholders. */
  values: Values;
}

/** Something the API tolerates silently but the sender probably did not mean. */
export interface Warning {
  code: 'unknown-field' | 'locale-fallback' | 'country-case';
  pointer: string;
  message: string;
  /** For an unknown field: the known field it was probably meant to be. */
  suggestion?: string;
  /** The catalogue entry that explains what the API may answer instead. */
  entry?: string;
}

export type ResponseBody = Record<string, unknown>;

/** What the API sends back, without the explanation: the status, the body and the entry it comes from. */
export interface Answer {
  status: number;
  body: ResponseBody;
  entry: string;
}

export interface Outcome extends Answer {
  /** The entry of the response: on an error, that of `problems[0]`. */
  entry: string;
  /** Every problem found, in evaluation order; the first is the one returned. */
  problems: Problem[];
  warnings: Warning[];
}

/** `["documents", 1]` → `/documents/1`, escaping `~` and `/` as RFC 6901 says. */
export function pointerTo(...path: readonly (string | number)[]): string {
  let pointer = '';
  for (const key of path) {
    const text = String(key);
    pointer += `/${text.includes('~') || text.includes('/') ? text.replaceAll('~', '~0').replaceAll('/', '~1') : text}`;
  }
  return pointer;
}

/** A problem from an entry, filling only the placeholders its message has. */
export function problem(slug: string, pointer: string, values: Values = {}): Problem {
  const template = entry(slug).message ?? '';
  const used: Record<string, string> = {};
  for (const name of placeholders(template)) {
    const value = values[name];
    if (value === undefined) throw new Error(`Entry "${slug}" needs a value for {${name}}`);
    used[name] = value;
  }
  return { entry: slug, pointer, message: fill(template, used), values: used };
}

/** The body the API sends for a problem: the identifier when the entry has one, then the message. */
export function errorBody(found: Problem): ResponseBody {
  const { identifier } = entry(found.entry);
  return identifier === null ? { message: found.message } : { identifier, message: found.message };
}
