/**
 * The engine's matcher in the browser, over the sharded index of ./index-data.ts: a query loads
 * the word shards of its words, then the entries that those words route to, and ranks them with
 * `createMatcher` exactly as the CLI's `lookup` ranks the whole catalogue. Every way of matching
 * needs at least one of an entry's words in the query (`entryWords`), so the entries that are
 * not loaded could not have matched. A status or identifier alone loads its first entries, which
 * the index lists in the matcher's order. Pure: `load` fetches a file, so tests run it in Node.
 */
import { parseIdentifier } from '../catalogue/identifiers.ts';
import { createMatcher, matchWords, readInput, type LookupResult, type Match, type ReadInput } from '../catalogue/match-engine.ts';
import { wordShard, type EntryAnswer, type LookupMeta, type SearchEntry } from './index-data.ts';

export type LoadFile = (name: string) => Promise<unknown>;

/** At most this many of a query's words are looked up: the longest, which say the most. */
const maxWords = 12;
/** And never more entries than this for one query. */
const maxCandidates = 400;
/** A message longer than this is read from its first and last parts, where its fixed words are. */
const longMessage = 10_000;

export interface ShardedLookup {
  meta(): Promise<LookupMeta>;
  lookup(raw: string): Promise<LookupResult<SearchEntry>>;
  /** What to do about these entries (by id), for triage's cards: loaded only for the cards shown. */
  answers(ids: readonly number[]): Promise<Map<number, EntryAnswer>>;
  /** Every entry, for reading a whole file, where any entry may turn up. */
  all(): Promise<SearchEntry[]>;
}

export function createShardedLookup(load: LoadFile): ShardedLookup {
  let metaFile: Promise<LookupMeta> | undefined;
  const shards = new Map<number, Promise<Record<string, number[] | number>>>();
  const chunks = new Map<number, Promise<SearchEntry[]>>();

  const meta = (): Promise<LookupMeta> => {
    metaFile ??= load('meta') as Promise<LookupMeta>;
    metaFile.catch(() => (metaFile = undefined));
    return metaFile;
  };
  const shard = (index: number): Promise<Record<string, number[] | number>> => {
    let file = shards.get(index);
    if (!file) {
      file = load(`w${index}`) as Promise<Record<string, number[] | number>>;
      shards.set(index, file);
      file.catch(() => shards.delete(index));
    }
    return file;
  };
  const chunk = (index: number): Promise<SearchEntry[]> => {
    let file = chunks.get(index);
    if (!file) {
      file = load(`e${index}`) as Promise<SearchEntry[]>;
      chunks.set(index, file);
      file.catch(() => chunks.delete(index));
    }
    return file;
  };

  /** The ids of the entries a message's words, or a field name, can match. */
  async function messageCandidates(message: string, index: LookupMeta, ids: Set<number>): Promise<void> {
    const name = message.trim();
    for (const each of [name, name.replace(/^`|`$/g, '')]) if (Object.hasOwn(index.fields, each)) ids.add(index.fields[each] as number);

    const text = message.length > longMessage ? `${message.slice(0, 8000)} ${message.slice(-2000)}` : message;
    const common = new Set(index.commonWords);
    let words = [...new Set(matchWords(text))].filter((word) => !common.has(word));
    if (words.length > maxWords) words = words.toSorted((a, b) => b.length - a.length).slice(0, maxWords);
    const postings = await Promise.all(
      words.map(async (word) => {
        const file = await shard(wordShard(word, index.shards));
        // A common word comes as a count: a query with only common words has no exact match.
        const ids = Object.hasOwn(file, word) ? file[word] : undefined;
        return Array.isArray(ids) ? ids : [];
      }),
    );
    for (const list of postings.filter((ids) => ids.length > 0).sort((a, b) => a.length - b.length)) {
      for (const id of list) {
        if (ids.size >= maxCandidates) return;
        ids.add(id);
      }
    }
  }

  async function entries(ids: Iterable<number>, index: LookupMeta): Promise<SearchEntry[]> {
    const wanted = [...new Set(ids)].sort((a, b) => a - b);
    const files = await Promise.all([...new Set(wanted.map((id) => Math.floor(id / index.chunkSize)))].map((each) => chunk(each)));
    const byId = new Map(files.flat().map((entry) => [entry.id, entry]));
    return wanted.map((id) => byId.get(id)).filter((entry): entry is SearchEntry => entry !== undefined);
  }

  function rank(input: ReadInput, loaded: SearchEntry[], index: LookupMeta): LookupResult<SearchEntry> {
    const slugs = new Map(loaded.map((entry) => [entry.id, entry.slug]));
    return createMatcher<SearchEntry>({
      entries: loaded,
      variants: (entry) => entry.variants,
      fieldEntry: (name) => (Object.hasOwn(index.fields, name) ? slugs.get(index.fields[name] as number) : undefined),
      statusCounts: (status) => {
        const found = index.statuses.find((each) => each.code === status);
        return { count: found?.count ?? 0, cases: found?.cases ?? 0 };
      },
    }).lookupInput(input);
  }

  /** What the engine offers before it looks at the identifier's cases and the status. */
  const fromText = (found: Match<SearchEntry>) => found.reason !== 'identifier' && found.reason !== 'status';

  async function lookup(raw: string): Promise<LookupResult<SearchEntry>> {
    const index = await meta();
    const input = readInput(raw);
    const identifier = input.identifier === undefined ? null : parseIdentifier(input.identifier);
    const about = identifier ? index.identifiers[identifier] : undefined;

    const ids = new Set<number>();
    if (input.message !== undefined) await messageCandidates(input.message, index, ids);
    if (about?.entry !== null && about?.entry !== undefined) ids.add(about.entry);
    let result = rank(input, await entries(ids, index), index);

    // The engine offers an identifier's cases only without a good match from the text, and the
    // entries of a status only when nothing else matched: load them only then.
    const textMatches = result.matches.filter(fromText);
    let more = false;
    if (about && !textMatches.some((found) => found.score >= 0.6)) {
      for (const id of about.top) ids.add(id);
      more = true;
    }
    if (input.status !== undefined && textMatches.length === 0 && !(about && (about.entry !== null || about.top.length > 0))) {
      for (const id of index.statuses.find((each) => each.code === input.status)?.top ?? []) ids.add(id);
      more = true;
    }
    if (more) result = rank(input, await entries(ids, index), index);
    return result;
  }

  const answerFiles = new Map<number, Promise<EntryAnswer[]>>();
  async function answers(ids: readonly number[]): Promise<Map<number, EntryAnswer>> {
    const index = await meta();
    const found = new Map<number, EntryAnswer>();
    await Promise.all(
      [...new Set(ids.map((id) => Math.floor(id / index.chunkSize)))].map(async (chunkIndex) => {
        let file = answerFiles.get(chunkIndex);
        if (!file) {
          file = load(`f${chunkIndex}`) as Promise<EntryAnswer[]>;
          answerFiles.set(chunkIndex, file);
          file.catch(() => answerFiles.delete(chunkIndex));
        }
        const list = await file;
        for (const id of ids) {
          const answer = Math.floor(id / index.chunkSize) === chunkIndex ? list[id % index.chunkSize] : undefined;
          if (answer) found.set(id, answer);
        }
      }),
    );
    return found;
  }

  async function all(): Promise<SearchEntry[]> {
    const index = await meta();
    const files = await Promise.all(Array.from({ length: index.chunks }, (_, each) => chunk(each)));
    return files.flat().sort((a, b) => a.id - b.id);
  }

  return { meta, lookup, answers, all };
}
