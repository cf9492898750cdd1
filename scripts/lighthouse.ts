/**
 * Lighthouse scores of the built site: home, an entry page and the playground, with Lighthouse's
 * default mobile settings (a slow 4G network and a 4× slower CPU, simulated) in this machine's
 * Chromium. Lighthouse is not a dependency of the project: it is fetched by npx, at one pinned
 * version, when this script runs.
 *
 *   npm run build && npm run bench:lighthouse
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const lighthouse = 'lighthouse@12.2.3';
const pages = [
  ['home', '/'],
  ['entry page', '/errors/body-not-object/'],
  ['playground', '/playground/'],
] as const;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const chromium = process.env.ERRATA_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
if (!chromium) throw new Error('No Chromium found: install it (apt-get install -y chromium) or set ERRATA_CHROMIUM');
if (!existsSync(new URL('../dist/index.html', import.meta.url))) throw new Error('No built site in dist/: run npm run build first');

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; score: number | null; title: string }>;
}

/** A port nobody listens on, so the scores are never those of another server. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no free port'))));
    });
  });
}

async function waitForServer(url: string): Promise<void> {
  for (let tries = 0; tries < 150; tries++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`astro preview did not answer at ${url} within 30 s`);
}

const port = await freePort();
// Its own process group, so that stopping it stops astro preview too, not only npx.
const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore', detached: true });
const work = mkdtempSync(join(tmpdir(), 'errata-lighthouse-'));
try {
  await waitForServer(`http://127.0.0.1:${port}/`);
  const rows = [];
  for (const [name, path] of pages) {
    const output = join(work, `${name.replace(/\W+/g, '-')}.json`);
    const run = spawnSync(
      'npx',
      [
        '--yes',
        lighthouse,
        `http://127.0.0.1:${port}${path}`,
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
      console.log(`${name}: ${failing.map((audit) => audit.title).slice(0, 8).join('; ')}`);
    }
  }
  console.log(`\nLighthouse ${lighthouse.split('@')[1]}, mobile (simulated slow 4G, 4× CPU slowdown), ${chromium}`);
  console.table(rows);
} finally {
  try {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // Already gone: whatever failed is the error to report.
  }
  rmSync(work, { recursive: true, force: true });
}
