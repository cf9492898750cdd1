/**
 * The catalogue as the browser gets it. Browser code looks entries up through
 * src/catalogue/entry-facts.ts, for five facts per entry. In the browser's bundles that module is
 * replaced by one holding just those facts, taken from the validated catalogue when the build
 * starts, so the playground carries neither the prose of every entry nor the schema that checks
 * it (about a tenth of its script). Node (the pages' build, the CLI, the tests) keeps the real
 * module. The facts are read once, when the config loads: `astro dev` needs a restart to show an
 * edited record in the playground.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { Entry } from '../catalogue/index.ts';
import type { EntryFacts } from '../catalogue/entry-facts.ts';

const virtualId = '\0errata:browser-catalogue';

export function entryFacts(catalogue: readonly Entry[]): EntryFacts[] {
  return catalogue.map(({ slug, title, kind, status, identifier, message }) => ({ slug, title, kind, status, identifier, message }));
}

/** The module's source: the same `entry` and `findEntry` as src/catalogue/entry-facts.ts. */
export function browserCatalogueModule(facts: readonly EntryFacts[]): string {
  return [
    `const bySlug = new Map(${JSON.stringify(facts)}.map((entry) => [entry.slug, entry]));`,
    'export function findEntry(slug) { return bySlug.get(slug); }',
    'export function entry(slug) {',
    '  const found = bySlug.get(slug);',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated module's own template literal
    '  if (!found) throw new Error(`No catalogue entry has the slug "${slug}"`);',
    '  return found;',
    '}',
    '',
  ].join('\n');
}

const entryFactsModule = fileURLToPath(new URL('../catalogue/entry-facts.ts', import.meta.url));

/** Whether an import, relative to the file that makes it, names src/catalogue/entry-facts.ts. */
export function isEntryFactsImport(id: string, importer: string | undefined): boolean {
  if (!importer || !id.startsWith('.')) return false;
  const path = resolve(dirname(importer.split(/[?#]/)[0] as string), id);
  return path === entryFactsModule || `${path}.ts` === entryFactsModule;
}

export function browserCatalogue(catalogue: readonly Entry[]): Plugin {
  const source = browserCatalogueModule(entryFacts(catalogue));
  return {
    name: 'errata:browser-catalogue',
    enforce: 'pre',
    resolveId(id, importer) {
      return this.environment.config.consumer === 'client' && isEntryFactsImport(id, importer) ? virtualId : null;
    },
    load(id) {
      return id === virtualId ? source : null;
    },
  };
}
