/**
 * No page shows Markdown it failed to render: outside code, the text a reader sees never holds a
 * backtick, `**` or `](`, and words are never run together with code (`null`means). Every page of
 * the site is read, from its sitemap, so a new page is checked without being listed here. Text
 * hidden until revealed is read too: as written, and, for an entry's "Your case" box, as a
 * customer's link fills it in, where no `{placeholder}` may be left unfilled either.
 */
import { test, expect } from './fixtures.ts';
import { sitemapPaths } from './sitemap.ts';
import { catalogue, type Entry } from '../../src/catalogue/index.ts';
import { fill, placeholders } from '../../src/catalogue/template.ts';
import { encodeCase, type CustomerCase } from '../../src/search/case-link.ts';
import { entryPath } from '../../src/site/paths.ts';

/** A customer's case for an entry, as a support agent's link carries it: every placeholder filled, the field and a value. */
function customerCase(entry: Entry): CustomerCase {
  const values = Object.fromEntries(
    (entry.message ? placeholders(entry.message) : []).map((name) => [name, entry.example?.values[name] ?? 'sample']),
  );
  const field = entry.fields[0];
  return { ...(entry.message ? { message: fill(entry.message, values) } : {}), ...(field ? { field } : {}), value: 'sample value' };
}

const caseFragments = new Map(catalogue.map((entry) => [entryPath(entry.slug), encodeCase(customerCase(entry))]));

/** What reads wrongly under `root`, hidden or not; runs in the page. */
function misrendered({ root, filled }: { root: string; filled: boolean }): string[] {
  const seen: string[] = [];
  const scope = document.querySelector(root) ?? document.body;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('code, pre, script, style, textarea, .cm-editor')) continue;
    const text = node.textContent ?? '';
    if (/`|\*\*|\]\(/.test(text)) seen.push(text.trim().slice(0, 120));
    // Where every value was given, a placeholder left as written is a slot the page failed to fill.
    if (filled && /\{[A-Za-z]\w*\}/.test(text)) seen.push(`unfilled: ${text.trim().slice(0, 120)}`);
  }
  // A word glued to code, or code glued to a word: "`null`means" renders as "nullmeans".
  for (const code of scope.querySelectorAll('code')) {
    if (code.closest('pre')) continue;
    const after = code.nextSibling?.textContent ?? '';
    const before = code.previousSibling?.textContent ?? '';
    if (/^[A-Za-z(]/.test(after) || /[A-Za-z)]$/.test(before))
      seen.push(`glued: ${before.slice(-20)}[${code.textContent}]${after.slice(0, 20)}`);
  }
  return seen;
}

test('no rendered page shows literal Markdown outside code', async ({ page, request }) => {
  test.setTimeout(240_000);
  const paths = await sitemapPaths(request);
  expect(paths.length).toBeGreaterThan(50);
  const problems: string[] = [];
  let cases = 0;
  for (const path of paths) {
    await page.goto(path);
    for (const text of await page.evaluate(misrendered, { root: 'main', filled: false })) problems.push(`${path}: ${text}`);
    // The "Your case" box, as a customer's link fills it in: the same page, a new fragment.
    const fragment = caseFragments.get(path);
    if (fragment === undefined || (await page.locator('[data-case-box]').count()) === 0) continue;
    await page.evaluate((hash) => {
      location.hash = hash;
    }, fragment);
    await expect(page.locator('[data-case-box]'), path).toBeVisible();
    for (const text of await page.evaluate(misrendered, { root: '[data-case-box]', filled: true })) problems.push(`${path}#case: ${text}`);
    cases += 1;
  }
  expect(cases, 'entry pages whose "Your case" box was read filled in').toBeGreaterThan(50);
  expect(problems).toEqual([]);
});
