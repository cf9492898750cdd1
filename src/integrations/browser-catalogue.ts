/**
 * The catalogue as the browser gets it. The predictor and the playground look entries up by slug
 * for five facts only: title, kind, status, identifier and message template. In the browser's
 * bundles, src/catalogue/index.ts is replaced by a module of those facts, taken from the
 * validated catalogue at build time, so the playground carries neither the prose of every entry
 * nor the schema that checks it (about a tenth of its script). Node (the pages' build, the CLI,
 * the tests) keeps the whole catalogue.
 */
import type { Plugin } from 'vite';
import type { Entry } from '../catalogue/index.ts';

const virtualId = '\0errata:browser-catalogue';

/** The facts of an entry that code running in the browser may read. */
export type BrowserEntry = Pick<Entry, 'slug' | 'title' | 'kind' | 'status' | 'identifier' | 'message'>;

export function browserEntries(catalogue: readonly Entry[]): BrowserEntry[] {
  return catalogue.map(({ slug, title, kind, status, identifier, message }) => ({ slug, title, kind, status, identifier, message }));
}

/** The module's source: the same `entry` and `findEntry` as src/catalogue/index.ts. */
export function browserCatalogueModule(entries: readonly BrowserEntry[]): string {
  return [
    `const bySlug = new Map(${JSON.stringify(entries)}.map((entry) => [entry.slug, entry]));`,
    'export function findEntry(slug) { return bySlug.get(slug); }',
    'export function entry(slug) {',
    '  const found = bySlug.get(slug);',
    '  if (!found) throw new Error(`No catalogue entry has the slug "${slug}"`);',
    '  return found;',
    '}',
    '',
  ].join('\n');
}

export function browserCatalogue(catalogue: readonly Entry[]): Plugin {
  const source = browserCatalogueModule(browserEntries(catalogue));
  return {
    name: 'errata:browser-catalogue',
    enforce: 'pre',
    resolveId(id) {
      if (this.environment.config.consumer !== 'client' || !/(^|\/)catalogue\/index\.ts$/.test(id)) return null;
      return virtualId;
    },
    load(id) {
      return id === virtualId ? source : null;
    },
  };
}
