/**
 * The errors index: a compact table per category (status, identifier, error), status colours
 * explained by a legend, and a filter box that narrows the rows as you type.
 */
import { test, expect } from './fixtures.ts';

test('the index lists errors in tables with their status, identifier and title', async ({ page }) => {
  await page.goto('/errors/');
  const fields = page.getByRole('table', { name: 'Field validation' });
  await expect(fields.getByRole('columnheader')).toHaveText(['Status', 'Identifier', 'Error']);
  const row = fields.getByRole('row').filter({ has: page.getByRole('link', { name: 'country is not an ISO 3166-1 alpha-2 code' }) });
  await expect(row.getByRole('cell').first()).toHaveText('400');
  await expect(row.getByRole('cell').nth(1)).toHaveText('BAD_VALUE');
  await expect(page.getByText('fix the account or API key')).toBeVisible();
});

test('the filter keeps the rows whose words match, hides emptied sections, and offers the full search', async ({ page }) => {
  await page.goto('/errors/');
  const filter = page.getByLabel('Filter these errors');
  await filter.fill('country');
  await expect(page.getByRole('link', { name: 'country is not an ISO 3166-1 alpha-2 code' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Partner inactive', exact: false })).toBeHidden();
  await expect(page.getByRole('heading', { name: /Rate limit/ })).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText(/\d+ of the errors listed here match/);
  await expect(page.getByRole('link', { name: 'search every entry' })).toHaveAttribute('href', '/search/#q=country');
  await filter.fill('429');
  await expect(page.getByRole('table', { name: 'Rate limit' }).getByRole('row')).toHaveCount(2);
  await filter.fill('');
  await expect(page.getByRole('heading', { name: /Rate limit/ })).toBeVisible();
});
