/**
 * The mock on several threads (`--threads N`): they share the port and count as one server. The
 * shared counters are exact when real threads decide at once; over HTTP, with the connections
 * spread over two threads, every example is answered as predicted, the rate limit and the token
 * limit are exact, the server's account changes on every thread before PUT answers (also during
 * startup, and for a request pipelined behind it), the journal and the record file hold every
 * exchange once, in order, and a stop lets every thread finish.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { catalogue } from '../../src/catalogue/index.ts';
import { predict } from '../../src/predict/predict.ts';
import { hourlyRequestLimit } from '../../src/predict/stages.ts';
import { parseAccount } from '../../src/mock/account.ts';
import { basicAuthorization } from '../../src/mock/credentials.ts';
import type { RecordedExchange } from '../../src/mock/exchange.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { MockState } from '../../src/mock/state.ts';
import { threadsUnsupported } from '../../src/mock/threads.ts';
import { mockRequest } from '../../src/site/mock-command.ts';
import { send, sendSlowly, sentOf, type Received, type Sent } from './mock-client.ts';

const valid = { authorization: basicAuthorization('errata-key', 'errata-secret') };
const healthy = '{"clientId": "user-42"}';
const unsupported = threadsUnsupported();

describe('when threads can share a port', () => {
  test('Node 22.12 and later on Linux or FreeBSD; otherwise the reason', () => {
    assert.equal(threadsUnsupported('22.12.0', 'linux'), null);
    assert.equal(threadsUnsupported('23.1.0', 'freebsd'), null);
    assert.equal(threadsUnsupported('24.0.0', 'linux'), null);
    assert.match(threadsUnsupported('20.18.1', 'linux') ?? '', /Node 20\.18\.1 .*22\.12/);
    assert.match(threadsUnsupported('22.11.0', 'linux') ?? '', /22\.12/);
    assert.match(threadsUnsupported('23.0.0', 'linux') ?? '', /22\.12/);
    assert.match(threadsUnsupported('24.0.0', 'darwin') ?? '', /darwin .*Linux/);
    assert.match(threadsUnsupported('24.0.0', 'win32') ?? '', /win32/);
  });

  test("a test's clock cannot be shared between threads; threads are a whole number from 1", async () => {
    if (unsupported === null) await assert.rejects(startMock({ port: 0, threads: 2, now: () => 0 }), /clock/);
    await assert.rejects(startMock({ port: 0, threads: 0 }), /threads/);
    await assert.rejects(startMock({ port: 0, threads: 1.5 }), /threads/);
  });
});

/**
 * Runs `decide` on several threads at once over one state; returns how often each status was
 * answered, having checked that no two exchanges got the same number. The threads start together, and each answer takes a while (as a long prediction
 * would), so that threads decide while another is between its reading and its counting.
 */
