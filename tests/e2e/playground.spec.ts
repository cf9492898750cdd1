/**
 * The playground, driven like a person: by role and label, with the keyboard and the mouse.
 * Every test also fails on a console error (see fixtures.ts).
 */
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { decodeScenario, encodeScenario } from '../../src/share/scenario-link.ts';
import { entry } from '../../src/catalogue/index.ts';

/** Opens "Simulate your account", where the account's controls are folded by default. */
async function openAccount(page: Page): Promise<void> {
  const fold = page.locator('[data-account-fold]');
  if (!(await fold.evaluate((element) => (element as HTMLDetailsElement).open))) await page.getByText('Simulate your account').click();
}

const region = (page: Page) => page.getByRole('region', { name: 'Predicted response' });
const editor = (page: Page) => page.getByRole('textbox', { name: 'Request body' });

/** Replaces the request body as if pasted. */
async function setBody(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** The prediction shows this status and links to this entry. */
async function expectPrediction(page: Page, status: string, slug: string): Promise<void> {
  await expect(region(page).locator('[data-status]')).toHaveText(status);
  await expect(region(page).locator('[data-entry-link]')).toHaveAttribute('href', `/errors/${slug}/`);
}

const editorText = (page: Page) =>
  page.locator('.cm-content').evaluate((element) => (element as HTMLElement & { cmView?: unknown }).innerText);
const selectedText = (page: Page) => page.evaluate(() => document.getSelection()?.toString() ?? '');

test.beforeEach(async ({ page }) => {
  await page.goto('/playground/');
  await expectPrediction(page, '201 Created', 'token-created');
});

test('typing changes the prediction, with no button to press', async ({ page }) => {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('{"clientId": "user-42", "country": "LTU"}');
  // Screen readers are not told at every key: the live region waits for a pause.
  const announcer = page
    .getByRole('status')
    .filter({ hasText: /^$|Predicted response/ })
    .last();
  expect(await page.locator('[data-announcer]').textContent()).toBe('');
  await expectPrediction(page, '400 Bad Request', 'country-invalid');
  await expect(region(page)).toContainText("Field 'country' must");
  // The problem is underlined in the editor, and the status is announced once typing pauses.
  await expect(page.locator('.cm-lintRange-error')).toHaveText('"LTU"');
  await expect(announcer).toHaveText(/^Predicted response: 400 Bad Request\. BAD_VALUE: Field 'country' must/);

  for (let index = 0; index < 5; index++) await page.keyboard.press('Backspace');
  await page.keyboard.type('LT"}');
  await expectPrediction(page, '201 Created', 'token-created');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
});

const kinds: { kind: string; body?: string; act?: (page: Page) => Promise<unknown>; status: string; slug: string }[] = [
  { kind: 'a parse error', body: '{"clientId": "user-42",}', status: '400 Bad Request', slug: 'json-parse-error' },
  { kind: 'a missing field', body: '{"client_id": "user-42"}', status: '400 Bad Request', slug: 'client-id-missing' },
  { kind: 'a bad value', body: '{"clientId": "user-42", "sessionLength": 30}', status: '400 Bad Request', slug: 'session-length-invalid' },
  {
    kind: 'a business rule',
    body: '{"clientId": "user-42", "utilityBill": true, "additionalSteps": {"ALL": {"ALL": {"UTILITY_BILL": {}}}}}',
    status: '400 Bad Request',
    slug: 'utility-bill-with-additional-steps',
  },
  {
    kind: 'an account state',
    act: async (page) => {
      await openAccount(page);
      await page.getByLabel('Account active').uncheck();
    },
    status: '403 Forbidden',
    slug: 'partner-inactive',
  },
  {
    kind: 'a contract',
    act: async (page) => {
      await openAccount(page);
      await page.getByLabel('Only the types checked below').check();
      await page.getByLabel('DOCUMENT', { exact: true }).check();
    },
    status: '400 Bad Request',
    slug: 'token-type-not-allowed',
  },
  {
    kind: 'the rate limit',
    act: async (page) => {
      await openAccount(page);
      await page.getByLabel('Requests in the past hour').fill('10000');
    },
    status: '429 Too Many Requests',
    slug: 'rate-limit-exceeded',
  },
  {
    kind: 'the method',
    act: (page) => page.getByLabel('Method').fill('post'),
    status: '405 Method Not Allowed',
    slug: 'wrong-http-method',
  },
  {
    kind: 'the credentials',
    act: (page) => page.getByLabel('Credentials').selectOption('missing'),
    status: '401 Unauthorized',
    slug: 'invalid-credentials',
  },
];

for (const { kind, body, act, status, slug } of kinds) {
  test(`${kind} shows its status and entry`, async ({ page }) => {
    if (body !== undefined) await setBody(page, body);
    if (act) await act(page);
    await expectPrediction(page, status, slug);
    const problems = region(page)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: entry(slug).title }) });
    await expect(problems.first()).toBeVisible();
  });
}

