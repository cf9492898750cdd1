import { test, expect } from './fixtures.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { catalogue, statuses } from '../../src/catalogue/index.ts';
import { tokenFields } from '../../src/token/fields.ts';

test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/errors/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
});

test('the theme follows the system until the reader chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('an upper-case identifier address redirects to its entry', async ({ page }) => {
  await page.goto('/errors/BAD_VALUE/');
  await expect(page).toHaveURL(/\/errors\/bad-value\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A request parameter has an invalid value');
});

test.describe('missing pages', () => {
  test.use({ notFoundExpected: true });

  test('the 404 page resolves other spellings of an identifier', async ({ page }) => {
    for (const spelling of ['bad_value', 'Bad-Value', 'badvalue', 'Too%20Many%20Requests']) {
      await page.goto(`/errors/${spelling}/`);
      await expect(page, spelling).toHaveURL(/\/errors\/(bad-value|too-many-requests)\/$/);
    }
  });

  test('the 404 page helps when nothing matches', async ({ page }) => {
    const response = await page.goto('/errors/no-such-thing/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main').getByRole('link', { name: 'All errors' })).toBeVisible();
  });

  test('the 404 page suggests entries whose slug is close', async ({ page }) => {
    await page.goto('/errors/country/');
    await expect(page.getByRole('link', { name: '/errors/country-invalid/' })).toBeVisible();
  });
});

test('a skip link leads keyboard users to the content', async ({ page }) => {
  await page.goto('/errors/country-invalid/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('every status has a page listing its entries', async ({ page }) => {
  expect(statuses.length).toBeGreaterThan(0);
  for (const status of statuses) {
    await page.goto(`/status/${status}/`);
    const main = page.getByRole('main');
    const withStatus = catalogue.filter((each) => each.status === status);
    expect(withStatus.length, String(status)).toBeGreaterThan(0);
    for (const entry of withStatus) {
      await expect(main.getByRole('link', { name: entry.title, exact: true }).first()).toBeVisible();
    }
  }
});

test('the exports parse and every example scenario validates against the published schema', async ({ request }) => {
  const exported = await (await request.get('/catalogue.json')).json();
  expect(exported.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(exported.entries.map((entry: { slug: string }) => entry.slug)).toEqual(catalogue.map((entry) => entry.slug));

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const scenarioSchema = await (await request.get('/schemas/scenario.schema.json')).json();
  const validScenario = ajv.compile(scenarioSchema);
  const withExamples = catalogue.filter((each) => each.example);
  expect(withExamples.length).toBeGreaterThan(0);
  for (const entry of withExamples) {
    expect(validScenario(entry.example?.scenario), `${entry.slug}: ${ajv.errorsText(validScenario.errors)}`).toBe(true);
  }
  expect(validScenario({ request: { body: {}, rawBody: '' } })).toBe(false);
  expect(validScenario({ account: { unknown: true } })).toBe(false);

  const tokenSchema = await (await request.get('/schemas/token-request.schema.json')).json();
  const validRequest = ajv.compile(tokenSchema);
  expect(validRequest({ clientId: 'user-42', expiryTime: 3600, country: 'LT' })).toBe(true);
  expect(validRequest({ expiryTime: 3600 })).toBe(false);
  expect(validRequest({ clientId: 'user-42', sessionLength: 30 })).toBe(false);
});

test('every page of the site loads without console errors', async ({ page }) => {
  test.slow();
  const paths = [
    '/',
    '/errors/',
    '/token/',
    '/evaluation/',
    '/guides/handling-errors/',
    '/check/',
    '/use/',
    ...statuses.map((status) => `/status/${status}/`),
    ...catalogue.map((entry) => `/errors/${entry.slug}/`),
  ];
  expect(statuses.length).toBeGreaterThan(0);
  expect(catalogue.length).toBeGreaterThan(0);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
});

test('the field reference says, for every field, whether it carries personal data', async ({ page }) => {
  await page.goto('/token/');
  // Read as a person reads it: the column headed "Personal data", the row of each field.
  const shown = await page.locator('table.field-table').evaluateAll((tables) => {
    const cells: Record<string, string> = {};
    for (const table of tables) {
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
      const column = headers.indexOf('Personal data');
      for (const row of table.querySelectorAll('tbody tr')) cells[row.id] = row.children[column]?.textContent?.trim() ?? '';
    }
    return cells;
  });
  const words = { true: 'Yes', 'url-query': 'In its query', 'free-text': 'In its free text', false: 'No' } as const;
  expect(Object.keys(shown).sort()).toEqual(tokenFields.map((field) => field.name).sort());
  for (const field of tokenFields) expect(shown[field.name], field.name).toBe(words[`${field.personal}`]);
  expect([shown.firstName, shown.dateOfBirth, shown.successUrl, shown.additionalSteps, shown.country]).toEqual([
    'Yes',
    'Yes',
    'In its query',
    'In its free text',
    'No',
  ]);
});
