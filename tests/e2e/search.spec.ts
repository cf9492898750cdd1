import { gzipSync } from 'node:zlib';
import type { Locator, Page, Response } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { querySet } from './query-set.ts';
import { catalogue } from '../../src/catalogue/index.ts';

/** The header's search box. */
function headerBox(page: Page): Locator {
  return page.getByRole('banner').getByRole('combobox', { name: 'Search errors' });
}

/** Waits until the listbox shows the finished results of this query. */
async function settled(page: Page, listbox: string, query: string): Promise<void> {
  await page.waitForFunction(
    ([id, expected]) => {
      const list = document.getElementById(id as string);
      return list?.dataset.state === 'done' && list.dataset.query === expected;
    },
    [listbox, query.trim()],
  );
}

async function searchFor(page: Page, query: string): Promise<Locator> {
  const box = headerBox(page);
  await box.fill(query);
  await settled(page, 'site-search-results', query);
  return page.locator('#site-search-results [role="option"]');
}

test('the query set: every query gives its expected first result in the search box', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/errors/');
  const wrong: string[] = [];
  expect(querySet.length).toBeGreaterThan(0);
  for (const { query, first, kind } of querySet) {
    const options = await searchFor(page, query);
    const top = options.first();
    const href = (await options.count()) > 0 ? await top.getAttribute('data-href') : null;
    if (href !== first) wrong.push(`${kind} ${JSON.stringify(query)} → ${href}, expected ${first}`);
    else {
      // The first option is selected, so Enter opens it.
      await expect(top).toHaveAttribute('aria-selected', 'true');
      await expect(headerBox(page)).toHaveAttribute('aria-activedescendant', (await top.getAttribute('id')) ?? '');
    }
  }
  const score = `${querySet.length - wrong.length}/${querySet.length}`;
  test.info().annotations.push({ type: 'query set score', description: score });
  console.log(`Query set: ${score} right first results`);
  expect(wrong, `query set score ${score}`).toEqual([]);
});

test('the search box is an accessible combobox, labelled "Search errors"', async ({ page }) => {
  await page.goto('/errors/country-invalid/');
  const box = headerBox(page);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  const listboxId = await box.getAttribute('aria-controls');
  expect(listboxId).toBeTruthy();
  await box.fill('rate limit');
  await settled(page, 'site-search-results', 'rate limit');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const listbox = page.locator(`#${listboxId}`);
  await expect(listbox).toHaveAttribute('role', 'listbox');
  await expect(listbox.getByRole('option').first()).toBeVisible();
  await expect(listbox.getByRole('group', { name: 'Exact match' })).toBeVisible();
  // Each result shows its status, identifier, title and an excerpt.
  const top = listbox.getByRole('option').first();
  await expect(top.locator('.badge').first()).toHaveText('429');
  await expect(top.locator('.badge.identifier')).toHaveText('TOO_MANY_REQUESTS');
  await expect(top.locator('.search-title')).toHaveText('Requests per hour limit reached');
  await expect(top.locator('.search-excerpt')).not.toBeEmpty();
  await expect(page.locator('.search-popup [data-search-note]')).toContainText('Exact match');
});

test('keyboard: / and Ctrl+K focus the box, arrows move, Enter opens, Escape closes then clears', async ({ page }) => {
  await page.goto('/errors/country-invalid/');
  const box = headerBox(page);
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  // A search without an exact match, so that the full text gives several options.
  await page.keyboard.type('retry', { delay: 20 });
  await settled(page, 'site-search-results', 'retry');
  const options = page.locator('#site-search-results [role="option"]');
  expect(await options.count()).toBeGreaterThan(2);

  const selected = () => box.getAttribute('aria-activedescendant');
  const first = await options.nth(0).getAttribute('id');
  const second = await options.nth(1).getAttribute('id');
  expect(await selected()).toBe(first);
  await page.keyboard.press('ArrowDown');
  expect(await selected()).toBe(second);
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  expect(await selected()).toBe(first);
  await page.keyboard.press('ArrowUp');
  expect(await selected()).toBe(await options.last().getAttribute('id'));
  await page.keyboard.press('ArrowDown');
  expect(await selected()).toBe(first);

  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#site-search-results')).toBeHidden();
  await expect(box).toHaveValue('retry');
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');

  // Ctrl+K from anywhere, even from another field.
  await page.locator('h1').click();
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await page.keyboard.type('sessionLength');
  await settled(page, 'site-search-results', 'sessionLength');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/errors\/session-length-invalid\/$/);
});

