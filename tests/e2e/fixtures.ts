/**
 * Shared by the end-to-end tests: the test's page fails the test on any console error, uncaught
 * exception or Content-Security-Policy violation (even one that a script caught and survived,
 * which browsers report as an issue), so that every test also checks that its pages run cleanly.
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
      // On the context, so pages the test opens in it (popups, new tabs) are watched too. Pages of
      // other contexts (browser.newPage()) are not: tests that make them check them themselves.
      await page.context().exposeFunction('__errataPolicyViolation', (text: string) => errors.push(text));
      await page.context().addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __errataPolicyViolation(text: string): void }).__errataPolicyViolation;
          void report(
            `${location.href}: CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
