/**
 * The customer's fix in one sentence: from the field at fault, the value they sent and the
 * field's rule in the request's field table (src/token/fields.ts), what to send instead
 * ("Send `LT`, not `Lithuania`."). Nothing here knows an entry: every sentence follows from the
 * rule, so a field added to the table gets its sentence too. Country names come from the
 * platform's own CLDR data (`Intl.DisplayNames`, in English and in the 16 languages of iDenfy's
 * UI), with a short list of English names CLDR may lack (./country-aliases.ts). Pure, no DOM: the unit tests run it in Node.
 *
 * When the value does not say what went wrong, or there is no value, there is no sentence
 * (`null`), and the page shows the entry's general steps alone.
 */
import type { ValueRule } from '../token/fields.ts';
import { caseLimits } from './case-link.ts';
import type { CaseField } from './case-fields.ts';
import { editDistance } from '../edit-distance.ts';
import { countryAliases } from './country-aliases.ts';

export { caseFields, type CaseField } from './case-fields.ts';

export type FixPart = { code: boolean; text: string };

export interface CaseFixInput {
  /** The field at fault, when the case names it. */
  field?: string | undefined;
  /** The value sent in it, as text (JSON strings without their quotes). */
  value?: string | undefined;
}

/** The longest value a customer link carries: a value this long, ending in "…", was cut. */
const cutValueLength = caseLimits.value;

/** The languages country names are read in: English and those of iDenfy's UI (src/token/enums.ts). */
export const countryNameLanguages = [
  'en',
  'lt',
  'ru',
  'pl',
  'lv',
  'ro',
  'it',
  'de',
  'fr',
  'sv',
  'es',
  'hu',
  'ja',
  'bg',
  'et',
  'cs',
] as const;

const code = (text: string): FixPart => ({ code: true, text });
const text = (value: string): FixPart => ({ code: false, text: value });

/** The sentence as plain text, code in backticks: for tests and plain-text replies. */
export function fixText(parts: readonly FixPart[]): string {
  return parts.map((part) => (part.code ? `\`${part.text}\`` : part.text)).join('');
}

/** Lower case, no accents, letters and digits only: how two spellings of a name are compared. */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The one candidate nearest to a spelling: equal once folded, else within a few edits of it and
 * nearer than any other. Short values are compared strictly, since two edits make any short word
 * another.
 */
/** How many edits a value of some length may be from a name and still mean it. */
const editsForLength = (length: number): number => (length < 4 ? 0 : length < 7 ? 1 : length < 12 ? 2 : 3);

/**
 * The one candidate a value names: equal once folded, else the nearest within the edits its length
 * allows (`fuzzy`, to candidates that `fuzzy.among` keeps); none when two are as near.
 */
function nearest<T>(
  value: string,
  candidates: readonly { key: string; item: T; fuzzy?: boolean }[],
  edits: (length: number) => number = editsForLength,
): T | undefined {
  const folded = foldName(value);
  if (folded === '') return undefined;
  const equal = new Set(candidates.filter((each) => each.key === folded).map((each) => each.item));
  if (equal.size === 1) return [...equal][0];
  if (equal.size > 1) return undefined;
  const allowed = edits(folded.length);
  if (allowed === 0) return undefined;
  let best: T | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const { key, item, fuzzy } of candidates) {
    if (fuzzy === false || Math.abs(key.length - folded.length) > allowed) continue;
    const found = editDistance(folded, key, allowed);
    if (found < bestDistance) {
      best = item;
      bestDistance = found;
      tied = false;
    } else if (found === bestDistance && item !== best) tied = true;
  }
  return bestDistance <= allowed && !tied ? best : undefined;
}

let countryNames: Map<readonly string[], { key: string; item: string; fuzzy: boolean }[]> | undefined;

/**
 * Every name of every code, folded, in each language; a name two codes share is left out, and so
 * are dotted abbreviations ("É.-U.", which folds to "eu"). Misspellings are read only against English
 * names: across sixteen languages, "England" is two letters from German's "Estland".
 */
