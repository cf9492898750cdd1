/**
 * The `errata` CLI, run in-process through run() with a fake io, plus two end-to-end runs
 * through `npm run` that check stdout carries only the JSON and relative paths follow the user.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, type Ran } from './cli-harness.ts';
import { userFolder } from '../../src/cli/io.ts';
import { findEntry } from '../../src/catalogue/index.ts';
import { predict } from '../../src/predict/predict.ts';
import { statusLine, statusText } from '../../src/predict/http.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'errata-cli-'));
  writeFileSync(join(dir, 'healthy.json'), '{}');
  writeFileSync(join(dir, 'no-credentials.json'), JSON.stringify({ request: { credentials: 'missing' } }));
  writeFileSync(join(dir, 'malformed.json'), '{\n  "request": {}\n  "account": {}\n}');
  writeFileSync(join(dir, 'empty.json'), '  \n');
  writeFileSync(join(dir, 'unfit.json'), JSON.stringify({ request: { credentials: 'nope' }, extra: 1 }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process, in the temp folder unless told otherwise. */
const cli = (argv: string[], options: { stdin?: string; cwd?: string } = {}): Promise<Ran> =>
  runCli(argv, { cwd: options.cwd ?? dir, ...(options.stdin === undefined ? {} : { stdin: options.stdin }) });

const commands = ['predict', 'explain', 'lookup'];

describe('usage', () => {
  test('--help and -h print the usage on stdout, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const ran = await cli([flag]);
      assert.equal(ran.code, 0);
      assert.equal(ran.stderr, '');
      assert.match(ran.stdout, /^Usage: npm run errata -- <command>/);
      for (const command of commands) assert.match(ran.stdout, new RegExp(`\\b${command}\\b`));
    }
  });

  test('each command has its own --help and -h, exit 0', async () => {
    for (const command of commands) {
      for (const flag of ['--help', '-h']) {
        const ran = await cli([command, flag]);
        assert.equal(ran.code, 0, `${command} ${flag}`);
        assert.equal(ran.stderr, '');
        assert.match(ran.stdout, new RegExp(`^Usage: npm run errata -- ${command}`));
      }
    }
  });

  test('no command: usage on stderr, exit 2', async () => {
    const ran = await cli([]);
    assert.equal(ran.code, 2);
    assert.equal(ran.stdout, '');
    assert.match(ran.stderr, /Missing command/);
    assert.match(ran.stderr, /Usage: npm run errata/);
  });

  test('an unknown command is named, with a suggestion when one is close, exit 2', async () => {
    const unknown = await cli(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command 'frobnicate'/);
    assert.match(unknown.stderr, /Usage: npm run errata/);
    const typo = await cli(['prdict', 'x.json']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /did you mean 'predict'/);
  });

  test('an unknown top-level flag is named, exit 2', async () => {
    const ran = await cli(['--verbose']);
    assert.equal(ran.code, 2);
    assert.match(ran.stderr, /Unknown option '--verbose'/);
  });

  test("an unknown flag on a command is named, with that command's usage, exit 2", async () => {
    for (const command of commands) {
      const ran = await cli([command, '--frob', 'x']);
      assert.equal(ran.code, 2, command);
      assert.equal(ran.stdout, '');
      assert.match(ran.stderr, /Unknown option '--frob'/);
      assert.match(ran.stderr, new RegExp(`Usage: npm run errata -- ${command}`));
    }
  });

  test('a flag that takes no value refuses one, exit 2', async () => {
    const ran = await cli(['explain', '--json=yes', '402']);
    assert.equal(ran.code, 2);
    assert.match(ran.stderr, /--json/);
  });

  test('an extra argument is an error naming both, never dropped, exit 2', async () => {
    for (const [command, first, second] of [
      ['predict', 'healthy.json', 'other.json'],
      ['explain', 'bad', 'value'],
      ['lookup', 'Method', 'GET'],
    ] as const) {
      const ran = await cli([command, first, second]);
      assert.equal(ran.code, 2, command);
      assert.equal(ran.stdout, '');
      assert.match(ran.stderr, /Too many arguments/);
      assert.ok(ran.stderr.includes(`"${first}"`) && ran.stderr.includes(`"${second}"`), ran.stderr);
    }
    assert.match((await cli(['explain', 'bad', 'value'])).stderr, /quote text with spaces, as in "bad value"/);
  });

  test('a missing argument is an error, exit 2', async () => {
    for (const command of commands) {
      const ran = await cli([command]);
      assert.equal(ran.code, 2, command);
      assert.match(ran.stderr, /Missing argument/);
    }
  });
});

