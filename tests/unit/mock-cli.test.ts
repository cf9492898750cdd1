/**
 * `errata mock` as a user runs it: the real CLI spawned on a free port (one line on stdout, the
 * log on stderr, a graceful stop on SIGTERM), and its arguments checked in-process.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { basicAuthorization } from '../../src/mock/credentials.ts';
import { startMock } from '../../src/mock/server.ts';
import { threadsUnsupported } from '../../src/mock/threads.ts';
import type { RecordedExchange } from '../../src/mock/exchange.ts';
import { formatLogLine } from '../../src/mock/log.ts';
import { send } from './mock-client.ts';
import { runCli, type Ran } from './cli-harness.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'errata-mock-cli-'));
  writeFileSync(join(dir, 'inactive.json'), '{"active": false}');
  writeFileSync(join(dir, 'unfit.json'), '{"active": "no", "colour": 1}');
  writeFileSync(join(dir, 'malformed.json'), '{"active": ');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(argv: string[]): Promise<Ran> {
  return runCli(argv, { cwd: dir });
}

interface Spawned {
  child: ChildProcess;
  firstLine: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Starts the real CLI and waits for its one line on stdout. */
async function spawnMock(args: string[], env: Record<string, string> = {}): Promise<Spawned> {
  // From the user's folder, as the installed command runs: relative paths are read from there.
  const child = spawn(process.execPath, [join(root, 'src/cli/main.ts'), 'mock', '--port', '0', ...args], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const firstLine = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', () => reject(new Error(`The mock exited before listening:\n${stderr}`)));
  });
  return { child, firstLine, stdout: () => stdout, stderr: () => stderr, exit };
}

