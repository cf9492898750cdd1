/**
 * The exact-lookup index: what the browser needs of the catalogue to run the engine's matcher
 * (`createMatcher` in src/catalogue/match-engine.ts) and to show an answer, split so that one
 * query loads only what it can match, however large the catalogue grows:
 *
 * - `meta.json`, always: the categories, every status (its count and its first entries in the
 *   matcher's order), every identifier (its entry and first cases), and each request field's entry;
 * - `w<n>.json`, word shards: for each word the matcher compares (src/catalogue/match-engine.ts,
 *   `entryWords`), the ids of the entries that contain it, or only their count for a common word;
 *   a word lives in shard hash(word) mod n;
 * - `e<n>.json`, entry chunks: the compact entries with ids from n × chunkSize on;
 * - `f<n>.json`, beside them: what to do about those entries, for triage's cards only.
 *
 * Built once at build time from the checked catalogue and served under /search/lookup/. Pure:
 * the caller passes the catalogue in, so the unit tests can compare the browser's lookup with the CLI's.
 */
import type { Entry, ResolvedVariant } from '../catalogue/index.ts';
import type { Identifier } from '../catalogue/identifiers.ts';
import { entryWords, type MatchableEntry, type MatchVariant } from '../catalogue/match-engine.ts';
import type { ValueRule } from '../token/fields.ts';
import { caseFields, type CaseField } from './case-fields.ts';

export const lookupFolder = '/search/lookup/';

export interface SearchEntry extends MatchableEntry {
  /** The entry's position in the catalogue: ties rank in this order. */
  id: number;
  kind: 'identifier' | 'case';
  identifier: Identifier | null;
  /** One line, in the catalogue's small inline Markdown (render it with `inlineParts`). */
  summary: string;
  category: string;
  fields: string[];
  aka: string[];
  /** Resolved, with the keys the variant's body carries besides identifier and message. */
  variants: (MatchVariant & { extra: string[] })[];
  /**
   * The values the entry's example fills in, or null without an example. Its playground link
   * is in the entry's answer (`EntryAnswer`): only triage's cards show it.
   */
  example: { values: Record<string, string> } | null;
}

/**
 * What to do about an entry, for triage's cards: kept out of the entries the search box loads
 * (files `f<chunk>`, beside the entries' `e<chunk>`), since only the few cards shown need it.
 */
export interface EntryAnswer {
  /** The steps, in the catalogue's inline Markdown. */
  fix: string[];
  /** Whether sending the same request again can help, and why. */
  retry: { helps: boolean; note: string };
  /** The playground link that reproduces the entry's example, or null without one. */
  playground: string | null;
  /** The rules of the fields whose breaking (or absence) is this entry, for the one-sentence fix (./case-fix.ts). */
  fields?: CaseField[];
}

/**
 * How many of a status's or an identifier's entries the index lists, in the matcher's order: a
 * status or an identifier alone shows its first few (the triage page shows five) and links to
 * the page that lists them all, so a query never loads hundreds of entries.
 */
export const topCount = { status: 8, identifier: 12 } as const;

export interface LookupMeta {
  version: string;
  /** How many entries the catalogue has. */
  entries: number;
  /**
   * A word in more entries than this is common: its shard gives only its count, since a query
   * that has rarer words loads their entries instead, and one without any has no exact match.
   */
  common: number;
  /** The common words themselves, so that a query does not fetch their shards. */
  commonWords: string[];
  chunkSize: number;
  chunks: number;
  shards: number;
  categories: { id: string; title: string }[];
  /** Every status, ascending, with its status line (`402 Payment Required`). */
  statuses: { code: number; line: string; count: number; cases: number; top: number[] }[];
  identifiers: Record<string, { entry: number | null; cases: number; top: number[] }>;
  /** Request field name → the id of the entry its broken rule produces. */
  fields: Record<string, number>;
}

export interface IndexSources {
  version: string;
  catalogue: readonly Entry[];
  resolveVariant(entry: Entry, variant: Entry['variants'][number]): ResolvedVariant;
  /** The request's field table: each field's rule and the entries its breaking or absence produces. */
  fields: readonly { name: string; entry: string; rule: ValueRule; requiredEntry?: string }[];
  categories: readonly { id: string; title: string }[];
  statusLine(code: number): string;
  /** The playground link of a scenario. */
  scenarioLink(scenario: NonNullable<Entry['example']>['scenario']): string;
}