describe('predict', () => {
  test('a file relative to the cwd: a success prints the outcome as JSON, exit 0', async () => {
    const ran = await cli(['predict', 'healthy.json']);
    assert.equal(ran.code, 0);
    assert.equal(ran.stderr, '');
    const outcome = JSON.parse(ran.stdout);
    assert.equal(outcome.status, 201);
    assert.equal(outcome.entry, 'token-created');
    assert.deepEqual(outcome, JSON.parse(JSON.stringify(predict({}))));
    assert.equal(ran.stdout, `${JSON.stringify(outcome, null, 2)}\n`);
  });

  test('an error prediction prints the outcome, exit 1', async () => {
    const ran = await cli(['predict', 'no-credentials.json']);
    assert.equal(ran.code, 1);
    assert.equal(ran.stderr, '');
    const outcome = JSON.parse(ran.stdout);
    assert.equal(outcome.status, 401);
    assert.equal(outcome.entry, 'invalid-credentials');
    assert.deepEqual(outcome.body, { message: 'Invalid authorization credentials' });
  });

  test('an absolute path works whatever the cwd', async () => {
    const ran = await cli(['predict', join(dir, 'healthy.json')], { cwd: '/' });
    assert.equal(ran.code, 0);
  });

  test('"-" reads the scenario from stdin', async () => {
    const ran = await cli(['predict', '-'], { stdin: JSON.stringify({ request: { method: 'GET' } }) });
    assert.equal(ran.code, 1);
    const outcome = JSON.parse(ran.stdout);
    assert.equal(outcome.status, 405);
    assert.equal(outcome.entry, 'wrong-http-method');
  });

  test('a missing file names the resolved path, exit 2', async () => {
    const ran = await cli(['predict', 'nowhere.json']);
    assert.equal(ran.code, 2);
    assert.equal(ran.stdout, '');
    assert.ok(ran.stderr.includes(`File not found: ${join(dir, 'nowhere.json')}`), ran.stderr);
  });

  test('malformed JSON says so, with the line, exit 2', async () => {
    const ran = await cli(['predict', 'malformed.json']);
    assert.equal(ran.code, 2);
    assert.equal(ran.stdout, '');
    assert.match(ran.stderr, /Malformed JSON in .*malformed\.json/);
    assert.match(ran.stderr, /line 3/);
  });

  test('malformed JSON on stdin and an empty file, exit 2', async () => {
    const stdin = await cli(['predict', '-'], { stdin: '{"request": ' });
    assert.equal(stdin.code, 2);
    assert.match(stdin.stderr, /Malformed JSON in standard input/);
    const empty = await cli(['predict', 'empty.json']);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /empty/);
  });

  test('a scenario that does not fit names each issue by path, exit 2', async () => {
    const ran = await cli(['predict', 'unfit.json']);
    assert.equal(ran.code, 2);
    assert.equal(ran.stdout, '');
    assert.match(ran.stderr, /does not fit/);
    assert.match(ran.stderr, /request\.credentials: /);
    assert.match(ran.stderr, /Unknown key "extra"/);
  });

  test('a scenario that is not an object is refused, exit 2', async () => {
    const ran = await cli(['predict', '-'], { stdin: '[1, 2]' });
    assert.equal(ran.code, 2);
    assert.match(ran.stderr, /does not fit/);
  });
});

