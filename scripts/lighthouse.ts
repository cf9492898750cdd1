/**
 * Lighthouse scores of the built site: home, an entry page and the playground, with Lighthouse's
 * default mobile settings (a slow 4G network and a 4× slower CPU, simulated) in this machine's
 * Chromium. Lighthouse is not a dependency of the project: it is fetched by npx, at one pinned
 * version, when this script runs.
 *
 *   npm run build && npm run bench:lighthouse
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview, systemChromium } from './built-site.ts';

const lighthouse = 'lighthouse@12.2.3';
const pages = [
  ['home', '/'],
  ['entry page', '/errors/body-not-object/'],
  ['playground', '/playground/'],
] as const;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const chromium = systemChromium;
if (!chromium) throw new Error('No Chromium found: install it (apt-get install -y chromium) or set ERRATA_CHROMIUM');
if (!existsSync(new URL('../dist/index.html', import.meta.url))) throw new Error('No built site in dist/: run npm run build first');

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; score: number | null; title: string }>;
}

const server = await startPreview();
const work = mkdtempSync(join(tmpdir(), 'errata-lighthouse-'));
try {
  const rows = [];
  for (const [name, path] of pages) {
    const output = join(work, `${name.replace(/\W+/g, '-')}.json`);
    const run = spawnSync(
      'npx',
      [
        '--yes',
        lighthouse,
        `${server.origin}${path}`,
        `--chrome-path=${chromium}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
        `--only-categories=${categories.join(',')}`,
        '--output=json',
        `--output-path=${output}`,
        '--quiet',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0 || !existsSync(output)) throw new Error(`Lighthouse failed on ${path}:\n${run.stderr.slice(-3000)}`);
    const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
    const score = (category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);
    const ms = (audit: string) => Math.round(report.audits[audit]?.numericValue ?? 0);
    rows.push({
      page: name,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best practices': score('best-practices'),
      seo: score('seo'),
      'FCP ms': ms('first-contentful-paint'),
      'LCP ms': ms('largest-contentful-paint'),
      'TBT ms': ms('total-blocking-time'),
      CLS: (report.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3),
    });
    // What kept a category from 100, so a score below it comes with its reasons.
    const failing = Object.values(report.audits).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.title);
    if (failing.length > 0 && categories.some((category) => score(category) < 100)) {
      console.log(
        `${name}: ${failing
          .map((audit) => audit.title)
          .slice(0, 8)
          .join('; ')}`,
      );
    }
  }
  console.log(`\nLighthouse ${lighthouse.split('@')[1]}, mobile (simulated slow 4G, 4× CPU slowdown), ${chromium}`);
  console.table(rows);
} finally {
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
