/**
 * The matcher: from whatever a person has in hand (a message with their own values in it, part
 * of one, a JSON error body, a whole `curl -i` output, an identifier in any spelling, a status, a
 * field name) to the catalogue entries it most likely is, ranked, with the values of the
 * template's placeholders. The CLI's `lookup`, the search box and the triage page share it.
 */
import { catalogue, resolveVariant, type Entry } from './index.ts';
import { parseIdentifier, type Identifier } from './identifiers.ts';
import { match as matchTemplate, type Values } from './template.ts';
import { tokenField } from '../token/fields.ts';

/** What the matcher read from the input. */
export interface ReadInput {
  status?: number;
  identifier?: string;
  message?: string;
  /** The JSON object found in the input, if any. */
  body?: Record<string, unknown>;
}

export type MatchReason = 'message' | 'partial-message' | 'identifier' | 'status' | 'field' | 'words';

export interface Match {
  entry: Entry;
  /** From 0 to 1: 1 is a whole message that fits the template. */
  score: number;
  reason: MatchReason;
  /** The placeholder values read from the message. */
  values: Values;
  /** Set when the input matched one of the entry's "you may also see" variants. */
  variant?: string;
}

export interface LookupResult {
  input: ReadInput;
  matches: Match[];
}

/** Inputs longer than this are read from their end, where a pasted response keeps its body. */
const maxInput = 200_000;

// ── Reading the input ─────────────────────────────────────────────────────────

/** The JSON object in a text: the whole text, or the last object that parses (a response's body). */
function findJsonObject(text: string): Record<string, unknown> | undefined {
  const attempt = (candidate: string): Record<string, unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(candidate);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
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
const bareStatus = /^\s*(?:(?:HTTP|status|code)[\s/:]*)?(\d{3})(?:\s+[A-Za-z][A-Za-z' -]*)?\s*$/i;

function stripQuotes(text: string): string {
  return text.trim().replace(/^["'`“”‘’]+|["'`“”‘’]+$/g, '').trim();
}

export function readInput(raw: string): ReadInput {
  const text = raw.length > maxInput ? raw.slice(raw.length - maxInput) : raw;
  const result: ReadInput = {};

  const lines = [...text.matchAll(statusLine)];
  const lastStatus = lines.at(-1);
  if (lastStatus) result.status = Number(lastStatus[1]);

  const body = findJsonObject(text);
  if (body) {
    result.body = body;
    if (typeof body.identifier === 'string') result.identifier = body.identifier;
    const message = body.message ?? body.detail ?? body.error;
    if (typeof message === 'string') result.message = message;
    else if (message !== undefined) result.message = JSON.stringify(message);
    return result;
  }

  const bare = bareStatus.exec(text);
  if (bare) return { status: Number(bare[1]) };

  // After a status line come the headers, a blank line and the body.
  let rest = text;
  if (lastStatus) {
    rest = text.slice((lastStatus.index ?? 0) + lastStatus[0].length);
    const blank = /\r?\n\s*\r?\n/.exec(rest);
    rest = blank ? rest.slice(blank.index + blank[0].length) : rest.replace(/^[^\n]*/, '');
  }
  // A printed error such as `Error [BAD_VALUE]: Field 'country' must …`, or `Error [undefined]: …`
  // as the reference's own example prints the bodies that have no identifier.
  const bracketed = /^\s*(?:error\s*)?\[\s*([^\]\n]*?)\s*\]\s*:?\s*/i.exec(rest);
  const labelled = bracketed ?? /^\s*(?:error\s*[:\-–]?\s*)?\b([A-Z]+(?:_[A-Z]+)*)\b\s*[:\-–]\s*/.exec(rest);
  if (labelled) {
    const label = parseIdentifier(labelled[1] ?? '');
    if (label) result.identifier = label;
    if (label || bracketed) rest = rest.slice(labelled.index + labelled[0].length);
  }
  const whole = parseIdentifier(stripQuotes(rest));
  if (whole && !result.identifier) {
    result.identifier = whole;
    return result;
  }
  const message = stripQuotes(rest.replace(/^\s*(?:error|message)\s*[:\-–]\s*/i, ''));
  if (message.length > 0) result.message = message;
  return result;
}

// ── Matching a message against a template ─────────────────────────────────────

type TemplateToken = { placeholder: string } | { word: string };

/** A word without the punctuation around it, as written. */
function bareWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}{}_]+|[^\p{L}\p{N}{}_]+$/gu, '');
}

