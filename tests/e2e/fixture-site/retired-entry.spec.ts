/**
 * On the test site (dist-fixture/, built by scripts/test.ts): what the real catalogue has none
 * of today. A retired entry keeps its page, says it is no longer returned and points at what
 * replaced it; entry pages link to the named issue tracker.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../fixtures.ts';

const retiredPage = '/errors/fixture-retired-entry/';

test('a retired entry keeps its page, marked as no longer returned, with a link to what replaced it', async ({ page }) => {
  const response = await page.goto(retiredPage);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('An error that is no longer returned (test fixture)');
  const notice = page.getByRole('note').filter({ hasText: 'No longer returned' });
  await expect(notice).toContainText('No longer returned since 2026-01-15. The API checks this request with another rule now.');
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(/\/errors\/token-type-invalid\/$/);
});

test('a retired entry offers no example to reproduce: nothing produces it any more', async ({ page }) => {
  await page.goto(retiredPage);
  await expect(page.getByRole('heading', { name: 'Example' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Try it in the playground' })).toHaveCount(0);
  // The page still explains it, for whoever follows an old link.
  await expect(page.getByRole('heading', { name: 'When it happens' })).toBeVisible();
});

test('its Markdown twin and llms.txt say it is no longer returned', async ({ request }) => {
  const twin = await (await request.get('/errors/fixture-retired-entry.md')).text();
  expect(twin).toMatch(/^- No longer returned since 2026-01-15: .*Replaced by \[.+\]\(http[^)]+\/errors\/token-type-invalid\/\)\.$/m);
  const llms = await (await request.get('/llms.txt')).text();
  expect(llms).toMatch(
    /^- \[An error that is no longer returned \(test fixture\)\]\([^)]+\): 400 Bad Request, BAD_VALUE, no longer returned since 2026-01-15\. /m,
  );
});

test("an entry page links to the project's tracker, with a new issue that names the entry and the catalogue version", async ({ page }) => {
  await page.goto('/errors/country-invalid/');
  const report = page.getByRole('link', { name: 'Report a problem with this entry' });
  const href = new URL((await report.getAttribute('href')) ?? '');
  expect(href.origin + href.pathname).toBe('https://github.com/errata-fixture/errata/issues/new');
  expect(href.searchParams.get('title')).toBe('Entry "country-invalid": ');
  expect(href.searchParams.get('body')).toMatch(/Page: http:\/\/[^/]+\/errors\/country-invalid\/\nCatalogue version: \d+\.\d+\.\d+/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the retired entry's page has no WCAG 2.1 A or AA violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(retiredPage);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
}
