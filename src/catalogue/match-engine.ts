/**
 * The matching engine, free of the catalogue: given the entries to rank (anything with a slug,
 * kind, identifier, status, title, message template, variants and `aka` words) and a field table,
 * `createMatcher` returns `lookup` and `readInput`. `matcher.ts` binds it to the full catalogue
 * for the CLI and the pages; the browser binds it to the compact search index
 * (`src/search/index-data.ts`), so the search box and the triage page rank exactly as the CLI
 * does without shipping the catalogue's schema. Only pure modules are imported here.
 */
import { parseIdentifier, type Identifier } from './identifiers.ts';
import { readInput, type ReadInput } from './read-input.ts';
import { match as matchTemplate, prepareMessage, type PreparedMessage, type Values } from './template.ts';

export { maxInput, readInput, type ReadInput } from './read-input.ts';

/** What the matcher needs of an entry. The catalogue's `Entry` has all of it. */
export interface MatchableEntry {
  slug: string;
  kind: 'identifier' | 'case';
  identifier: Identifier | null;
  status: number;
  title: string;
  /** The message template, null for an identifier entry. */
  message: string | null;
  aka: readonly string[];
}

/** Another form of an entry's response, with every part filled in. */
export interface MatchVariant {
  title: string;
  message: string;
  status: number;
  identifier: Identifier | null;
}

export interface MatcherSource<E extends MatchableEntry> {
  /** In catalogue order, which breaks ties. */
  entries: readonly E[];
  /** The entry's "you may also see" variants, resolved. */
  variants(entry: E): readonly MatchVariant[];
  /** The slug of the entry that a broken rule of this request field produces, if it is a field. */
  fieldEntry(name: string): string | undefined;
  /**
   * How many entries of the whole catalogue have this status, and how many of them are cases,
   * when `entries` is only part of it (the browser loads the entries a query can match).
   * Without it, the counts come from `entries`.
   */
  statusCounts?(status: number): { count: number; cases: number };
}

export type MatchReason = 'message' | 'partial-message' | 'identifier' | 'status' | 'field' | 'words';

export interface Match<E extends MatchableEntry = MatchableEntry> {
  entry: E;
  /** From 0 to 1: 1 is a whole message that fits the template. */
  score: number;
  reason: MatchReason;
  /** The placeholder values read from the message. */
  values: Values;
  /** Set when the input matched one of the entry's "you may also see" variants. */
  variant?: string;
}

export interface LookupResult<E extends MatchableEntry = MatchableEntry> {
  input: ReadInput;
  matches: Match<E>[];
}

export interface Matcher<E extends MatchableEntry> {
  /** Ranks the entries against what a person pasted or typed. */
  lookup(raw: string): LookupResult<E>;
  /** The same, from what `readInput` read. */
  lookupInput(input: ReadInput): LookupResult<E>;
}

// ── Matching a message against a template ─────────────────────────────────────

type TemplateToken = { placeholder: string } | { word: string };

const wordCharacter = /[\p{L}\p{N}{}_]/u;

/** A word without the punctuation around it, as written. Scans from both ends: no backtracking. */
function bareWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end) {
    const code = word.codePointAt(start) as number;
    if (wordCharacter.test(String.fromCodePoint(code))) break;
    start += code > 0xffff ? 2 : 1;
  }
  while (end > start) {
    const low = word.charCodeAt(end - 1);
    const size = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start ? 2 : 1;
    if (wordCharacter.test(word.slice(end - size, end))) break;
    end -= size;
  }
  return word.slice(start, end);
}

/** The words of a text as written, without surrounding punctuation. */
function rawWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map(bareWord)
    .filter((word) => word.length > 0);
}

/** The words of a text, lower-cased for comparison. */
function words(text: string): string[] {
  return rawWords(text).map((word) => word.toLowerCase());
}

/** The words the matcher compares, as it compares them: lower case, without surrounding punctuation. */
export const matchWords = words;

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
 * Every word that some way of matching this entry compares with the input: the literal words of
 * its message and its variants' messages, of its `aka` phrases and of its title. A message,
 * fragment or phrase can only match the entry if it contains at least one of them, which is what
 * lets an index of these words route a query to the few entries it can match.
 */
export function entryWords(entry: MatchableEntry, variants: readonly MatchVariant[]): string[] {
  const found = new Set<string>();
  const templates = entry.message === null ? [] : [entry.message, ...variants.map((variant) => variant.message)];
  for (const template of templates) for (const token of templateTokens(template)) if ('word' in token) found.add(token.word);
  for (const text of [...entry.aka, entry.title]) for (const word of words(text)) found.add(word);
  return [...found];
}

