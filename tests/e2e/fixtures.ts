/**
 * Shared by the end-to-end tests: a page that fails the test on any console error or uncaught
 * exception, so that every test also checks that the page runs cleanly.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[]; notFoundExpected: boolean }>({
  /** Set in tests that open missing pages on purpose: the browser logs the 404 of the page itself. */
  notFoundExpected: [false, { option: true }],
  consoleErrors: [
    async ({ page, notFoundExpected }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (notFoundExpected && /status of 404/.test(message.text())) return;
        errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