describe('explain', () => {
  test('an identifier in any spelling shows its entry, then the cases that carry it', async () => {
    const spellings = ['BAD_VALUE', 'bad_value', 'bad value', 'Bad-Value'];
    const outputs = [];
    for (const spelling of spellings) {
      const ran = await cli(['explain', spelling]);
      assert.equal(ran.code, 0, spelling);
      outputs.push(ran.stdout);
    }
    for (const output of outputs) assert.equal(output, outputs[0]);
    const text = outputs[0] as string;
    assert.match(text, /^A request parameter has an invalid value\n/);
    assert.match(text, /slug\s+bad-value/);
    assert.match(text, /kind\s+identifier/);
    assert.match(text, /Cases that carry BAD_VALUE \(\d+\):/);
    assert.match(text, /country-invalid\s+400 Bad Request\s+country is not an ISO 3166-1 alpha-2 code/);
  });

  test('an identifier no case carries says so', async () => {
    const ran = await cli(['explain', 'UNAUTHORIZED']);
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /No case entry carries UNAUTHORIZED/);
  });

  test('a slug shows every part of the entry', async () => {
    const ran = await cli(['explain', 'wrong-http-method']);
    assert.equal(ran.code, 0);
    const text = ran.stdout;
    const entry = findEntry('wrong-http-method');
    assert.ok(entry);
    assert.ok(text.startsWith(`${entry.title}\n`));
    for (const expected of [
      /slug\s+wrong-http-method/,
      /kind\s+case/,
      /status\s+405 Method Not Allowed/,
      /identifier\s+METHOD_NOT_ALLOWED/,
      /message\s+Method "\{method\}" not allowed\./,
      /page\s+\/errors\/wrong-http-method\//,
      /\nSummary\n/,
      /\nWhen it happens\n/,
      /\nHow to fix it\n {2}1\. .*\n {2}2\. /,
      /\nDoes retrying help\?\n {2}Not with the same method\./,
      /\nRelated\n {2}method-not-allowed/,
      /\nWhere this comes from\n {2}inferred: .*\n.*\(inferred\s+parts: status, message\)/,
      /\nYou may also see\n {2}- /,
    ]) {
      assert.match(text, expected);
    }
  });

  test('an entry says what of it is inferred; an entry with no identifier says so', async () => {
    const inferred = await cli(['explain', 'bad-value']);
    assert.match(inferred.stdout, /\nWhere this comes from\n {2}inferred: The reference documents/);
    assert.match(inferred.stdout, /\(inferred parts: behaviour\)/);
    const bare = await cli(['explain', 'invalid-credentials']);
    assert.match(bare.stdout, /identifier\s+none/);
  });

  test('a slug can be given as its page path or in capitals', async () => {
    const expected = (await cli(['explain', 'country-invalid'])).stdout;
    assert.equal((await cli(['explain', '/errors/country-invalid/'])).stdout, expected);
    assert.equal((await cli(['explain', 'Country-Invalid'])).stdout, expected);
  });

  test('a status with one entry shows it in full', async () => {
    const ran = await cli(['explain', '402']);
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /slug\s+insufficient-funds/);
    assert.match(ran.stdout, /status\s+402 Payment Required/);
    assert.match(ran.stdout, /\nHow to fix it\n {2}1\. /);
  });

  test('a status with several entries lists them briefly', async () => {
    const ran = await cli(['explain', '403']);
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /^3 entries have status 403 Forbidden:/);
    assert.match(ran.stdout, /partner-inactive\s+case/);
    assert.match(ran.stdout, /wrong-environment\s+case/);
    assert.match(ran.stdout, /dummy-outside-development\s+case/);
    assert.doesNotMatch(ran.stdout, /\nWhen it happens\n/);
  });

  test('a status no entry has lists the statuses there are, exit 1', async () => {
    const ran = await cli(['explain', '404']);
    assert.equal(ran.code, 1);
    assert.equal(ran.stdout, '');
    assert.match(ran.stderr, /No entry has status 404 Not Found/);
    assert.match(ran.stderr, /201, 400/);
  });

  test('nothing matching: exit 1, close slugs suggested, lookup pointed to', async () => {
    const typo = await cli(['explain', 'country-invlid']);
    assert.equal(typo.code, 1);
    assert.equal(typo.stdout, '');
    assert.match(typo.stderr, /Did you mean: country-invalid/);
    assert.match(typo.stderr, /lookup/);
    const prefix = await cli(['explain', 'additional']);
    assert.equal(prefix.code, 1);
    assert.match(prefix.stderr, /additional-steps-not-enabled/);
    const nothing = await cli(['explain', 'qqqqqqqq']);
    assert.equal(nothing.code, 1);
    assert.doesNotMatch(nothing.stderr, /Did you mean/);
  });

  test('--json prints the records: an object for a slug, arrays for an identifier and a status', async () => {
    const slug = await cli(['explain', 'country-invalid', '--json']);
    assert.equal(slug.code, 0);
    assert.deepEqual(JSON.parse(slug.stdout), JSON.parse(JSON.stringify(findEntry('country-invalid'))));

    const identifier = JSON.parse((await cli(['explain', '--json', 'bad value'])).stdout) as { slug: string; kind: string }[];
    assert.equal(identifier[0]?.slug, 'bad-value');
    assert.ok(identifier.length > 1);
    assert.ok(identifier.slice(1).every((entry) => entry.kind === 'case'));

    const status = JSON.parse((await cli(['explain', '402', '--json'])).stdout) as { slug: string }[];
    assert.deepEqual(
      status.map((entry) => entry.slug),
      ['insufficient-funds'],
    );

    const none = await cli(['explain', 'nothing-here', '--json']);
    assert.equal(none.code, 1);
    assert.equal(none.stdout, '');
  });
});