test('typing / in a text field types it, and does not jump to the search box', async ({ page }) => {
  await page.goto('/triage/');
  const paste = page.getByLabel('What you got');
  await paste.click();
  await page.keyboard.type('a/b');
  await expect(paste).toHaveValue('a/b');
  await expect(paste).toBeFocused();
});

test('a click on a result opens it', async ({ page }) => {
  await page.goto('/');
  const options = await searchFor(page, 'not available for DEMO partners');
  await options.first().click();
  await expect(page).toHaveURL(/\/errors\/wrong-environment\/$/);
});

test('filters by status and category narrow both the exact match and the full text', async ({ page }) => {
  await page.goto('/errors/');
  const box = headerBox(page);
  await box.fill('rate limit');
  await settled(page, 'site-search-results', 'rate limit');
  const panel = page.locator('.search-popup [data-search-panel]');
  await panel.getByLabel('Category').selectOption({ label: 'Error identifiers' });
  await settled(page, 'site-search-results', 'rate limit');
  const options = page.locator('#site-search-results [role="option"]');
  await expect(options.first()).toHaveAttribute('data-href', '/errors/too-many-requests/');
  for (const href of await options.evaluateAll((all) => all.map((each) => each.getAttribute('data-href')))) {
    if (href?.startsWith('/search/')) continue;
    const entry = catalogue.find((each) => `/errors/${each.slug}/` === href);
    expect(entry?.category, href ?? '').toBe('identifiers');
  }

  await panel.getByLabel('Category').selectOption('');
  await panel.getByLabel('Status').selectOption('401');
  await box.fill('credentials');
  await settled(page, 'site-search-results', 'credentials');
  const hrefs = await options.evaluateAll((all) => all.map((each) => each.getAttribute('data-href')));
  expect(hrefs[0]).toBe('/errors/invalid-credentials/');
  for (const href of hrefs) {
    if (href?.startsWith('/search/')) continue;
    if (href === '/status/401/') continue;
    expect(catalogue.find((each) => `/errors/${each.slug}/` === href)?.status, href ?? '').toBe(401);
  }

  // A filter that rules out the exact match says so.
  await box.fill('sessionLength');
  await settled(page, 'site-search-results', 'sessionLength');
  await expect(page.locator('.search-popup [data-search-note]')).toContainText('No exact match within these filters');
});

test("the index's filters come from attributes and their values never leak into the text", async ({ page }) => {
  await page.goto('/');
  const found = await page.evaluate(async () => {
    const pagefind = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
    await pagefind.init();
    const filters = await pagefind.filters();
    const search = await pagefind.search('generate tokens of type', { filters: { category: 'business-rules' } });
    const pages = await Promise.all(
      search.results.map(async (result: { data(): Promise<{ url: string; content: string }> }) => result.data()),
    );
    return { filters, pages };
  });
  const withStatus = (status: number) => catalogue.filter((entry) => entry.status === status).length;
  // Each entry page, and the status page itself.
  expect(found.filters.status['400']).toBe(withStatus(400) + 1);
  expect(found.filters.status['402']).toBe(withStatus(402) + 1);
  expect(found.filters.category.identifiers).toBe(catalogue.filter((entry) => entry.category === 'identifiers').length);
  const typePage = found.pages.find((each: { url: string }) => each.url === '/errors/token-type-not-allowed/');
  expect(typePage, 'the category filter finds the entry').toBeTruthy();
  // Neither the filter values nor the badges are in the searchable text.
  expect(typePage.content).not.toContain('business-rules');
  expect(typePage.content).not.toContain('partly inferred');
});

