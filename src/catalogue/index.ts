/**
 * The catalogue: every entry, checked when this module loads, and the ways to find one.
 */
import type { Entry, EntryInput, Variant } from './entry.ts';
import type { Identifier } from './identifiers.ts';
import { buildCatalogue } from './validate.ts';
import { recordFiles } from './records/index.ts';
// Empty, but for the scale benchmark's generated entries (see the module).
import { extraRecords } from './records/extra.ts';
import { tokenFields } from '../token/fields.ts';

export { catalogueVersion, changelog, lastChanged } from './version.ts';

/** An entry's fields include every token field whose rule produces it, read from the field table. */
function withTokenFields(record: EntryInput): EntryInput {
  const fromTable = tokenFields
    .filter((field) => field.entry === record.slug || field.requiredEntry === record.slug)
    .map((field) => field.name);
  return { ...record, fields: [...new Set([...(record.fields ?? []), ...fromTable])] };
}

const sources = [...recordFiles, { file: 'src/catalogue/records/extra.ts (or the module ERRATA_CATALOGUE names)', records: extraRecords }];

export const records: readonly EntryInput[] = sources.flatMap((source) => source.records).map(withTokenFields);

export const catalogue: readonly Entry[] = buildCatalogue(
  records,
  sources.flatMap((source) => source.records.map(() => source.file)),
);

const bySlug = new Map(catalogue.map((entry) => [entry.slug, entry]));

export function findEntry(slug: string): Entry | undefined {
  return bySlug.get(slug);
}

/** The entry with this slug; for slugs the code itself names, so a missing one is a bug. */
export function entry(slug: string): Entry {
  const found = bySlug.get(slug);
  if (!found) throw new Error(`No catalogue entry has the slug "${slug}"`);
  return found;
}

/** Groups the catalogue once by a key, in catalogue order: pages ask on every render. */
function groupBy<Key>(key: (entry: Entry) => Key): ReadonlyMap<Key, readonly Entry[]> {
  const groups = new Map<Key, Entry[]>();
  for (const each of catalogue) {
    const group = groups.get(key(each));
    if (group) group.push(each);
    else groups.set(key(each), [each]);
  }
  return groups;
}

const identifierEntries = new Map(
  catalogue.filter((candidate) => candidate.kind === 'identifier').map((candidate) => [candidate.identifier, candidate]),
);
const casesByIdentifier = groupBy((candidate) => (candidate.kind === 'case' ? candidate.identifier : null));
const byStatus = groupBy((candidate) => candidate.status);
const byCategory = groupBy((candidate) => candidate.category);

export function identifierEntry(identifier: Identifier): Entry {
  return identifierEntries.get(identifier) as Entry;
}

/** The case entries that carry an identifier. */
export function casesOf(identifier: Identifier): readonly Entry[] {
  return casesByIdentifier.get(identifier) ?? [];
}

export function entriesWithStatus(status: number): readonly Entry[] {
  return byStatus.get(status) ?? [];
}

export function entriesInCategory(category: Entry['category']): readonly Entry[] {
  return byCategory.get(category) ?? [];
}

export const statuses: readonly number[] = [...new Set(catalogue.map((candidate) => candidate.status))].sort((a, b) => a - b);

/** A variant with every omitted part filled from its entry (or from the entry it names). */
export interface ResolvedVariant {
  title: string;
  status: number;
  identifier: Identifier | null;
  message: string;
  extra: Readonly<Record<string, string>>;
  /** For a success: body fields whose value differs from the prediction's. */
  echoes: Readonly<Record<string, unknown>> | undefined;
  asEntry: string | undefined;
  source: Variant['source'];
  observed: Variant['observed'];
  seen: string | undefined;
}

export function resolveVariant(owner: Entry, variant: Variant): ResolvedVariant {
  const base = variant.asEntry ? entry(variant.asEntry) : owner;
  return {
    title: variant.title,
    status: variant.status ?? base.status,
    identifier: variant.identifier === undefined ? base.identifier : variant.identifier,
    message: variant.message ?? base.message ?? '',
    extra: variant.extra,
    echoes: variant.echoes,
    asEntry: variant.asEntry,
    source: variant.source,
    observed: variant.observed,
    seen: variant.seen,
  };
}

export type { Entry } from './entry.ts';
