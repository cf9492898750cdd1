/**
 * Benchmark of the mock server (`errata mock`), over real HTTP, with autocannon as the load
 * generator in this process and the server in a process of its own (as users run it).
 *
 *   npm run bench:mock                   throughput, 1,000,000 requests for memory, then Prism 5
 *   npm run bench:mock -- --quick        shorter runs (100,000 requests), for a smoke run
 *   npm run bench:mock -- --no-prism     without Stoplight Prism (which npx fetches on first use)
 *
 * The workload is mixed: every catalogue entry's example request (its account state in the
 * Errata-Account header), a healthy request and a full request with two dozen fields, sent in
 * turn over 50 keep-alive connections. The mock runs with a rolling window of 0.2 s: with the
 * API's hour, every request after the first 10,000 would be a 429 and the workload would no longer
 * be mixed; the window's counting is still done on every request.
 *
 * Baselines in the same run (scripts/bench-mock-bare.ts): node:http answering a constant, and
 * node:http wrapped around the predictor (answerParsed, as the mock) with none of the mock's features,
 * each on one thread. The mock is measured on one thread (its default), then with `--threads auto`
 * (one per core: two here), which shares the port and the counters between threads.
 *
 * Reported: requests per second, latency p50 and p99, the statuses seen; the server's resident
 * memory (RSS) as the 1,000,000 requests go, and its peak (VmHWM); the healthy request alone, as
 * a workload of one request; and, with wrk, rounds of 5 s, judged on their median, since this
 * machine switches between two speeds. Targets: 25,000 requests per
 * second, p99 under 10 ms, memory flat. Then the same workload against Prism 5 mocking iDenfy's
 * OpenAPI (scripts/fixtures/idenfy-kyc-openapi.yml, an excerpt kept for this benchmark only).
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../src/catalogue/index.ts';
import { answerParsed, predict, predictParsed } from '../src/predict/predict.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../src/token/scenario.ts';
import { mockRequest } from '../src/site/mock-command.ts';
import { runWrk, scenarios, workload, wrkPath } from './mock-workload.ts';
import { format, median } from './figures.ts';
import { machineSpeed } from './machine-speed.ts';
import { autoThreads, threadsUnsupported } from '../src/mock/threads.ts';

const quick = process.argv.includes('--quick');
const withPrism = !process.argv.includes('--no-prism');
const connections = 50;
const durationSeconds = quick ? 3 : 10;
const memoryRequests = quick ? 100_000 : 1_000_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const openApi = fileURLToPath(new URL('fixtures/idenfy-kyc-openapi.yml', import.meta.url));

const healthyRequest = workload[0] as autocannon.Request;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** CPU time a process has used so far (user + system), in microseconds. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of the file, 12 and 13 after the command name; in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** Resident memory of a process, in MiB: now (VmRSS) and its peak (VmHWM). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

async function startServer(args: string[], stdio: 'inherit' | 'ignore' = 'inherit'): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', stdio] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return { child, url: line.split(' ')[0] as string };
}

async function startPrism(): Promise<{ child: ChildProcess; url: string } | undefined> {
  const port = await freePort();
  // Prism logs every request; its output goes nowhere, as a pipe this busy process reads late would stall it.
  const child = spawn('npx', ['-y', '@stoplight/prism-cli@5', 'mock', openApi, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      console.log(`  Prism did not start (exit ${child.exitCode})`);
      return undefined;
    }
    try {
      await fetch(`${url}/api/v2/token`, { method: 'POST', body: '{}' });
      return { child, url };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  console.log('  Prism did not start within 3 minutes');
  stop(child);
  return undefined;
}

/** The status a server answers a request of the workload with, on a connection of its own; null if none in time. */
function statusFrom(url: string, sent: autocannon.Request, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const body = sent.body as string | Buffer;
    const outgoing = httpRequest(
      `${url}${sent.path}`,
      { method: sent.method, headers: { ...sent.headers, 'content-length': Buffer.byteLength(body), connection: 'close' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? null));
      },
    );
    outgoing.setTimeout(timeoutMs, () => {
      outgoing.destroy();
      resolve(null);
    });
    outgoing.on('error', () => resolve(null));
    outgoing.end(body);
  });
}