test('a search is a link: /search/#q=… shows it with its filters, and typing updates the fragment', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/search/#q=sessionLength&status=400');
  await settled(page, 'page-search-results', 'sessionLength');
  const box = page.getByRole('main').getByRole('combobox', { name: 'Search errors' });
  await expect(box).toHaveValue('sessionLength');
  await expect(page.getByRole('main').getByLabel('Status')).toHaveValue('400');
  await expect(page.locator('#page-search-results [role="option"]').first()).toHaveAttribute(
    'data-href',
    '/errors/session-length-invalid/',
  );

  await box.fill('Expected a dictionary, but got list');
  await settled(page, 'page-search-results', 'Expected a dictionary, but got list');
  await expect(page).toHaveURL(/\/search\/#q=Expected%20a%20dictionary%2C%20but%20got%20list&status=400$/);
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await settled(page, 'page-search-results', 'Expected a dictionary, but got list');
  await expect(page.locator('#page-search-results [role="option"]').first()).toHaveAttribute('data-href', '/errors/body-not-object/');
  // The query never reached the server: it lives in the fragment only.
  expect(requests.filter((url) => /dictionary/i.test(url))).toEqual([]);
});

test('"All results" opens the search page with the query in the fragment', async ({ page }) => {
  await page.goto('/token/');
  const options = await searchFor(page, 'retry');
  await options.last().click();
  await expect(page).toHaveURL(/\/search\/#q=retry$/);
  await settled(page, 'page-search-results', 'retry');
  expect(await page.locator('#page-search-results [role="option"]').count()).toBeGreaterThan(1);
});

test('Enter on a search without results opens the search page with it', async ({ page }) => {
  await page.goto('/evaluation/');
  await searchFor(page, 'zqxjv wvkpq');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/#q=zqxjv%20wvkpq$/);
});

test('a code that does not exist, or garbage, says plainly that there is no exact match', async ({ page }) => {
  await page.goto('/');
  const note = page.locator('.search-popup [data-search-note]');
  await searchFor(page, '404');
  await expect(note).toContainText('No exact match: no entry has HTTP status 404.');
  await expect(page.locator('#site-search-results').getByRole('group', { name: 'Exact match' })).toHaveCount(0);
  await searchFor(page, 'zqxjv wvkpq');
  await expect(note).toContainText('No exact match');
  await expect(note).toContainText('No full-text results either');
  await searchFor(page, 'must be');
  await expect(note).toContainText('No exact match: this text is part of');
  await expect(page.locator('#site-search-results').getByRole('group', { name: 'Messages that contain it' })).toBeVisible();
});

/** The gzipped size of a page's own inline scripts. */
async function inlineScriptBytes(page: Page): Promise<number> {
  const scripts = await page.locator('script:not([src])').evaluateAll((all) => all.map((each) => each.textContent ?? ''));
  return scripts.filter((text) => text.trim() !== '').reduce((sum, text) => sum + gzipSync(text).length, 0);
}

async function transferred(responses: Response[]): Promise<{ body: number; total: number }> {
  let body = 0;
  let total = 0;
  for (const response of responses) {
    const sizes = await response.request().sizes();
    body += sizes.responseBodySize;
    total += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  return { body, total };
}

test('an entry page loads at most 5 KB of script before the first interaction, and search loads lazily', async ({ page }) => {
  const responses: Response[] = [];
  page.on('response', (response) => responses.push(response));
  await page.goto('/errors/country-invalid/', { waitUntil: 'networkidle' });
  const scripts = responses.filter((response) => response.request().resourceType() === 'script');
  const external = await transferred(scripts);
  const inline = await inlineScriptBytes(page);
  const before = external.body + inline;
  console.log(
    `Entry page script before interaction: ${before} bytes gzipped (${external.body} fetched in ${scripts.length} files + ${inline} inline)`,
  );
  expect(before).toBeLessThanOrEqual(5 * 1024);
  expect(responses.some((response) => /\/pagefind\/|\/search\/lookup\//.test(response.url()))).toBe(false);

  // One search: everything it fetches. An exact match needs the exact lookup alone.
  const measure = async (query: string) => {
    const mark = responses.length;
    await searchFor(page, query);
    await page.waitForLoadState('networkidle');
    const search = responses.slice(mark);
    const pagefind = search.filter((response) => response.url().includes('/pagefind/'));
    const ours = search.filter((response) => !response.url().includes('/pagefind/'));
    const pagefindBytes = await transferred(pagefind);
    const ourBytes = await transferred(ours);
    const line =
      `"${query}" fetched ${pagefindBytes.body + ourBytes.body} bytes of bodies (${pagefindBytes.total + ourBytes.total} with headers): ` +
      `Pagefind ${pagefindBytes.body} in ${pagefind.length} files, Errata's lazy code and index ${ourBytes.body} in ${ours.length} files ` +
      `(${ours.map((response) => new URL(response.url()).pathname.split('/').pop()).join(', ')})`;
    console.log(line);
    test.info().annotations.push({ type: 'bytes for one search', description: line });
    return { pagefind, ours, bytes: pagefindBytes.body + ourBytes.body };
  };
  const exact = await measure('rate limit');
  expect(exact.ours.some((response) => response.url().endsWith('/search/lookup/meta.json'))).toBe(true);
  expect(exact.pagefind).toEqual([]);
  expect(exact.bytes).toBeLessThan(40 * 1024);
  // A search that only the full text answers loads Pagefind.
  const fullText = await measure('retry later');
  expect(fullText.pagefind.length).toBeGreaterThan(0);
});

test('in the header box an exact match is the answer; the full text is searched when there is none, or from the last option', async ({
  page,
}) => {
  await page.goto('/errors/');
  const note = page.locator('.search-popup [data-search-note]');
  const results = page.locator('#site-search-results');
  const options = await searchFor(page, 'credits');
  await expect(results.getByRole('group', { name: 'Exact match' }).getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('group', { name: /Full-text results|Also found/ })).toHaveCount(0);
  await expect(note).toHaveText('Exact match. The last option searches the full text too.');
  await expect(options.last()).toHaveText('All results for “credits”');

  await searchFor(page, 'retry later');
  await expect(results.getByRole('group', { name: 'Exact match' })).toHaveCount(0);
  expect(await results.getByRole('group', { name: 'Full-text results' }).getByRole('option').count()).toBeGreaterThan(0);

  await options.last().click();
  await expect(page).toHaveURL(/\/search\/#q=retry%20later$/);
  await settled(page, 'page-search-results', 'retry later');
  expect(
    await page.locator('#page-search-results').getByRole('group', { name: 'Full-text results' }).getByRole('option').count(),
  ).toBeGreaterThan(0);
});

test('the open search box and the search page have no WCAG 2.1 A or AA violations, in both themes', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/errors/country-invalid/');
    await searchFor(page, 'credits');
    const popup = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      popup.violations.map(
        (violation) =>
          `${theme} popup: ${violation.id} ${violation.nodes
            .map((node) => node.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    ).toEqual([]);
    await page.goto('/search/#q=must%20be%20a%20string');
    await settled(page, 'page-search-results', 'must be a string');
    const inline = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      inline.violations.map(
        (violation) =>
          `${theme} search page: ${violation.id} ${violation.nodes
            .map((node) => node.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    ).toEqual([]);
  }
});
