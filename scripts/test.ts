/**
 * `npm test`: every suite in turn (type check, unit tests, and the end-to-end tests once a site
 * exists), each printing its own report, then one closing line that counts them all:
 * `N passed, N failed` (and `, N skipped`), which CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** The type check is one check: it passes or it fails. */
function typecheck(): Tally {
  const code = run('tsc', ['--noEmit']);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

/** node:test, with the spec report on the terminal and a TAP copy to count from. */
function unit(): Tally {
  const tap = join(scratch, 'unit.tap');
  const code = run(process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    'tests/unit/**/*.test.ts',
  ]);
  const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
  const tally = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  // A runner that died before reporting must not read as a pass.
  if (code !== 0 && tally.failed === 0) tally.failed = 1;
  return tally;
}

const suites: [string, () => Tally][] = [
  ['type check', typecheck],
  ['unit', unit],
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