test('a parse error is marked at its line and column', async ({ page }) => {
  await setBody(page, '{\n  "clientId": "user-42"\n  "country": "LT"\n}');
  await expectPrediction(page, '400 Bad Request', 'json-parse-error');
  // The mark sits on the quote that should have been a comma; its message names the place.
  await page.locator('.cm-lintRange-error, .cm-lintPoint-error').first().hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText('Line 3, column 3: Expected "," or "}" after a property value');
});

test('the problem list jumps to the field in the editor', async ({ page }) => {
  await setBody(page, '{\n  "clientId": "user-42",\n  "documents": ["ID_CARD", "DRIVING_LICENSE"]\n}');
  await expectPrediction(page, '400 Bad Request', 'documents-invalid');
  await region(page)
    .getByRole('button', { name: /^Show in the editor/ })
    .first()
    .click();
  await expect(editor(page)).toBeFocused();
  await expect.poll(() => selectedText(page)).toBe('"DRIVING_LICENSE"');
});

test('a problem about the account jumps to its control', async ({ page }) => {
  await openAccount(page);
  await page.getByLabel('Funds available').uncheck();
  await expectPrediction(page, '402 Payment Required', 'insufficient-funds');
  await region(page)
    .getByRole('button', { name: /^Show at “Funds available”/ })
    .click();
  await expect(page.getByLabel('Funds available')).toBeFocused();
});

test('warnings say "did you mean", and one click fixes the key', async ({ page }) => {
  await setBody(page, '{"clientID": "user-42"}');
  await expectPrediction(page, '400 Bad Request', 'client-id-missing');
  await expect(region(page)).toContainText('Unknown field "clientID" is ignored by the API. Did you mean "clientId"?');
  await expect(page.locator('.cm-lintRange-warning')).toHaveText('"clientID"');
  await region(page).getByRole('button', { name: 'Rename “clientID” to “clientId”' }).click();
  await expectPrediction(page, '201 Created', 'token-created');
  expect(JSON.parse(await editorText(page))).toEqual({ clientId: 'user-42' });
});

test('the account controls say when a value is invalid, and the prediction waits for it', async ({ page }) => {
  await openAccount(page);
  const requests = page.getByLabel('Requests in the past hour');
  await requests.fill('many');
  await expect(requests).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Give a whole number, 0 or more, or leave it empty for 0.').first()).toBeVisible();
  await expect(region(page).locator('[data-status]')).toHaveText('No prediction');
  await requests.fill('12');
  await expect(requests).not.toHaveAttribute('aria-invalid');
  await expectPrediction(page, '201 Created', 'token-created');

  const documents = page.getByLabel('Supported documents');
  await documents.fill('{"LT": ["PASPORT"]}');
  await expect(documents).toHaveAccessibleDescription(/"PASPORT" in "LT" is not a document type/);
});

test('a copied link reopens the same state', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByLabel('Method').fill('PATCH');
  await openAccount(page);
  await page.getByLabel('Key environment').selectOption('sandbox');
  await page.getByLabel('Requests in the past hour').fill('0');
  await page.getByLabel('Only these questionnaires exist').check();
  await page.getByLabel('Questionnaire keys').fill('onboarding, aml');
  await setBody(page, '{\n  "clientId": "user-42",\n  "questionnaire": "kyc"\n}');
  await expectPrediction(page, '403 Forbidden', 'wrong-environment');

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/playground\/#s=[\w-]+$/);
  expect(new URL(link).hash).toBe(new URL(page.url()).hash);

  const other = await browser.newPage();
  await other.goto(link);
  await expectPrediction(other, '403 Forbidden', 'wrong-environment');
  await expect(other.getByLabel('Method')).toHaveValue('PATCH');
  await expect(other.getByLabel('Key environment')).toHaveValue('sandbox');
  await expect(other.getByLabel('Requests in the past hour')).toHaveValue('0');
  await expect(other.getByLabel('Only these questionnaires exist')).toBeChecked();
  await expect(other.getByLabel('Questionnaire keys')).toHaveValue('onboarding, aml');
  expect(await editorText(other)).toBe(await editorText(page));
  await expect(region(other).getByRole('listitem')).toHaveText([/Endpoint not available/, /405/, /questionnaire/i]);
  await other.close();
});

