import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { catalogue } from '../../src/catalogue/index.ts';
import { categories } from '../../src/catalogue/categories.ts';
import { sitePages } from '../../src/site/pages.ts';

/** One page of every kind: an identifier entry and a case entry of each category among them. */
const casePages = categories
  .map((category) => catalogue.find((entry) => entry.kind === 'case' && entry.category === category.id))
  .filter((entry) => entry !== undefined)
  .map((entry) => `/errors/${entry.slug}/`);
/** Every page of src/site/pages.ts (a new page is checked without being listed here), and one of each generated kind. */
const pages = [...sitePages.map((sitePage) => sitePage.path), '/status/400/', '/categories/fields/', '/errors/bad-value/', ...casePages];

test('there is a case page of every category with cases to check', () => {
  expect(casePages.length).toBeGreaterThan(5);
});

const screens = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

for (const [screen, viewport] of Object.entries(screens))
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${theme} theme${screen === 'phone' ? ', on a phone with the menu open' : ''}`, () => {
      test.use({ viewport });
      for (const path of pages) {
        test(`${path} has no WCAG 2.1 A or AA violations`, async ({ page }) => {
          await page.emulateMedia({ colorScheme: theme });
          await page.goto(path);
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          if (screen === 'phone') {
            await page.getByRole('button', { name: 'Menu' }).click();
            await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
          }
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          const violations = results.violations.map((violation) => ({
            rule: violation.id,
            help: violation.help,
            nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
          }));
          expect(violations).toEqual([]);
        });
      }
    });
  }

test.describe('missing page', () => {
  test.use({ notFoundExpected: true });
  test('the 404 page has no WCAG 2.1 A or AA violations', async ({ page }) => {
    await page.goto('/errors/no-such-thing/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
