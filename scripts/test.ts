/**
 * `npm test`: every suite in turn (lint and format, type check, unit tests, the npm package, and the end-to-end
 * tests once a site exists), each printing its own report, then one closing line that counts them all:
 * `N passed, N failed` (and `, N skipped`), which CI reads.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const scratch = mkdtempSync(join(tmpdir(), 'errata-test-'));

function run(command: string, args: string[]): number {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

/** A step that is one check: it passes or it fails. */
function step(command: string, args: string[]): Tally {
  const code = run(command, args);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

/** Astro writes the types of its virtual modules first, so that tsc knows `astro:content`. */
function typecheck(): Tally {
  const sync = run('astro', ['sync']);
  return sync === 0 ? step('tsc', ['--noEmit']) : { passed: 0, failed: 1, skipped: 0 };
}

let built = false;
function build(): Tally {
  const tally = step('astro', ['build']);
  built = tally.failed === 0;
  return tally;
}

/**
 * The test site, in dist-fixture/: the real catalogue plus entries it has none of today (a
 * retired entry, see tests/fixtures/site/) and a named issue tracker, for the end-to-end tests
 * in tests/e2e/fixture-site/. Built like the scale benchmark's catalogues; Astro's generated
 * modules are written again for the real catalogue afterwards, so later builds are unaffected.
 */
function buildFixtureSite(): Tally {
  const content = join(scratch, 'fixture-content');
  cpSync('content/errors', content, { recursive: true });
  cpSync('tests/fixtures/site/content', content, { recursive: true });
  const env = {
    ERRATA_CATALOGUE: join(process.cwd(), 'tests/fixtures/site/records.ts'),
    ERRATA_CONTENT: content,
    ERRATA_OUT_DIR: join(process.cwd(), 'dist-fixture'),
    ERRATA_CACHE_DIR: join(scratch, 'fixture-cache'),
    ERRATA_TRACKER: 'https://github.com/errata-fixture/errata/issues',
  };
  console.log(`\n▶ astro build (the test site, in dist-fixture/)`);
  const result = spawnSync('astro', ['build'], { stdio: 'inherit', env: { ...process.env, ...env } });
  rmSync('.astro', { recursive: true, force: true });
  run('astro', ['sync']);
  const passed = result.status === 0;
  built &&= passed;
  return { passed: passed ? 1 : 0, failed: passed ? 0 : 1, skipped: 0 };
}

/** Playwright over the built site, with a JSON copy of the report to count from. */
function endToEnd(): Tally {
  if (!built) {
    console.log('  end-to-end tests not run: the build failed');
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const json = join(scratch, 'e2e.json');
  process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = json;
  const code = run('playwright', ['test', '--reporter=list,json']);
  let stats = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
  try {
    stats = { ...stats, ...JSON.parse(readFileSync(json, 'utf8')).stats };
  } catch {
    // No report: counted as a failure below.
  }
  const tally = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  if (code !== 0 && tally.failed === 0) tally.failed = 1;
  return tally;
}

/** node:test over some files, with the spec report on the terminal and a TAP copy to count from. */
function nodeTests(name: string, files: string): Tally {
  const tap = join(scratch, `${name}.tap`);
  const code = run(process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    files,
  ]);
  const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (field: string) => Number(new RegExp(`^# ${field} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
  const tally = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  // A runner that died before reporting must not read as a pass.
  if (code !== 0 && tally.failed === 0) tally.failed = 1;
  return tally;
}

const unit = () => nodeTests('unit', 'tests/unit/**/*.test.ts');

/**
 * The npm package (tests/package/): packed (prepack runs build:package), installed into an empty
 * project and run there with the machine's own node and npm.
 */
const packageSuite = () => nodeTests('package', 'tests/package/package.test.ts');

/** Biome's linter (import boundaries included) and its formatter, checked without writing: biome.json. */
const lint = () => step('biome', ['ci', '--error-on-warnings', '--max-diagnostics=50', '.']);

const suites: [string, () => Tally][] = [
  ['lint', lint],
  ['type check', typecheck],
  ['unit', unit],
  ['package', packageSuite],
  ['build', build],
  ['test site build', buildFixtureSite],
  ['end-to-end', endToEnd],
];

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
for (const [name, suite] of suites) {
  const tally = suite();
  console.log(`  ${name}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
}
rmSync(scratch, { recursive: true, force: true });

console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed === 0 ? 0 : 1;
