/**
 * The entry pages' "Reproduce with the mock server" commands: built from each example scenario,
 * and, run with the real curl against the mock in-process, answered with the predicted response.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { catalogue } from '../../src/catalogue/index.ts';
import { predict } from '../../src/predict/predict.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { mockBaseUrl, mockCurl, mockRequest } from '../../src/site/mock-command.ts';
import { send, sentOf } from './mock-client.ts';

const run = promisify(execFile);
const examples = catalogue.filter((entry) => entry.example !== undefined);
const curlInstalled = ['/usr/bin/curl', '/usr/local/bin/curl', '/bin/curl'].some((path) => existsSync(path));

describe('the command', () => {
  test('a healthy request: the default credentials, no account header, the body as written', () => {
    assert.equal(
      mockCurl({}),
      `curl -i ${mockBaseUrl}/api/v2/token \\\n  -u 'errata-key:errata-secret' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{"clientId":"user-42"}'`,
    );
  });

  test('account state goes in the Errata-Account header; quotes are escaped for the shell', () => {
    const command = mockCurl({ request: { body: { clientId: "O'Brien" } }, account: { active: false } });
    assert.match(command, /-H 'Errata-Account: \{"active":false\}'/);
    assert.match(command, /--data-raw '\{"clientId":"O'\\''Brien"\}'/);
  });

  test('credentials, methods and bodies', () => {
    assert.doesNotMatch(mockCurl({ request: { credentials: 'missing' } }), / -u /);
    assert.match(mockCurl({ request: { credentials: 'invalid' } }), /-u 'errata-key:not-the-secret'/);
    assert.match(mockCurl({ request: { method: 'GET' } }), /^curl -i -X GET /);
    const head = mockCurl({ request: { method: 'HEAD' } });
    assert.match(head, /^curl -i -I /);
    assert.doesNotMatch(head, /--data/);
    assert.match(mockCurl({ request: { rawBody: '' } }), /--data-raw ''$/);
    assert.match(mockCurl({ request: { rawBodyBase64: 'wyg=' } }), /^echo 'wyg=' \| base64 -d \| curl .*--data-binary @-$/s);
    assert.deepEqual(mockRequest({ request: { body: null } }).body, { kind: 'text', text: 'null' });
  });
});

describe('every entry reproduced against the mock', () => {
  let mock: MockServer;
  before(async () => {
    // No rolling window: each command is answered as if it were the first request of the hour.
    mock = await startMock({ port: 0, windowSeconds: 0 });
  });
  after(() => mock.stop());

  for (const entry of examples) {
    const scenario = entry.example?.scenario ?? {};
    test(`${entry.slug}: the request of the command gets the predicted response`, async () => {
      const predicted = predict(scenario);
      const received = await send(mock.url, sentOf(mockRequest(scenario)));
      assert.equal(received.status, predicted.status);
      assert.deepEqual(received.json, predicted.body);
    });
    test(`${entry.slug}: the command itself, run by curl, gets it too`, { skip: !curlInstalled && 'curl is not installed' }, async () => {
      const predicted = predict(scenario);
      const { stdout } = await run('bash', [
        '-c',
        mockCurl(scenario, mock.url)
          .replace(/^curl -i/m, 'curl -sS -i')
          .replace('| curl -i', '| curl -sS -i'),
      ]);
      const [head = '', body = ''] = stdout.split(/\r\n\r\n/);
      assert.equal(Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), predicted.status, head);
      assert.deepEqual(JSON.parse(body), predicted.body);
    });
  }
});
