/**
 * What the observations changed, as a reader meets it: evidence in plain words on entry pages,
 * entries of other endpoints that say they are never predicted, dummy sessions in the playground,
 * the new stage on the evaluation page, real bodies explained by triage, and the list of
 * observations.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { observation } from '../../src/catalogue/observations.ts';

/** Opens "Simulate your account", where the account's controls are folded by default. */
async function openAccount(page: Page): Promise<void> {
  const fold = page.locator('[data-account-fold]');
  if (!(await fold.evaluate((element) => (element as HTMLDetailsElement).open))) await page.getByText('Simulate your account').click();
}

test('the callback URL entry says the message was observed, the status documented and the identifier inferred', async ({ page }) => {
  await page.goto('/errors/custom-callback-url-not-enabled/');
  const badges = page.getByRole('list', { name: 'At a glance' });
  await expect(badges.getByRole('link', { name: 'observed', exact: true })).toBeVisible();
  await expect(badges.getByRole('link', { name: 'partly inferred' })).toBeVisible();
  await expect(page.getByText('You are not allowed to use a custom callback url.').first()).toBeVisible();
  await expect(page.getByText('The wording is the one recorded in a real answer')).toBeVisible();
  const provenance = page.getByRole('region', { name: 'Where this comes from' });
  await expect(provenance).toContainText("iDenfy's reference (every business-logic error is a 400) documents the status.");
  await expect(provenance).toContainText('The message was observed: an integrator recorded this text');
  await expect(provenance).toContainText("The identifier is Errata's inference");
  await expect(provenance.locator('#observation-R6')).toContainText('holonym-foundation/id-server');
});

test('an entry of another endpoint says it is never predicted, and has no example to try', async ({ page }) => {
  await page.goto('/errors/deletion-token-not-expired/');
  await expect(page.getByRole('note').filter({ hasText: 'Another endpoint.' })).toContainText('POST /api/v2/delete');
  await expect(page.getByRole('note').filter({ hasText: 'Another endpoint.' })).toContainText('never predicted');
  await expect(page.getByRole('link', { name: 'Try it in the playground' })).toHaveCount(0);
  await page.goto('/errors/PARTNER_ERROR/');
  await expect(page).toHaveURL(/\/errors\/partner-error\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The request conflicts with the state of your data');
});

test('the dummy-session entry shows the older 400 PERMISSIONS_ERROR form as a variant, with its observation', async ({ page }) => {
  await page.goto('/errors/dummy-outside-development/');
  const variants = page.getByRole('region', { name: 'You may also see' });
  await expect(variants).toContainText('400 Bad Request');
  await expect(variants).toContainText('"identifier": "PERMISSIONS_ERROR"');
  await expect(variants.getByRole('link', { name: 'R12' })).toHaveAttribute('href', '#observation-R12');
  await expect(page.locator('[data-example-response]')).toContainText('403 Forbidden');
});

const region = (page: Page) => page.getByRole('region', { name: 'Predicted response' });

test('in the playground a dummy session succeeds with a development key and is refused with a sandbox key', async ({ page }) => {
  await page.goto('/playground/');
  await page.getByRole('textbox', { name: 'Request body' }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{"clientId": "user-42", "dummyStatus": "APPROVED"}');
  await expect(region(page).locator('[data-status]')).toHaveText('403 Forbidden');
  await expect(region(page).locator('[data-entry-link]')).toHaveAttribute('href', '/errors/dummy-outside-development/');
  await openAccount(page);
  await page.getByLabel('Key environment').selectOption('development');
  await page.getByLabel('Endpoint environment').selectOption('development');
  await expect(region(page).locator('[data-status]')).toHaveText('201 Created');
  await expect(region(page).locator('[data-entry-link]')).toHaveAttribute('href', '/errors/dummy-token-created/');
  await expect(region(page)).toContainText('Dummy token and verification created successfully');
  await page.getByLabel('Key environment').selectOption('sandbox');
  await expect(region(page).locator('[data-entry-link]')).toHaveAttribute('href', '/errors/wrong-environment/');
});

test('the evaluation page lists the dummy-session stage between the field rules and the business rules', async ({ page }) => {
  await page.goto('/evaluation/');
  const stages = await page.locator('article > ol > li > h2').allTextContents();
  const names = stages.map((text) => text.replace(/#$/, ''));
  expect(names.indexOf('Dummy session environment')).toBe(names.indexOf('Field rules') + 1);
  expect(names.indexOf('Business rules')).toBe(names.indexOf('Dummy session environment') + 1);
  await expect(page.locator('#dummy-session')).toContainText('Dummy session outside development');
});

test('triage explains a real body of the deletion endpoint, documentation and severity keys and all', async ({ page }) => {
  await page.goto('/triage/');
  await page.getByLabel('What you got').evaluate(
    (element, value) => {
      const box = element as HTMLTextAreaElement;
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    JSON.stringify(observation('R5').body),
  );
  await page.getByRole('button', { name: 'Explain' }).click();
  const best = page.locator('.triage-match').first();
  await expect(best.getByRole('heading', { level: 3 })).toHaveText('Token has not expired yet (deletion)');
  await expect(best).toContainText('The whole message fits');
  await expect(best.getByRole('link', { name: 'Read the entry' })).toHaveAttribute('href', '/errors/deletion-token-not-expired/');
});

test('the evidence page lists the fourteen observations and the entries that cite them', async ({ page }) => {
  await page.goto('/evidence/');
  await expect(page.locator('article .observations > li')).toHaveCount(14);
  await expect(page.getByRole('heading', { level: 2, name: 'R6: POST /api/v2/token' })).toBeVisible();
  await expect(page.locator('#observation-R6')).toContainText('Custom callback URL not enabled');
  await expect(page.locator('#observation-R14')).toContainText('No entry cites it');
});
