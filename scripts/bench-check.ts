/**
 * Benchmark of reading recorded traffic and logs at scale (issue 14):
 *
 *   npm run bench:check                 a 200 MB HAR of 100,000 exchanges, and a 1 GB log on stdin
 *   npm run bench:check -- --small      a 20 MB HAR and a 100 MB log, for a smoke run
 *
 * The data is generated in a temporary folder, deleted afterwards. Each command runs as its own
 * process under /usr/bin/time, which reports the wall time and the peak resident memory.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { predict } from '../src/predict/predict.ts';

const small = process.argv.includes('--small');
const harTarget = (small ? 20 : 200) * 1024 * 1024;
const harEntries = small ? 10_000 : 100_000;
const logTarget = (small ? 100 : 1024) * 1024 * 1024;
/** The old-generation heap the check must fit in: a fraction of the file. */
const heapCap = 48;
const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'errata-bench-check-'));

async function write(path: string, produce: (push: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const stream = createWriteStream(path, { highWaterMark: 1024 * 1024 });
  let buffered = '';
  const push = async (text: string) => {
    buffered += text;
    if (buffered.length < 1024 * 1024) return;
    if (!stream.write(buffered)) await once(stream, 'drain');
    buffered = '';
  };
  await produce(push);
  stream.end(buffered);
  await once(stream, 'finish');
}

const kinds = [
  { body: { clientId: 'user-1', country: 'LT', firstName: 'Ona' }, status: 201, response: 'success' },
  {
    body: { clientId: 'user-1', country: 'XX' },
    status: 400,
    response: { identifier: 'BAD_VALUE', message: "Field 'country' must be a valid ISO 3166-1 alpha-2 code." },
  },
  { body: { clientId: 'user-1' }, status: 402, response: { message: 'Action not allowed due to lack of funds or exceeded limit.' } },
  { body: { clientId: 'user-1' }, status: 502, response: '<html>502 Bad Gateway</html>' },
];

/** A devtools-like entry, pretty-printed as browsers export them, padded to the size wanted. */
function harEntry(index: number, padding: number): string {
  const other = index % 10 === 9;
  const kind = kinds[index % kinds.length] as (typeof kinds)[number];
  const sent = { ...kind.body, clientId: `user-${index}` };
  const body = JSON.stringify(sent);
  // A success echoes the request it answers, as the API's does.
  const response = kind.response === 'success' ? predict({ request: { body: sent } }).body : kind.response;
  const text = typeof response === 'string' ? response : JSON.stringify(response);
  const entry = {
    startedDateTime: new Date(Date.UTC(2026, 10, 20) + index * 1000).toISOString(),
    time: 120,
    request: {
      method: other ? 'GET' : 'POST',
      url: other ? `https://ivs.idenfy.com/api/v2/status/${index}` : 'https://ivs.idenfy.com/api/v2/token',
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Authorization', value: 'Basic a2V5OnNlY3JldA==' },
        { name: 'Content-Type', value: 'application/json' },
        { name: 'User-Agent', value: `Mozilla/5.0 (X11; Linux x86_64) bench/${'x'.repeat(padding)}` },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: body.length,
      ...(other ? {} : { postData: { mimeType: 'application/json', text: body } }),
    },
    response: {
      status: other ? 200 : kind.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      cookies: [],
      content: { size: text.length, mimeType: 'application/json', text: other ? '{"status":"APPROVED"}' : text },
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 1, wait: 100, receive: 19 },
  };
  return JSON.stringify(entry, null, 2).replace(/\n/g, '\n      ');
}

async function makeHar(path: string): Promise<void> {
  const bare = harEntry(0, 0).length;
  const padding = Math.max(0, Math.floor(harTarget / harEntries) - bare - 10);
  await write(path, async (push) => {
    await push(
      '{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "bench", "version": "1"},\n    "pages": [],\n    "entries": [\n      ',
    );
    for (let index = 0; index < harEntries; index++) await push(`${index === 0 ? '' : ',\n      '}${harEntry(index, padding)}`);
    await push('\n    ]\n  }\n}\n');
  });
}

async function makeLog(path: string): Promise<number> {
  let lines = 0;
  await write(path, async (push) => {
    let size = 0;
    while (size < logTarget) {
      lines++;
      const line =
        lines % 1000 === 0
          ? `2026-11-20T10:00:00.000Z ERROR idenfy token failed status=400 body={"identifier":"BAD_VALUE","message":"Field 'country' must be a valid ISO 3166-1 alpha-2 code."}\n`
          : lines % 5000 === 1
            ? '2026-11-20T10:00:00.000Z WARN HTTPError: 402 Client Error: Payment Required for url: https://ivs.idenfy.com/api/v2/token\n'
            : `2026-11-20T10:00:00.000Z INFO GET /api/orders/${lines} 200 in ${lines % 97} ms user=${lines * 7} agent="Mozilla/5.0"\n`;
      size += line.length;
      await push(line);
    }
  });
  return lines;
}

/** Runs a command (after `input |`, when given) under /usr/bin/time: wall seconds and peak RSS. */
function measure(command: string, input = ''): { seconds: number; megabytes: number; code: number } {
  const ran = spawnSync('bash', ['-c', `${input}/usr/bin/time -f '%e %M' ${command} > /dev/null`], { encoding: 'utf8' });
  const last = ran.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kilobytes] = last.split(' ').map(Number);
  if (!Number.isFinite(seconds)) throw new Error(`could not measure: ${ran.stderr}`);
  return { seconds: seconds as number, megabytes: (kilobytes as number) / 1024, code: ran.status ?? -1 };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
try {
  const har = join(folder, 'traffic.har');
  let started = performance.now();
  await makeHar(har);
  console.log(
    `Generated ${mb(statSync(har).size)} HAR of ${harEntries.toLocaleString('en-US')} exchanges in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const flags of ['--json', '']) {
    const result = measure(`'${process.execPath}' '${cli}' check '${har}' ${flags}`);
    console.log(
      `errata check ${flags || '(table)'}: ${result.seconds.toFixed(1)} s, peak memory ${result.megabytes.toFixed(0)} MB (exit ${result.code})`,
    );
  }
  // Peak RSS is what V8 chose to keep, not what the check needs: with the heap capped far below the
  // file's size, the check still finishes, which shows that its memory does not grow with the file.
  const capped = measure(`'${process.execPath}' --max-old-space-size=${heapCap} '${cli}' check '${har}' --json`);
  console.log(
    `errata check --json, heap capped at ${heapCap} MB: ${capped.seconds.toFixed(1)} s, peak memory ${capped.megabytes.toFixed(0)} MB (exit ${capped.code}: ${capped.code === 1 ? 'finished' : 'failed'})`,
  );
  rmSync(har);

  const log = join(folder, 'app.log');
  started = performance.now();
  const lines = await makeLog(log);
  console.log(
    `Generated ${mb(statSync(log).size)} log of ${lines.toLocaleString('en-US')} lines in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const result = measure(`'${process.execPath}' '${cli}' triage - --json`, `cat '${log}' | `);
  console.log(
    `errata triage - (stdin): ${result.seconds.toFixed(1)} s, peak memory ${result.megabytes.toFixed(0)} MB (exit ${result.code})`,
  );
  const cappedLog = measure(`'${process.execPath}' --max-old-space-size=${heapCap} '${cli}' triage - --json`, `cat '${log}' | `);
  console.log(
    `errata triage - (stdin), heap capped at ${heapCap} MB: ${cappedLog.seconds.toFixed(1)} s, peak memory ${cappedLog.megabytes.toFixed(0)} MB (exit ${cappedLog.code})`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