function stop(child: ChildProcess): void {
  // npx starts Prism in a process group of its own (detached), so the group is stopped, not a name.
  try {
    if (child.pid !== undefined) process.kill(child.spawnargs[0] === 'npx' ? -child.pid : child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

interface Measured {
  /** The machine's speed just before (scripts/machine-speed.ts): the machine switches between two. */
  speed: number;
  perSecond: number;
  total: number;
  p50: number;
  p99: number;
  statuses: string;
  errors: number;
}

async function load(url: string, options: { duration?: number; amount?: number; requests?: autocannon.Request[] }): Promise<Measured> {
  const speed = machineSpeed();
  const result = await autocannon({
    url,
    connections,
    requests: options.requests ?? workload,
    ...(options.amount === undefined ? { duration: options.duration ?? durationSeconds } : { amount: options.amount }),
  });
  const statusCounts = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const statuses = Object.entries(statusCounts)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, { count }]) => `${status}: ${((100 * count) / result.requests.total).toFixed(0)}%`)
    .join(', ');
  return {
    speed,
    perSecond: result.requests.total / (result.duration || 1),
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

function report(name: string, measured: Measured): void {
  console.log(
    `  ${name}: ${format(measured.perSecond)} requests/s, latency p50 ${measured.p50} ms, p99 ${measured.p99} ms, ` +
      `${format(measured.total)} requests, ${measured.errors} errors; machine speed ${format(measured.speed)}\n    statuses ${measured.statuses}`,
  );
}

/** The workload sent by wrk for some seconds (see scripts/mock-workload.ts), with the machine's speed before it. */
function loadWithWrk(url: string, seconds: number, requests: autocannon.Request[] = workload): Measured {
  const speed = machineSpeed();
  const ran = runWrk(url, seconds, requests, connections);
  return {
    speed,
    ...ran,
    statuses: `${ran.total > 0 ? ((100 * (ran.total - ran.non2xx)) / ran.total).toFixed(0) : 0}% 2xx (wrk counts no more)`,
  };
}

console.log(
  `Mock server benchmark: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg()[0]?.toFixed(2)}\n` +
    `Load generator: autocannon, ${connections} connections, ${workload.length} requests in turn (every catalogue example, healthy, full)` +
    `${wrkPath ? `; then wrk (${wrkPath}), one thread, the same connections and requests` : '; wrk is not installed (apt-get install wrk): autocannon only'}\n`,
);

/**
 * The predictor alone on the same workload, built as the mock builds its scenarios (the body as
 * raw text, defaults filled in): what each request costs before any HTTP.
 */
function predictionsPerSecond(ms: number, predictOne: (scenario: Scenario) => unknown): number {
  const parsed = scenarios.map((scenario) => {
    const built = mockRequest(scenario);
    const body = built.body.kind === 'bytes' ? { rawBodyBase64: built.body.base64 } : { rawBody: built.body.text };
    return parseScenario({
      request: { ...scenario.request, body: undefined, rawBody: undefined, rawBodyBase64: undefined, ...body },
      account: scenario.account ?? {},
    });
  });
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    for (const scenario of parsed) predictOne(scenario);
    calls += parsed.length;
  }
  return (calls * 1000) / (performance.now() - started);
}
predictionsPerSecond(500, predictParsed);
predictionsPerSecond(500, answerParsed);
console.log(
  `  predictor alone, in-process: ${format(predictionsPerSecond(quick ? 1000 : 3000, answerParsed))} answers/s (answerParsed, what the mock runs), ` +
    `${format(predictionsPerSecond(quick ? 1000 : 3000, predictParsed))} full predictions/s (predictParsed: every problem and warning)`,
);

for (const [mode, name] of [
  ['constant', 'ceiling: bare node:http answering a constant'],
  ['predictor', "bare node:http wrapper around the predictor (none of the mock's features)"],
] as const) {
  const bare = await startServer(['scripts/bench-mock-bare.ts', mode]);
  try {
    await load(bare.url, { duration: quick ? 1 : 3 });
    report(`${name}, ${durationSeconds} s`, await load(bare.url, {}));
    if (wrkPath) report(`${name}, ${durationSeconds} s, wrk`, loadWithWrk(bare.url, durationSeconds));
  } finally {
    stop(bare.child);
  }
}

/** The workload's answers are the predictions: checked once before anything is timed. */
async function checkAnswers(url: string): Promise<void> {
  let wrong = 0;
  for (const [index, scenario] of scenarios.entries()) {
    const request = workload[index] as autocannon.Request;
    const response = await fetch(`${url}/api/v2/token`, {
      method: request.method ?? 'POST',
      headers: request.headers as Record<string, string>,
      body: request.method === 'GET' || request.method === 'HEAD' ? null : (request.body as string),
    });
    if (response.status !== predict(scenario).status) wrong++;
  }
  if (wrong > 0) throw new Error(`${wrong} requests of the workload were not answered as predicted`);
}

/**
 * This machine runs at two speeds (scripts/machine-speed.ts), switching from one minute to the
 * next: one run says little. Rounds of wrk, 5 s each, with the speed before each: the target
 * judged on their median, and on their worst p99.
 */
function roundsWithWrk(name: string, url: string): void {
  const rounds = Array.from({ length: quick ? 3 : 8 }, () => loadWithWrk(url, 5));
  const line = rounds.map((round) => `${format(round.perSecond)} (p99 ${round.p99} ms, speed ${format(round.speed)})`).join(', ');
  const middle = median(rounds.map((round) => round.perSecond));
  const worstP99 = Math.max(...rounds.map((round) => round.p99));
  console.log(`  ${name}, ${rounds.length} rounds of 5 s, wrk: ${line}`);
  console.log(
    `  Target over the rounds, ${name}: median ${format(middle)} requests/s, lowest ${format(Math.min(...rounds.map((round) => round.perSecond)))}: ` +
      `${middle >= 25_000 ? 'meets' : 'misses'} 25,000 requests/s; worst p99 ${worstP99} ms: ${worstP99 < 10 ? 'meets' : 'misses'} p99 under 10 ms`,
  );
}

/** Throughput, latency, CPU and memory of `errata mock` on some threads; the target's verdict. */
async function measureMock(threads: number): Promise<void> {
  const name = `errata mock${threads > 1 ? ` --threads ${threads}` : ''}`;
  const mock = await startServer(['src/cli/main.ts', 'mock', '--port', '0', '--quiet', '--window', '0.2', '--threads', String(threads)]);
  try {
    await checkAnswers(mock.url);
    await load(mock.url, { duration: quick ? 1 : 3 });
    const cpuBefore = cpuOf(mock.child.pid as number);
    const throughput = await load(mock.url, {});
    const cpuPerRequest = (cpuOf(mock.child.pid as number) - cpuBefore) / throughput.total;
    report(`${name}, ${durationSeconds} s`, throughput);
    console.log(
      `    server CPU: ${cpuPerRequest.toFixed(0)} µs a request (${format(1e6 / cpuPerRequest)} requests/s for a core of its own)`,
    );
    let byWrk: Measured | undefined;
    if (wrkPath) {
      loadWithWrk(mock.url, 1);
      const wrkCpuBefore = cpuOf(mock.child.pid as number);
      byWrk = loadWithWrk(mock.url, durationSeconds);
      report(`${name}, ${durationSeconds} s, wrk`, byWrk);
      console.log(
        `    server CPU: ${((cpuOf(mock.child.pid as number) - wrkCpuBefore) / byWrk.total).toFixed(0)} µs a request (all its threads)`,
      );
    }

    // Memory as a million requests go: sampled every half second.
    const memoryBefore = memoryOf(mock.child.pid as number).rss;
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(memoryOf(mock.child.pid as number).rss), 500);
    const million = await load(mock.url, { amount: memoryRequests });
    clearInterval(sampler);
    const memory = memoryOf(mock.child.pid as number);
    report(`${name}, ${format(memoryRequests)} requests`, million);
    const at = (fraction: number) => `${(samples[Math.floor((samples.length - 1) * fraction)] ?? memory.rss).toFixed(0)}`;
    console.log(
      `    server memory: RSS ${memoryBefore.toFixed(0)} MiB before, then ${at(0.1)}, ${at(0.25)}, ${at(0.5)}, ${at(0.75)} MiB ` +
        `a tenth, a quarter, half and three quarters of the way, ${memory.rss.toFixed(0)} MiB at the end; ` +
        `peak ${memory.peak.toFixed(0)} MiB (the journal keeps 1,000 exchanges)`,
    );
    // Judged on the load generator that leaves the server the more CPU.
    const judged = byWrk && byWrk.perSecond > throughput.perSecond ? byWrk : throughput;
    const verdicts = [
      `${judged.perSecond >= 25_000 ? 'meets' : 'misses'} 25,000 requests/s`,
      `${judged.p99 < 10 ? 'meets' : 'misses'} p99 under 10 ms`,
      `measured with ${judged === byWrk ? 'wrk' : 'autocannon'}`,
    ];
    console.log(`  Target, ${name}: ${verdicts.join('; ')}`);
    if (wrkPath) roundsWithWrk(name, mock.url);
    report(`${name}, the healthy request alone, ${durationSeconds} s`, await load(mock.url, { requests: [healthyRequest] }));
    console.log('');
  } finally {
    stop(mock.child);
  }
}

