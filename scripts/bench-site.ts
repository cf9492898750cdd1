/**
 * The site at scale: builds the real site and synthetic catalogues of 1,000 and 10,000 entries
 * in one run (these machines are noisy, so compare sizes only within a run), and prints build
 * seconds, milliseconds per page, peak memory, the Pagefind index size, and the gzipped bytes of
 * HTML, CSS and JS that an entry page, the home page and the playground load, measured in
 * Chromium, plus the bytes one search fetches from the header's box, by part: a pasted message
 * (which the exact lookup answers) and words only the full text knows (which load Pagefind).
 * ERRATA_BENCH_FILES=1 lists every file a search fetches.
 *
 *   npm run bench:site                  real, 1,000 and 10,000
 *   npm run bench:site -- 57 1000       chosen sizes ("57" is the real catalogue)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { records } from '../src/catalogue/records/index.ts';
import { writeSyntheticCatalogue } from './synthetic-catalogue.ts';
import { startPreview, systemChromium } from './built-site.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((size) => size > 0);
const runs = sizes.length > 0 ? sizes : [records.length, 1000, 10_000];

interface Row {
  entries: number;
  pages: number;
  seconds: number;
  msPerPage: number;
  peakMiB: number;
  pagefindKiB: number;
  pages_: Record<string, { html: number; css: number; js: number }>;
  searchKiB: number;
  /** The search's bytes by what they are (see `searchPart`). */
  searchParts: Record<string, number>;
  /** The same for a search that only the full text answers. */
  fullTextKiB: number;
  fullTextParts: Record<string, number>;
}

/**
 * What a file fetched by a search is: the search's own code, Pagefind's runtime (its script and
 * WebAssembly, the same whatever the catalogue's size), Pagefind's index (its metadata, word
 * chunks, filters and the fragments of the results shown), or the exact lookup's index.
 */
function searchPart(url: string): string {
  const path = new URL(url).pathname;
  if (path.startsWith('/search/lookup/')) return 'exact lookup';
  if (/^\/pagefind\/.*\.(js|pagefind)$/.test(path)) return 'pagefind runtime';
  if (path.startsWith('/pagefind/fragment/')) return 'pagefind fragments';
  if (path.startsWith('/pagefind/')) return 'pagefind index';
  return 'search code';
}

function files(folder: string, ending: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) => join(folder, name));
}

function folderBytes(folder: string): number {
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => statSync(join(folder, name)))
    .filter((stat) => stat.isFile())
    .reduce((sum, stat) => sum + stat.size, 0);
}

function build(env: NodeJS.ProcessEnv, outDir: string): { seconds: number; peakMiB: number } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'peak-kib %M', 'npx', 'astro', 'build'], {
    env: { ...process.env, ...env, ERRATA_OUT_DIR: outDir, ERRATA_CACHE_DIR: join(outDir, '..', 'cache') },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`The build failed (exit ${result.status})`);
  }
  const peak = Number(/peak-kib (\d+)/.exec(result.stderr)?.[1] ?? 0);
  return { seconds, peakMiB: peak / 1024 };
}

