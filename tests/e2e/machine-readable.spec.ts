import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test, expect } from './fixtures.ts';
import { catalogue } from '../../src/catalogue/index.ts';
import { sitemapIsUrlset, sitemapPaths } from './sitemap.ts';

const dist = new URL('../../dist/', import.meta.url).pathname;

function htmlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The URL path a built file is served at. */
function pathOf(file: string): string {
  const path = `/${relative(dist, file)}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

test('every entry has its JSON record, its Markdown twin and its line in llms.txt', async ({ request }) => {
  const exported = await (await request.get('/catalogue.json')).json();
  const llms = await (await request.get('/llms.txt')).text();
  const full = await (await request.get('/llms-full.txt')).text();
  expect(catalogue.length).toBeGreaterThan(0);
  for (const entry of catalogue) {
    expect(
      exported.entries.some((record: { slug: string }) => record.slug === entry.slug),
      entry.slug,
    ).toBe(true);
    const twin = await request.get(`/errors/${entry.slug}.md`);
    expect(twin.status(), entry.slug).toBe(200);
    const markdown = await twin.text();
    expect(markdown.startsWith(`# ${entry.title}\n`), entry.slug).toBe(true);
    if (entry.message) expect(markdown).toContain(entry.message);
    expect(llms).toContain(`/errors/${entry.slug}.md)`);
    expect(full).toContain(`# ${entry.title}\n`);
  }
});

test('the sitemap lists every page the build wrote, every entry among them, and no alias or 404 page', async ({ request }) => {
  expect((await request.get('/sitemap.xml')).headers()['content-type']).toMatch(/xml/);
  // As before the sitemap came from @astrojs/sitemap: the list of pages itself, for readers of its <loc>s.
  expect(await sitemapIsUrlset(request)).toBe(true);
  const listed = await sitemapPaths(request);
  expect(catalogue.length).toBeGreaterThan(0);
  for (const entry of catalogue) expect(listed).toContain(`/errors/${entry.slug}/`);
  expect(listed.filter((path) => /^\/errors\/[A-Z_]+\/$/.test(path))).toEqual([]);
  expect(listed.filter((path) => path.includes('404'))).toEqual([]);
  // Every page, however the catalogue grows: paginated index pages included, redirects not.
  const built = htmlFiles(dist)
    .filter((file) => !/http-equiv="refresh"/.test(readFileSync(file, 'utf8')))
    .map(pathOf)
    .filter((path) => path !== '/404.html' && path !== '/404/');
  expect(built.length).toBeGreaterThan(50);
  expect([...listed].sort()).toEqual([...built].sort());
});

test('every internal link and anchor of the built site resolves', () => {
  const files = htmlFiles(dist);
  expect(files.length).toBeGreaterThan(50);
  const ids = new Map<string, Set<string>>();
  const pages = new Set<string>();
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    pages.add(pathOf(file));
    ids.set(pathOf(file), new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] as string)));
  }
  const exists = (path: string) => {
    if (pages.has(path)) return true;
    try {
      return statSync(join(dist, decodeURIComponent(path))).isFile();
    } catch {
      return false;
    }
  };
  const broken: string[] = [];
  for (const file of files) {
    const from = pathOf(file);
    const html = readFileSync(file, 'utf8');
    for (const [, href] of html.matchAll(/\shref="([^"]+)"/g)) {
      if (!href || /^(https?:|mailto:|data:)/.test(href)) continue;
      const url = new URL(href.replaceAll('&amp;', '&'), `http://site${from}`);
      const path = url.pathname;
      if (!exists(path)) {
        broken.push(`${from} → ${href}`);
        continue;
      }
      // Fragments that carry state (#s=, #q=, #case=) are read by scripts, not anchors.
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !fragment.includes('=') && ids.has(path) && !ids.get(path)?.has(fragment)) {
        broken.push(`${from} → ${href} (no element with id "${fragment}")`);
      }
    }
  }
  expect(broken).toEqual([]);
});

test('every page carries a Content-Security-Policy whose script hashes cover all its inline scripts', async () => {
  const { createHash } = await import('node:crypto');
  const problems: string[] = [];
  const files = htmlFiles(dist);
  expect(files.length).toBeGreaterThan(50);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    // Astro's redirect pages hold no script and no policy.
    if (/http-equiv="refresh"/.test(html)) continue;
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    if (!policy) {
      problems.push(`${pathOf(file)}: no policy`);
      continue;
    }
    // A policy outside <head> is ignored by browsers, and text before <html> ends the head early.
    if (
      !/^<!DOCTYPE html><html[^>]*><head>/i.test(html) ||
      html.indexOf('http-equiv="content-security-policy"') > html.indexOf('</head>')
    ) {
      problems.push(`${pathOf(file)}: the policy is not inside <head>`);
    }
    const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? '';
    if (/'unsafe-inline'|'unsafe-eval'/.test(scriptSrc)) problems.push(`${pathOf(file)}: script-src allows inline or eval`);
    for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/\ssrc=/.test(attributes ?? '') || /type="application\/(ld\+)?json"/.test(attributes ?? '')) continue;
      const hash = `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`;
      if (!scriptSrc.includes(hash)) problems.push(`${pathOf(file)}: an inline script is not hashed`);
    }
  }
  expect(problems).toEqual([]);
});

test("every section of the header's navigation is a page of llms.txt and of the sitemap", async ({ page, request }) => {
  await page.goto('/');
  const hrefs = await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(5);
  const llms = await (await request.get('/llms.txt')).text();
  const sitemap = await sitemapPaths(request);
  for (const href of hrefs) {
    expect(llms, href).toContain(`${href}):`);
    expect(sitemap, href).toContain(href);
  }
});