/** The words of a text as written, without surrounding punctuation. */
function rawWords(text: string): string[] {
  return text.split(/\s+/).map(bareWord).filter((word) => word.length > 0);
}

/** The words of a text, lower-cased for comparison. */
function words(text: string): string[] {
  return rawWords(text).map((word) => word.toLowerCase());
}

const tokenCache = new Map<string, TemplateToken[]>();

function templateTokens(template: string): TemplateToken[] {
  let tokens = tokenCache.get(template);
  if (!tokens) {
    tokens = rawWords(template).map((word) => {
      // Placeholder names keep their case; literal words are compared lower-cased.
      const placeholder = /\{([A-Za-z][A-Za-z0-9_]*)\}/.exec(word);
      return placeholder ? { placeholder: placeholder[1] as string } : { word: word.toLowerCase() };
    });
    tokenCache.set(template, tokens);
  }
  return tokens;
}

/**
 * Aligns the words of a fragment with a contiguous run of the template, a placeholder taking one
 * or more words. Returns the placeholder values and how much of the template the fragment
 * covers, or null when the fragment is not a piece of this template.
 */
/** The words of a fragment, as written and lower-cased, split once per lookup. */
interface FragmentWords {
  written: string[];
  input: string[];
}

function fragmentWords(fragment: string): FragmentWords {
  // Only the first words count: a fragment of a message is short, and a huge paste must stay fast.
  const written = rawWords(fragment.slice(0, 8000)).slice(0, 400);
  return { written, input: written.map((word) => word.toLowerCase()) };
}

function alignFragment(template: string, { written, input }: FragmentWords): { values: Values; coverage: number; matched: number } | null {
  // A fragment must share at least two words with the template (or all, for a one-word
  // template), so that a lone "must" or "field" does not match every field message.
  const tokens = templateTokens(template);
  if (input.length === 0) return null;
  const literalCount = tokens.filter((token) => 'word' in token).length;

  for (let start = 0; start < tokens.length; start++) {
    // Depth-first over (input index, token index); templates are short, so this stays small.
    const values: Record<string, string[]> = {};
    let literal = 0;
    const walk = (i: number, t: number): number | null => {
      if (i === input.length) return t;
      const token = tokens[t];
      if (!token) return null;
      const word = input[i] as string;
      if ('word' in token) {
        if (token.word !== word) return null;
        literal++;
        const end = walk(i + 1, t + 1);
        if (end === null) literal--;
        return end;
      }
      const taken = (values[token.placeholder] ??= []);
      taken.push(written[i] as string);
      const moved = walk(i + 1, t + 1);
      if (moved !== null) return moved;
      const stayed = walk(i + 1, t);
      if (stayed !== null) return stayed;
      taken.pop();
      return null;
    };
    const end = walk(0, start);
    if (end !== null && literal >= Math.min(2, literalCount)) {
      const filled: Record<string, string> = {};
      for (const [name, taken] of Object.entries(values)) if (taken.length > 0) filled[name] = taken.join(' ');
      return { values: filled, coverage: (end - start) / tokens.length, matched: literal };
    }
  }
  return null;
}

interface Candidate {
  template: string;
  status: number;
  identifier: Identifier | null;
  variant?: string;
}

function candidatesOf(entry: Entry): Candidate[] {
  if (entry.message === null) return [];
  const own: Candidate = { template: entry.message, status: entry.status, identifier: entry.identifier };
  return [
    own,
    ...entry.variants.map((variant) => {
      const resolved = resolveVariant(entry, variant);
      return { template: resolved.message, status: resolved.status, identifier: resolved.identifier, variant: variant.title };
    }),
  ];
}

/** Agreement of the status and identifier read with a candidate: a small nudge either way. */
function agreement(input: ReadInput, candidate: Candidate): number {
  let nudge = 0;
  if (input.status !== undefined) nudge += input.status === candidate.status ? 0.04 : -0.06;
  if (input.identifier !== undefined) {
    nudge += parseIdentifier(input.identifier) === candidate.identifier ? 0.05 : -0.08;
  } else if (input.body && candidate.identifier !== null) {
    nudge -= 0.02;
  }
  return nudge;
}

/** A variant ranks just below the entry's own message, so the entry a body belongs to comes first. */
const variantPenalty = 0.03;