/** FNV-1a: a small stable hash, the same at build time and in the browser. */
export function wordShard(word: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

export function searchEntries(sources: IndexSources): SearchEntry[] {
  return sources.catalogue.map(
    (entry, id): SearchEntry => ({
      id,
      slug: entry.slug,
      kind: entry.kind,
      identifier: entry.identifier,
      status: entry.status,
      title: entry.title,
      summary: entry.summary,
      message: entry.message,
      category: entry.category,
      fields: [...entry.fields],
      aka: [...entry.aka],
      variants: entry.variants.map((variant) => {
        const resolved = sources.resolveVariant(entry, variant);
        return {
          title: variant.title,
          message: resolved.message,
          status: resolved.status,
          identifier: resolved.identifier,
          extra: Object.keys(resolved.extra),
        };
      }),
      example: entry.example ? { values: { ...entry.example.values } } : null,
    }),
  );
}

/** The matcher's order for a status or identifier alone: identifier entries, then cases, each in catalogue order. */
function matcherOrder(entries: readonly SearchEntry[]): number[] {
  return [...entries.filter((entry) => entry.kind === 'identifier'), ...entries.filter((entry) => entry.kind === 'case')].map(
    (entry) => entry.id,
  );
}

export interface LookupFiles {
  meta: LookupMeta;
  /** File name (without `.json`) → its content. */
  files: Map<string, unknown>;
}

/**
 * Small files, so that a query loads little more than what it matches: word shards of about
 * 3,000 bytes (about 1 KB gzipped) and chunks of 8 entries. A query loads the shards of its
 * words and the chunks of the entries they name; a catalogue ten times larger has ten times
 * more files, each as small.
 */
export const lookupSizes = { chunkSize: 8, shardBytes: 3000 } as const;

export function buildLookupFiles(sources: IndexSources, options: { chunkSize?: number; shardBytes?: number } = {}): LookupFiles {
  const entries = searchEntries(sources);
  const chunkSize = options.chunkSize ?? lookupSizes.chunkSize;
  const chunks = Math.max(1, Math.ceil(entries.length / chunkSize));

  const postings = new Map<string, number[]>();
  for (const entry of entries) {
    for (const word of entryWords(entry, entry.variants)) {
      const list = postings.get(word);
      if (list) list.push(entry.id);
      else postings.set(word, [entry.id]);
    }
  }
  // A small catalogue has no common words: there every entry sharing a word with a query is ranked.
  const common = Math.max(50, Math.ceil(entries.length * 0.05));
  const listed = (ids: number[]): number[] | number => (ids.length > common ? ids.length : ids);
  // Shards of about `shardBytes` each, so that a query fetches a few small files.
  const postingBytes = [...postings].reduce((sum, [word, ids]) => sum + word.length + 6 + JSON.stringify(listed(ids)).length, 0);
  const shards = Math.max(1, Math.ceil(postingBytes / (options.shardBytes ?? lookupSizes.shardBytes)));

  const statuses = [...new Set(entries.map((entry) => entry.status))]
    .sort((a, b) => a - b)
    .map((code) => {
      const withStatus = entries.filter((entry) => entry.status === code);
      const order = matcherOrder(withStatus);
      // The one case of a status ranks first when it is the only case: keep it in the first entries.
      const cases = withStatus.filter((entry) => entry.kind === 'case');
      const top = cases.length === 1 ? [cases[0]?.id as number, ...order.filter((id) => id !== cases[0]?.id)] : order;
      return { code, line: sources.statusLine(code), count: withStatus.length, cases: cases.length, top: top.slice(0, topCount.status) };
    });
  const identifiers: LookupMeta['identifiers'] = {};
  for (const identifier of new Set(entries.map((entry) => entry.identifier).filter((each) => each !== null))) {
    const own = entries.find((entry) => entry.kind === 'identifier' && entry.identifier === identifier);
    const cases = entries.filter((entry) => entry.kind === 'case' && entry.identifier === identifier);
    identifiers[identifier] = {
      entry: own?.id ?? null,
      cases: cases.length,
      top: cases.slice(0, topCount.identifier).map((entry) => entry.id),
    };
  }
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry.id]));
  const fields: Record<string, number> = {};
  for (const field of sources.fields) {
    const id = bySlug.get(field.entry);
    if (id !== undefined) fields[field.name] = id;
  }

  const meta: LookupMeta = {
    version: sources.version,
    entries: entries.length,
    common,
    commonWords: [...postings]
      .filter(([, ids]) => ids.length > common)
      .map(([word]) => word)
      .sort(),
    chunkSize,
    chunks,
    shards,
    categories: sources.categories.map(({ id, title }) => ({ id, title })),
    statuses,
    identifiers,
    fields,
  };
  const files = new Map<string, unknown>([['meta', meta]]);
  const byShard: [string, number[] | number][][] = Array.from({ length: shards }, () => []);
  for (const [word, ids] of [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    byShard[wordShard(word, shards)]?.push([word, listed(ids)]);
  // Object.fromEntries defines own properties, so even a word such as "__proto__" is plain data.
  for (const [shard, words] of byShard.entries()) files.set(`w${shard}`, Object.fromEntries(words));
  const answers: EntryAnswer[] = sources.catalogue.map((entry) => ({
    fix: [...entry.fix],
    retry: { helps: entry.retry.helps, note: entry.retry.note },
    playground: entry.example ? sources.scenarioLink(entry.example.scenario) : null,
    ...(caseFields(entry.slug, sources.fields).length > 0 ? { fields: caseFields(entry.slug, sources.fields) } : {}),
  }));
  for (let chunk = 0; chunk < chunks; chunk++) {
    files.set(`e${chunk}`, entries.slice(chunk * chunkSize, (chunk + 1) * chunkSize));
    files.set(`f${chunk}`, answers.slice(chunk * chunkSize, (chunk + 1) * chunkSize));
  }
  return { meta, files };
}
