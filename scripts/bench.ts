/**
 * Benchmark of the predictor and the matcher.
 *
 *   npm run bench                 every payload, ~2 s each
 *   npm run bench -- --quick      ~0.3 s each, for a smoke run
 *   npm exec -- node --cpu-prof scripts/bench.ts   to profile
 *
 * For each payload it measures predictParsed (scenario already parsed, defaults filled) and
 * predict (raw scenario input, parsed every time), after a warm-up, and prints predictions per
 * second and microseconds per prediction (and, for predict, predictions per second of CPU time,
 * steadier on a busy machine); then matcher lookups per second for typical pastes, and the
 * catalogue's entries by kind and by category. The target is 100,000 predictions/second from raw
 * input (predict) on the mixed workload.
 */
import { predict, predictParsed } from '../src/predict/predict.ts';
import { mixedPayloads as payloads } from './payloads.ts';
import { parseScenario } from '../src/token/scenario.ts';
import { lookup } from '../src/catalogue/matcher.ts';
import { catalogue } from '../src/catalogue/index.ts';
import { categories } from '../src/catalogue/categories.ts';
import { loadavg } from 'node:os';
import { format, median } from './figures.ts';
import { machineSpeed } from './machine-speed.ts';

const quick = process.argv.includes('--quick');
const runMs = quick ? 300 : 2000;
const warmupMs = quick ? 100 : 300;
const target = 100_000;

const lookups: { name: string; text: string }[] = [
  { name: 'identifier', text: 'BAD_VALUE' },
  { name: 'status', text: '402' },
  { name: 'whole message', text: 'This endpoint is not available for SANDBOX partners.' },
  { name: 'partial message', text: 'Expected a dictionary, but got list' },
  { name: 'JSON body', text: '{"identifier":"BAD_VALUE","message":"Field \'country\' must be a valid ISO 3166-1 alpha-2 code."}' },
  {
    name: 'curl -i output',
    text: 'HTTP/2 400\r\ncontent-type: application/json\r\nvary: Accept\r\n\r\n{"identifier":"JSON_ERROR","message":"An error occurred while parsing/constructing JSON"}',
  },
  { name: 'plain words', text: 'credits ran out' },
];

/**
 * Runs fn repeatedly for about ms milliseconds; returns calls per second of wall-clock time, and
 * per second of this process's CPU time (user + system), which other work on a shared machine
 * disturbs far less.
 */
function measure(fn: () => unknown, ms: number): { perSecond: number; perCpuSecond: number; calls: number } {
  let calls = 0;
  let sink = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let now = started;
  // Check the clock every batch, not every call, so that reading it does not dominate.
  while (now - started < ms) {
    for (let index = 0; index < 64; index++) {
      if (fn() !== undefined) sink++;
    }
    calls += 64;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuBefore);
  if (sink < 0) console.log(sink);
  return { perSecond: (calls * 1000) / (now - started), perCpuSecond: (calls * 1e6) / (cpu.user + cpu.system), calls };
}

function table(headers: string[], rows: string[][], rightFrom = 1): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    '│ ' +
    cells
      .map((cell, column) => (column >= rightFrom ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number)))
      .join(' │ ') +
    ' │';
  const rule = (left: string, middle: string, right: string) => left + widths.map((width) => '─'.repeat(width + 2)).join(middle) + right;
  return [rule('┌', '┬', '┐'), line(headers), rule('├', '┼', '┤'), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}

console.log(`Errata benchmark: node ${process.version}, ${runMs} ms per measure after ${warmupMs} ms of warm-up\n`);

// Check the payloads say what their names say, so that the numbers measure the intended path.
for (const payload of payloads) {
  const outcome = predict(payload.scenario);
  console.log(
    `  ${payload.name.padEnd(24)} → ${outcome.status} ${outcome.entry} (${outcome.problems.length} problems, ${outcome.warnings.length} warnings)`,
  );
}
console.log('');

const rows: string[][] = [];
for (const payload of payloads) {
  const parsed = parseScenario(payload.scenario);
  const parsedRun = () => predictParsed(parsed);
  const rawRun = () => predict(payload.scenario);
  measure(parsedRun, warmupMs);
  measure(rawRun, warmupMs);
  const p = measure(parsedRun, runMs);
  const r = measure(rawRun, runMs);
  rows.push([
    payload.name,
    format(p.perSecond),
    (1e6 / p.perSecond).toFixed(2),
    format(r.perSecond),
    (1e6 / r.perSecond).toFixed(2),
    format(r.perCpuSecond),
    r.perSecond >= target ? 'yes' : 'no',
  ]);
}

