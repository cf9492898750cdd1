/**
 * Measures the playground in Chromium, against `astro preview` of the built site:
 *
 *   npm run build && npm exec -- node scripts/measure-playground.ts [--out-dir dist] [--port 4460] [--keys 20]
 *
 * It prints
 *   - the JavaScript the page loads: each script response and its gzip size (node:zlib, level 6,
 *     what a server typically sends), and the sum;
 *   - the time from navigation to the first prediction on screen (the page's
 *     `playground:first-prediction` performance mark);
 *   - keystroke → updated output: a key is pressed with page.keyboard in the editor so that the
 *     predicted status changes every time (sessionLength 6 ⇄ 60); from the keydown event to the
 *     status text changing in the DOM, and to the next animation frame after it (when it is
 *     painted); the median and the worst over the keystrokes;
 *   - predict() per call in the page: the engine bundled on its own (esbuild) and run in the same
 *     page over the same scenario, thousands of times, since a single call is below the
 *     browser's timer resolution; and the page's own timing of its real calls.
 *
 * Uses Debian's Chromium (/usr/bin/chromium, or ERRATA_CHROMIUM) when present.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { encodeScenario } from '../src/share/scenario-link.ts';
import { manyFieldsScenario } from './payloads.ts';
import { startPreview, systemChromium } from './built-site.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? (process.argv[index + 1] as string) : fallback;
}

const outDir = resolve(root, option('out-dir', 'dist'));
const keystrokes = Number(option('keys', '20'));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (!existsSync(`${outDir}/playground/index.html`)) {
  console.error(`No built playground in ${outDir}/: run npm run build first (or pass --out-dir).`);
  process.exit(2);
}

const port = process.argv.includes('--port') ? Number(option('port', '0')) : undefined;
const preview = await startPreview({ outDir, ...(port ? { port } : {}) });
const base = preview.origin;
const browser = await chromium.launch({
  ...(systemChromium ? { executablePath: systemChromium } : {}),
  args: ['--no-sandbox', '--disable-gpu'],
});

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const scripts: { url: string; bytes: number; gzip: number }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => null);
    if (body) scripts.push({ url: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body, { level: 6 }).length });
  });

  // A fresh browser: nothing is cached, so every script is fetched.
  await page.goto(`${base}/playground/`, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => performance.getEntriesByName('playground:first-prediction').length > 0);
  const firstPrediction = await page.evaluate(() => performance.getEntriesByName('playground:first-prediction')[0]?.startTime ?? NaN);
  const loadedAtStart = [...scripts];

  // Keystrokes: sessionLength 6 (400) ⇄ 60 (201), so the status changes on every key.
  const editor = page.getByRole('textbox', { name: 'Request body' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{\n  "clientId": "user-42",\n  "sessionLength": 6\n}');
  await page.waitForFunction(() => document.querySelector('[data-prediction] [data-status]')?.textContent === '400 Bad Request');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const state = { down: 0, results: [] as { dom: number; frame: number; predict: number; update: number }[] };
    (window as unknown as { __measure: typeof state }).__measure = state;
    document.addEventListener('keydown', (event) => (state.down = event.timeStamp), { capture: true });
    const region = document.querySelector('[data-prediction]') as HTMLElement;
    let last = region.querySelector('[data-status]')?.textContent;
    new MutationObserver(() => {
      const status = region.querySelector('[data-status]')?.textContent;
      if (status === last) return;
      last = status;
      const dom = performance.now() - state.down;
      const predict = performance.getEntriesByName('playground:predict')[0]?.duration ?? NaN;
      const update = performance.getEntriesByName('playground:update')[0]?.duration ?? NaN;
      requestAnimationFrame(() => state.results.push({ dom, frame: performance.now() - state.down, predict, update }));
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
  for (let index = 0; index < keystrokes; index++) {
    await page.keyboard.press(index % 2 === 0 ? '0' : 'Backspace');
    await page.waitForFunction(
      (count) => (window as unknown as { __measure: { results: unknown[] } }).__measure.results.length >= count,
      index + 1,
    );
    await page.waitForTimeout(30);
  }
  const results = await page.evaluate(
    () =>
      (window as unknown as { __measure: { results: { dom: number; frame: number; predict: number; update: number }[] } }).__measure
        .results,
  );

  // predict() per call, in the page: the engine bundled alone, run over the page's own scenario.
  const bundle = await build({
    stdin: {
      contents: `import { predict } from './src/predict/predict.ts';
        import { decodeScenario } from './src/share/scenario-link.ts';
        window.__errataBench = (fragment, runs) => {
          const read = decodeScenario(fragment);
          const scenario = read.kind === 'scenario' ? read.scenario : {};
          for (let i = 0; i < 500; i++) predict(scenario);
          const start = performance.now();
          for (let i = 0; i < runs; i++) predict(scenario);
          return (performance.now() - start) / runs;
        };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  // The site's Content-Security-Policy forbids inline scripts, rightly: the benchmark runs in a
  // second page of the same site that lets it in, so the measurements above ran under the policy.
  await page.waitForTimeout(400); // the address bar follows the editor after a short pause
  const scenarios: [string, string][] = [
    ['the measured scenario (sessionLength 6 or 60)', await page.evaluate(() => location.hash)],
    ['a typical full payload (24 fields, success)', `#${encodeScenario(manyFieldsScenario)}`],
  ];
  await page.close();
  const benchPage = await browser.newPage({ bypassCSP: true });
  await benchPage.goto(`${base}/playground/`, { waitUntil: 'networkidle' });
  await benchPage.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  const perCall: [string, number][] = [];
  for (const [name, fragment] of scenarios) {
    perCall.push([
      name,
      await benchPage.evaluate(
        ([hash, runs]) =>
          (window as unknown as { __errataBench: (f: string, r: number) => number }).__errataBench(hash as string, runs as number),
        [fragment, 5000] as const,
      ),
    ]);
  }

  // ── Report ──
  const total = loadedAtStart.reduce((sum, script) => sum + script.gzip, 0);
  const totalRaw = loadedAtStart.reduce((sum, script) => sum + script.bytes, 0);
  console.log(`Playground measurements (${base}/playground/, Chromium ${browser.version()})\n`);
  console.log('JavaScript loaded by the page:');
  for (const script of loadedAtStart)
    console.log(`  ${kb(script.gzip).padStart(9)} gzipped  ${kb(script.bytes).padStart(9)} raw  ${script.url}`);
  console.log(
    `  ${kb(total).padStart(9)} gzipped  ${kb(totalRaw).padStart(9)} raw  in all (${loadedAtStart.length} scripts; budget 200 KB gzipped: ${total <= 200 * 1024 ? 'within' : 'OVER'})`,
  );
  console.log(`\nNavigation → first prediction on screen: ${ms(firstPrediction)}`);
  console.log(`\nKeystroke → updated status (${results.length} keystrokes, status changing every time):`);
  console.log(
    `  in the DOM:             median ${ms(median(results.map((each) => each.dom)))}, worst ${ms(Math.max(...results.map((each) => each.dom)))}`,
  );
  console.log(
    `  painted (next frame):   median ${ms(median(results.map((each) => each.frame)))}, worst ${ms(Math.max(...results.map((each) => each.frame)))}`,
  );
  console.log(
    `  the page's whole update (read the form, scan the JSON, predict, draw, mark the editor): median ${ms(median(results.map((each) => each.update)))}`,
  );
  console.log(
    `  of which predict(), as the browser times it: median ${ms(median(results.map((each) => each.predict)))} (timer resolution ~0.1 ms)`,
  );
  console.log(`  each keystroke (ms, in the DOM): ${results.map((each) => each.dom.toFixed(1)).join(' ')}`);
  console.log('\npredict() per call in the page (5,000 calls after 500 to warm up):');
  for (const [name, time] of perCall) console.log(`  ${ms(time).padStart(10)}  ${name}`);
  await benchPage.close();
} finally {
  await browser.close();
  preview.stop();
}
