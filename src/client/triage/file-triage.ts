/**
 * Reads a chosen or dropped file (a log or a HAR) for the triage page: streamed from the File in
 * chunks through the same engine as `errata triage` (src/search/file-triage.ts), over every entry
 * of the search index, and turned into plain rows the page can show. Runs in the triage worker;
 * the file is read where it is and never sent anywhere.
 */
import { createMatcher } from '../../catalogue/match-engine.ts';
import { caseLink, type CustomerCase } from '../../search/case-link.ts';
import { createFileTriage } from '../../search/file-triage.ts';
import type { LookupMeta, SearchEntry } from '../../search/index-data.ts';
import type { LogGroup } from '../../search/log-triage.ts';
import { entryPath, statusPath } from '../../site/paths.ts';
import type { ShardedLookup } from '../search/index-loader.ts';

/** One row of the grouped table. */
export interface FileTriageRow {
  title: string;
  /** Null for a status that several entries share. */
  slug: string | null;
  status: number;
  statusLine: string;
  identifier: string | null;
  count: number;
  firstLine: number;
  lastLine: number;
  /** The entry's page (or the status's, for a shared status). */
  href: string;
  /** The entry's page with the first case read in its fragment: for the customer. */
  customerHref: string | null;
}

export interface FileTriageView {
  name: string;
  unit: 'line' | 'entry';
  lines: number;
  found: number;
  rows: FileTriageRow[];
}

/** The table's rows: what a customer link may carry is the matched case only, never the file. */
function rowOf(group: LogGroup<SearchEntry>, meta: LookupMeta): FileTriageRow {
  const statusLine = meta.statuses.find((status) => status.code === group.status)?.line ?? String(group.status);
  const { entry } = group;
  if (!entry) {
    return {
      title: `${statusLine}: one of several entries`,
      slug: null,
      status: group.status,
      statusLine,
      identifier: null,
      count: group.count,
      firstLine: group.firstLine,
      lastLine: group.lastLine,
      href: statusPath(group.status),
      customerHref: null,
    };
  }
  const href = entryPath(entry.slug);
  const customerCase: CustomerCase = {};
  if (group.message !== undefined && group.how === 'message') customerCase.message = group.message;
  if (Object.keys(group.values).length > 0) customerCase.values = { ...group.values };
  const field = group.values.field ?? (entry.fields.length === 1 ? entry.fields[0] : undefined);
  if (field !== undefined) customerCase.field = field;
  return {
    title: entry.title,
    slug: entry.slug,
    status: group.status,
    statusLine,
    identifier: entry.identifier,
    count: group.count,
    firstLine: group.firstLine,
    lastLine: group.lastLine,
    href,
    customerHref: caseLink(href, customerCase),
  };
}

/** Reads the file through the engine, calling `progress` with the bytes read so far. */
export async function triageFile(file: File, lookup: ShardedLookup, progress: (bytes: number) => void): Promise<FileTriageView> {
  const [meta, entries] = await Promise.all([lookup.meta(), lookup.all()]);
  const bySlug = new Map(entries.map((entry) => [entry.id, entry.slug]));
  const matcher = createMatcher<SearchEntry>({
    entries,
    variants: (entry) => entry.variants,
    fieldEntry: (name) => (Object.hasOwn(meta.fields, name) ? bySlug.get(meta.fields[name] as number) : undefined),
  });
  const triage = createFileTriage<SearchEntry>({ entries, variants: (entry) => entry.variants, matcher }, file.name);
  const reader = file.stream().getReader();
  let bytes = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    triage.push(read.value);
    bytes += read.value.length;
    progress(bytes);
  }
  const result = triage.finish();
  return {
    name: file.name,
    unit: result.unit,
    lines: result.lines,
    found: result.found,
    rows: result.groups.map((group) => rowOf(group, meta)),
  };
}