test('reloading keeps the scenario, which lives in the fragment', async ({ page }) => {
  await setBody(page, '{\n  "clientId": "user-42",\n  "sex": "MALE"\n}');
  await expectPrediction(page, '400 Bad Request', 'sex-invalid');
  await expect(page).toHaveURL(/#s=/);
  await page.reload();
  await expectPrediction(page, '400 Bad Request', 'sex-invalid');
  expect(JSON.parse(await editorText(page))).toEqual({ clientId: 'user-42', sex: 'MALE' });
});

test('a damaged link shows a notice and the default request', async ({ page }) => {
  const whole = encodeScenario({ request: { body: { clientId: 'user-42', country: 'LTU' } } });
  await page.goto('/errors/');
  await page.goto(`/playground/#${whole.slice(0, -8)}`);
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('This link could not be read');
  await expect(notice).toContainText(/cut short|changed/);
  await expectPrediction(page, '201 Created', 'token-created');
  expect(JSON.parse(await editorText(page))).toEqual({ clientId: 'user-42' });
});

test('redaction keeps the prediction and leaves no personal value in the link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const personal = ['jonas.jonaitis@example.com', 'Jonas', 'Jonaitis', '1990-12-24', '39012240000', 'Gedimino pr. 9', 'crm-7781'];
  await setBody(
    page,
    JSON.stringify(
      {
        clientId: personal[0],
        firstName: personal[1],
        lastName: personal[2],
        dateOfBirth: personal[3],
        personalNumber: personal[4],
        address: personal[5],
        externalRef: personal[6],
        dateOfIssue: '2021-02-30',
        country: 'LTU',
      },
      null,
      2,
    ),
  );
  await expectPrediction(page, '400 Bad Request', 'country-invalid');
  const before = await region(page).getByRole('listitem').allInnerTexts();

  const redact = page.getByRole('button', { name: 'Redact before sharing' });
  await redact.click();
  await expect(page.getByText('Personal data replaced with placeholders of the same shape')).toBeVisible();
  await expectPrediction(page, '400 Bad Request', 'country-invalid');
  expect(await region(page).getByRole('listitem').allInnerTexts()).toEqual(before);
  for (const value of personal) expect(await editorText(page)).not.toContain(value);

  // It can be undone, and done again.
  await page.getByRole('button', { name: 'Undo redaction' }).click();
  expect(await editorText(page)).toContain('Jonaitis');
  await redact.click();
  await expect(page.getByText('Personal data replaced with placeholders of the same shape')).toBeVisible();

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const read = decodeScenario(new URL(link).hash);
  expect(read.kind).toBe('scenario');
  const shared = JSON.stringify(read);
  for (const value of personal) expect(shared).not.toContain(value);
  expect(shared).toContain('LTU');
});

test('a link too long to share is refused, with what to do', async ({ page }) => {
  // Random text does not compress: 14,000 characters of it make a link well over 8,000.
  let seed = 42;
  const noise = Array.from({ length: 14000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(seed / 65536) % 36];
  }).join('');
  await setBody(page, JSON.stringify({ clientId: 'user-42', externalRef: noise }));
  await expectPrediction(page, '400 Bad Request', 'external-ref-invalid');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText(/Not copied\. The link would be [\d,]+ characters, over the 8,000/)).toBeVisible();
  await expect(page.getByText(/Trim the body .* or redact it/)).toBeVisible();
});

test('an example loads from the menu', async ({ page }) => {
  await page.getByLabel('Load an example').selectOption({ label: 'Partner inactive' });
  await expectPrediction(page, '403 Forbidden', 'partner-inactive');
  await expect(page.getByLabel('Account active')).not.toBeChecked();
  await page.getByLabel('Load an example').selectOption({ label: 'Request body is not valid UTF-8' });
  await expectPrediction(page, '400 Bad Request', 'body-not-utf8');
  await expect(page.getByLabel('Body sent as')).toHaveValue('base64');
  await page.getByLabel('Load an example').selectOption({ label: 'Default request (succeeds)' });
  await expectPrediction(page, '201 Created', 'token-created');
  await expect(page.getByLabel('Account active')).toBeChecked();
});