/** Serves a built folder with astro preview on a free port, and measures pages in Chromium. */
async function measurePages(outDir: string, env: NodeJS.ProcessEnv, slug: string) {
  const server = await startPreview({ outDir, env });
  const origin = server.origin;
  try {
    const browser = await chromium.launch({
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const measured: Row['pages_'] = {};
    for (const [name, path] of [
      ['entry page', `/errors/${slug}/`],
      ['home', '/'],
      ['playground', '/playground/'],
    ] as const) {
      // A fresh context for each page, so nothing comes from the cache of the one before.
      const page = await (await browser.newContext()).newPage();
      const bytes = { html: 0, css: 0, js: 0 };
      const pending: Promise<void>[] = [];
      const onResponse = (response: import('@playwright/test').Response) => {
        pending.push(
          response.body().then(
            (body) => {
              const size = gzipSync(body).length;
              const type = response.request().resourceType();
              if (type === 'document') bytes.html += size;
              else if (type === 'stylesheet') bytes.css += size;
              else if (type === 'script') bytes.js += size;
            },
            () => undefined,
          ),
        );
      };
      page.on('response', onResponse);
      await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
      await Promise.all(pending);
      page.off('response', onResponse);
      // Inline scripts count too: they are part of what the page runs before any interaction.
      const inline = await page.evaluate(() =>
        [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? '').join(''),
      );
      bytes.js += inline ? gzipSync(inline).length : 0;
      measured[name] = bytes;
      await page.context().close();
    }
    // One search from the header box, in a fresh context: everything fetched after the first keystroke.
    const search = async (query: string) => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${origin}/errors/${slug}/`, { waitUntil: 'networkidle' });
      let total = 0;
      const parts: Record<string, number> = {};
      const onSearch = (response: import('@playwright/test').Response) => {
        // Gzipped, as a server with compression would send it.
        void response.body().then(
          (body) => {
            const size = gzipSync(body).length;
            total += size;
            const part = searchPart(response.url());
            parts[part] = (parts[part] ?? 0) + size;
            if (process.env.ERRATA_BENCH_FILES)
              console.log(`  ${JSON.stringify(query)} ${part}: ${new URL(response.url()).pathname} ${size} B`);
          },
          () => undefined,
        );
      };
      page.on('response', onSearch);
      const box = page.getByRole('combobox', { name: /search/i });
      if (await box.count()) {
        await box.first().click();
        await box.first().fill(query);
        await page.waitForTimeout(1500);
      }
      page.off('response', onSearch);
      await page.context().close();
      return { kib: total / 1024, parts };
    };
    // A pasted message, which the exact lookup answers, and words only the full text knows.
    const exact = await search('expected a dictionary');
    const fullText = await search('exponential backoff');
    await browser.close();
    return { pages: measured, searchKiB: exact.kib, searchParts: exact.parts, fullTextKiB: fullText.kib, fullTextParts: fullText.parts };
  } finally {
    server.stop();
  }
}

const rows: Row[] = [];
for (const size of runs) {
  const work = mkdtempSync(join(tmpdir(), `errata-bench-${size}-`));
  const outDir = join(work, 'dist');
  const env: NodeJS.ProcessEnv = {};
  if (size !== records.length) {
    const written = writeSyntheticCatalogue(size, work);
    env.ERRATA_CATALOGUE = written.records;
    env.ERRATA_CONTENT = written.content;
  }
  process.stdout.write(`Building ${size.toLocaleString('en-US')} entries… `);
  const { seconds, peakMiB } = build(env, outDir);
  const pages = files(outDir, '.html').length;
  console.log(`${seconds.toFixed(1)} s, ${pages} pages`);
  const measured = await measurePages(outDir, env, 'body-not-object');
  rows.push({
    entries: size,
    pages,
    seconds,
    msPerPage: (seconds * 1000) / pages,
    peakMiB,
    pagefindKiB: folderBytes(join(outDir, 'pagefind')) / 1024,
    pages_: measured.pages,
    searchKiB: measured.searchKiB,
    searchParts: measured.searchParts,
    fullTextKiB: measured.fullTextKiB,
    fullTextParts: measured.fullTextParts,
  });
  rmSync(work, { recursive: true, force: true });
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
console.log('\nBuilds');
console.table(
  rows.map((row) => ({
    entries: row.entries,
    pages: row.pages,
    'build s': row.seconds.toFixed(1),
    'ms/page': row.msPerPage.toFixed(2),
    'peak MiB': row.peakMiB.toFixed(0),
    'pagefind KiB': row.pagefindKiB.toFixed(0),
    'one search KiB': row.searchKiB.toFixed(1),
    'full-text search KiB': row.fullTextKiB.toFixed(1),
  })),
);
const partNames = ['search code', 'exact lookup', 'pagefind runtime', 'pagefind index', 'pagefind fragments'];
console.log('One search, KiB gzipped, by part: "expected a dictionary" (an exact match) and "exponential backoff" (full text only)');
console.table(
  rows.flatMap((row) =>
    [
      ['expected a dictionary', row.searchParts, row.searchKiB],
      ['exponential backoff', row.fullTextParts, row.fullTextKiB],
    ].map(([query, parts, total]) => ({
      entries: row.entries,
      query,
      ...Object.fromEntries(partNames.map((part) => [part, kib((parts as Record<string, number>)[part] ?? 0)])),
      total: (total as number).toFixed(1),
    })),
  ),
);
console.log('Page weight, KiB gzipped (HTML / CSS / JS)');
console.table(
  rows.flatMap((row) =>
    Object.entries(row.pages_).map(([name, bytes]) => ({
      entries: row.entries,
      page: name,
      html: kib(bytes.html),
      css: kib(bytes.css),
      js: kib(bytes.js),
      total: kib(bytes.html + bytes.css + bytes.js),
    })),
  ),
);
// A synthetic build leaves Astro's generated content modules pointing at its deleted folder:
// write them again for the real catalogue, so the next ordinary build works.
rmSync(new URL('../.astro/', import.meta.url), { recursive: true, force: true });
rmSync(new URL('../node_modules/.astro/', import.meta.url), { recursive: true, force: true });
spawnSync('npx', ['astro', 'sync'], { stdio: 'ignore' });

const [smaller, larger] = [rows.find((row) => row.entries === 1000), rows.find((row) => row.entries === 10_000)];
if (smaller && larger) {
  console.log(
    `Per-page cost: ${smaller.msPerPage.toFixed(2)} ms at 1,000 entries, ${larger.msPerPage.toFixed(2)} ms at 10,000 (${larger.msPerPage <= smaller.msPerPage ? 'no worse' : 'worse'}).`,
  );
}
