/**
 * `errata triage FILE|-`: every iDenfy error in a log, grouped by entry with counts and first and
 * last lines; a generated 100,000-line log read from a file and from a byte stream on stdin.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue } from '../../src/catalogue/index.ts';
import { catalogueMatcher, matchVariants } from '../../src/catalogue/matcher.ts';
import { createLogTriage } from '../../src/search/log-triage.ts';
import { AnchoredLines, compileAnchors } from '../../src/search/anchor-scanner.ts';
import { runCli, type Ran } from './cli-harness.ts';

const fixtures = fileURLToPath(new URL('../fixtures/check/', import.meta.url));
let temp = '';
before(() => (temp = mkdtempSync(join(tmpdir(), 'errata-triage-test-'))));
after(() => rmSync(temp, { recursive: true, force: true }));

function cli(argv: string[], stdin?: Iterable<Uint8Array>): Promise<Ran> {
  return runCli(argv, { cwd: fixtures, ...(stdin ? { stdinStream: stdin } : {}) });
}

interface Group {
  entry: string | null;
  status: number;
  count: number;
  firstLine: number;
  lastLine: number;
  path: string;
  fix: string[];
}

test('finds bodies, messages, Error [ID] lines and status lines in a log, grouped by entry', async () => {
  const ran = await cli(['triage', 'app.log', '--json']);
  assert.equal(ran.code, 0);
  const result = JSON.parse(ran.stdout) as { lines: number; unit: string; found: number; groups: Group[] };
  assert.equal(result.lines, 12);
  assert.equal(result.unit, 'line');
  const summary = result.groups.map((group) => [group.entry ?? `status ${group.status}`, group.count, group.firstLine, group.lastLine]);
  assert.deepEqual(summary, [
    ['country-invalid', 2, 2, 12],
    ['client-id-missing', 1, 3, 3],
    ['insufficient-funds', 1, 4, 4],
    ['rate-limit-exceeded', 1, 8, 8],
    ['body-not-object', 1, 9, 9],
    ['status 403', 1, 10, 10],
  ]);
  assert.equal(result.found, 7);
  const country = result.groups[0] as Group;
  assert.equal(country.path, '/errors/country-invalid/');
  assert.ok(country.fix.length > 0);
});

test('the readable form names each group, its lines and its fix', async () => {
  const ran = await cli(['triage', 'app.log']);
  assert.match(ran.stdout, /^7 iDenfy errors in 12 lines, 6 kinds:/);
  assert.match(
    ran.stdout,
    /2 × country-invalid \(400 Bad Request, BAD_VALUE\)\n.*\n\s+lines 2 to 12 · \/errors\/country-invalid\/\n\s+Fix: /,
  );
});

test('nothing found exits 1; a HAR is read entry by entry', async () => {
  const none = await cli(['triage', '-'], [new TextEncoder().encode('all quiet\nnothing here\n')]);
  assert.equal(none.code, 1);
  assert.equal(none.stdout, 'No iDenfy error found in 2 lines.\n');
  const har = JSON.parse((await cli(['triage', 'mixed.har', '--json'])).stdout) as { unit: string; lines: number; groups: Group[] };
  assert.equal(har.unit, 'entry');
  assert.equal(har.lines, 16);
  assert.deepEqual(har.groups.find((group) => group.entry === 'country-invalid')?.firstLine, 3);
});

test('the same groups whatever the chunks the bytes arrive in', () => {
  const text = new TextEncoder().encode(
    `${'noise line\n'.repeat(3)}{"identifier":"BAD_VALUE","message":"Field 'sex' must be M or F."}\nHTTP/1.1 402 Payment Required\n\nlast: Partner inactive`,
  );
  const groups = (size: number) => {
    const triage = createLogTriage({ entries: catalogue, variants: matchVariants, matcher: catalogueMatcher });
    for (let start = 0; start < text.length; start += size) triage.push(text.slice(start, start + size));
    return triage.finish().groups.map((group) => [group.entry?.slug, group.count, group.firstLine]);
  };
  const whole = groups(text.length);
  assert.deepEqual(whole, [
    ['sex-invalid', 1, 4],
    ['insufficient-funds', 1, 5],
    ['partner-inactive', 1, 7],
  ]);
  for (const size of [1, 3, 17]) assert.deepEqual(groups(size), whole, `chunks of ${size}`);
});

test('the anchor scan finds phrases in any ASCII case, across chunks, and only those lines', () => {
  const lines = new AnchoredLines(compileAnchors(['bad_value', 'partner inactive']), 1024);
  const hits: [string, number][] = [];
  const bytes = new TextEncoder().encode('a\nx BAD_VALUE y\nPartner INACTIVE\nbad_valu\ne\npartner inactive');
  for (const byte of bytes) lines.push(Uint8Array.of(byte), (line, number) => hits.push([new TextDecoder().decode(line), number]));
  lines.end((line, number) => hits.push([new TextDecoder().decode(line), number]));
  assert.deepEqual(hits, [
    ['x BAD_VALUE y', 2],
    ['Partner INACTIVE', 3],
    ['partner inactive', 6],
  ]);
});

describe('a generated log of 100,000 lines', () => {
  const errors: [line: number, text: string, entry: string][] = [
    [
      1_234,
      `2026-11-20T10:00:00Z ERROR idenfy {"identifier":"BAD_VALUE","message":"Field 'country' must be a valid ISO 3166-1 alpha-2 code."}`,
      'country-invalid',
    ],
    [50_000, "2026-11-20T10:00:00Z ERROR Error [MISSING_VALUE]: Field 'clientId' is required.", 'client-id-missing'],
    [
      77_777,
      `2026-11-20T10:00:00Z ERROR idenfy {"identifier":"BAD_VALUE","message":"Field 'country' must be a valid ISO 3166-1 alpha-2 code."}`,
      'country-invalid',
    ],
    [
      99_999,
      '2026-11-20T10:00:00Z WARN requests.exceptions.HTTPError: 402 Client Error: Payment Required for url: https://ivs.idenfy.com/api/v2/token',
      'insufficient-funds',
    ],
  ];
  let file = '';
  let bytes: Uint8Array;
  before(() => {
    const at = new Map(errors.map(([line, text]) => [line, text]));
    const lines: string[] = [];
    for (let line = 1; line <= 100_000; line++) {
      lines.push(
        at.get(line) ??
          `2026-11-20T10:00:00Z INFO request ${line} GET /health 200 in ${line % 97} ms user=${line * 7} {"ok":true,"message":"fine"}`,
      );
    }
    file = join(temp, 'big.log');
    const text = `${lines.join('\n')}\n`;
    writeFileSync(file, text);
    bytes = new TextEncoder().encode(text);
  });

  const expected = [
    ['country-invalid', 2, 1_234, 77_777],
    ['client-id-missing', 1, 50_000, 50_000],
    ['insufficient-funds', 1, 99_999, 99_999],
  ];

  test('from a file', async () => {
    const started = performance.now();
    const ran = await cli(['triage', file, '--json']);
    const result = JSON.parse(ran.stdout) as { lines: number; found: number; groups: Group[] };
    assert.equal(result.lines, 100_000);
    assert.equal(result.found, 4);
    assert.deepEqual(
      result.groups.map((group) => [group.entry, group.count, group.firstLine, group.lastLine]),
      expected,
    );
    assert.ok(performance.now() - started < 10_000, 'well under ten seconds');
  });

  test('from standard input, in 64 KiB chunks', async () => {
    const chunks: Uint8Array[] = [];
    for (let start = 0; start < bytes.length; start += 65_536) chunks.push(bytes.subarray(start, start + 65_536));
    const ran = await cli(['triage', '-', '--json'], chunks);
    const result = JSON.parse(ran.stdout) as { groups: Group[] };
    assert.deepEqual(
      result.groups.map((group) => [group.entry, group.count, group.firstLine, group.lastLine]),
      expected,
    );
  });
});

test('--help, and a missing file exits 2', async () => {
  const help = await cli(['triage', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: npm run errata -- triage FILE\|- \[--json\]/);
  const missing = await cli(['triage', 'no-such.log']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /File not found/);
});

test('a line that names an identifier is counted when its best match agrees with it, however it matched', async () => {
  const lines = [
    'Error [TOO_MANY_REQUESTS]: Requests per hour limit reached',
    '{"identifier":"TOO_MANY_REQUESTS","message":"Requests per hour limit reached"}',
  ];
  const ran = await cli(['triage', '-', '--json'], [new TextEncoder().encode(`${lines.join('\n')}\n`)]);
  const result = JSON.parse(ran.stdout) as { found: number; groups: Group[] };
  assert.equal(result.found, 2);
  assert.equal(result.groups[0]?.entry, 'rate-limit-exceeded');
});
