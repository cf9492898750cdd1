/**
 * `errata check`: recorded traffic in HAR and JSON Lines files written for the purpose
 * (tests/fixtures/check/, made by make-fixtures.ts), judged exchange by exchange; the exact
 * `--json`; files that cannot be read; and no credential or personal value in any output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HarFormatError, HarScanner } from '../../src/check/har-scanner.ts';
import { singleChanges } from '../../src/check/account-states.ts';
import { accountSchema } from '../../src/token/scenario.ts';
import { runCli, type Ran } from './cli-harness.ts';
import { run } from '../../src/cli/run.ts';
import type { Io } from '../../src/cli/io.ts';

const fixtures = fileURLToPath(new URL('../fixtures/check/', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'errata-check-test-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function cli(argv: string[]): Promise<Ran> {
  return runCli(argv, { cwd: fixtures });
}

interface Item {
  index: number;
  verdict: string;
  observed: { status: number; body: unknown; entry: string | null } | null;
  predicted: { status: number; body: Record<string, unknown>; entry: string } | null;
  account: Record<string, unknown> | null;
  why: string;
}
interface Report {
  exchanges: number;
  agree: number;
  differ: number;
  unknown: number;
  skipped: number;
  items: Item[];
}

async function checkJson(file: string): Promise<{ code: number; report: Report }> {
  const ran = await cli(['check', file, '--json']);
  return { code: ran.code, report: JSON.parse(ran.stdout) as Report };
}

/** What each exchange of mixed.har and mixed.jsonl is there to show (see make-fixtures.ts). */
const expected: [verdict: string, account: Record<string, unknown> | null, why: string | RegExp][] = [
  ['agree', null, 'agrees'],
  ['agree', { fundsAvailable: false }, 'agrees if the account had no funds'],
  ['agree', null, 'agrees'],
  ['skipped', null, 'skipped: not the token endpoint (GET /api/v2/status)'],
  ['agree', null, 'agrees if the credentials sent were invalid'],
  // DEMO is none of the environments Errata models: {ENV} takes any value, and the first key
  // environment that mismatches the endpoint's names the state.
  ['agree', { keyEnvironment: 'development' }, 'agrees if the API key was a development key'],
  ['differ', null, 'differs: status 422, predicted 400'],
  ['differ', null, 'differs: identifier VALIDATION_ERROR, predicted BAD_VALUE'],
  ['differ', null, /^differs: message "Field 'nationality' must be a valid ISO 3166-1 alpha-2 code\." is not the predicted one$/],
  ['unknown', null, 'no catalogue entry explains a 502 response whose body is not JSON'],
  ['unknown', null, /^no catalogue entry has the message "Xxxxxxx is on a sanctions list\."$/],
  ['agree', { requestsLastHour: 10000 }, /^agrees if the account had made 10,000 requests in the past hour/],
  ['agree', { questionnaires: [] }, 'agrees if the account did not have this questionnaire'],
  ['agree', { tokenLimitReached: true }, 'agrees if the account had reached its token limit'],
  // The older 400 PERMISSIONS_ERROR form belongs to dummy sessions since catalogue 1.1.0 (R12):
  // for a request without dummyStatus it is a catalogued response, but not the predicted one.
  [
    'differ',
    { keyEnvironment: 'sandbox' },
    'differs (even if the API key was a sandbox key): status 400, predicted 403; identifier PERMISSIONS_ERROR, predicted none',
  ],
  ['agree', null, 'agrees (no credentials were sent)'],
];

