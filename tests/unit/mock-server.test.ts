/**
 * The mock server over real HTTP on a free port: every catalogue example gets its predicted
 * response, credentials, the account (server, file form, header), the rolling window with a clock
 * the test moves, --tokens, the journal, the record file, and a graceful stop.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../../src/catalogue/index.ts';
import { predict } from '../../src/predict/predict.ts';
import { hourlyRequestLimit } from '../../src/predict/stages.ts';
import { basicAuthorization } from '../../src/mock/credentials.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { parseAccount } from '../../src/mock/account.ts';
import { mockRequest } from '../../src/site/mock-command.ts';
import type { RecordedExchange } from '../../src/mock/exchange.ts';
import { send, sendSlowly, sentOf } from './mock-client.ts';

const valid = { authorization: basicAuthorization('errata-key', 'errata-secret') };
const healthy = '{"clientId": "user-42"}';

describe('every catalogue example over HTTP', () => {
  let mock: MockServer;
  before(async () => {
    mock = await startMock({ port: 0 });
  });
  after(() => mock.stop());
  beforeEach(() => mock.state.reset());

  const examples = catalogue.filter((entry) => entry.example !== undefined);
  test('the catalogue has examples to send', () => assert.ok(examples.length >= 40));
  for (const entry of examples) {
    test(`${entry.slug}: the predicted status, body and entry`, async () => {
      const scenario = entry.example?.scenario ?? {};
      const predicted = predict(scenario);
      const received = await send(mock.url, sentOf(mockRequest(scenario)));
      assert.equal(received.status, predicted.status);
      assert.deepEqual(received.json, predicted.body);
      assert.equal(received.headers['errata-entry'], predicted.entry);
      assert.equal(received.headers['content-type'], 'application/json');
      assert.equal(Number(received.headers['content-length']), Buffer.byteLength(received.text));
    });
  }
});

describe('requests', () => {
  let mock: MockServer;
  before(async () => {
    mock = await startMock({ port: 0 });
  });
  after(() => mock.stop());
  beforeEach(() => {
    mock.state.reset();
    mock.state.account = parseAccount({});
  });

  test('credentials: missing, wrong and right', async () => {
    const missing = await send(mock.url, { body: healthy });
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.json, { message: 'Invalid authorization credentials' });
    for (const authorization of [
      basicAuthorization('errata-key', 'wrong'),
      basicAuthorization('someone', 'errata-secret'),
      'Bearer errata-key:errata-secret',
      'Basic !!!',
      '',
    ]) {
      const wrong = await send(mock.url, { headers: { authorization }, body: healthy });
      assert.equal(wrong.status, 401, authorization);
    }
    const right = await send(mock.url, { headers: valid, body: healthy });
    assert.equal(right.status, 201);
    // The scheme is case-insensitive.
    const lower = await send(mock.url, { headers: { authorization: valid.authorization.replace('Basic', 'basic') }, body: healthy });
    assert.equal(lower.status, 201);
  });

  test('other key and secret', async () => {
    const other = await startMock({ port: 0, key: 'k', secret: 's:with:colons' });
    try {
      assert.equal((await send(other.url, { headers: valid, body: healthy })).status, 401);
      const right = await send(other.url, { headers: { authorization: basicAuthorization('k', 's:with:colons') }, body: healthy });
      assert.equal(right.status, 201);
    } finally {
      await other.stop();
    }
  });

  test('raw bytes: invalid UTF-8, an empty body, malformed JSON, chunked bodies', async () => {
    const latin1 = Buffer.from([...Buffer.from('{"clientId": "J'), 0xfc, ...Buffer.from('rgen"}')]);
    const notUtf8 = await send(mock.url, { headers: valid, body: latin1 });
    assert.equal(notUtf8.status, 400);
    assert.equal((notUtf8.json as { identifier: string }).identifier, 'ENCODING_ERROR');
    const empty = await send(mock.url, { headers: valid, body: '' });
    assert.deepEqual(empty.json, predict({ request: { rawBody: '' } }).body);
    const noBody = await send(mock.url, { headers: valid });
    assert.deepEqual(noBody.json, predict({ request: { rawBody: '' } }).body);
    const malformed = await send(mock.url, { headers: valid, body: '{"clientId": "x",}' });
    assert.equal((malformed.json as { identifier: string }).identifier, 'JSON_ERROR');
    const chunked = await send(mock.url, { headers: { ...valid, 'transfer-encoding': 'chunked' }, body: healthy });
    assert.equal(chunked.status, 201);
    const float = await send(mock.url, { headers: valid, body: '3600.0' });
    assert.deepEqual(float.json, predict({ request: { rawBody: '3600.0' } }).body);
  });

  test('methods: HEAD gets the status and headers without a body; OPTIONS and GET as predicted', async () => {
    const head = await send(mock.url, { method: 'HEAD', headers: valid });
    const predicted = predict({ request: { method: 'HEAD', rawBody: '' } });
    assert.equal(head.status, predicted.status);
    assert.equal(head.text, '');
    assert.equal(Number(head.headers['content-length']), Buffer.byteLength(JSON.stringify(predicted.body)));
    for (const method of ['GET', 'OPTIONS', 'PUT', 'DELETE', 'PATCH']) {
      const received = await send(mock.url, { method, headers: valid, body: healthy });
      assert.deepEqual(received.json, predict({ request: { method, rawBody: healthy } }).body, method);
    }
  });

  test('a query string does not change the path', async () => {
    assert.equal((await send(mock.url, { path: '/api/v2/token?x=1', headers: valid, body: healthy })).status, 201);
  });

  test("the Errata-Account header is merged over the server's account", async () => {
    mock.state.account = parseAccount({ fundsAvailable: false });
    assert.equal((await send(mock.url, { headers: valid, body: healthy })).status, 402);
    const overridden = await send(mock.url, { headers: { ...valid, 'errata-account': '{"fundsAvailable": true}' }, body: healthy });
    assert.equal(overridden.status, 201);
    // A field the header leaves out keeps the server's value.
    const other = await send(mock.url, { headers: { ...valid, 'errata-account': '{"customCallbackUrl": false}' }, body: healthy });
    assert.equal(other.status, 402);
    const inactive = await send(mock.url, {
      headers: { ...valid, 'errata-account': '{"active": false, "fundsAvailable": true}' },
      body: healthy,
    });
    assert.deepEqual(inactive.json, { message: 'Partner inactive' });
  });

  test("a malformed Errata-Account header is the mock's own 422, naming the problem", async () => {
    for (const [value, reason] of [
      ['{"active": 1}', /active/],
      ['{"activ": true}', /activ/],
      ['not json', /not JSON/],
      ['[true]', /object/],
      ['{"requestsLastHour": -1}', /requestsLastHour/],
      ['['.repeat(5000), /nested deeper/],
    ] as const) {
      const received = await send(mock.url, { headers: { ...valid, 'errata-account': value }, body: healthy });
      assert.equal(received.status, 422, value.slice(0, 20));
      const { errata } = received.json as { errata: string };
      assert.match(errata, /Errata-Account/);
      assert.match(errata, reason);
    }
    assert.equal((await send(mock.url, { headers: valid, body: healthy })).status, 201);
  });

  test('PUT /__errata/account replaces the account, validated; GET reads it', async () => {
    const put = await send(mock.url, { method: 'PUT', path: '/__errata/account', body: '{"active": false}' });
    assert.equal(put.status, 200);
    assert.equal((put.json as { active: boolean }).active, false);
    assert.deepEqual((await send(mock.url, { headers: valid, body: healthy })).json, { message: 'Partner inactive' });
    const bad = await send(mock.url, { method: 'PUT', path: '/__errata/account', body: '{"keyEnvironment": "moon"}' });
    assert.equal(bad.status, 422);
    assert.match((bad.json as { errata: string }).errata, /keyEnvironment/);
    const read = await send(mock.url, { method: 'GET', path: '/__errata/account' });
    assert.equal((read.json as { active: boolean }).active, false);
    const reset = await send(mock.url, { method: 'PUT', path: '/__errata/account', body: '{}' });
    assert.equal((reset.json as { active: boolean }).active, true);
    assert.equal((await send(mock.url, { method: 'POST', path: '/__errata/account', body: '{}' })).status, 405);
  });

  test("other paths are the mock's own 404; health answers", async () => {
    const missing = await send(mock.url, { method: 'GET', path: '/api/v2/status' });
    assert.equal(missing.status, 404);
    assert.match((missing.json as { errata: string }).errata, /\/api\/v2\/token/);
    assert.equal((await send(mock.url, { method: 'GET', path: '/__errata/nothing' })).status, 404);
    const health = await send(mock.url, { method: 'GET', path: '/__errata/health' });
    assert.equal(health.status, 200);
    assert.equal((health.json as { status: string }).status, 'ok');
  });
});

describe('addresses', () => {
  test('loopback by default; an IPv6 host is bracketed in the base URL', async (context) => {
    const mock = await startMock({ port: 0 });
    assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    await mock.stop();
    let ipv6: MockServer;
    try {
      ipv6 = await startMock({ host: '::1', port: 0 });
    } catch {
      return context.skip('no IPv6 loopback here');
    }
    try {
      assert.match(ipv6.url, /^http:\/\/\[::1\]:\d+$/);
      assert.equal((await send(ipv6.url, { method: 'GET', path: '/__errata/health' })).status, 200);
    } finally {
      await ipv6.stop();
    }
  });
});

describe('the rolling window and the token limit', () => {
  test('the rate limit is reached by counting, with a clock the test moves', async () => {
    let clock = 1_000_000;
    const mock = await startMock({ port: 0, windowSeconds: 60, now: () => clock });
    const agent = new Agent({ keepAlive: true });
    try {
      // The account has made all but three of its requests; each request that passes the limit counts.
      const account = JSON.stringify({ requestsLastHour: hourlyRequestLimit - 3 });
      const sendOne = (headers: Record<string, string> = valid, body = healthy) =>
        send(mock.url, { headers: { ...headers, 'errata-account': account }, body, agent });
      assert.equal((await sendOne()).status, 201);
      assert.equal((await sendOne(valid, '[]')).status, 400); // a refused body counts too
      // 401s are refused before the limit: they do not count.
      assert.equal((await sendOne({})).status, 401);
      clock += 30_000;
      assert.equal((await sendOne()).status, 201);
      const limited = await sendOne();
      assert.equal(limited.status, 429);
      assert.equal((limited.json as { identifier: string }).identifier, 'TOO_MANY_REQUESTS');
      // 429s do not count either: after the first two leave the window, two more pass.
      clock += 30_001;
      assert.equal((await sendOne()).status, 201);
      assert.equal((await sendOne()).status, 201);
      assert.equal((await sendOne()).status, 429);
      const health = await send(mock.url, { method: 'GET', path: '/__errata/health', agent });
      assert.equal((health.json as { requestsInWindow: number }).requestsInWindow, 3);
      // DELETE /__errata/requests clears the counters.
      assert.equal((await send(mock.url, { method: 'DELETE', path: '/__errata/requests', agent })).status, 204);
      assert.equal((await sendOne()).status, 201);
    } finally {
      agent.destroy();
      await mock.stop();
    }
  });

  test('the window alone reaches the limit of 10,000', async () => {
    const clock = 5_000;
    const mock = await startMock({ port: 0, now: () => clock });
    try {
      for (let index = 0; index < hourlyRequestLimit; index++) mock.state.window.add(clock);
      assert.equal((await send(mock.url, { headers: valid, body: healthy })).status, 429);
    } finally {
      await mock.stop();
    }
  });

  test('--tokens N: N tokens, then the token limit; errors use none', async () => {
    const mock = await startMock({ port: 0, tokens: 2 });
    try {
      assert.equal((await send(mock.url, { headers: valid, body: healthy })).status, 201);
      assert.equal((await send(mock.url, { headers: valid, body: '{}' })).status, 400);
      assert.equal((await send(mock.url, { headers: valid, body: healthy })).status, 201);
      const limit = await send(mock.url, { headers: valid, body: healthy });
      assert.deepEqual(limit.json, predict({ account: { tokenLimitReached: true } }).body);
      await send(mock.url, { method: 'DELETE', path: '/__errata/requests' });
      assert.equal((await send(mock.url, { headers: valid, body: healthy })).status, 201);
    } finally {
      await mock.stop();
    }
  });
});

describe('the journal and the record file', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'errata-mock-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('GET /__errata/requests lists exchanges oldest first, in the exchange format; DELETE clears it', async () => {
    const mock = await startMock({ port: 0 });
    try {
      await send(mock.url, { headers: { ...valid, 'x-trace': 'one' }, body: healthy });
      await send(mock.url, { headers: valid, body: Buffer.from([0xff, 0xfe]) });
      await send(mock.url, { method: 'GET', path: '/elsewhere' });
      const listed = (await send(mock.url, { method: 'GET', path: '/__errata/requests' })).json as RecordedExchange[];
      assert.equal(listed.length, 3);
      const [first, second, third] = listed as [RecordedExchange, RecordedExchange, RecordedExchange];
      assert.equal(first.request.headers?.authorization, 'Basic <redacted>');
      assert.equal(first.request.headers?.['x-trace'], 'one');
      assert.equal(first.request.body, healthy);
      assert.equal(first.response.status, 201);
      assert.equal((first.response.body as { clientId: string }).clientId, 'user-42');
      assert.match(first.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(second.request.bodyBase64, '//4=');
      assert.equal(second.request.body, undefined);
      assert.equal(third.response.status, 404);
      assert.equal(third.request.path, '/elsewhere');
      await send(mock.url, { method: 'DELETE', path: '/__errata/requests' });
      assert.deepEqual((await send(mock.url, { method: 'GET', path: '/__errata/requests' })).json, []);
    } finally {
      await mock.stop();
    }
  });

  test('the journal keeps the last 1,000 exchanges', async () => {
    const mock = await startMock({ port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    try {
      await Promise.all(
        Array.from({ length: 1010 }, (_, index) =>
          send(mock.url, { headers: valid, body: JSON.stringify({ clientId: `c${index}` }), agent }),
        ),
      );
      const listed = (await send(mock.url, { method: 'GET', path: '/__errata/requests', agent })).json as RecordedExchange[];
      assert.equal(listed.length, 1000);
    } finally {
      agent.destroy();
      await mock.stop();
    }
  });

  test('--record writes one exchange a line, Authorization redacted', async () => {
    const file = join(dir, 'exchanges.jsonl');
    const mock = await startMock({ port: 0, record: file });
    await send(mock.url, { headers: { ...valid, 'errata-account': '{"active": false}' }, body: healthy });
    await send(mock.url, { headers: { authorization: 'Basic c2VjcmV0OnZhbHVl' }, body: Buffer.from([0xc3, 0x28]) });
    await send(mock.url, { method: 'HEAD', headers: valid });
    await mock.stop();
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes('c2VjcmV0OnZhbHVl'), 'no credential in the file');
    assert.ok(!text.includes(valid.authorization.slice(6)), 'no credential in the file');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as RecordedExchange);
    assert.equal(lines.length, 3);
    for (const line of lines) {
      assert.deepEqual(Object.keys(line), ['time', 'request', 'response']);
      assert.equal(new Date(line.time).toISOString(), line.time);
      assert.equal(line.request.headers?.authorization, 'Basic <redacted>');
      assert.equal(line.request.path, '/api/v2/token');
      for (const [name, value] of Object.entries(line.request.headers ?? {})) {
        assert.equal(name, name.toLowerCase());
        assert.equal(typeof value, 'string');
      }
    }
    assert.deepEqual(lines[0]?.response, { status: 403, body: { message: 'Partner inactive' } });
    assert.equal(lines[0]?.request.headers?.['errata-account'], '{"active": false}');
    assert.equal(lines[1]?.request.bodyBase64, 'wyg=');
    assert.equal(lines[1]?.response.status, 401);
    assert.deepEqual(lines[2]?.response, { status: 405, body: '' });
  });
});

describe('stopping', () => {
  test('stop() answers the requests in flight, then refuses new connections', async () => {
    const mock = await startMock({ port: 0 });
    // A request whose body is still arriving when the stop begins.
    const inFlight = sendSlowly(mock.url, valid, healthy, 200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = mock.stop();
    assert.equal(await inFlight, 201);
    await stopped;
    await assert.rejects(send(mock.url, { headers: valid, body: healthy }), /ECONNREFUSED/);
  });
});