// One thread (the default), then one per core (`--threads auto`), where this Node can share a port.
await measureMock(1);
if (threadsUnsupported() === null && autoThreads() > 1) await measureMock(autoThreads());
else console.log(`  errata mock --threads auto: not measured (${threadsUnsupported() ?? 'one core'})\n`);

if (withPrism) {
  console.log('Stoplight Prism 5 (npx @stoplight/prism-cli@5 mock scripts/fixtures/idenfy-kyc-openapi.yml), same workload:');
  const prism = await startPrism();
  if (prism) {
    try {
      // A request Prism never answers would hold its connection for the rest of the run.
      const unanswered: number[] = [];
      let predicted = 0;
      for (const [index, sent] of workload.entries()) {
        const status = await statusFrom(prism.url, sent, 3000);
        if (status === null) unanswered.push(index);
        if (status === predict(scenarios[index] as ScenarioInput).status) predicted++;
      }
      console.log(
        `  Prism answers ${predicted} of the ${workload.length} requests with the predicted status (errata mock: all of them, checked above)`,
      );
      const answered = workload.filter((_, index) => !unanswered.includes(index));
      if (unanswered.length > 0) {
        const names = unanswered.map((index) => catalogue.filter((entry) => entry.example)[index - 2]?.slug ?? `request ${index}`);
        console.log(`  Prism never answers (3 s) the example requests of ${names.join(', ')}: left out of its workload`);
      }
      await load(prism.url, { duration: quick ? 1 : 3, requests: answered });
      report(`Prism 5, ${durationSeconds} s`, await load(prism.url, { requests: answered }));
      report(`Prism 5, the healthy request alone, ${durationSeconds} s`, await load(prism.url, { requests: [healthyRequest] }));
    } finally {
      stop(prism.child);
    }
  }
}
