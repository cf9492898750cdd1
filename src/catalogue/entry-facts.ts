/**
 * An entry's facts by slug: its title, kind, status, identifier and message template, which is
 * all that the predictor and the playground read. Code that runs in the browser looks entries up
 * here, never in ./index.ts: the browser's build replaces this module with those facts alone
 * (src/integrations/browser-catalogue.ts), and the types below keep code from reading more.
 */
import { entry as catalogueEntry, findEntry as findCatalogueEntry, type Entry } from './index.ts';

export type EntryFacts = Pick<Entry, 'slug' | 'title' | 'kind' | 'status' | 'identifier' | 'message'>;

/** The facts of the entry with this slug; for slugs the code itself names, so a missing one is a bug. */
export function entry(slug: string): EntryFacts {
  return catalogueEntry(slug);
}

export function findEntry(slug: string): EntryFacts | undefined {
  return findCatalogueEntry(slug);
}