describe('the CLI, spawned', () => {
  test('prints one line whose first URL is the base URL, logs on stderr, records, stops gracefully on SIGTERM', async () => {
    const record = join(dir, 'traffic.jsonl');
    const mock = await spawnMock(['--account', 'inactive.json', '--record', 'traffic.jsonl', '--log-format', 'json'], {
      ERRATA_MOCK_KEY: 'env-key',
      ERRATA_MOCK_SECRET: 'env-secret',
      ERRATA_SITE: 'https://errata.example/',
    });
    const base = /^(http:\/\/127\.0\.0\.1:\d+)(\s|$)/.exec(mock.firstLine)?.[1];
    assert.ok(base, mock.firstLine);
    const authorization = basicAuthorization('env-key', 'env-secret');

    const inactive = await send(base, { headers: { authorization }, body: '{"clientId": "a"}' });
    assert.deepEqual(inactive.json, { message: 'Partner inactive' });
    const active = await send(base, { headers: { authorization, 'errata-account': '{"active": true}' }, body: '{"clientId": "a"}' });
    assert.equal(active.status, 201);

    // A request in flight when SIGTERM arrives is still answered.
    const inFlight = new Promise<number>((resolve, reject) => {
      const body = '{"clientId": "late"}';
      const sending = httpRequest(
        new URL('/api/v2/token', base),
        { method: 'POST', headers: { authorization, 'errata-account': '{"active": true}', 'content-length': body.length } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      sending.on('error', reject);
      sending.write(body.slice(0, 4));
      setTimeout(() => {
        mock.child.kill('SIGTERM');
        setTimeout(() => sending.end(body.slice(4)), 150);
      }, 50);
    });
    assert.equal(await inFlight, 201);
    assert.equal(await mock.exit, 0);

    assert.equal(mock.stdout().split('\n').filter(Boolean).length, 1, 'exactly one line on stdout');
    const stderr = mock.stderr();
    assert.match(stderr, /env-key/);
    assert.match(stderr, /active=false/);
    const logged = stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(logged.length, 3);
    assert.deepEqual(logged[0] && { ...logged[0], time: 'T' }, {
      time: 'T',
      method: 'POST',
      path: '/api/v2/token',
      status: 403,
      entry: 'partner-inactive',
      page: 'https://errata.example/errors/partner-inactive/',
    });

    const recorded = readFileSync(record, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as RecordedExchange);
    assert.deepEqual(
      recorded.map((exchange) => exchange.response.status),
      [403, 201, 201],
    );
    assert.ok(recorded.every((exchange) => exchange.request.headers?.authorization === 'Basic <redacted>'));
  });

  test('SIGINT stops it too; --quiet logs nothing per exchange', async () => {
    const mock = await spawnMock(['--quiet']);
    const base = mock.firstLine.split(' ')[0] as string;
    assert.equal((await send(base, { body: '{}' })).status, 401);
    mock.child.kill('SIGINT');
    assert.equal(await mock.exit, 0);
    assert.doesNotMatch(mock.stderr(), /POST \/api\/v2\/token 401/);
    assert.match(mock.stderr(), /errata-key/);
  });

  test('it stops when the process that started it is gone (npm run does not pass SIGTERM on)', async () => {
    // A parent that starts the mock, sharing its stdout with the test, and is then killed outright.
    const starter = `require('node:child_process').spawn(process.execPath, ['src/cli/main.ts', 'mock', '--port', '0', '--quiet'], { stdio: ['ignore', 'inherit', 'ignore'] });`;
    const parent = spawn(process.execPath, ['-e', starter], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    const output = parent.stdout as NodeJS.ReadableStream;
    const line = await new Promise<string>((resolve) => createInterface({ input: output }).once('line', resolve));
    const base = line.split(' ')[0] as string;
    assert.equal((await send(base, { body: '{}' })).status, 401);
    // The pipe closes once the last process writing to it, the mock, has exited.
    const closed = new Promise<void>((resolve) => output.on('end', () => resolve()).resume());
    parent.kill('SIGKILL');
    await closed;
    await assert.rejects(send(base, { body: '{}' }), /ECONNREFUSED/);
  });
});

describe('arguments', () => {
  test('--help prints the options', async () => {
    const ran = await cli(['mock', '--help']);
    assert.equal(ran.code, 0);
    for (const flag of [
      '--host',
      '--port',
      '--key',
      '--secret',
      '--account',
      '--tokens',
      '--window',
      '--record',
      '--threads',
      '--quiet',
      '--log-format',
    ]) {
      assert.ok(ran.stdout.includes(flag), flag);
    }
    assert.match((await cli(['--help'])).stdout, /\bmock\b/);
  });

  test('bad values exit 2 naming the flag', async () => {
    for (const [args, message] of [
      [['--port', 'eighty'], /--port/],
      [['--port', '70000'], /--port/],
      [['--tokens', '-1'], /--tokens/],
      [['--window', 'an hour'], /--window/],
      [['--log-format', 'xml'], /--log-format/],
      [['--threads', '0'], /--threads/],
      [['--threads', 'many'], /--threads.*auto/],
      [['--threads', '65'], /--threads/],
      [['--key', 'a:b'], /":"/],
      [['--secret', ''], /--secret/],
      [['--colour'], /Unknown option '--colour'/],
      [['stray'], /stray|positional/i],
      [['--account', 'missing.json'], /not found/],
      [['--account', 'unfit.json'], /active.*colour|colour.*active/s],
      [['--account', 'malformed.json'], /not JSON/],
      [['--record', join(dir, 'no', 'such', 'folder.jsonl')], /Cannot record/],
    ] as const) {
      const ran = await cli(['mock', ...args]);
      assert.equal(ran.code, 2, args.join(' '));
      assert.match(ran.stderr, message, args.join(' '));
      assert.equal(ran.stdout, '');
    }
  });

  test('a port in use exits 2 with a hint, on one thread or several', async () => {
    // Several threads share their port (SO_REUSEPORT): a mock with threads must not share it with another.
    for (const taken of [await startMock({ port: 0 }), await startMock({ port: 0, threads: 2 })]) {
      try {
        for (const threads of ['1', '2']) {
          const ran = await cli(['mock', '--port', String(taken.port), '--threads', threads]);
          assert.equal(ran.code, 2, `--threads ${threads} on a port taken by ${taken.threads}`);
          assert.match(ran.stderr, /in use.*--port 0/);
        }
      } finally {
        await taken.stop();
      }
    }
  });
});

describe('threads and the machine', { skip: threadsUnsupported() ?? false }, () => {
  test('too few file handles for the threads asked: exits 2 saying so, not as a bug', () => {
    const ran = spawnSync('sh', ['-c', `ulimit -n 64 && exec "${process.execPath}" src/cli/main.ts mock --port 0 --threads 40`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(ran.status, 2, ran.stderr);
    assert.match(ran.stderr, /Too many open files .*--threads.*ulimit -n/);
    assert.equal(ran.stdout, '');
  });
});

describe('log lines', () => {
  const line = { time: Date.UTC(2026, 10, 27, 9, 0, 0), method: 'POST', path: '/api/v2/token', status: 400, entry: 'bad-value' };
  test('text: time, method, path, status, entry and its page', () => {
    assert.equal(
      formatLogLine(line, 'text', 'http://localhost:4321'),
      '2026-11-27T09:00:00.000Z POST /api/v2/token 400 bad-value http://localhost:4321/errors/bad-value/',
    );
  });
  test("the mock's own answers name no entry; a path cannot forge a line", () => {
    const own = formatLogLine({ ...line, path: '/x\n2026 fake', status: 404, entry: null, note: 'No such path' }, 'text', 'http://s');
    assert.equal(own.split('\n').length, 1);
    assert.match(own, / 404 - No such path$/);
    const json = JSON.parse(formatLogLine({ ...line, entry: null }, 'json', 'http://s')) as { entry: null; page: null };
    assert.equal(json.entry, null);
    assert.equal(json.page, null);
  });
});
