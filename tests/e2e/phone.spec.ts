/**
 * On a phone (390×844): every page's title starts within the first 200 px with no sideways
 * scrolling, because the sections and categories fold behind a menu button; the button is a
 * disclosure that works by keyboard and screen reader.
 */
import { test, expect } from './fixtures.ts';

test.use({ viewport: { width: 390, height: 844 } });

const pages = [
  '/',
  '/errors/',
  '/errors/country-invalid/',
  '/errors/bad-value/',
  '/categories/fields/',
  '/status/400/',
  '/token/',
  '/evaluation/',
  '/guides/handling-errors/',
  '/playground/',
  '/triage/',
  '/search/',
];

for (const path of pages) {
  test(`${path}: the title starts within the first 200 px, with no sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    const title = page.getByRole('heading', { level: 1 });
    const box = await title.boundingBox();
    expect(box, 'the page has a visible title').not.toBeNull();
    expect(box?.y ?? Infinity).toBeLessThan(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the menu is a disclosure: folded at first, opened and closed by keyboard, Escape returns to the button', async ({ page }) => {
  await page.goto('/errors/country-invalid/');
  const menu = page.getByRole('button', { name: 'Menu' });
  const sections = page.getByRole('navigation', { name: 'Main' });
  const categories = page.getByRole('navigation', { name: 'Categories' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(sections).toBeHidden();
  await expect(categories).toBeHidden();

  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(sections.getByRole('link', { name: 'Playground' })).toBeVisible();
  await expect(categories.getByRole('link', { name: /Field validation/ })).toBeVisible();

  // The sections come after the search box and the theme button, as on every screen.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Search errors' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sections.getByRole('link', { name: 'Errors', exact: true })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(sections).toBeHidden();

  await page.keyboard.press('Space');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Space');
  await expect(sections).toBeHidden();
});

test('opening the menu does not move the title: the folded menu takes no room and shifts nothing while the page loads', async ({
  page,
}) => {
  await page.goto('/errors/country-invalid/');
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
  expect(shift).toBeLessThan(0.01);
});

test('the theme button keeps its name and says whether the dark theme is on', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  const before = await toggle.getAttribute('aria-pressed');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', before === 'true' ? 'false' : 'true');
  const state = await toggle.locator('.theme-state').evaluate((element) => getComputedStyle(element, '::before').content);
  expect(state).toBe(before === 'true' ? '": off"' : '": on"');
});
