/**
 * Entry pages for the people who open them on a phone: the developer finds the fix on the first
 * screen, and the customer who opens a support agent's link lands on "Your case", which holds the
 * fix, with the agent's tools and the general entry out of the way until asked for.
 */
import { test, expect } from './fixtures.ts';
import { encodeCase } from '../../src/search/case-link.ts';
import { catalogue } from '../../src/catalogue/index.ts';
import { sectionTitle } from '../../src/site/entry-view.ts';

test.use({ viewport: { width: 390, height: 844 } });

const phoneHeight = 844;

test("on a phone, every case entry's fix is on the first screen", async ({ page }) => {
  // Every case, one after another in the one page: about a quarter of a second each.
  test.setTimeout(90_000);
  const cases = catalogue.filter((entry) => entry.kind === 'case');
  expect(cases.length).toBeGreaterThan(5);
  for (const entry of cases) {
    await page.goto(`/errors/${entry.slug}/`);
    // The section's own heading (level 2): some entries' prose has a heading of the same words further down.
    const heading = page.getByRole('heading', { level: 2, name: sectionTitle(entry, 'fix') });
    const box = await heading.boundingBox();
    expect(box, entry.slug).not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0), `${entry.slug}: the fix's heading`).toBeLessThan(phoneHeight);
  }
});