function namesOf(codes: readonly string[]): { key: string; item: string; fuzzy: boolean }[] {
  countryNames ??= new Map();
  const known = countryNames.get(codes);
  if (known) return known;
  const byName = new Map<string, Set<string>>();
  const english = new Set<string>();
  const add = (name: string | undefined, each: string, isEnglish: boolean) => {
    if (!name) return;
    // "Myanmar (Burma)", "Congo - Kinshasa": each part is a name too; not what follows a parenthesis
    // inside a name ("Cocos (Keeling) Islands" would make "Islands" a country).
    const open = name.indexOf('(');
    const parenthesized = open > 0 && name.trimEnd().endsWith(')') ? [name.slice(0, open), name.trimEnd().slice(open + 1, -1)] : [];
    const parts = [name, ...parenthesized, ...name.split(' - ')];
    for (const part of parts.map((each) => each.trim())) {
      const key = foldName(part);
      // An abbreviation ("É.-U.", French for the United States) folds to letters of another code.
      if (key.length < 2 || key === foldName(each) || (part.includes('.') && key.length <= 4)) continue;
      const set = byName.get(key) ?? new Set<string>();
      set.add(each);
      byName.set(key, set);
      if (isEnglish) english.add(key);
    }
  };
  for (const language of countryNameLanguages) {
    for (const style of ['long', 'short'] as const) {
      let names: Intl.DisplayNames;
      try {
        names = new Intl.DisplayNames([language], { type: 'region', style, fallback: 'none' });
      } catch {
        continue;
      }
      for (const each of codes) add(names.of(each), each, language === 'en');
    }
  }
  const list = [...byName]
    .filter(([, set]) => set.size === 1)
    .map(([key, set]) => ({ key, item: [...set][0] as string, fuzzy: english.has(key) }));
  // The English names CLDR may lack, unless the platform gives the name to another country.
  for (const [alias, each] of Object.entries(countryAliases)) {
    const key = foldName(alias);
    const named = byName.get(key);
    if (!codes.includes(each) || (named && !(named.size === 1 && named.has(each)))) continue;
    // An English name: misspellings of it are read too ("Holand" is then as near Holland as Poland, so no guess).
    const known = list.find((name) => name.key === key);
    if (known) known.fuzzy = true;
    else list.push({ key, item: each, fuzzy: true });
  }
  countryNames.set(codes, list);
  return list;
}

/** The English name of a region code, when the platform knows it. */
function englishName(each: string): string | undefined {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(each);
  } catch {
    return undefined;
  }
}

/** How many letters a country's name may be misspelt by and still be read: one, two past nine letters. */
const countryNameEdits = (length: number): number => (length < 5 ? 0 : length < 10 ? 1 : 2);

/**
 * Whether a value read as one country could as well mean another, so that no guess is made. A
 * country's own English name never is. Otherwise: a part of another country's English name
 * ("Virgin Islands": U.S. or British; "Guiana", near Guyana but part of French Guiana), or within
 * a slip of another country's English name ("Nigera": Latvian for Niger, a slip of Nigeria).
 */
function ambiguousName(value: string, found: string, codes: readonly string[]): boolean {
  const folded = foldName(value);
  const names = namesOf(codes);
  if (names.some((each) => each.fuzzy && each.key === folded && each.item === found)) return false;
  const others = names.filter((each) => each.fuzzy && each.item !== found);
  if (folded.length >= 4 && others.some((each) => each.key.includes(folded))) return true;
  const allowed = countryNameEdits(folded.length);
  return (
    allowed > 0 &&
    others.some((each) => Math.abs(each.key.length - folded.length) <= allowed && editDistance(folded, each.key, allowed) <= allowed)
  );
}

function countryFix(field: string, value: string, codes: readonly string[]): FixPart[] | null {
  const upper = value.toUpperCase();
  // A code it accepts (lower case is read as upper case): the value is not what went wrong.
  if (codes.includes(upper)) return null;
  const trimmed = upper.trim();
  if (trimmed !== upper && codes.includes(trimmed)) {
    return [text('Send '), code(trimmed), text(' without the spaces around it, not '), code(value), text('.')];
  }
  // A country's name, or a misspelling of its English name by one letter (two past nine letters).
  const found = nearest(value, namesOf(codes), countryNameEdits);
  if (found && !ambiguousName(value, found, codes)) {
    const name = englishName(found);
    const exact = namesOf(codes).some((each) => each.key === foldName(value) && each.item === found);
    return exact || !name
      ? [text('Send '), code(found), text(', not '), code(value), text('.')]
      : [text('Send '), code(found), text(` (${name}), not `), code(value), text('.')];
  }
  if (/^[A-Za-z]{3}$/.test(value)) {
    return [text('Send the two-letter ISO 3166-1 alpha-2 code in '), code(field), text(', not the three-letter '), code(value), text('.')];
  }
  return [text('Send the country as its two-letter ISO 3166-1 alpha-2 code in '), code(field), text(', not '), code(value), text('.')];
}