describe('lookup', () => {
  test('a message: ranked matches with score, slug, status, identifier, title, reason and values', async () => {
    const ran = await cli(['lookup', 'Invalid data. Expected a dictionary, but got list.']);
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /^Read: message "Invalid data\. Expected a dictionary, but got list\."/);
    assert.match(ran.stdout, /\n 1\. {2}95% {2}body-not-object · 400 Bad Request · VALIDATION_ERROR\n/);
    assert.match(ran.stdout, /Expected a dictionary\n/);
    assert.match(ran.stdout, /Matched: the whole message fits/);
    assert.match(ran.stdout, /\{type\} = list/);
    assert.match(ran.stdout, /explain body-not-object/);
  });

  test('a JSON body: the identifier is read and agrees', async () => {
    const body = JSON.stringify({ identifier: 'BAD_VALUE', message: "Field 'country' must be a valid ISO 3166-1 alpha-2 code." });
    const ran = await cli(['lookup', body]);
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /^Read: identifier BAD_VALUE · message/);
    assert.match(ran.stdout, /1\. 100% {2}country-invalid/);
  });

  test('a whole HTTP response from stdin: status, identifier and values read', async () => {
    const response = [
      'HTTP/1.1 405 Method Not Allowed',
      'Content-Type: application/json',
      '',
      '{"identifier":"METHOD_NOT_ALLOWED","message":"Method \\"GET\\" not allowed."}',
    ].join('\r\n');
    const ran = await cli(['lookup', '-'], { stdin: response });
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /^Read: status 405 Method Not Allowed · identifier METHOD_NOT_ALLOWED/);
    assert.match(ran.stdout, /1\. 100% {2}wrong-http-method/);
    assert.match(ran.stdout, /\{method\} = GET/);
  });

  test('a match through a variant names the variant', async () => {
    const ran = await cli(['lookup', 'Invalid credentials']);
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /invalid-credentials/);
    assert.match(ran.stdout, /Via a variant: iDenfy's error-handling guide/);
  });

  test('--limit caps the list and says how many more there are', async () => {
    const ran = await cli(['lookup', 'must be', '--limit', '1']);
    assert.equal(ran.code, 0);
    assert.match(ran.stdout, /\n 1\. /);
    assert.doesNotMatch(ran.stdout, /\n 2\. /);
    assert.match(ran.stdout, /\d+ more: use --limit \d+/);
    for (const bad of ['0', 'two', '-1']) {
      const refused = await cli(['lookup', 'must be', `--limit=${bad}`]);
      assert.equal(refused.code, 2, bad);
      assert.match(refused.stderr, /--limit must be a whole number/);
    }
  });

  test('nothing matching: exit 1, with what was read and a pointer to search', async () => {
    const ran = await cli(['lookup', 'xyzzy plugh']);
    assert.equal(ran.code, 1);
    assert.equal(ran.stdout, '');
    assert.match(ran.stderr, /Read: message "xyzzy plugh"/);
    assert.match(ran.stderr, /No entry matches/);
    assert.match(ran.stderr, /search/);
  });

  test('empty text is refused, exit 2', async () => {
    assert.equal((await cli(['lookup', '   '])).code, 2);
    assert.equal((await cli(['lookup', '-'], { stdin: '' })).code, 2);
  });

  test('--json prints what was read and the matches', async () => {
    const ran = await cli(['lookup', '--json', 'Method "PUT" not allowed.', '--limit', '2']);
    assert.equal(ran.code, 0);
    const result = JSON.parse(ran.stdout);
    assert.equal(result.input.message, 'Method "PUT" not allowed.');
    assert.ok(result.matches.length <= 2 && result.total >= result.matches.length);
    assert.equal(result.matches[0].entry.slug, 'wrong-http-method');
    assert.equal(typeof result.matches[0].score, 'number');
    assert.equal(result.matches[0].reason, 'message');

    const none = await cli(['lookup', '--json', 'xyzzy plugh']);
    assert.equal(none.code, 1);
    assert.deepEqual(JSON.parse(none.stdout).matches, []);
  });
});