async function decideOnThreads(state: MockState, threads: number, each: number): Promise<Record<number, number>> {
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    (async () => {
      const { MockState } = await import(workerData.state);
      const { answerParsed } = await import(workerData.predict);
      const { parseScenario } = await import(workerData.scenario);
      const { request } = parseScenario({ request: { method: 'POST', credentials: 'valid', body: { clientId: 'user-42' } } });
      const state = new MockState(workerData.options, workerData.memory);
      const ready = new Int32Array(workerData.ready);
      Atomics.add(ready, 0, 1);
      Atomics.notify(ready, 0);
      for (let seen = Atomics.load(ready, 0); seen < workerData.threads; seen = Atomics.load(ready, 0)) Atomics.wait(ready, 0, seen, 10);
      const statuses = {};
      const sequences = [];
      for (let index = 0; index < workerData.each; index++) {
        const { answer, sequence } = state.decide(undefined, Date.now(), (account) => {
          const until = performance.now() + 0.02;
          while (performance.now() < until);
          return answerParsed({ request, account });
        });
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        // The mock's own answers take numbers outside the lock, meanwhile.
        sequences.push(sequence, state.nextSequence());
      }
      parentPort.postMessage({ statuses, sequences });
    })();`;
  const module = (path: string) => new URL(path, import.meta.url).href;
  const options = {
    account: state.account,
    windowSeconds: state.window.lengthMs / 1000,
    ...(state.tokens === undefined ? {} : { tokens: state.tokens }),
  };
  const ready = new SharedArrayBuffer(4);
  const results = await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(code, {
        eval: true,
        workerData: {
          state: module('../../src/mock/state.ts'),
          predict: module('../../src/predict/predict.ts'),
          scenario: module('../../src/token/scenario.ts'),
          options,
          memory: state.memory,
          ready,
          threads,
          each,
        },
      });
      return new Promise<{ statuses: Record<number, number>; sequences: number[] }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  const numbers = results.flatMap((result) => result.sequences);
  assert.equal(new Set(numbers).size, numbers.length, 'every exchange has a number of its own');
  const total: Record<number, number> = {};
  for (const { statuses } of results)
    for (const [status, count] of Object.entries(statuses)) total[Number(status)] = (total[Number(status)] ?? 0) + count;
  return total;
}

describe('the shared counters, decided on by real threads at once', () => {
  test('the token limit: exactly N tokens however the threads interleave', async () => {
    const state = new MockState({ account: parseAccount({}), windowSeconds: 0, tokens: 2500 });
    const statuses = await decideOnThreads(state, 3, 2000);
    assert.equal(statuses[201], 2500);
    assert.deepEqual(statuses, { 201: 2500, 400: 3500 }); // 400: Partner reached token limit
    assert.equal(state.counters(Date.now()).tokensCreated, 2500);
  });

  test('the rate limit: exactly the requests left in the hour pass, the rest are 429', async () => {
    const state = new MockState({ account: parseAccount({ requestsLastHour: hourlyRequestLimit - 1500 }), windowSeconds: 3600 });
    const statuses = await decideOnThreads(state, 3, 2000);
    assert.deepEqual(statuses, { 201: 1500, 429: 4500 });
    assert.equal(state.counters(Date.now()).requestsInWindow, 1500);
  });
});

/** Sends each request on a connection of its own (so the system spreads them over the threads), all at once. */
function sendAll(mock: MockServer, sents: Sent[]) {
  return Promise.all(sents.map((sent) => send(mock.url, { ...sent, headers: { ...sent.headers, connection: 'close' } })));
}

async function health(mock: MockServer) {
  return (await send(mock.url, { method: 'GET', path: '/__errata/health' })).json as {
    threads: number;
    answeredByThread: number[];
    journaled: number;
    requestsInWindow: number;
    tokensCreated: number;
  };
}

const requests = (mock: MockServer) =>
  send(mock.url, { method: 'GET', path: '/__errata/requests' }).then((got) => got.json as RecordedExchange[]);
/** How often each value occurs. */
function tally(values: (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
const statusCounts = (answers: Received[]) => tally(answers.map((answer) => answer.status));
const entryCounts = (answers: Received[]) => tally(answers.map((answer) => String(answer.headers['errata-entry'])));

/**
 * Writes raw bytes on a connection of its own, each part 2 ms after the one before, and returns all
 * the server sent before it closed.
 */
function raw(mock: MockServer, parts: string | string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(mock.port, '127.0.0.1', async () => {
      for (const part of Array.isArray(parts) ? parts : [parts]) {
        socket.write(part);
        await new Promise((done) => setTimeout(done, 2));
      }
    });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

const statusesOf = (response: string) => [...response.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('two threads over HTTP', { skip: unsupported ?? false }, () => {
  test('every example gets its predicted response, and both threads answer', async () => {
    const mock = await startMock({ port: 0, threads: 2 });
    try {
      assert.equal(mock.threads, 2);
      const examples = catalogue.flatMap((entry) => (entry.example ? [entry.example.scenario] : []));
      const sents = [...examples, ...examples, ...examples].map((scenario) => sentOf(mockRequest(scenario)));
      const answers = await sendAll(mock, sents);
      answers.forEach((answer, index) => {
        const predicted = predict(examples[index % examples.length] ?? {});
        assert.equal(answer.status, predicted.status);
        assert.deepEqual(answer.json, predicted.body);
        assert.equal(answer.headers['errata-entry'], predicted.entry);
      });
      const seen = await health(mock);
      assert.equal(seen.threads, 2);
      assert.equal(seen.answeredByThread.length, 2);
      assert.equal(seen.answeredByThread[0]! + seen.answeredByThread[1]!, sents.length);
      assert.ok(
        seen.answeredByThread.every((answered) => answered > 0),
        `answered by thread: ${seen.answeredByThread}`,
      );
    } finally {
      await mock.stop();
    }
  });

  test('the rate limit and the token limit are exact across threads', async () => {
    const mock = await startMock({ port: 0, threads: 2, tokens: 30, account: parseAccount({ requestsLastHour: hourlyRequestLimit - 50 }) });
    try {
      const answers = await sendAll(
        mock,
        Array.from({ length: 200 }, () => ({ headers: valid, body: healthy })),
      );
      // 50 pass the rate limit: 30 create tokens, 20 meet the token limit; the other 150 are 429s.
      assert.deepEqual(entryCounts(answers), { 'token-created': 30, 'token-limit-reached': 20, 'rate-limit-exceeded': 150 });
      const seen = await health(mock);
      assert.equal(seen.requestsInWindow, 50);
      assert.equal(seen.tokensCreated, 30);
    } finally {
      await mock.stop();
    }
  });

  test("PUT /__errata/account changes every thread's account before it answers; DELETE clears every journal", async () => {
    const mock = await startMock({ port: 0, threads: 2 });
    try {
      const put = await send(mock.url, { method: 'PUT', path: '/__errata/account', body: '{"active": false}' });
      assert.equal(put.status, 200);
      const inactive = await sendAll(
        mock,
        Array.from({ length: 60 }, () => ({ headers: valid, body: healthy })),
      );
      assert.deepEqual(statusCounts(inactive), { 403: 60 });
      assert.equal((await health(mock)).journaled, 60);

      const cleared = await send(mock.url, { method: 'DELETE', path: '/__errata/requests' });
      assert.equal(cleared.status, 204);
      assert.deepEqual(await requests(mock), []);
      const seen = await health(mock);
      assert.deepEqual(seen.answeredByThread, [0, 0]);
      assert.equal(seen.journaled, 0);
      await send(mock.url, { method: 'PUT', path: '/__errata/account', body: '{}' });
      assert.deepEqual(
        statusCounts(
          await sendAll(
            mock,
            Array.from({ length: 60 }, () => ({ headers: valid, body: healthy })),
          ),
        ),
        { 201: 60 },
      );
    } finally {
      await mock.stop();
    }
  });

  test('the journal merges the threads in the order answered, and keeps the last 1,000 of them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'errata-threads-'));
    const record = join(dir, 'exchanges.jsonl');
    const lines: string[] = [];
    const mock = await startMock({
      port: 0,
      threads: 2,
      record,
      log: { write: (text) => lines.push(text), format: 'json', site: 'https://errata.example' },
    });
    try {
      // In turn, so that the order answered is known.
      for (let index = 0; index < 40; index++)
        await send(mock.url, { headers: { ...valid, connection: 'close' }, body: JSON.stringify({ clientId: `c${index}` }) });
      const listed = await requests(mock);
      assert.deepEqual(
        listed.map((exchange) => exchange.request.body),
        Array.from({ length: 40 }, (_, index) => JSON.stringify({ clientId: `c${index}` })),
      );
      assert.ok((await health(mock)).answeredByThread.every((answered) => answered > 0));

      await sendAll(
        mock,
        Array.from({ length: 1100 }, (_, index) => ({ headers: valid, body: JSON.stringify({ clientId: `d${index}` }) })),
      );
      const kept = await requests(mock);
      assert.equal(kept.length, 1000);
      assert.equal((await health(mock)).journaled, 1000);
      assert.ok(kept.every((exchange) => exchange.request.body?.startsWith('{"clientId":"d')));
      assert.equal(new Set(kept.map((exchange) => exchange.request.body)).size, 1000);
    } finally {
      await mock.stop();
    }
    try {
      // The record file and the log hold every exchange of both threads, once.
      const recorded = readFileSync(record, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as RecordedExchange);
      assert.equal(recorded.length, 1140);
      assert.equal(new Set(recorded.map((exchange) => exchange.request.body)).size, 1140);
      const logged = lines
        .join('')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { path: string });
      assert.equal(logged.filter((line) => line.path === '/api/v2/token').length, 1140);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a request sent behind an API call on the same connection sees what the call did', async () => {
    const mock = await startMock({ port: 0, threads: 2 });
    try {
      const token = '{"clientId":"u"}';
      const tokenRequest = `POST /api/v2/token HTTP/1.1\r\nHost: x\r\nAuthorization: ${valid.authorization}\r\nConnection: close\r\nContent-Length: ${token.length}\r\n\r\n${token}`;
      // On fresh connections, so that both threads take some: each PUT, then a request behind it.
      for (let round = 0; round < 30; round++) {
        const active = round % 2 === 0;
        const put = JSON.stringify({ active });
        const response = await raw(
          mock,
          `PUT /__errata/account HTTP/1.1\r\nHost: x\r\nContent-Length: ${put.length}\r\n\r\n${put}${tokenRequest}`,
        );
        assert.deepEqual(statusesOf(response), [200, active ? 201 : 403], `round ${round}`);
      }
      // DELETE, then a request behind it: the request is counted and journaled after the clearing.
      for (let round = 0; round < 20; round++) {
        const response = await raw(mock, `DELETE /__errata/requests HTTP/1.1\r\nHost: x\r\n\r\n${tokenRequest}`);
        assert.deepEqual(statusesOf(response), [204, 403], `round ${round}`);
        const seen = await health(mock);
        assert.equal(seen.journaled, 1, `round ${round}`);
        assert.equal(seen.requestsInWindow, 0, `round ${round}: a 403 is not counted`);
      }
    } finally {
      await mock.stop();
    }
  });

  test('answers that need no handler (a body declared too large, bytes that are not HTTP) wait for an API call ahead of them', async () => {
    const mock = await startMock({ port: 0, threads: 2 });
    try {
      // A thousand exchanges make the journal's answer slow enough for the rest to arrive meanwhile.
      await sendAll(
        mock,
        Array.from({ length: 1000 }, () => ({ headers: valid, body: healthy })),
      );
      for (let round = 0; round < 6; round++) {
        const tooLarge = `POST /api/v2/token HTTP/1.1\r\nHost: x\r\nAuthorization: ${valid.authorization}\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`;
        const afterList = await raw(mock, ['GET /__errata/requests HTTP/1.1\r\nHost: x\r\n\r\n', 'NOT HTTP AT ALL\r\n\r\n']);
        assert.deepEqual(statusesOf(afterList), [200, 400], `round ${round}: the list, then the 400`);
        const afterDelete = await raw(mock, [`DELETE /__errata/requests HTTP/1.1\r\nHost: x\r\n\r\n${tooLarge}`]);
        assert.deepEqual(statusesOf(afterDelete), [204, 413], `round ${round}`);
        // The 413 came after the clearing: it is the one exchange journaled.
        assert.equal((await health(mock)).journaled, 1, `round ${round}`);
        await sendAll(
          mock,
          Array.from({ length: 1000 }, () => ({ headers: valid, body: healthy })),
        );
      }
    } finally {
      await mock.stop();
    }
  });

  test('an account PUT as soon as the first thread listens reaches every thread', async () => {
    const port = await freePort();
    const starting = startMock({ port, threads: 2 });
    const url = `http://127.0.0.1:${port}`;
    let put: Received | undefined;
    while (!put) put = await send(url, { method: 'PUT', path: '/__errata/account', body: '{"active": false}' }).catch(() => undefined);
    const mock = await starting;
    try {
      assert.equal(put.status, 200);
      const answers = await sendAll(
        mock,
        Array.from({ length: 40 }, () => ({ headers: valid, body: healthy })),
      );
      assert.deepEqual(statusCounts(answers), { 403: 40 });
      assert.ok((await health(mock)).answeredByThread.every((answered) => answered > 0));
    } finally {
      await mock.stop();
    }
  });

  test('stop() lets the requests in flight on every thread finish, then refuses new connections', async () => {
    const mock = await startMock({ port: 0, threads: 2 });
    // Sixteen requests whose bodies are still arriving, on connections of their own: both threads have some.
    const inFlight = Array.from({ length: 16 }, () => sendSlowly(mock.url, valid, healthy, 300));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = mock.stop();
    assert.deepEqual(
      await Promise.all(inFlight),
      Array.from({ length: 16 }, () => 201),
    );
    await stopped;
    await assert.rejects(send(mock.url, { headers: valid, body: healthy }), /ECONNREFUSED/);
  });
});