test('body modes: raw text is sent as it is, and base64 carries bytes', async ({ page }) => {
  await page.getByLabel('Body sent as').selectOption('base64');
  expect(Buffer.from(await editorText(page), 'base64').toString('utf8')).toBe(JSON.stringify({ clientId: 'user-42' }, null, 2));
  await expectPrediction(page, '201 Created', 'token-created');
  await setBody(page, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xfc, 0x7d]).toString('base64'));
  await expectPrediction(page, '400 Bad Request', 'body-not-utf8');
  await setBody(page, 'abcde');
  await expect(region(page).locator('[data-status]')).toHaveText('No prediction');
  await expect(page.getByText('Not base64 of whole bytes').first()).toBeVisible();

  await page.getByLabel('Body sent as').selectOption('text');
  await setBody(page, '');
  await expectPrediction(page, '400 Bad Request', 'json-parse-error');
});

test("an entry's Try it link opens its example", async ({ page }) => {
  await page.goto('/errors/country-invalid/');
  await page.getByRole('link', { name: 'Try it in the playground' }).click();
  await expect(page).toHaveURL(/\/playground\/#s=/);
  await expectPrediction(page, '400 Bad Request', 'country-invalid');
  await expect(page.getByLabel('Load an example')).toHaveValue('country-invalid');
});

test('keyboard: Tab indents in the editor, and Escape then Tab leaves it', async ({ page }) => {
  await editor(page).click();
  await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor(page)).not.toBeFocused();
  await expect(page.locator(':focus')).toBeVisible();
  // The hint says how, for everyone to see.
  await expect(page.getByText('to move on with the keyboard, press Esc, then Tab')).toBeVisible();
});

test('keyboard: F8 goes to the next problem, and Ctrl+Shift+M lists them all', async ({ page }) => {
  await setBody(page, '{\n  "clientId": "user-42",\n  "country": "LTU",\n  "sex": "MALE"\n}');
  await expectPrediction(page, '400 Bad Request', 'country-invalid');
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  await expect.poll(() => selectedText(page)).toBe('"LTU"');
  await page.keyboard.press('F8');
  await expect.poll(() => selectedText(page)).toBe('"MALE"');
  await page.keyboard.press('ControlOrMeta+Shift+M');
  const list = page.getByRole('listbox', { name: 'Diagnostics' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list).toContainText("Field 'sex' must");
});

test('the editor follows the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  const background = () => page.locator('.cm-editor').evaluate((element) => getComputedStyle(element).backgroundColor);
  const light = await background();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect.poll(background).not.toBe(light);
});

test('without JavaScript, the page says what the playground needs and points to the CLI', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/playground/');
  // Playwright's text locators skip <noscript>, so read its text directly; the browser renders it.
  const message = await page.locator('main noscript').evaluate((element) => element.textContent ?? '');
  expect(message).toContain('The playground needs JavaScript');
  expect(message).toContain('npm run errata -- predict scenario.json');
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Predicted response' })).toBeHidden();
  await context.close();
});

for (const theme of ['light', 'dark'] as const) {
  test(`with problems, warnings and an invalid input, the page has no WCAG 2.1 A or AA violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.reload();
    await setBody(page, '{\n  "clientID": "user-42",\n  "country": "LTU",\n  "locale": "en_US"\n}');
    await page.getByLabel('Method').fill('post');
    await expectPrediction(page, '405 Method Not Allowed', 'wrong-http-method');
    await openAccount(page);
    await page.getByLabel('Supported documents').fill('{"LT": [}');
    await expect(region(page).locator('[data-status]')).toHaveText('No prediction');
    await page.getByLabel('Supported documents').fill('');
    await page.getByLabel('Requests in the past hour').fill('-3');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      results.violations.map((violation) => ({
        rule: violation.id,
        nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      })),
    ).toEqual([]);
    await page.getByLabel('Requests in the past hour').fill('');
    await expectPrediction(page, '405 Method Not Allowed', 'wrong-http-method');
    const again = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      again.violations.map((violation) => ({
        rule: violation.id,
        nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      })),
    ).toEqual([]);
  });
}
