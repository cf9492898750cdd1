import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

const pages = ['/', '/errors/', '/errors/country-invalid/', '/token/', '/playground/', '/triage/', '/check/'];

test.describe('at 200% zoom (1280 px shown at 640 CSS px)', () => {
  test.use({ viewport: { width: 640, height: 800 } });
  for (const path of pages) {
    test(`${path} needs no horizontal scrolling of the page`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
    });
  }
});

test.describe('with forced colours', () => {
  for (const path of ['/', '/errors/country-invalid/', '/playground/']) {
    test(`${path} stays usable and has no WCAG 2.1 A or AA violations`, async ({ page }) => {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
      // Focus must stay visible where colours are forced: the outline is a system colour.
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
      expect(outline).not.toBe('none');
    });
  }
});

test('with reduced motion, nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/errors/country-invalid/');
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((element) => {
        const style = getComputedStyle(element);
        return (style.animationName !== 'none' && style.animationDuration !== '0s') || parseFloat(style.transitionDuration) > 0;
      }).length,
  );
  expect(moving).toBe(0);
});