for (const file of ['mixed.har', 'mixed.jsonl']) {
  describe(`errata check ${file}`, () => {
    test('judges every exchange in file order, naming the account state an agreement needs', async () => {
      const { code, report } = await checkJson(file);
      assert.equal(code, 1, 'something differs or is unknown: exit 1');
      assert.equal(report.items.length, expected.length);
      report.items.forEach((item, index) => {
        const [verdict, account, why] = expected[index] as (typeof expected)[number];
        assert.equal(item.index, index);
        assert.equal(item.verdict, verdict, `exchange ${index}: ${item.why}`);
        assert.deepEqual(item.account, account, `exchange ${index}`);
        if (typeof why === 'string') assert.equal(item.why, why);
        else assert.match(item.why, why);
      });
      assert.deepEqual(
        { exchanges: report.exchanges, agree: report.agree, differ: report.differ, unknown: report.unknown, skipped: report.skipped },
        { exchanges: 16, agree: 9, differ: 4, unknown: 2, skipped: 1 },
      );
      assert.equal(report.agree + report.differ + report.unknown + report.skipped, report.exchanges);
    });

    test('says what was observed and predicted, with the catalogue entry of each', async () => {
      const { report } = await checkJson(file);
      const status = report.items[6] as Item;
      assert.deepEqual(status.observed?.entry, 'country-invalid');
      assert.equal(status.observed?.status, 422);
      assert.equal(status.predicted?.status, 400);
      const unknown = report.items[9] as Item;
      assert.equal(unknown.observed?.entry, null);
      assert.equal(unknown.observed?.body, '<html><body>502 Bad Gateway</body></html>');
    });

    test('prints no credential, token or personal value, in the table, the JSON or the report', async () => {
      const reportFile = join(temp, `${file}.md`);
      const outputs = [
        (await cli(['check', file, '--all'])).stdout,
        (await cli(['check', file, '--json'])).stdout,
        (await cli(['check', file, '--report', reportFile])).stdout,
        readFileSync(reportFile, 'utf8'),
      ];
      const secrets = [
        'live-key-9f8e7d6c',
        's3cr3t-passw0rd-XYZ',
        btoa('live-key-9f8e7d6c:s3cr3t-passw0rd-XYZ'),
        'Jurgita',
        'Petraitytė',
        '1990-03-14',
        'customer-8812',
        'Zq8LRealTokenValue',
        '7b1c2d3e-aaaa',
      ];
      for (const output of outputs) for (const secret of secrets) assert.ok(!output.includes(secret), `${secret} must not be printed`);
    });
  });
}

