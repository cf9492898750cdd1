/**
 * No page shows Markdown it failed to render: outside code, the text a reader sees never holds a
 * backtick, `**` or `](`, and words are never run together with code (`null`means). Every page of
 * the site is read, from its sitemap, so a new page is checked without being listed here.
 */
import { test, expect } from './fixtures.ts';
import { sitemapPaths } from './sitemap.ts';

test('no rendered page shows literal Markdown outside code', async ({ page, request }) => {
  test.setTimeout(240_000);
  const paths = await sitemapPaths(request);
  expect(paths.length).toBeGreaterThan(50);
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    const found = await page.evaluate(() => {
      const seen: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('code, pre, script, style, textarea, .cm-editor, [hidden]')) continue;
        const text = node.textContent ?? '';
        if (/`|\*\*|\]\(/.test(text)) seen.push(text.trim().slice(0, 120));
      }
      // A word glued to code, or code glued to a word: "`null`means" renders as "nullmeans".
      for (const code of document.querySelectorAll('main code')) {
        if (code.closest('pre')) continue;
        const after = code.nextSibling?.textContent ?? '';
        const before = code.previousSibling?.textContent ?? '';
        if (/^[A-Za-z(]/.test(after) || /[A-Za-z)]$/.test(before))
          seen.push(`glued: ${before.slice(-20)}[${code.textContent}]${after.slice(0, 20)}`);
      }
      return seen;
    });
    for (const text of found) problems.push(`${path}: ${text}`);
  }
  expect(problems).toEqual([]);
});