const monthNames = (() => {
  const names = new Map<string, number>();
  for (let month = 0; month < 12; month++) {
    const day = new Date(Date.UTC(2000, month, 1));
    for (const style of ['long', 'short'] as const) {
      names.set(foldName(new Intl.DateTimeFormat('en', { month: style, timeZone: 'UTC' }).format(day)), month + 1);
    }
  }
  names.set('sept', 9);
  return names;
})();

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (number: number, width = 2) => String(number).padStart(width, '0');
const isoDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
function spoken(year: number, month: number, day: number): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** The dates a value can mean, each as [year, month, day]: none, one, or two when day and month could swap. */
export function readDate(value: string): [number, number, number][] {
  const trimmed = value.trim();
  const dates: [number, number, number][] = [];
  const push = (year: number, month: number, day: number) => {
    if (realDate(year, month, day) && !dates.some(([y, m, d]) => y === year && m === month && d === day)) dates.push([year, month, day]);
  };
  let found = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\S*)?$/.exec(trimmed) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (found) {
    push(Number(found[1]), Number(found[2]), Number(found[3]));
    return dates;
  }
  found = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(trimmed);
  if (found) {
    const [first, separator, second, year] = [Number(found[1]), found[2], Number(found[3]), Number(found[4])];
    // Day first in the dotted form (24.12.1990), either way with slashes or dashes unless one is over 12.
    push(year, second, first);
    if (separator !== '.') push(year, first, second);
    return dates;
  }
  found = /^(\d{1,2})\.?\s+([\p{L}.]+),?\s+(\d{4})$/u.exec(trimmed);
  const month = (name: string) => monthNames.get(foldName(name));
  if (found && month(found[2] as string)) {
    push(Number(found[3]), month(found[2] as string) as number, Number(found[1]));
    return dates;
  }
  found = /^([\p{L}.]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(trimmed);
  if (found && month(found[1] as string)) push(Number(found[3]), month(found[1] as string) as number, Number(found[2]));
  return dates;
}

function dateFix(field: string, value: string): FixPart[] | null {
  const valid = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (valid) {
    const [year, month, day] = [Number(valid[1]), Number(valid[2]), Number(valid[3])];
    if (realDate(year, month, day)) return null;
    return [code(value), text(` is not a day of the calendar: send in `), code(field), text(' a date that exists, as YYYY-MM-DD.')];
  }
  const dates = readDate(value);
  const [one, two] = dates;
  if (one && !two) return [text('Send '), code(isoDate(...one)), text(', not '), code(value), text('.')];
  if (one && two) {
    return [
      text('Send '),
      code(isoDate(...one)),
      text(` if you meant ${spoken(...one)}, or `),
      code(isoDate(...two)),
      text(` if you meant ${spoken(...two)}, not `),
      code(value),
      text('.'),
    ];
  }
  return [text('Send the date in '), code(field), text(' as YYYY-MM-DD, year first, not '), code(value), text('.')];
}

const codePoints = (value: string) => [...value].length;
/** A value of the longest length a link carries, ending in an ellipsis, was cut when the link was made. */
const wasCut = (value: string) => value.endsWith('…') && codePoints(value) >= cutValueLength;

/**
 * Hosts that only the machine itself, or its own network, reaches: neither iDenfy's servers (for
 * `callbackUrl`) nor the browser of the person verified (for the redirects) can.
 */
function isLocalHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name === '::1') return true;
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return false;
  return /^(127|10|0)\./.test(name) || /^192\.168\./.test(name) || /^172\.(1[6-9]|2\d|3[01])\./.test(name) || /^169\.254\./.test(name);
}

