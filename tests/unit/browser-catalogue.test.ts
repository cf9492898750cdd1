import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, entry as fullEntry } from '../../src/catalogue/index.ts';
import { browserCatalogueModule, browserEntries } from '../../src/integrations/browser-catalogue.ts';

/** The module the browser gets, loaded as the browser would load it. */
async function browserModule(): Promise<{ entry(slug: string): unknown; findEntry(slug: string): unknown }> {
  const source = browserCatalogueModule(browserEntries(catalogue));
  return import(`data:text/javascript,${encodeURIComponent(source)}`);
}

test("the browser's catalogue has every entry, with the facts the predictor and the playground read", async () => {
  const browser = await browserModule();
  for (const each of catalogue) {
    const { slug, title, kind, status, identifier, message } = each;
    assert.deepEqual(browser.entry(each.slug), { slug, title, kind, status, identifier, message });
  }
  assert.equal(browser.findEntry('token-created'), browser.entry('token-created'));
});

test("the browser's catalogue carries no prose: causes and fixes stay on the pages", async () => {
  const source = browserCatalogueModule(browserEntries(catalogue));
  assert.doesNotMatch(source, new RegExp(fullEntry('country-invalid').cause.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.ok(source.length < 20_000, `${source.length} characters`);
});

test('an unknown slug is undefined for findEntry and an error naming it for entry, as in Node', async () => {
  const browser = await browserModule();
  assert.equal(browser.findEntry('no-such-entry'), undefined);
  assert.throws(() => browser.entry('no-such-entry'), /No catalogue entry has the slug "no-such-entry"/);
});
