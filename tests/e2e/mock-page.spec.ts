/**
 * The mock server's page renders, with its examples, and passes axe in both themes; an entry
 * page's "Reproduce with the mock server" command, copied from the page and run by curl against a
 * mock started here, gets the response the page predicts.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test, expect } from './fixtures.ts';
import { startMock } from '../../src/mock/server.ts';
import { mockBaseUrl } from '../../src/site/mock-command.ts';

const run = promisify(execFile);

test('/mock/ shows how to start the mock, set account state, test from three languages and record', async ({ page }) => {
  await page.goto('/mock/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The mock server');
  for (const heading of ['Starting it', 'Account state', 'From a test suite', 'Recording traffic', 'What it does not model']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  for (const title of ['Python (pytest and requests)', 'JavaScript (node:test, or Vitest)', 'PHP (PHPUnit and curl)']) {
    await expect(page.locator('figcaption', { hasText: title })).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mock server' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`/mock/ has no WCAG 2.1 A or AA violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/mock/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}

for (const slug of ['partner-inactive', 'body-not-utf8', 'country-invalid']) {
  test(`${slug}: the page's mock command gets the page's predicted response`, async ({ page }) => {
    await page.goto(`/errors/${slug}/`);
    const section = page.locator('section[aria-labelledby="reproduce"]');
    await expect(section.getByRole('heading', { name: 'Reproduce with the mock server' })).toBeVisible();
    const command = (await section.locator('pre').innerText()).trim();
    const predicted = page.locator('[data-example-response]');
    const status = Number(await predicted.getAttribute('data-status'));
    const shown = await predicted.locator('pre').innerText();
    const body = JSON.parse(shown.slice(shown.indexOf('{'))) as unknown;

    const mock = await startMock({ port: 0 });
    try {
      const { stdout } = await run('bash', ['-c', command.replace(mockBaseUrl, mock.url).replace(/curl -i/, 'curl -sS -i')]);
      const [head = '', received = ''] = stdout.split(/\r\n\r\n/);
      expect(Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1])).toBe(status);
      expect(JSON.parse(received)).toEqual(body);
    } finally {
      await mock.stop();
    }
  });
}
