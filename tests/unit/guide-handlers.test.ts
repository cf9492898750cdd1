/**
 * The guide's complete handlers (docs/examples/guide/idenfy.py, .mjs, .php) are code that runs:
 * each says what the catalogue says (its identifiers, their kinds, the error statuses), compiles,
 * and, pointed at errata mock through IDENFY_TOKEN_URL, tells the errors apart as the guide says:
 * the kind, the Errata link, and a retry only for the retryable kinds. A tool that is missing
 * (php, Python's requests) skips its tests with the reason.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile as execFileCallback, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { identifierSlug, isIdentifier } from '../../src/catalogue/identifiers.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { predict } from '../../src/predict/predict.ts';
import { hourlyRequestLimit } from '../../src/predict/stages.ts';
import type { ScenarioInput } from '../../src/token/scenario.ts';
import {
  handlerFacts,
  handlerFiles,
  handlerSite,
  handlerSource,
  identifierKinds,
  pythonReadError,
  retryableKinds,
  statusKind,
  type HandlerLanguage,
} from '../../src/site/guide.ts';
import { tokenUrl } from '../../src/site/samples.ts';
import { send } from './mock-client.ts';

const execFile = promisify(execFileCallback);
const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/guide-handlers');
const languages = Object.keys(handlerFiles) as HandlerLanguage[];
const source = (language: HandlerLanguage) => readFileSync(join(root, handlerFiles[language]), 'utf8');
/** The handlers' MAX_ATTEMPTS: the first try and up to three retries, as the guide says. */
const attemptsWhenRetrying = 4;

/** Why a tool cannot be used here, or null when it can. */
function missing(command: string, args: string[], what: string): string | null {
  const ran = spawnSync(command, args, { encoding: 'utf8' });
  return ran.error || ran.status !== 0 ? `${what} is not installed here (${command} ${args.join(' ')} failed)` : null;
}
const noPython = missing('python3', ['--version'], 'python3');
const noRequests = noPython ?? missing('python3', ['-c', 'import requests'], "Python's requests package");
const noPhp = missing('php', ['--version'], 'php');
const noPhpCurl = noPhp ?? missing('php', ['-r', 'exit(function_exists("curl_init") ? 0 : 1);'], "PHP's curl extension");
if (noRequests) console.log(`# skipped: the Python handler against the mock: ${noRequests}`);
if (noPhp) console.log(`# skipped: the PHP handler's compile check and run: ${noPhp}`);
else if (noPhpCurl) console.log(`# skipped: the PHP handler against the mock: ${noPhpCurl}`);

describe('the handler files say what the catalogue says', () => {
  for (const language of languages) {
    test(`${handlerFiles[language]} lists the catalogue's identifiers, kinds, error statuses and the token URL`, () => {
      const text = source(language);
      for (const fact of handlerFacts(language, tokenUrl)) {
        assert.ok(text.includes(fact), `${handlerFiles[language]} should say, as the catalogue does:\n${fact}`);
      }
    });
    test(`${handlerFiles[language]} names Errata once, so the page can show the site's own address`, () => {
      const shown = handlerSource(source(language), 'https://errata.example');
      assert.ok(shown.includes("'https://errata.example'") || shown.includes('"https://errata.example"'));
      assert.ok(!shown.includes(handlerSite));
      assert.equal(handlerSource(source(language), handlerSite), source(language), 'the default build shows the file unchanged');
    });
  }
  test("the Python excerpt on reading errors is the handler's own two functions", () => {
    const excerpt = pythonReadError(source('python'));
    assert.match(excerpt, /^def json_object\(response\):/);
    assert.match(excerpt, /\ndef read_error\(response\):/);
    assert.ok(source('python').includes(excerpt));
  });
});