// Overall: every payload equally often, one after the other (a mixed workload), measured as such,
// in rounds, each after a measure of the machine's speed; the figure is the rounds' median.
const parsedAll = payloads.map((payload) => parseScenario(payload.scenario));
let next = 0;
const mixedParsed = () => predictParsed(parsedAll[next++ % parsedAll.length] as (typeof parsedAll)[number]);
const mixedRaw = () => predict((payloads[next++ % payloads.length] as (typeof payloads)[number]).scenario);
measure(mixedParsed, warmupMs);
measure(mixedRaw, warmupMs);
machineSpeed(warmupMs / 3);
const rounds = quick ? 3 : 7;
const roundMs = quick ? runMs : runMs / 2;
const speeds: number[] = [];
const parsedRounds: number[] = [];
const rawRounds: number[] = [];
const rawCpuRounds: number[] = [];
for (let round = 0; round < rounds; round++) {
  speeds.push(machineSpeed());
  parsedRounds.push(measure(mixedParsed, roundMs).perSecond);
  const raw = measure(mixedRaw, roundMs);
  rawRounds.push(raw.perSecond);
  rawCpuRounds.push(raw.perCpuSecond);
}
const overallParsed = median(parsedRounds);
const overallRaw = median(rawRounds);
const mixed = { perSecond: overallRaw, perCpuSecond: median(rawCpuRounds) };
rows.push([
  'overall (mixed)',
  format(overallParsed),
  (1e6 / overallParsed).toFixed(2),
  format(overallRaw),
  (1e6 / overallRaw).toFixed(2),
  format(mixed.perCpuSecond),
  overallRaw >= target ? 'yes' : 'no',
]);

console.log("Predictions (predict: from raw input, the scenario parsed each time; per CPU second: by the process's CPU time)");
console.log(table(['payload', 'predictParsed/s', 'µs', 'predict/s', 'µs', 'per CPU second', `predict ≥ ${format(target)}/s`], rows));

const lookupRows: string[][] = [];
for (const { name, text } of lookups) {
  const run = () => lookup(text);
  measure(run, warmupMs / 2);
  const result = measure(run, runMs / 2);
  lookupRows.push([name, lookup(text).matches[0]?.entry.slug ?? '(none)', format(result.perSecond), (1e6 / result.perSecond).toFixed(1)]);
}
console.log('\nMatcher');
console.log(table(['input', 'first match', 'lookups/s', 'µs'], lookupRows, 2));

const byKind = new Map<string, number>();
const byCategory = new Map<string, number>();
for (const entry of catalogue) {
  byKind.set(entry.kind, (byKind.get(entry.kind) ?? 0) + 1);
  byCategory.set(entry.category, (byCategory.get(entry.category) ?? 0) + 1);
}
console.log(`\nCatalogue: ${catalogue.length} entries`);
console.log(
  table(
    ['kind', 'entries'],
    [...byKind].map(([kind, count]) => [kind, String(count)]),
  ),
);
console.log(
  table(
    ['category', 'entries'],
    categories.map((category) => [category.id, String(byCategory.get(category.id) ?? 0)]),
  ),
);

console.log(
  `\nMixed workload, ${rounds} rounds of ${roundMs} ms each (predict from raw input / the machine's speed before the round):\n` +
    rawRounds.map((perSecond, round) => `  ${format(perSecond)}/s at speed ${format(speeds[round] as number)}`).join('\n'),
);
const verdict = overallRaw >= target ? 'meets' : 'is below';
console.log(
  `\nThe predictor ${verdict} the target of ${format(target)} predictions/second from raw input on the mixed workload ` +
    `(predict: median ${format(overallRaw)}/s over ${rounds} rounds, from ${format(Math.min(...rawRounds))} to ${format(Math.max(...rawRounds))}; ` +
    `${format(mixed.perCpuSecond)} per CPU second; predictParsed: ${format(overallParsed)}/s; ` +
    `machine speed ${format(Math.min(...speeds))}–${format(Math.max(...speeds))}; load average ${loadavg()[0]?.toFixed(2)}).`,
);
