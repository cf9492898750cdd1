/**
 * Hostile input in the browser: links and pastes that froze or broke pages before are answered
 * with a clear notice, and the page's main thread is never busy for more than 100 ms with them,
 * from the moment the input arrives to the moment its answer is on screen.
 */
import type { Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';
import { test, expect } from './fixtures.ts';
import { encodeScenario } from '../../src/share/scenario-link.ts';
import { toBase64Url } from '../../src/share/base64url.ts';
import { longestTask, watchMainThread, watchMainThreadFromLoad } from './main-thread.ts';

// Wall-clock timings on a shared 2-core machine: another process can stretch one measurement, so a
// timing that fails is measured again (twice at most). Work that really takes too long fails every time.
test.describe.configure({ retries: 2 });

/** The budget of main-thread work for one hostile input. */
const budget = 100;

function note(what: string, ms: number): void {
  test.info().annotations.push({ type: what, description: `longest main-thread task ${Math.round(ms)} ms` });
  console.log(`${what}: longest main-thread task ${Math.round(ms)} ms`);
}

test('the long-task watch sees a busy main thread (so the budgets below can fail)', async ({ page }) => {
  await page.goto('/triage/');
  await watchMainThread(page);
  // In a task of the page's own event loop, as a handler of the page's would run.
  await page.evaluate(() => {
    setTimeout(() => {
      const until = performance.now() + 150;
      while (performance.now() < until) {
        // Busy, as a backtracking pattern would be.
      }
    }, 0);
  });
  expect(await longestTask(page)).toBeGreaterThanOrEqual(150);
});

test.describe('the playground', () => {
  test('a 74-character link with a body nested 5,000 deep opens with a notice naming the limit, and a working editor', async ({ page }) => {
    const link = encodeScenario({ request: { rawBody: `${'['.repeat(5000)}${']'.repeat(5000)}` } });
    await page.goto(`/playground/#${link}`);
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('This link could not be read');
    await expect(notice).toContainText('512 levels');
    await expect(page.getByRole('textbox', { name: 'Request body' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Predicted response' }).locator('[data-status]')).toHaveText('201 Created');
  });

  /** How long the playground took to read its link, the last time it read one. */
  async function linkReading(page: Page): Promise<number> {
    return page.evaluate(() => performance.getEntriesByName('errata:read-link').at(-1)?.duration ?? Number.NaN);
  }

  test('a decompression bomb in a link is refused at once, with the notice', async ({ page }) => {
    await page.goto('/playground/');
    await expect(page.getByRole('region', { name: 'Predicted response' }).locator('[data-status]')).toHaveText('201 Created');
    // 50 MB of one character deflate to about 50 KB: within the length a link may have, so the
    // page must stop inflating it, not merely refuse its length.
    const bomb = toBase64Url(
      deflateRawSync(Buffer.from(JSON.stringify({ request: { rawBody: 'x'.repeat(50 * 1024 * 1024) } })), { level: 9 }),
    );
    await watchMainThread(page);
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `s=${bomb}`);
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('64 KiB');
    const reading = await linkReading(page);
    note('inflating bomb link (reading it)', reading);
    note("inflating bomb link (the whole hash change, the browser's own work included)", await longestTask(page));
    expect(reading).toBeLessThan(budget);
    // The scenario on the page is untouched and still answers.
    await expect(page.getByRole('region', { name: 'Predicted response' }).locator('[data-status]')).toHaveText('201 Created');
  });

  test('a 1.8 MB link is refused by its length before anything is decoded', async ({ page }) => {
    await page.goto(`/playground/#s=${'A'.repeat(1_800_000)}`);
    await expect(page.getByRole('alert')).toContainText('64 KiB');
    await expect(page.getByRole('region', { name: 'Predicted response' }).locator('[data-status]')).toHaveText('201 Created');
    const reading = await linkReading(page);
    note('1.8 MB link (reading it)', reading);
    expect(reading).toBeLessThan(budget);
  });
});

test.describe('the triage page', () => {
  async function paste(page: Page, text: string): Promise<void> {
    // The paste lands in the box first, and the browser lays out its megabyte of text (its own
    // work, before Errata's starts); then the watch begins, and Explain is pressed.
    await page.getByLabel('What you got').evaluate((element, value) => {
      (element as HTMLTextAreaElement).value = value;
      void (element as HTMLTextAreaElement).scrollHeight;
    }, text);
    await page.waitForTimeout(100);
    await watchMainThread(page);
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect(page.locator('[data-triage-results]')).toBeVisible();
  }

  test.beforeEach(async ({ page }) => {
    await page.goto('/triage/');
  });

  test('a 1 MB paste of hostile runs is matched off the main thread', async ({ page }) => {
    // The runs of the attack, together: a bracket, spaces, a status line and a template's start.
    const text = `[${' '.repeat(300_000)}x 200 a${' '.repeat(300_000)}! This endpoint is not available for ${' '.repeat(400_000)}x`;
    await paste(page, text);
    await expect(page.locator('[data-triage-title]')).toHaveText('No match');
    const longest = await longestTask(page);
    note('1 MB hostile paste', longest);
    expect(longest).toBeLessThan(budget);
  });

  test('a 1 MB log whose error is at its end gets the entry, off the main thread', async ({ page }) => {
    const noise = '2026-11-25T10:00:00Z INFO worker accepted job {"queue":"default","pid":12}\n'.repeat(Math.ceil(1_000_000 / 74));
    const text = `${noise}HTTP/1.1 429 Too Many Requests\ncontent-type: application/json\n\n{"identifier":"TOO_MANY_REQUESTS","message":"Requests per hour limit has been reached. Default value is 10000."}`;
    await paste(page, text.slice(text.length - 1_040_000));
    await expect(page.locator('.triage-match').first().getByRole('heading', { level: 3 })).toHaveText('Requests per hour limit reached');
    const longest = await longestTask(page);
    note('1 MB log', longest);
    expect(longest).toBeLessThan(budget);
  });

  test('a paste over 1 MiB is refused with a notice that says what to paste instead', async ({ page }) => {
    await paste(page, 'x'.repeat(1_500_000));
    await expect(page.locator('[data-triage-title]')).toHaveText('Too large to read');
    await expect(page.getByRole('status').filter({ hasText: 'at most 1 MiB' })).toContainText("Paste the response's body");
  });
});

test('a search link of 1,900 spaces inside a message opens at once', async ({ page }) => {
  // Counted from the page's load event: what opening the link costs once the page's own scripts are in
  // (the search of the query runs then, with the index it fetches).
  await watchMainThreadFromLoad(page);
  await page.goto(`/search/#q=${encodeURIComponent(`This endpoint is not available for ${' '.repeat(1900)}SANDBOX partners.`)}`);
  await expect(page.getByRole('combobox', { name: 'Search errors' }).last()).toHaveValue(/SANDBOX partners\.$/);
  await page.waitForTimeout(800);
  const longest = await longestTask(page);
  note('search link of spaces', longest);
  expect(longest).toBeLessThan(budget);
});