test("a customer's link opens at Your case, which holds the fix, with the agent's tools put aside", async ({ page }) => {
  const fragment = encodeCase({
    message: "Field 'country' must be a valid ISO 3166-1 alpha-2 code.",
    field: 'country',
    value: 'Lithuania',
  });
  await page.goto(`/errors/country-invalid/#${fragment}`);
  const yourCase = page.getByRole('region', { name: 'Your case' });
  await expect(yourCase).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your case' })).toBeFocused();
  const top = await page.getByRole('heading', { name: 'Your case' }).evaluate((element) => element.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(phoneHeight / 2);
  await expect(yourCase).toContainText('Lithuania');
  await expect(yourCase.getByRole('listitem').first()).toBeVisible();
  await expect(yourCase).toContainText('Does retrying help?');

  // The agent's controls, the categories and the general sections step aside.
  await expect(page.getByRole('button', { name: 'Copy link for a customer' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Categories' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'In depth' })).toBeHidden();

  await page.getByRole('button', { name: 'Show the full entry' }).click();
  await expect(page.getByRole('button', { name: 'Copy link for a customer' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'In depth' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show the full entry' })).toBeHidden();
});

test("Your case starts with the fix for the customer's own value, in one sentence", async ({ page }) => {
  const fix = () => page.getByRole('region', { name: 'Your case' }).getByRole('note', { name: 'The fix for your case' });
  // A country name where the two-letter code belongs: the code, by the browser's own names of countries.
  await page.goto(
    `/errors/country-invalid/#${encodeCase({ message: "Field 'country' must be a valid ISO 3166-1 alpha-2 code.", field: 'country', value: 'Lithuania' })}`,
  );
  await expect(fix()).toHaveText('Send LT, not Lithuania.');
  await expect(fix().locator('code')).toHaveText(['LT', 'Lithuania']);
  // The fix comes before the general steps.
  const above = await fix().evaluate((element) => {
    const steps = element.closest('section')?.querySelector('ol.steps');
    return steps ? Boolean(element.compareDocumentPosition(steps) & Node.DOCUMENT_POSITION_FOLLOWING) : false;
  });
  expect(above).toBe(true);
  await expect(page.getByRole('region', { name: 'Your case' }).getByRole('heading', { name: 'What to do in general' })).toBeVisible();

  // The field named by the message's {field}, a date in another format.
  await page.goto(
    `/errors/date-invalid/#${encodeCase({ message: "Field 'dateOfBirth' must be a valid date in YYYY-MM-DD format.", value: '24.12.1990' })}`,
  );
  await expect(fix()).toHaveText('Send 1990-12-24, not 24.12.1990.');

  // A missing field: the entry has one field, so the link need not name it.
  await page.goto(`/errors/client-id-missing/#${encodeCase({ message: "Field 'clientId' is required." })}`);
  await expect(fix()).toHaveText('Add clientId to the request body.');

  // A value the rule cannot improve on: no sentence, the general steps alone.
  await page.goto(`/errors/country-invalid/#${encodeCase({ field: 'country', value: 'LT' })}`);
  await expect(page.getByRole('region', { name: 'Your case' })).toBeVisible();
  await expect(fix()).toBeHidden();
  await expect(page.getByRole('region', { name: 'Your case' }).getByRole('heading', { name: 'What to do', exact: true })).toBeVisible();
});

test('without a case, the entry page is the full entry', async ({ page }) => {
  await page.goto('/errors/country-invalid/');
  await expect(page.getByRole('region', { name: 'Your case' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link for a customer' })).toBeVisible();
});

test('code samples are tabs whose language is one choice across the site, by mouse and by keyboard', async ({ page }) => {
  await page.goto('/errors/country-invalid/');
  const tabs = page.getByRole('tablist', { name: 'Language of the example request' });
  await expect(tabs.getByRole('tab')).toHaveText(['curl', 'Python', 'JavaScript']);
  await expect(tabs.getByRole('tab', { name: 'curl' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'curl' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Python' })).toBeHidden();

  await tabs.getByRole('tab', { name: 'Python' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Python' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'curl' })).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'JavaScript' })).toBeFocused();
  await expect(tabs.getByRole('tab', { name: 'JavaScript' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(tabs.getByRole('tab', { name: 'curl' })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');

  // The choice follows the reader to the guide's complete handlers.
  await page.goto('/guides/handling-errors/');
  const handler = page.getByRole('tablist', { name: 'Language of the complete handler' });
  await expect(handler.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Python' })).toContainText('def create_token');
  await expect(page.getByRole('tabpanel', { name: 'PHP' })).toBeHidden();
});

test.describe('the playground', () => {
  test('on a phone the predicted status stays in view while typing, a tap from the full response', async ({ page }) => {
    await page.goto('/playground/');
    const editor = page.getByRole('textbox', { name: 'Request body' });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('{"clientId": "user-42", "country": "Lithuania"}');
    const sticky = page.locator('[data-sticky-status]');
    await expect(sticky).toContainText('400 Bad Request');
    const box = await sticky.boundingBox();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(844 + 1);
    await expect(editor).toBeInViewport();
    await sticky.getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Predicted response' })).toBeInViewport();
  });

  test('the response is shown whole: status line, headers and body', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/playground/');
    const response = page.getByRole('region', { name: 'Predicted response' }).getByLabel(/^Response, 201 Created$/);
    await expect(response).toContainText('HTTP/1.1 201 Created');
    await expect(response).toContainText('Content-Type: application/json');
    await expect(response).toContainText(/Content-Length: \d+/);
    await expect(response).toContainText('"message": "Token created successfully"');
  });

  test('Copy as curl, Python or JavaScript copies the request being edited', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/playground/');
    await page.getByRole('textbox', { name: 'Request body' }).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('{"clientId": "user-7", "country": "LT"}');
    const group = page.getByRole('group', { name: 'Copy the request as code' });
    await group.getByRole('button', { name: 'curl' }).click();
    await expect(group.getByRole('button', { name: 'Copied' })).toBeVisible();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toMatch(/^curl /);
    expect(curl).toContain('user-7');
    await expect(group.getByRole('button', { name: 'curl' })).toBeVisible();
    await group.getByRole('button', { name: 'Python' }).click();
    await expect(group.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/import requests/);
    await expect(group.getByRole('button', { name: 'Python' })).toBeVisible();
    await group.getByRole('button', { name: 'JavaScript' }).click();
    await expect(group.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/fetch\(/);
  });
});

test("the account's controls fold under Simulate your account, which counts what differs from a healthy account", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/playground/');
  const summary = page.getByText('Simulate your account');
  await expect(summary).toContainText('(a healthy production account)');
  await expect(page.getByLabel('Funds available')).toBeHidden();
  await summary.click();
  await page.getByLabel('Funds available').uncheck();
  await page.getByLabel('Token limit reached').check();
  await expect(summary).toContainText('(2 settings differ from a healthy account)');
  // A link that sets the account opens with the form open.
  await page.getByLabel('Load an example').selectOption({ label: 'Partner inactive' });
  await expect(page).toHaveURL(/#s=/);
  await page.reload();
  await expect(page.getByLabel('Account active')).toBeVisible();
  await expect(page.getByLabel('Account active')).not.toBeChecked();
});

test('"On this page" lists the sections beside entry pages and the guide on wide screens, and is left out on phones', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  for (const [path, first] of [
    ['/errors/country-invalid/', 'How to fix it'],
    ['/guides/handling-errors/', 'The shape of an answer'],
  ] as const) {
    await page.goto(path);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc).toBeVisible();
    await expect(toc.getByRole('link').first()).toHaveText(first);
    // Every link leads to a heading on the page.
    for (const href of await toc.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
      await expect(page.locator(href)).toHaveCount(1);
    }
  }
  // On a phone the entry's sections follow one another with no list; the guide keeps its list inline, once.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('navigation', { name: 'On this page' })).toHaveCount(1);
  await page.goto('/errors/country-invalid/');
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
});

test('an entry ends with its freshness, "Was this helpful?" and a problem report that is always there', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/errors/country-invalid/');
  await expect(page.getByText(/^Catalogue \d+\.\d+\.\d+\. This entry last changed in \d+\.\d+\.\d+/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'what changed' })).toHaveAttribute('href', /^\/changelog\/#v\d/);
  const helpful = page.getByRole('group', { name: 'Was this helpful?' });
  await helpful.getByRole('button', { name: 'No' }).click();
  await expect(helpful.getByRole('status')).toContainText('What was missing or wrong?');
  await expect(helpful.getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Copy a problem report' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain('Entry: country is not an ISO 3166-1 alpha-2 code (country-invalid)');
  expect(report).toMatch(/Catalogue version: \d+\.\d+\.\d+/);
  await page.goto('/changelog/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changelog');
});