/** A message read once per lookup: whole, for templates, and as words, for fragments. */
interface FragmentWords {
  message: PreparedMessage;
  written: string[];
  input: string[];
}

/** Only the first words of a message count as a fragment or a phrase: a huge paste must stay fast. */
const fragmentCharacters = 8000;

function fragmentWords(fragment: string): FragmentWords {
  const written = rawWords(fragment.slice(0, fragmentCharacters)).slice(0, 400);
  return { message: prepareMessage(fragment), written, input: written.map((word) => word.toLowerCase()) };
}

/**
 * Aligns the words of a fragment with a contiguous run of the template, a placeholder taking one
 * or more words. Returns the placeholder values and how much of the template the fragment
 * covers, or null when the fragment is not a piece of this template.
 */
function alignFragment(template: string, { written, input }: FragmentWords): { values: Values; coverage: number; matched: number } | null {
  // A fragment must share at least two words with the template (or all, for a one-word
  // template), so that a lone "must" or "field" does not match every field message.
  const tokens = templateTokens(template);
  if (input.length === 0) return null;
  const literalCount = tokens.filter((token) => 'word' in token).length;

  for (let start = 0; start < tokens.length; start++) {
    // Depth-first over (input index, token index). Whether a state leads anywhere depends on the
    // state alone, so each failed one is remembered: at most words × tokens states per start,
    // however many ways placeholders could split the words.
    const values: Record<string, string[]> = {};
    const failed = new Set<number>();
    let literal = 0;
    const walk = (i: number, t: number): number | null => {
      if (i === input.length) return t;
      const token = tokens[t];
      if (!token) return null;
      const state = i * (tokens.length + 1) + t;
      if (failed.has(state)) return null;
      const found = step(i, t, token);
      if (found === null) failed.add(state);
      return found;
    };
    const step = (i: number, t: number, token: TemplateToken): number | null => {
      const word = input[i] as string;
      if ('word' in token) {
        if (token.word !== word) return null;
        literal++;
        const end = walk(i + 1, t + 1);
        if (end === null) literal--;
        return end;
      }
      values[token.placeholder] ??= [];
      const taken = values[token.placeholder] as string[];
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

// Scores of a message that fits a template, from surest to least sure. A verbatim or near-verbatim
// message must beat every fragment and word match of another entry by a wide margin (0.15 or more).
/** The whole message fits the template, punctuation and all. */
const verbatimScore = 0.95;
/** Every word fits, in order, but punctuation or quotes differ (a paste that lost a quote). */
const sameWordsScore = 0.92;
/** Near-verbatim: most words in order (a word dropped or mistyped); scaled by how many. */
const nearBase = 0.4;
const nearScale = 0.4;
const nearMax = 0.8;
const nearThreshold = 0.85;
/**
 * A variant whose text is another entry's own message (`asEntry`) explains that text far less
 * than the entry it belongs to.
 */
const borrowedVariantPenalty = 0.25;
/**
 * A template whose placeholder swallows the words of another entry's placeholder-free message
 * (`{ENV}` taking "TESTING/PRODUCTION") explains that text less than the entry that states it.
 */
const absorbedTextPenalty = 0.3;
/**
 * The most a message match may score for an entry that contradicts a known identifier read from
 * the paste (neither its own identifier nor a variant's is that one): below every entry that
 * agrees, the identifier's own cases included (decisions, "Search").
 */
const contradictionCap = 0.25;

/**
 * How much of a template a whole message has, word by word in order: the longest common
 * subsequence (a placeholder takes any one word) over the longer of the two. Only computed for
 * messages of about the template's length, so a long paste costs nothing.
 */
function orderedOverlap(template: string, input: readonly string[]): number {
  const tokens = templateTokens(template);
  if (input.length === 0 || input.length > tokens.length * 1.5 + 2 || input.length < tokens.length * 0.6) return 0;
  let previous = new Array<number>(input.length + 1).fill(0);
  for (const token of tokens) {
    const current = new Array<number>(input.length + 1).fill(0);
    for (let i = 1; i <= input.length; i++) {
      const same = 'placeholder' in token || token.word === input[i - 1];
      current[i] = same ? (previous[i - 1] as number) + 1 : Math.max(previous[i] as number, current[i - 1] as number);
    }
    previous = current;
  }
  return (previous[input.length] as number) / Math.max(tokens.length, input.length);
}

/** `Message text.` → `message text`: how two messages compare when only case, spaces or the final period differ. */
function plainMessage(text: string): string {
  return text.trim().replace(/\.$/, '').replace(/\s+/g, ' ').toLowerCase();
}

function phrase(text: string): string {
  return words(text).join(' ');
}

// ── The matcher ───────────────────────────────────────────────────────────────

export function createMatcher<E extends MatchableEntry>(source: MatcherSource<E>): Matcher<E> {
  const { entries } = source;

  const candidates = new Map<string, Candidate[]>(
    entries.map((entry) => [
      entry.slug,
      entry.message === null
        ? []
        : [
            { template: entry.message, status: entry.status, identifier: entry.identifier },
            ...source.variants(entry).map((variant) => ({
              template: variant.message,
              status: variant.status,
              identifier: variant.identifier,
              variant: variant.title,
            })),
          ],
    ]),
  );

  /** Each entry's words, normalized once. */
  const entryPhrases = new Map(
    entries.map((entry) => [entry.slug, { aka: entry.aka.map(phrase).filter((known) => known.length > 0), title: phrase(entry.title) }]),
  );

  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  const order = new Map(entries.map((entry, index) => [entry.slug, index]));

  /** Each entry's own template, by the text it is, for telling a borrowed variant from an entry's own form. */
  let ownTemplates: Map<string, string> | undefined;
  /** Placeholder-free own messages, compared as plain text, and the entry each belongs to. */
  let literalMessages: Map<string, string> | undefined;
  let lastMessage: { text: string; owner: string | undefined } | undefined;

  function messageMatch(entry: E, input: ReadInput, message: string, words: FragmentWords): Match<E> | null {
    ownTemplates ??= new Map(entries.flatMap((each) => (each.message === null ? [] : [[each.message, each.slug] as const])));
    literalMessages ??= new Map(
      entries.flatMap((each) =>
        each.message === null || /\{[A-Za-z][A-Za-z0-9_]*\}/.test(each.message) ? [] : [[plainMessage(each.message), each.slug] as const],
      ),
    );
    if (lastMessage?.text !== message) lastMessage = { text: message, owner: literalMessages.get(plainMessage(message)) };
    const literalOwner = lastMessage.owner;

    const own = candidates.get(entry.slug) ?? [];
    const identifierRead = input.identifier === undefined ? null : parseIdentifier(input.identifier);
    const contradicts = identifierRead !== null && !own.some((candidate) => candidate.identifier === identifierRead);

    let best: Match<E> | null = null;
    const consider = (found: Match<E>) => {
      if (contradicts) found.score = Math.min(found.score, contradictionCap);
      if (!best || found.score > best.score) best = found;
    };
    for (const candidate of own) {
      const variant = candidate.variant ? { variant: candidate.variant } : {};
      const owner = ownTemplates.get(candidate.template);
      const penalty = !candidate.variant ? 0 : owner !== undefined && owner !== entry.slug ? borrowedVariantPenalty : variantPenalty;
      const exact = matchTemplate(candidate.template, words.message);
      if (exact) {
        const absorbed =
          literalOwner !== undefined && literalOwner !== entry.slug && Object.keys(exact).length > 0 ? absorbedTextPenalty : 0;
        consider({
          entry,
          score: Math.min(1, verbatimScore + agreement(input, candidate)) - penalty - absorbed,
          reason: 'message',
          values: exact,
          ...variant,
        });
        continue;
      }
      const fragment = alignFragment(candidate.template, words);
      if (fragment?.coverage === 1) {
        // Every word of the template, in order, first to last: the whole message, but for punctuation.
        consider({
          entry,
          score: Math.min(1, sameWordsScore + agreement(input, candidate)) - penalty,
          reason: 'message',
          values: fragment.values,
          ...variant,
        });
      }
      if (fragment) {
        // Longer fragments are surer: "must be" fits two dozen templates, a clause fits one.
        const score = 0.45 + 0.35 * fragment.coverage + 0.1 * Math.min(1, fragment.matched / 4) + agreement(input, candidate);
        consider({ entry, score: Math.min(0.9, score) - penalty, reason: 'partial-message', values: fragment.values, ...variant });
      }
      const overlap = orderedOverlap(candidate.template, words.input);
      if (overlap >= nearThreshold) {
        const score = nearBase + nearScale * overlap + agreement(input, candidate);
        consider({ entry, score: Math.min(nearMax, score) - penalty, reason: 'partial-message', values: {}, ...variant });
      }
    }
    return best;
  }

  function wordsMatch(entry: E, query: string): Match<E> | null {
    let score = 0;
    const phrases = entryPhrases.get(entry.slug) as { aka: string[]; title: string };
    for (const known of phrases.aka) {
      if (known === query) score = Math.max(score, 0.7);
      else if (` ${query} `.includes(` ${known} `) && known.length >= 4) score = Math.max(score, 0.45 + Math.min(0.15, known.length / 100));
    }
    if (phrases.title === query) score = Math.max(score, 0.75);
    return score > 0 ? { entry, score, reason: 'words', values: {} } : null;
  }

  const wordsOfMessage = new Map<string, ReadonlySet<string>>();
  /** The words of an entry's message template, lower case; read once. */
  function messageWords(entry: E): ReadonlySet<string> {
    let words = wordsOfMessage.get(entry.slug);
    if (!words) {
      words = new Set(entry.message === null ? [] : fragmentWords(entry.message).input);
      wordsOfMessage.set(entry.slug, words);
    }
    return words;
  }

  /**
   * A message in words Errata does not know that names a request field ("Field 'country' has an
   * invalid value.", "clientId: This field is required.") is about that field: its error, and the
   * errors whose message names it, rank above the identifier's page. Only those whose identifier
   * agrees with the one read, when one was.
   */
  function fieldMentionMatches(message: string, identifier: Identifier | null): Match<E>[] {
    const named = new Set<string>();
    for (const [word] of message.slice(0, fragmentCharacters).matchAll(/[A-Za-z][A-Za-z0-9]*/g)) {
      if (source.fieldEntry(word) !== undefined) named.add(word);
    }
    if (named.size !== 1) return [];
    const [field] = named as Set<string>;
    const own = source.fieldEntry(field as string);
    const agrees = (entry: E) => identifier === null || entry.identifier === identifier;
    const found: Match<E>[] = [];
    for (const entry of entries) {
      if (entry.kind !== 'case' || !agrees(entry)) continue;
      if (entry.slug === own) found.push({ entry, score: 0.72, reason: 'field', values: { field: field as string } });
      else if (messageWords(entry).has((field as string).toLowerCase())) {
        found.push({ entry, score: 0.66, reason: 'field', values: { field: field as string } });
      }
    }
    return found;
  }

  function lookup(raw: string): LookupResult<E> {
    return lookupInput(readInput(raw));
  }

  function lookupInput(input: ReadInput): LookupResult<E> {
    const byEntry = new Map<string, Match<E>>();
    const offer = (found: Match<E> | null) => {
      if (!found) return;
      const known = byEntry.get(found.entry.slug);
      if (!known || found.score > known.score) byEntry.set(found.entry.slug, found);
    };

    const identifier = input.identifier === undefined ? null : parseIdentifier(input.identifier);
    const message = input.message;

    if (message !== undefined) {
      const words = fragmentWords(message);
      for (const entry of entries) offer(messageMatch(entry, input, message, words));
      const name = message.trim();
      const unquoted = name.replace(/^`|`$/g, '');
      const fieldName = source.fieldEntry(name) !== undefined ? name : source.fieldEntry(unquoted) !== undefined ? unquoted : undefined;
      const fieldEntry = fieldName === undefined ? undefined : bySlug.get(source.fieldEntry(fieldName) as string);
      if (fieldName !== undefined && fieldEntry) {
        offer({ entry: fieldEntry, score: 0.85, reason: 'field', values: { field: fieldName } });
      }
      for (const found of fieldMentionMatches(message, identifier)) offer(found);
      const query = phrase(message.slice(0, fragmentCharacters));
      if (query.length > 0) for (const entry of entries) offer(wordsMatch(entry, query));
    }

    if (identifier) {
      const hasMessageMatch = [...byEntry.values()].some((found) => found.score >= 0.6);
      for (const entry of entries) {
        if (entry.identifier !== identifier) continue;
        if (entry.kind === 'identifier') offer({ entry, score: hasMessageMatch ? 0.5 : 0.8, reason: 'identifier', values: {} });
        else if (!hasMessageMatch)
          offer({
            entry,
            score: input.status === undefined || input.status === entry.status ? 0.4 : 0.3,
            reason: 'identifier',
            values: {},
          });
      }
    }

    if (input.status !== undefined && byEntry.size === 0) {
      const withStatus = entries.filter((entry) => entry.status === input.status);
      const counts = source.statusCounts?.(input.status) ?? {
        count: withStatus.length,
        cases: withStatus.filter((entry) => entry.kind === 'case').length,
      };
      for (const entry of withStatus) {
        const only = counts.count === 1 || (counts.cases === 1 && entry.kind === 'case');
        offer({ entry, score: only ? 0.8 : entry.kind === 'identifier' ? 0.35 : 0.3, reason: 'status', values: {} });
      }
    }

    // However it matched (words an entry is known by, a field, its status), an entry that
    // contradicts the identifier read from the paste never ranks above one that agrees (decisions, Search).
    if (identifier) {
      for (const found of byEntry.values()) {
        const agrees =
          found.entry.identifier === identifier ||
          (candidates.get(found.entry.slug) ?? []).some((candidate) => candidate.identifier === identifier);
        if (!agrees) found.score = Math.min(found.score, contradictionCap);
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

  return { lookup, lookupInput };
}