describe('the handler files compile', () => {
  test('python3 -m py_compile', { skip: noPython ?? false }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'errata-py-'));
    try {
      const code = 'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)';
      await execFile('python3', ['-c', code, join(root, handlerFiles.python), join(folder, 'idenfy.pyc')]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  test('node --check', async () => {
    await execFile(process.execPath, ['--check', join(root, handlerFiles.javascript)]);
  });
  test('php -l', { skip: noPhp ?? false }, async () => {
    const { stdout } = await execFile('php', ['-l', join(root, handlerFiles.php)]);
    assert.match(stdout, /No syntax errors detected/);
  });
});

interface Decision {
  ok: boolean;
  authToken?: string;
  kind?: string;
  status?: number | null;
  identifier?: string | null;
  message?: string;
  retryable?: boolean;
  helpUrl?: string | null;
}

/** What each handler does in a few situations, and what the guide says it should do. */
const situations: { name: string; payload: Record<string, string>; secret?: string; account?: Record<string, unknown> }[] = [
  { name: 'a healthy request', payload: { clientId: 'user-42' } },
  { name: 'a bad value (an unknown country)', payload: { clientId: 'user-42', country: 'XX' } },
  { name: 'a missing value (no clientId)', payload: {} },
  { name: 'wrong credentials', payload: { clientId: 'user-42' }, secret: 'not-the-secret' },
  { name: 'an account without funds', payload: { clientId: 'user-42' }, account: { fundsAvailable: false } },
  { name: 'the rate limit', payload: { clientId: 'user-42' }, account: { requestsLastHour: hourlyRequestLimit } },
];

/** The prediction for a situation, and the decision the guide's handlers should reach from it. */
function expected(situation: (typeof situations)[number]): { decision: Decision; attempts: number } {
  const scenario: ScenarioInput = {
    request: { credentials: situation.secret ? 'invalid' : 'valid', body: situation.payload },
    ...(situation.account ? { account: situation.account } : {}),
  };
  const outcome = predict(scenario);
  if (outcome.status >= 200 && outcome.status < 300) return { decision: { ok: true }, attempts: 1 };
  const identifier = typeof outcome.body.identifier === 'string' ? outcome.body.identifier : null;
  const kind = statusKind(outcome.status) ?? (identifier !== null && isIdentifier(identifier) ? identifierKinds[identifier] : 'request');
  assert.ok(kind !== null);
  const helpUrl =
    identifier !== null && isIdentifier(identifier)
      ? `${handlerSite}/errors/${identifierSlug(identifier)}/`
      : `${handlerSite}/status/${outcome.status}/`;
  const retryable = retryableKinds.includes(kind);
  return {
    decision: { ok: false, kind, status: outcome.status, identifier, message: String(outcome.body.message), retryable, helpUrl },
    attempts: retryable ? attemptsWhenRetrying : 1,
  };
}

const runners: Record<HandlerLanguage, { skip: string | null; run: (payload: string) => [string, string[]] }> = {
  python: {
    skip: noRequests,
    run: (payload) => ['python3', [join(fixtures, 'drive.py'), dirname(join(root, handlerFiles.python)), payload]],
  },
  javascript: {
    skip: null,
    run: (payload) => [process.execPath, [join(fixtures, 'drive.mjs'), join(root, handlerFiles.javascript), payload]],
  },
  php: { skip: noPhpCurl, run: (payload) => ['php', [join(fixtures, 'drive.php'), join(root, handlerFiles.php), payload]] },
};

describe('each handler against errata mock', () => {
  let mock: MockServer;
  before(async () => {
    mock = await startMock({ port: 0 });
  });
  after(() => mock.stop());
  beforeEach(async () => {
    await send(mock.url, { method: 'PUT', path: '/__errata/account', body: '{}' });
    await send(mock.url, { method: 'DELETE', path: '/__errata/requests' });
  });

  test('the situations cover success, a kind that retries and kinds that do not', () => {
    const kinds = situations.map((situation) => expected(situation).decision.kind ?? 'success');
    assert.ok(kinds.includes('success') && kinds.includes('rate_limit') && kinds.includes('request'));
    assert.ok(kinds.includes('credentials') && kinds.includes('account'));
  });

  for (const language of languages) {
    const runner = runners[language];
    for (const situation of situations) {
      test(`${language}: ${situation.name}`, { skip: runner.skip ?? false, timeout: 60_000 }, async () => {
        if (situation.account) {
          const put = await send(mock.url, { method: 'PUT', path: '/__errata/account', body: JSON.stringify(situation.account) });
          assert.equal(put.status, 200);
        }
        const [command, args] = runner.run(JSON.stringify(situation.payload));
        const { stdout } = await execFile(command, args, {
          env: {
            ...process.env,
            IDENFY_TOKEN_URL: `${mock.url}/api/v2/token`,
            IDENFY_API_KEY: 'errata-key',
            IDENFY_API_SECRET: situation.secret ?? 'errata-secret',
            NO_PROXY: '127.0.0.1,localhost',
            no_proxy: '127.0.0.1,localhost',
          },
        });
        const decision = JSON.parse(stdout.trim()) as Decision;
        const { decision: want, attempts } = expected(situation);
        if (want.ok) {
          assert.equal(decision.ok, true, stdout);
          assert.equal(typeof decision.authToken, 'string');
        } else {
          assert.deepEqual(decision, want);
        }
        const journal = (await send(mock.url, { method: 'GET', path: '/__errata/requests' })).json as unknown[];
        assert.equal(journal.length, attempts, want.retryable ? 'retried until MAX_ATTEMPTS' : 'sent once, not retried');
      });
    }
  }
});