/** The host of an address written without a scheme ("example.com/hook", "localhost:3000/cb"), if it is one. */
function bareHost(value: string): string | undefined {
  const host = /^(?:\/\/)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d+)?(?:[/?#]|$)/i.exec(value)?.[1];
  return host !== undefined && (isLocalHost(host) || /^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(host)) ? host : undefined;
}

/** Send an https:// address with a public host, and why the one sent is not: its scheme, and its local host. */
function localHostFix(field: string, value: string, host: string, scheme: string | undefined): FixPart[] {
  const schemeProblem =
    scheme === undefined
      ? [text('it has no https://, and ')]
      : scheme === 'https'
        ? []
        : [text('its scheme is '), code(scheme), text(', and ')];
  return [
    text('Send an https:// address with a public host in '),
    code(field),
    text(" (a tunnel's, for local development), not "),
    code(value),
    text(': '),
    ...schemeProblem,
    code(host),
    text(
      field === 'callbackUrl'
        ? " is a local host, which iDenfy's servers cannot reach."
        : ' is a local host, which the people you verify cannot reach from their own devices.',
    ),
  ];
}

function urlFix(field: string, value: string, maxLength: number | undefined): FixPart[] | null {
  const bare = /\s/.test(value) ? undefined : bareHost(value);
  if (bare !== undefined) {
    if (isLocalHost(bare)) return localHostFix(field, value, bare, undefined);
    return [
      text('Send '),
      code(`https://${value.replace(/^\/\//, '')}`),
      text(', not '),
      code(value),
      text(': a whole address, with https://.'),
    ];
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined)
    return [text('Send a whole address that starts with https:// and a host in '), code(field), text(', not '), code(value), text('.')];
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#\s]*@)?(\[[^\]]*\]|[^:/?#\s]*)/i.exec(value)?.[1];
  if (host && isLocalHost(host) && scheme !== 'https') return localHostFix(field, value, host, scheme);
  if (scheme === 'http')
    return [text('Send an https:// address: '), code(value.replace(/^http:\/*/i, 'https://')), text(', not '), code(value), text('.')];
  if (scheme !== 'https')
    return [
      text('Send an https:// address in '),
      code(field),
      text(', not '),
      code(value),
      text(': its scheme is '),
      code(scheme),
      text(', and the URL fields take only '),
      code('https'),
      text('.'),
    ];
  if (maxLength !== undefined && (wasCut(value) || codePoints(value) > maxLength)) return lengthFix(field, value, maxLength);
  if (/\s/.test(value)) return [text('Send '), code(field), text(' without spaces: write each space as %20.')];
  // An https:// address with a local host passes the rule: what went wrong is not this value.
  return null;
}

function lengthFix(field: string, value: string, maxLength: number): FixPart[] {
  const yours = wasCut(value) ? '' : `: yours has ${codePoints(value)}`;
  return [text('Shorten '), code(field), text(` to at most ${maxLength.toLocaleString('en-US')} characters${yours}.`)];
}

/**
 * Words for the one-letter values of `sex`. Only these: a guess by first letter would read "Mrs"
 * or "Mujer" as `M`, on a value that is compared with the person's document.
 */
const spelledOut: Readonly<Record<string, string>> = { male: 'M', man: 'M', female: 'F', woman: 'F' };

function enumFix(field: string, value: string, allowed: readonly string[]): FixPart[] | null {
  if (allowed.includes(value)) return null;
  const spelled = spelledOut[foldName(value)];
  const found =
    nearest(
      value,
      allowed.map((each) => ({ key: foldName(each), item: each })),
    ) ?? (spelled !== undefined && allowed.includes(spelled) ? spelled : undefined);
  if (found) return [text('Send '), code(found), text(', not '), code(value), text('.')];
  if (allowed.length <= 6) {
    return [
      text('Send one of '),
      ...allowed.flatMap((each, index) => [...(index > 0 ? [text(index === allowed.length - 1 ? ' or ' : ', ')] : []), code(each)]),
      text(' in '),
      code(field),
      text(', not '),
      code(value),
      text('.'),
    ];
  }
  return [code(value), text(' is not one of the values '), code(field), text(' accepts: send one of those listed in the field reference.')];
}

/** A list as the customer wrote it: JSON, or items separated by commas. */
function readList(value: string): string[] | null {
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return Array.isArray(parsed) && parsed.every((each) => typeof each === 'string') ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

function listFix(field: string, value: string, rule: Extract<ValueRule, { type: 'array' }>): FixPart[] | null {
  const items = rule.items;
  const allowed = items.type === 'string' ? items.oneOf : undefined;
  const list = readList(value);
  if (list === null) {
    // One value where a list belongs.
    const single = value.replace(/^["']|["']$/g, '');
    const item = allowed
      ? allowed.includes(single)
        ? single
        : nearest(
            single,
            allowed.map((each) => ({ key: foldName(each), item: each })),
          )
      : single;
    if (item !== undefined && !/[[\]{},]/.test(single))
      return [text('Send a list: '), code(JSON.stringify([item])), text(', not '), code(value), text('.')];
    return [
      text('Send '),
      code(field),
      text(' as a JSON array of strings, such as '),
      code(JSON.stringify(allowed?.slice(0, 1) ?? ['…'])),
      text(', not '),
      code(value),
      text('.'),
    ];
  }
  if (list.length < (rule.minItems ?? 0)) return [text('Send at least one item in '), code(field), text(', not an empty list.')];
  if (!allowed) return null;
  const fixed = list.map((each) =>
    allowed.includes(each)
      ? each
      : nearest(
          each,
          allowed.map((one) => ({ key: foldName(one), item: one })),
        ),
  );
  const bad = list.filter((each) => !allowed.includes(each));
  if (bad.length === 0) return null;
  if (fixed.every((each) => each !== undefined))
    return [text('Send '), code(JSON.stringify(fixed)), text(', not '), code(value), text('.')];
  const unknown = bad.filter((_, index) => fixed[list.indexOf(bad[index] as string)] === undefined);
  return [
    text('Leave out or correct '),
    ...unknown.flatMap((each, index) => [...(index > 0 ? [text(', ')] : []), code(each)]),
    text(': '),
    text(unknown.length === 1 ? 'it is not a value ' : 'they are not values '),
    code(field),
    text(' accepts.'),
  ];
}

function integerFix(field: string, value: string, rule: Extract<ValueRule, { type: 'integer' }>): FixPart[] | null {
  const unquoted = value.replace(/^"(.*)"$/, '$1');
  const number = Number(unquoted);
  if (unquoted.trim() === '' || !Number.isFinite(number)) {
    return [
      text('Send a whole number in '),
      code(field),
      text(rule.minimum !== undefined && rule.maximum !== undefined ? ` from ${rule.minimum} to ${rule.maximum}` : ''),
      text(', not '),
      code(value),
      text('.'),
    ];
  }
  if (rule.maximum !== undefined && number > rule.maximum)
    return [text('Send at most '), code(String(rule.maximum)), text(' in '), code(field), text(', not '), code(unquoted), text('.')];
  if (rule.minimum !== undefined && number < rule.minimum)
    return [text('Send at least '), code(String(rule.minimum)), text(' in '), code(field), text(', not '), code(unquoted), text('.')];
  if (!Number.isInteger(number))
    return [text('Send a whole number, such as '), code(String(Math.round(number))), text(', not '), code(unquoted), text('.')];
  if (unquoted !== value) return [text('Send '), code(unquoted), text(' as a number, without quotes.')];
  return null;
}

function booleanFix(field: string, value: string): FixPart[] | null {
  if (value === 'true' || value === 'false') return null;
  const unquoted = value.replace(/^"(.*)"$/, '$1');
  const folded = unquoted.trim().toLowerCase();
  const truth = ['true', 'yes', 'y', '1', 'on'].includes(folded)
    ? 'true'
    : ['false', 'no', 'n', '0', 'off'].includes(folded)
      ? 'false'
      : undefined;
  if (truth) return [text('Send '), code(truth), text(', not '), code(value), text(unquoted === value ? '.' : ', without quotes.')];
  return [text('Send '), code('true'), text(' or '), code('false'), text(' in '), code(field), text(', not '), code(value), text('.')];
}

function stringFix(field: string, value: string, rule: Extract<ValueRule, { type: 'string' }>): FixPart[] | null {
  if (rule.format === 'country' && rule.oneOf) return countryFix(field, value, rule.oneOf);
  if (rule.format === 'date') return dateFix(field, value);
  if (rule.format === 'https-url') return urlFix(field, value, rule.maxLength);
  if (rule.oneOf) return enumFix(field, value, rule.oneOf);
  if (value === '""' || value === "''") {
    const range = rule.maxLength !== undefined ? ` of 1 to ${rule.maxLength.toLocaleString('en-US')} characters` : '';
    return [text('Send '), code(field), text(` with a value${range}, not an empty string.`)];
  }
  // A cut value was longer than any limit below the length a link carries.
  if (rule.maxLength !== undefined && (codePoints(value) > rule.maxLength || (wasCut(value) && rule.maxLength < cutValueLength - 1))) {
    return lengthFix(field, value, rule.maxLength);
  }
  return null;
}

/** The one-sentence fix for a customer's case, or null when their values do not say what to send instead. */
export function caseFix(input: CaseFixInput, fields: readonly CaseField[]): FixPart[] | null {
  const name = input.field ?? (fields.length === 1 ? fields[0]?.name : undefined);
  const field = fields.find((each) => each.name === name);
  if (!field) return null;
  const value = input.value;
  if (field.missing) {
    if (value === undefined) return [text('Add '), code(field.name), text(' to the request body.')];
    if (value === 'null' || value === '""') return [text('Send a value in '), code(field.name), text(', not '), code(value), text('.')];
    return null;
  }
  if (value === undefined) return null;
  const rule = field.rule;
  switch (rule.type) {
    case 'string':
      return stringFix(field.name, value, rule);
    case 'integer':
      return integerFix(field.name, value, rule);
    case 'boolean':
      return booleanFix(field.name, value);
    case 'array':
      return listFix(field.name, value, rule);
    default:
      return null;
  }
}