test('the exact --json of a small file: counts first, one item per exchange in file order', async () => {
  const ran = await cli(['check', 'small.jsonl', '--json']);
  assert.equal(ran.code, 1);
  assert.deepEqual(JSON.parse(ran.stdout), {
    exchanges: 4,
    agree: 1,
    differ: 1,
    unknown: 1,
    skipped: 1,
    items: [
      {
        index: 0,
        verdict: 'skipped',
        observed: null,
        predicted: null,
        account: null,
        why: 'skipped: not the token endpoint (GET /api/v2/status)',
      },
      {
        index: 1,
        verdict: 'agree',
        observed: {
          status: 402,
          body: { message: 'Action not allowed due to lack of funds or exceeded limit.' },
          entry: 'insufficient-funds',
        },
        predicted: {
          status: 402,
          body: { message: 'Action not allowed due to lack of funds or exceeded limit.' },
          entry: 'insufficient-funds',
        },
        account: { fundsAvailable: false },
        why: 'agrees if the account had no funds',
      },
      {
        index: 2,
        verdict: 'differ',
        observed: {
          status: 400,
          body: { identifier: 'BAD_VALUE', message: "Field 'nationality' must be a valid ISO 3166-1 alpha-2 code." },
          entry: 'nationality-invalid',
        },
        predicted: {
          status: 400,
          body: { identifier: 'BAD_VALUE', message: "Field 'country' must be a valid ISO 3166-1 alpha-2 code." },
          entry: 'country-invalid',
        },
        account: null,
        why: `differs: message "Field 'nationality' must be a valid ISO 3166-1 alpha-2 code." is not the predicted one`,
      },
      {
        index: 3,
        verdict: 'unknown',
        observed: { status: 502, body: '<html><body>502 Bad Gateway</body></html>', entry: null },
        predicted: {
          status: 400,
          body: { identifier: 'BAD_VALUE', message: "Field 'country' must be a valid ISO 3166-1 alpha-2 code." },
          entry: 'country-invalid',
        },
        account: null,
        why: 'no catalogue entry explains a 502 response whose body is not JSON',
      },
    ],
  });
  assert.match(ran.stdout, /^\{"exchanges":4,"agree":1,"differ":1,"unknown":1,"skipped":1,"items":\[/);
});

test('the human table lists what needs a look and ends with the summary line', async () => {
  const ran = await cli(['check', 'mixed.har']);
  const lines = ran.stdout.trimEnd().split('\n');
  assert.match(lines[0] as string, /^index\s+verdict\s+observed\s+predicted\s+why$/);
  assert.equal(lines.length, 1 + 6 + 1, 'a header, the four differences and two unknowns, the summary');
  assert.equal(lines.at(-1), '16 exchanges: 9 agree, 4 differ, 2 unknown, 1 skipped');
});

test('exit 0 when everything agrees', async () => {
  const lines = readFileSync(join(fixtures, 'mixed.jsonl'), 'utf8').split('\n');
  const agreeing = join(temp, 'agreeing.jsonl');
  writeFileSync(agreeing, [lines[0], lines[1], lines[2], lines[3]].join('\n'));
  const ran = await cli(['check', agreeing]);
  assert.equal(ran.code, 0, ran.stdout);
  assert.equal(ran.stdout, '4 exchanges: 3 agree, 0 differ, 0 unknown, 1 skipped\n');
});

test('beyond the limits an exchange is skipped with the reason; bytes that are not UTF-8 are judged', async () => {
  const { code, report } = await checkJson('limits.jsonl');
  assert.equal(code, 0);
  assert.deepEqual(
    report.items.map((item) => item.verdict),
    ['agree', 'skipped', 'skipped'],
  );
  assert.match((report.items[1] as Item).why, /nested more than 512 levels/);
  assert.match((report.items[2] as Item).why, /at most 1 MiB/);
});

describe('files that cannot be checked exit 2, naming the problem', () => {
  for (const [file, message] of [
    ['truncated.har', /ends in the middle of its entries, after 8 whole ones: it was cut off/],
    ['truncated.jsonl', /line 4 is cut off/],
    ['not-a-har.txt', /not a HAR file/],
    ['not-a-har.json', /not a HAR file: it has no "log"/],
    ['missing.har', /File not found/],
  ] as const) {
    test(file, async () => {
      const ran = await cli(['check', file, '--json']);
      assert.equal(ran.code, 2);
      assert.equal(ran.stdout, '', '--json prints nothing it cannot finish');
      assert.match(ran.stderr, message);
    });
  }
});

test('--report writes one redacted Markdown section per distinct gap, shape kept', async () => {
  const file = join(temp, 'gaps.md');
  const ran = await cli(['check', 'mixed.har', '--report', file]);
  assert.equal(ran.code, 1);
  const markdown = readFileSync(file, 'utf8');
  assert.equal(markdown.match(/^## \d+\. /gm)?.length, 6, 'the four differences and two unknowns');
  assert.match(markdown, /A response the catalogue does not know/);
  assert.match(markdown, /A response that differs from the prediction/);
  assert.match(markdown, /"clientId": "xxxxxxxx-0000"/, 'the personal value keeps its shape');
  assert.match(markdown, /npm run errata -- predict FILE/);
});

test('--help, and a usage error for a missing file argument', async () => {
  const help = await cli(['check', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: npm run errata -- check FILE \[--json\] \[--report FILE\]/);
  const missing = await cli(['check']);
  assert.equal(missing.code, 2);
});

test('a generated HAR of 2,000 agreeing exchanges', async () => {
  const entry = (index: number) => ({
    request: {
      method: 'POST',
      url: 'https://ivs.idenfy.com/api/v2/token',
      headers: [{ name: 'Authorization', value: 'Basic a2V5OnNlY3JldA==' }],
      postData: { mimeType: 'application/json', text: JSON.stringify({ clientId: `user-${index}`, country: 'XX' }) },
    },
    response: {
      status: 400,
      content: {
        mimeType: 'application/json',
        text: JSON.stringify({ identifier: 'BAD_VALUE', message: "Field 'country' must be a valid ISO 3166-1 alpha-2 code." }),
      },
    },
  });
  const file = join(temp, 'large.har');
  writeFileSync(
    file,
    JSON.stringify({
      log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: Array.from({ length: 2000 }, (_, index) => entry(index)) },
    }),
  );
  const { code, report } = await checkJson(file);
  assert.equal(code, 0);
  assert.equal(report.agree, 2000);
});

describe('the HAR scanner', () => {
  const har = JSON.stringify({
    log: { version: '1.2', pages: [{ entries: ['not these'] }], entries: [{ a: '}"]\\' }, 42, 'text', { b: [1, { c: null }] }] },
    extra: { entries: [1] },
  });

  test('cuts out each entry of log.entries alone, however the bytes are split', () => {
    const bytes = new TextEncoder().encode(har);
    for (const size of [1, 2, 7, 64, bytes.length]) {
      const scanner = new HarScanner(1024);
      const texts: string[] = [];
      for (let start = 0; start < bytes.length; start += size) {
        for (const entry of scanner.push(bytes.slice(start, start + size)))
          texts.push('text' in entry ? entry.text : `too large ${entry.tooLarge}`);
      }
      scanner.end();
      assert.deepEqual(
        texts.map((text) => JSON.parse(text)),
        [{ a: '}"]\\' }, 42, 'text', { b: [1, { c: null }] }],
        `chunks of ${size}`,
      );
    }
  });

  test('keeps only the size of an entry over the limit', () => {
    const scanner = new HarScanner(10);
    const found = scanner.push(new TextEncoder().encode(JSON.stringify({ log: { entries: [{ big: 'x'.repeat(100) }, { s: 1 }] } })));
    scanner.end();
    assert.deepEqual(found, [
      { index: 0, tooLarge: 110 },
      { index: 1, text: '{"s":1}' },
    ]);
  });

  test('refuses what is not a HAR, and a cut-off one', () => {
    const scan = (text: string) => {
      const scanner = new HarScanner(1024);
      scanner.push(new TextEncoder().encode(text));
      scanner.end();
    };
    assert.throws(() => scan('[1, 2]'), HarFormatError);
    assert.throws(() => scan('{"log": {"entries": [{"a": 1}, {"b"'), /cut off/);
    assert.throws(() => scan('{"log": {}}'), /no "log"/);
    assert.throws(() => scan('{"log": {"entries": []}} {}'), /more after/);
  });
});

test('account states are derived from the account schema: every field has at least one', () => {
  const changes = singleChanges('');
  for (const field of Object.keys(accountSchema.shape)) {
    assert.ok(
      changes.some((change) => change.field === field),
      `${field} has a state to search`,
    );
  }
  assert.ok(
    singleChanges('must not exceed 1800 seconds').some((change) => change.field === 'digitStringMaxExpiry' && change.value === 1800),
    'a number the response names is tried',
  );
});

test('progress goes to stderr only when it is a terminal', async () => {
  const run1 = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (text) => {
      run1.stdout += text;
    },
    stderr: (text) => {
      run1.stderr += text;
    },
    readStdin: async () => '',
    cwd: fixtures,
    stderrIsTerminal: true,
  };
  await run(['check', 'mixed.har', '--json'], io);
  assert.match(run1.stderr, /\rChecking: \d+ exchanges, \d+% of the file/);
  JSON.parse(run1.stdout);
  const quiet = await cli(['check', 'mixed.har', '--json']);
  assert.equal(quiet.stderr, '');
});

test('a JSON Lines file whose first line is long (a large body) is still read as JSON Lines', async () => {
  const file = join(temp, 'long-first-line.jsonl');
  const body = JSON.stringify({ clientId: 'user-1', externalRef: 'x'.repeat(200_000) });
  writeFileSync(
    file,
    `${JSON.stringify({ time: '2026-11-20T10:00:00.000Z', request: { method: 'POST', path: '/api/v2/token', headers: { authorization: 'Basic <redacted>' }, body }, response: { status: 400, body: { identifier: 'BAD_VALUE', message: "Field 'externalRef' must be a string of at most 40 characters." } } })}\n`,
  );
  const { code, report } = await checkJson(file);
  assert.equal(code, 0);
  assert.equal((report.items[0] as Item).verdict, 'agree');
});

test('without a recorded Authorization header (a sanitized HAR), valid credentials are assumed when the answer needs them, and said so', async () => {
  const file = join(temp, 'sanitized.jsonl');
  const line = (status: number, body: unknown, sent: object) =>
    JSON.stringify({
      time: '2026-11-20T10:00:00.000Z',
      request: { method: 'POST', path: '/api/v2/token', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sent) },
      response: { status, body },
    });
  writeFileSync(
    file,
    [
      line(401, { message: 'Invalid authorization credentials' }, { clientId: 'user-1' }),
      line(
        400,
        { identifier: 'BAD_VALUE', message: "Field 'country' must be a valid ISO 3166-1 alpha-2 code." },
        { clientId: 'user-1', country: 'XX' },
      ),
      line(402, { message: 'Action not allowed due to lack of funds or exceeded limit.' }, { clientId: 'user-1' }),
    ].join('\n'),
  );
  const { report } = await checkJson(file);
  assert.deepEqual(
    report.items.map((item) => [item.verdict, item.why]),
    [
      ['agree', 'agrees (no credentials were sent)'],
      ['agree', 'agrees if credentials were sent (the file records no Authorization header: exported without it?)'],
      [
        'agree',
        'agrees if credentials were sent (the file records no Authorization header: exported without it?) and the account had no funds',
      ],
    ],
  );
});

test("the catalogue's example accounts are states too: a contract that allows some token types", async () => {
  const file = join(temp, 'token-type.jsonl');
  writeFileSync(
    file,
    JSON.stringify({
      time: '2026-11-20T10:00:00.000Z',
      request: {
        method: 'POST',
        path: '/api/v2/token',
        headers: { authorization: 'Basic <redacted>' },
        body: JSON.stringify({ clientId: 'user-1', tokenType: 'VIDEO_CALL' }),
      },
      response: {
        status: 400,
        body: { identifier: 'PARTNER_CONTRACT_ERROR', message: "Partner is not allowed to generate tokens of type 'VIDEO_CALL'." },
      },
    }),
  );
  const { report } = await checkJson(file);
  const item = report.items[0] as Item;
  assert.equal(item.verdict, 'agree');
  assert.equal(item.why, 'agrees if the contract did not allow this token type');
});

test('a HEAD exchange, which has no body, agrees by its status', async () => {
  const file = join(temp, 'head.jsonl');
  writeFileSync(
    file,
    JSON.stringify({
      time: '2026-11-20T10:00:00.000Z',
      request: { method: 'HEAD', path: '/api/v2/token', headers: { authorization: 'Basic <redacted>' } },
      response: { status: 405, body: '' },
    }),
  );
  const { code, report } = await checkJson(file);
  assert.equal(code, 0);
  assert.equal((report.items[0] as Item).why, 'agrees (the status only: a HEAD response has no body)');
});

test('what check prints fails closed: echoed unknown keys, personal echoes, URL queries and addresses in text bodies are masked', async () => {
  const { redactResponseBody } = await import('../../src/check/redact-exchange.ts');
  const echoed = redactResponseBody({
    identifier: 'BAD_VALUE',
    message: 'Field x',
    email: 'jonas@example.com',
    phone: '+37060000000',
    firstName: 'JONAS',
    callbackUrl: 'https://hooks.example.com/idenfy?key=topsecretvalue',
    country: 'LT',
  }) as Record<string, unknown>;
  assert.equal(echoed.identifier, 'BAD_VALUE');
  assert.equal(echoed.country, 'LT');
  const printed = JSON.stringify(echoed);
  for (const secret of ['jonas@example.com', '37060000000', 'JONAS', 'topsecretvalue'])
    assert.ok(!printed.includes(secret), `${secret} in ${printed}`);
  assert.match(String(echoed.callbackUrl), /^https:\/\/hooks\.example\.com\/idenfy\?/);
  const text = redactResponseBody('<html>Contact ops@example.com or jonas.k+id@mail.example.co.uk now</html>') as string;
  assert.ok(!/example\.com|mail\.example/.test(text), text);
  assert.match(text, /^<html>Contact .+ now<\/html>$/);
  // A thousand stray @ signs and dots are read at once.
  const started = performance.now();
  redactResponseBody(`${'a@.'.repeat(300_000)}`);
  assert.ok(performance.now() - started < 500);
});

test('an older success body agrees, naming its variant: lower-case countries (R2), null URLs (R3), a numeric clientId (R4)', async () => {
  const { predict } = await import('../../src/predict/predict.ts');
  const request = { clientId: '100000', country: 'lt', nationality: 'lt' };
  const predicted = predict({ request: { body: request } }).body;
  const line = (body: Record<string, unknown>) =>
    JSON.stringify({
      time: '2026-11-20T10:00:00.000Z',
      request: { method: 'POST', path: '/api/v2/token', headers: { authorization: 'Basic <redacted>' }, body: JSON.stringify(request) },
      response: { status: 201, body },
    });
  const file = join(temp, 'older-success.jsonl');
  writeFileSync(
    file,
    [
      line({ ...predicted, country: 'lt', nationality: 'lt' }),
      line({ ...predicted, successUrl: null, errorUrl: null }),
      line({ ...predicted, clientId: 100000 }),
      line({ ...predicted, country: 'lt', successUrl: null }),
      line({ ...predicted, country: 'LV' }),
    ].join('\n'),
  );
  const ran = await cli(['check', file, '--json']);
  const items = (JSON.parse(ran.stdout) as { items: { verdict: string; why: string }[] }).items;
  assert.deepEqual(
    items.map((item) => item.verdict),
    ['agree', 'agree', 'agree', 'agree', 'differ'],
  );
  assert.match(items[0]?.why ?? '', /lower case/);
  assert.match(items[1]?.why ?? '', /null/);
  assert.match(items[2]?.why ?? '', /number/);
});