describe('http status texts', () => {
  test('status lines for the statuses the catalogue and the site use', () => {
    assert.equal(statusLine(402), '402 Payment Required');
    assert.equal(statusLine(429), '429 Too Many Requests');
    assert.equal(statusText(201), 'Created');
    assert.equal(statusText(599), undefined);
    assert.equal(statusLine(599), '599');
  });
});

describe('through npm run', () => {
  /** `npm run --silent errata -- …` from the temp folder, as a user would type it there. */
  function npmRun(args: string[]) {
    return spawnSync('npm', ['--prefix', root, 'run', '--silent', 'errata', '--', ...args], {
      cwd: dir,
      env: { ...process.env, INIT_CWD: dir },
      encoding: 'utf8',
      timeout: 20_000,
    });
  }

  test('predict with a relative file prints exactly the JSON, and the exit code', () => {
    const result = npmRun(['predict', 'no-credentials.json']);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    const outcome = JSON.parse(result.stdout);
    assert.equal(result.stdout, `${JSON.stringify(outcome, null, 2)}\n`);
    assert.equal(outcome.status, 401);
  });

  test('a missing file: nothing on stdout, the resolved path on stderr, exit 2', () => {
    const result = npmRun(['predict', 'nowhere.json']);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.ok(result.stderr.includes(join(dir, 'nowhere.json')), result.stderr);
  });
});

describe('the folder relative paths are read from', () => {
  test('the user’s folder (INIT_CWD) only for this repository’s own npm run errata; the process’s folder anywhere else', () => {
    const repository = { npm_lifecycle_event: 'errata', npm_package_name: 'errata', INIT_CWD: '/home/me/requests' };
    assert.equal(userFolder(repository, '/work/errata'), '/home/me/requests');
    // An integrator's workspace script (`npm run check -w packages/api`): npm starts it in the workspace.
    assert.equal(
      userFolder({ npm_lifecycle_event: 'check', npm_package_name: 'api', INIT_CWD: '/mono' }, '/mono/packages/api'),
      '/mono/packages/api',
    );
    assert.equal(userFolder({ npm_lifecycle_event: 'errata', npm_package_name: 'my-app', INIT_CWD: '/mono' }, '/mono/app'), '/mono/app');
    assert.equal(userFolder({}, '/anywhere'), '/anywhere');
  });

  test('the installed command’s help names `errata` and has no line about npm’s own output', () => {
    const result = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'predict', '--help'], {
      cwd: dir,
      env: { ...process.env, npm_lifecycle_event: '', npm_package_name: '' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Usage: errata predict/);
    assert.doesNotMatch(result.stdout, /npm|--silent/);
  });
});