function messageMatch(entry: Entry, input: ReadInput, message: string, words: FragmentWords): Match | null {
  let best: Match | null = null;
  const consider = (found: Match) => {
    if (!best || found.score > best.score) best = found;
  };
  for (const candidate of candidatesOf(entry)) {
    const variant = candidate.variant ? { variant: candidate.variant } : {};
    const penalty = candidate.variant ? variantPenalty : 0;
    const exact = matchTemplate(candidate.template, message);
    if (exact) {
      consider({ entry, score: Math.min(1, 0.95 + agreement(input, candidate)) - penalty, reason: 'message', values: exact, ...variant });
      continue;
    }
    const fragment = alignFragment(candidate.template, words);
    if (fragment) {
      // Longer fragments are surer: "must be" fits two dozen templates, a clause fits one.
      const score = 0.45 + 0.35 * fragment.coverage + 0.1 * Math.min(1, fragment.matched / 4) + agreement(input, candidate);
      consider({ entry, score: Math.min(0.9, score) - penalty, reason: 'partial-message', values: fragment.values, ...variant });
    }
  }
  return best;
}

// ── Matching words, identifiers, statuses and field names ─────────────────────

function phrase(text: string): string {
  return words(text).join(' ');
}

/** Each entry's words, normalized once. */
const entryPhrases = new Map(
  catalogue.map((entry) => [entry.slug, { aka: entry.aka.map(phrase).filter((known) => known.length > 0), title: phrase(entry.title) }]),
);

function wordsMatch(entry: Entry, query: string): Match | null {
  let score = 0;
  const phrases = entryPhrases.get(entry.slug) as { aka: string[]; title: string };
  for (const known of phrases.aka) {
    if (known === query) score = Math.max(score, 0.7);
    else if (` ${query} `.includes(` ${known} `) && known.length >= 4) score = Math.max(score, 0.45 + Math.min(0.15, known.length / 100));
  }
  if (phrases.title === query) score = Math.max(score, 0.75);
  return score > 0 ? { entry, score, reason: 'words', values: {} } : null;
}

const order = new Map(catalogue.map((entry, index) => [entry.slug, index]));

/** Ranks the catalogue against what a person pasted or typed. */
export function lookup(raw: string): LookupResult {
  const input = readInput(raw);
  const byEntry = new Map<string, Match>();
  const offer = (found: Match | null) => {
    if (!found) return;
    const known = byEntry.get(found.entry.slug);
    if (!known || found.score > known.score) byEntry.set(found.entry.slug, found);
  };

  const identifier = input.identifier === undefined ? null : parseIdentifier(input.identifier);
  const message = input.message;

  if (message !== undefined) {
    const words = fragmentWords(message);
    for (const entry of catalogue) offer(messageMatch(entry, input, message, words));
    const field = tokenField(message.trim()) ?? tokenField(message.trim().replace(/^`|`$/g, ''));
    if (field) {
      offer({ entry: catalogue.find((entry) => entry.slug === field.entry) as Entry, score: 0.85, reason: 'field', values: { field: field.name } });
    }
    const query = phrase(message);
    if (query.length > 0) for (const entry of catalogue) offer(wordsMatch(entry, query));
  }

  if (identifier) {
    const hasMessageMatch = [...byEntry.values()].some((found) => found.score >= 0.6);
    for (const entry of catalogue) {
      if (entry.identifier !== identifier) continue;
      if (entry.kind === 'identifier') offer({ entry, score: hasMessageMatch ? 0.5 : 0.8, reason: 'identifier', values: {} });
      else if (!hasMessageMatch) offer({ entry, score: input.status === undefined || input.status === entry.status ? 0.4 : 0.3, reason: 'identifier', values: {} });
    }
  }

  if (input.status !== undefined && byEntry.size === 0) {
    const withStatus = catalogue.filter((entry) => entry.status === input.status);
    const cases = withStatus.filter((entry) => entry.kind === 'case');
    for (const entry of withStatus) {
      const only = withStatus.length === 1 || (cases.length === 1 && entry.kind === 'case');
      offer({ entry, score: only ? 0.8 : entry.kind === 'identifier' ? 0.35 : 0.3, reason: 'status', values: {} });
    }
  }

  const matches = [...byEntry.values()].sort(
    (a, b) =>
      b.score - a.score ||
      (a.entry.kind === b.entry.kind ? 0 : a.entry.kind === 'case' ? -1 : 1) ||
      (order.get(a.entry.slug) as number) - (order.get(b.entry.slug) as number),
  );
  return { input, matches };
}
