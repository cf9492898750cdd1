/**
 * `npm run bench:compare -- <revision>`: this working tree against an earlier revision, on the
 * engine benchmark's mixed workload (the predictor from raw input) and on the mock server's
 * (wrk, where it is installed). The two are measured in turn, in fresh processes, the order
 * swapped every round, each measure beside the machine's speed (scripts/machine-speed.ts): the
 * machine switches between two speeds, so a comparison of figures taken at different moments
 * says little, while predictions per unit of the machine's speed compare across them.
 *
 *   npm run bench:compare -- 47e9829              6 rounds of each
 *   npm run bench:compare -- 47e9829 --rounds 3   fewer rounds
 *   npm run bench:compare -- 47e9829 --no-mock    the predictor only
 *
 * The revision is checked out into a temporary git worktree (this project's node_modules linked
 * into it), removed at the end. Both sides get the same inputs: this tree's workloads.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { format, median } from './figures.ts';
import { machineSpeed } from './machine-speed.ts';
import { runWrk, workload, wrkPath } from './mock-workload.ts';
import { mixedPayloads } from './payloads.ts';

interface Round {
  perSecond: number;
  /** The machine's speed, the mean of a measure before and one after. */
  speed: number;
}

/** In a child process: the mixed workload through the predictor of the tree at `root`, some rounds. */
async function predictorRounds(root: string): Promise<void> {
  const { predict } = (await import(pathToFileURL(join(root, 'src/predict/predict.ts')).href)) as {
    predict: (input: unknown) => unknown;
  };
  let next = 0;
  const one = () => predict((mixedPayloads[next++ % mixedPayloads.length] as (typeof mixedPayloads)[number]).scenario);
  const rate = (ms: number) => {
    let calls = 0;
    const started = performance.now();
    let now = started;
    while (now - started < ms) {
      for (let index = 0; index < 64; index++) one();
      calls += 64;
      now = performance.now();
    }
    return (calls * 1000) / (now - started);
  };
  rate(500);
  machineSpeed(200);
  const rounds: Round[] = [];
  for (let round = 0; round < 3; round++) {
    const before = machineSpeed();
    const perSecond = rate(700);
    rounds.push({ perSecond, speed: (before + machineSpeed()) / 2 });
  }
  console.log(JSON.stringify(rounds));
}

const options = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '6' }, 'no-mock': { type: 'boolean', default: false }, child: { type: 'string' } },
});

if (options.values.child !== undefined) {
  await predictorRounds(options.values.child);
  process.exit(0);
}

const [revision] = options.positionals;
const rounds = Number(options.values.rounds);
if (!revision || !Number.isInteger(rounds) || rounds < 1) {
  console.error('Usage: npm run bench:compare -- <revision> [--rounds N] [--no-mock]');
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const script = fileURLToPath(import.meta.url);
const folder = mkdtempSync(join(tmpdir(), 'errata-compare-'));
const earlier = join(folder, 'tree');
const added = spawnSync('git', ['worktree', 'add', '--detach', earlier, revision], { cwd: root, encoding: 'utf8' });
if (added.status !== 0) {
  console.error(`Could not check out ${revision}: ${added.stderr.trim()}`);
  process.exit(2);
}
symlinkSync(join(root, 'node_modules'), join(earlier, 'node_modules'));

const sides = [
  { name: revision, root: earlier },
  { name: 'this tree', root },
] as const;

/** Each side's rounds: the median, the range, and the median per unit of the machine's speed; then the ratio. */
function report(what: string, unit: string, measured: Map<string, Round[]>): void {
  console.log(`\n${what}`);
  const perUnit = new Map<string, number>();
  for (const { name } of sides) {
    const found = measured.get(name) ?? [];
    const values = found.map((round) => round.perSecond);
    perUnit.set(name, median(found.map((round) => round.perSecond / round.speed)));
    console.log(
      `  ${name.padEnd(10)} median ${format(median(values))} ${unit} over ${found.length} rounds ` +
        `(${format(Math.min(...values))}–${format(Math.max(...values))}), machine speed ` +
        `${format(Math.min(...found.map((round) => round.speed)))}–${format(Math.max(...found.map((round) => round.speed)))}; ` +
        `${(perUnit.get(name) as number).toFixed(3)} per unit of speed`,
    );
  }
  const ratio = (perUnit.get('this tree') as number) / (perUnit.get(revision as string) as number);
  console.log(`  this tree / ${revision}: ${ratio.toFixed(2)}× per unit of the machine's speed`);
}

try {
  console.log(`Comparing ${revision} with this tree: ${rounds} rounds, the order swapped each round.`);
  const predictions = new Map<string, Round[]>(sides.map(({ name }) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const ran = spawnSync(process.execPath, [script, '--child', side.root], { cwd: root, encoding: 'utf8' });
      if (ran.status !== 0) throw new Error(`the predictor of ${side.name} failed:\n${ran.stderr}`);
      predictions.get(side.name)?.push(...(JSON.parse(ran.stdout) as Round[]));
    }
  }
  report('Predictor, the mixed workload from raw input (predict)', 'predictions/s', predictions);

  if (!options.values['no-mock']) {
    if (!wrkPath) console.log('\nwrk is not installed (apt-get install wrk): the mock servers are not compared.');
    else {
      const servers = await Promise.all(
        sides.map(async (side) => {
          const child = spawn(process.execPath, ['src/cli/main.ts', 'mock', '--port', '0', '--quiet', '--window', '0.2'], {
            cwd: side.root,
            stdio: ['ignore', 'pipe', 'ignore'],
          });
          const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
          return { ...side, child, url: line.split(' ')[0] as string };
        }),
      );
      try {
        const served = new Map<string, Round[]>(sides.map(({ name }) => [name, []]));
        for (const server of servers) runWrk(server.url, 2, workload, 50);
        for (let round = 0; round < rounds; round++) {
          for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
            const before = machineSpeed();
            const ran = runWrk(server.url, 5, workload, 50);
            served.get(server.name)?.push({ perSecond: ran.perSecond, speed: (before + machineSpeed()) / 2 });
          }
        }
        report('errata mock, the mixed workload, wrk with 50 connections, 5 s a round', 'requests/s', served);
      } finally {
        for (const server of servers) server.child.kill('SIGTERM');
      }
    }
  }
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', earlier], { cwd: root });
  rmSync(folder, { recursive: true, force: true });
}
