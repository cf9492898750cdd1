import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../../src/catalogue/index.ts';
import { browserCatalogue, browserCatalogueModule, entryFacts, isEntryFactsImport } from '../../src/integrations/browser-catalogue.ts';

const facts = ['slug', 'title', 'kind', 'status', 'identifier', 'message'];

/** The module the browser gets, loaded as the browser would load it. */
async function browserModule(): Promise<{ entry(slug: string): unknown; findEntry(slug: string): unknown }> {
  return import(`data:text/javascript,${encodeURIComponent(browserCatalogueModule(entryFacts(catalogue)))}`);
}

test("the browser's catalogue has every entry, with exactly the facts browser code may read", async () => {
  const browser = await browserModule();
  for (const each of catalogue) {
    const found = browser.entry(each.slug) as Record<string, unknown>;
    assert.deepEqual(Object.keys(found).sort(), [...facts].sort(), each.slug);
    for (const fact of facts) assert.deepEqual(found[fact], each[fact as keyof typeof each], `${each.slug}.${fact}`);
  }
  assert.equal(browser.findEntry('token-created'), browser.entry('token-created'));
});

test('an unknown slug is undefined for findEntry and an error naming it for entry, as in Node', async () => {
  const browser = await browserModule();
  assert.equal(browser.findEntry('no-such-entry'), undefined);
  assert.throws(() => browser.entry('no-such-entry'), /No catalogue entry has the slug "no-such-entry"/);
});

test('the entry-facts module is recognised however a file spells its path, and nothing else is', () => {
  const file = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));
  assert.ok(isEntryFactsImport('../catalogue/entry-facts.ts', file('predict/predict.ts')));
  assert.ok(isEntryFactsImport('../../catalogue/entry-facts', file('client/playground/render.ts')));
  assert.ok(isEntryFactsImport('./entry-facts.ts', file('catalogue/index.ts')));
  assert.ok(!isEntryFactsImport('./lookup.ts', file('cli/run.ts')), "the CLI's own lookup command");
  assert.ok(!isEntryFactsImport('../catalogue/index.ts', file('predict/predict.ts')));
  assert.ok(!isEntryFactsImport('../catalogue/entry-facts.ts', undefined));
});

test('only the browser build swaps the module: the pages are built with the real one', () => {
  const plugin = browserCatalogue(catalogue);
  const resolveId = plugin.resolveId as (this: unknown, id: string, importer?: string) => string | null;
  const importer = fileURLToPath(new URL('../../src/predict/predict.ts', import.meta.url));
  const inClient = { environment: { config: { consumer: 'client' } } };
  const inServer = { environment: { config: { consumer: 'server' } } };
  const swapped = resolveId.call(inClient, '../catalogue/entry-facts.ts', importer);
  assert.ok(swapped);
  assert.equal(resolveId.call(inServer, '../catalogue/entry-facts.ts', importer), null);
  const load = plugin.load as (this: unknown, id: string) => string | null;
  assert.match(load.call(inClient, swapped) ?? '', /^const bySlug = new Map/);
});
