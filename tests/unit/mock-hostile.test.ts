/**
 * What a hostile or broken client can send the mock: each gets a clear answer (or, when it went
 * away, none), and the server keeps serving the next request.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { basicAuthorization } from '../../src/mock/credentials.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { threadsUnsupported } from '../../src/mock/threads.ts';
import { maxBodyBytes } from '../../src/limits.ts';
import { send } from './mock-client.ts';

const valid = { authorization: basicAuthorization('errata-key', 'errata-secret') };
const healthy = '{"clientId": "user-42"}';

/** Sends raw bytes on a socket and returns everything the server wrote before it closed. */
function raw(mock: MockServer, parts: (string | Buffer)[], pauseMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(mock.port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve(Buffer.concat(received).toString('latin1')) : reject(error),
    );
    socket.on('close', () => resolve(Buffer.concat(received).toString('latin1')));
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        if (pauseMs > 0) await new Promise((done) => setTimeout(done, pauseMs));
      }
    });
  });
}

function errataOf(response: string): string {
  const body = response.slice(response.indexOf('\r\n\r\n') + 4);
  return (JSON.parse(body) as { errata: string }).errata;
}

// Once on one thread, and once on two where this Node can share a port between threads.
const threadCounts = threadsUnsupported() === null ? [1, 2] : [1];

for (const threads of threadCounts)
  describe(`hostile input, ${threads === 1 ? 'one thread' : `${threads} threads`}`, () => {
    let mock: MockServer;
    before(async () => {
      mock = await startMock({ port: 0, requestTimeoutMs: 400, headersTimeoutMs: 300, threads });
      assert.equal(mock.threads, threads);
    });
    after(() => mock.stop());

    async function stillServing(): Promise<void> {
      const received = await send(mock.url, { headers: valid, body: healthy });
      assert.equal(received.status, 201);
    }

    test('a 5 MB body: 413 naming the limit, declared or chunked', async () => {
      const big = Buffer.alloc(5 * 1024 * 1024, 0x61);
      const declared = await send(mock.url, { headers: valid, body: big });
      assert.equal(declared.status, 413);
      assert.match((declared.json as { errata: string }).errata, /1 MiB/);
      const chunked = await send(mock.url, { headers: { ...valid, 'transfer-encoding': 'chunked' }, body: big });
      assert.equal(chunked.status, 413);
      await stillServing();
    });

    test('a body of exactly the limit is read and predicted', async () => {
      const text = `{"clientId": "user-42", "pad": "${'x'.repeat(maxBodyBytes - 34)}"}`;
      assert.equal(Buffer.byteLength(text), maxBodyBytes);
      assert.equal((await send(mock.url, { headers: valid, body: text })).status, 201);
    });

    test('Expect: 100-continue with a body too large: 413 before the body is sent', async () => {
      const response = await raw(mock, [
        `POST /api/v2/token HTTP/1.1\r\nHost: x\r\nAuthorization: ${valid.authorization}\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n`,
      ]);
      assert.match(response, /^HTTP\/1\.1 413 /);
      assert.doesNotMatch(response, /100 Continue/);
    });

    test('200,000 nested brackets: 422 naming the depth limit', async () => {
      const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
      const received = await send(mock.url, { headers: valid, body: deep });
      assert.equal(received.status, 422);
      assert.match((received.json as { errata: string }).errata, /512 levels/);
      const inObject = `{"clientId": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
      assert.equal((await send(mock.url, { headers: valid, body: inObject })).status, 422);
      // Brackets inside strings do not count.
      assert.equal((await send(mock.url, { headers: valid, body: JSON.stringify({ clientId: '['.repeat(10_000) }) })).status, 400);
      await stillServing();
    });

    test('invalid UTF-8 and binary noise reach the encoding check', async () => {
      const noise = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
      const received = await send(mock.url, { headers: valid, body: noise });
      assert.equal(received.status, 400);
      assert.equal((received.json as { identifier: string }).identifier, 'ENCODING_ERROR');
    });

    test('a slow client: 408 once the request timeout passes, connection closed', async () => {
      const started = Date.now();
      const response = await raw(
        mock,
        [
          `POST /api/v2/token HTTP/1.1\r\nHost: x\r\nAuthorization: ${valid.authorization}\r\nContent-Length: 100\r\n\r\n{"cl`,
          'i',
          'e',
          'n',
          't',
        ],
        150,
      );
      assert.match(response, /^HTTP\/1\.1 408 /);
      assert.match(errataOf(response), /did not arrive whole/);
      assert.ok(Date.now() - started < 3000);
      await stillServing();
    });

    test("headers that never end: 408 in the mock's words", async () => {
      const response = await raw(
        mock,
        ['POST /api/v2/token HTTP/1.1\r\nHost: x\r\n', 'X-A: 1\r\n', 'X-B: 2\r\n', 'X-C: 3\r\n', 'X-D: 4\r\n', 'X-E: 5\r\n'],
        250,
      );
      assert.match(response, /^HTTP\/1\.1 408 /);
      assert.match(errataOf(response), /headers/);
      await stillServing();
    });

    test('a client that disconnects mid-body: nothing answered, nothing kept, still serving', async () => {
      const before = mock.journal.length;
      await new Promise<void>((resolve) => {
        const sending = httpRequest(new URL('/api/v2/token', mock.url), { method: 'POST', headers: { ...valid, 'content-length': 1000 } });
        sending.on('error', () => resolve());
        sending.write('{"clientId": "us');
        setTimeout(() => {
          sending.destroy();
          resolve();
        }, 50);
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(mock.journal.length, before);
      await stillServing();
    });

    test("not HTTP at all, oversized headers, an unknown method: 400 or 431 in the mock's words", async () => {
      const garbage = await raw(mock, [
        Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]),
      ]);
      assert.match(garbage, /^HTTP\/1\.1 400 /);
      assert.match(errataOf(garbage), /not valid HTTP/);
      const huge = await raw(mock, [`GET /api/v2/token HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`]);
      assert.match(huge, /^HTTP\/1\.1 431 /);
      const unknown = await raw(mock, ['BREW /api/v2/token HTTP/1.1\r\nHost: x\r\n\r\n']);
      assert.match(unknown, /^HTTP\/1\.1 400 /);
      await stillServing();
    });

    test('200 concurrent connections each get their own answer', async () => {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          send(mock.url, {
            headers: { ...valid, connection: 'close', ...(index % 3 === 0 ? { 'errata-account': '{"active": false}' } : {}) },
            body: index % 2 === 0 ? JSON.stringify({ clientId: `client-${index}` }) : '{',
          }),
        ),
      );
      answers.forEach((answer, index) => {
        if (index % 3 === 0) assert.equal(answer.status, 403, String(index));
        else if (index % 2 === 0) assert.equal((answer.json as { clientId: string }).clientId, `client-${index}`);
        else assert.equal((answer.json as { identifier: string }).identifier, 'JSON_ERROR');
      });
      await stillServing();
    });

    test('pipelined requests on one connection are answered in order', async () => {
      const one = `POST /api/v2/token HTTP/1.1\r\nHost: x\r\nAuthorization: ${valid.authorization}\r\nContent-Length: ${healthy.length}\r\n\r\n${healthy}`;
      const last = 'GET /__errata/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
      const response = await raw(mock, [one + one + last]);
      // Bodies end without a newline, so the next status line follows on the same line.
      assert.deepEqual(response.match(/HTTP\/1\.1 \d+/g), ['HTTP/1.1 201', 'HTTP/1.1 201', 'HTTP/1.1 200']);
    });
  });
