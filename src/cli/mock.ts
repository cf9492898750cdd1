/**
 * `errata mock`: the predictor as an HTTP server for integration tests (see src/mock/server.ts).
 * Stdout gets exactly one line once it listens, starting with its base URL, so that a test
 * harness can read it; everything else (credentials, account, the log) goes to stderr.
 */
import { limitWords, maxScenarioBytes } from '../limits.ts';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AccountError, parseAccount, parseAccountJson } from '../mock/account.ts';
import { defaultKey, defaultSecret } from '../mock/credentials.ts';
import { siteAddress, type LogFormat } from '../mock/log.ts';
import { RecordError } from '../mock/record.ts';
import { startMock, tokenPath, type MockOptions, type MockServer } from '../mock/server.ts';
import { autoThreads, maxThreads } from '../mock/threads.ts';
import { accountSchema, type Account } from '../token/scenario.ts';
import { exitCode, InputError, parseCommandArgs, UsageError, type Command } from './command.ts';
import { readSource, type Io } from './io.ts';

const help = `Usage: npm run errata -- mock [options]

Starts an HTTP server that answers POST ${tokenPath} exactly as Errata predicts, for integration
tests that must reproduce any error of the catalogue offline. Every method on ${tokenPath} is
answered from the request's method, credentials and raw body, and the account state below.

Options:
  --host HOST          Address to listen on (default 127.0.0.1: this machine only)
  --port PORT          Port (default 8080; 0 picks a free one)
  --key K --secret S   The HTTP Basic credentials that are valid (default ${defaultKey} / ${defaultSecret};
                       also ERRATA_MOCK_KEY and ERRATA_MOCK_SECRET)
  --account FILE       The server's account state, in the scenario's account form
                       (such as {"fundsAvailable": false}); defaults otherwise
  --tokens N           The account may create N tokens; after that, "Partner reached token limit"
  --window SECONDS     Length of the rolling window of requests that feeds the rate limit
                       (default 3600, as the API's hour; 0 counts nothing)
  --record FILE        Append every exchange to FILE as JSON Lines (what "errata check" reads)
  --threads N          Serve on N threads sharing the port and the counters (default 1; auto: one
                       per core). For load tests; needs Node 22.12 or later on Linux or FreeBSD
  --quiet              No log line per exchange
  --log-format FORMAT  text (default) or json: one JSON object a line
  -h, --help           Show this help

Per request, the header "Errata-Account: <JSON>" sets account fields over the server's, such as
  curl -u ${defaultKey}:${defaultSecret} -H 'Errata-Account: {"active": false}' \\
    --data-raw '{"clientId": "user-42"}' http://127.0.0.1:8080${tokenPath}

Its own API (no credentials): GET /__errata/health; GET and DELETE /__errata/requests (the last
1,000 exchanges; DELETE also clears the counters); GET and PUT /__errata/account.

Once listening it prints one line on stdout, starting with its base URL. SIGINT (Ctrl-C) or
SIGTERM stops it after the requests in flight are answered.
`;

/** A whole number within bounds, or a UsageError naming the flag. */
function wholeNumber(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function seconds(text: string): number {
  if (!/^\d+(\.\d+)?$/.test(text))
    throw new UsageError(`--window must be a number of seconds such as 3600 or 0.5, not ${JSON.stringify(text)}`);
  return Number(text);
}

function threadCount(text: string): number {
  if (text === 'auto') return autoThreads();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > maxThreads) {
    throw new UsageError(`--threads must be auto or a whole number from 1 to ${maxThreads}, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function credential(flag: 'key' | 'secret', given: string | undefined, env: string | undefined, fallback: string): string {
  const value = given ?? (env || undefined) ?? fallback;
  if (value.length === 0) throw new UsageError(`--${flag} must not be empty`);
  if (flag === 'key' && value.includes(':'))
    throw new UsageError('The key must not contain ":" (HTTP Basic puts one between key and secret)');
  if (/[\r\n]/.test(value)) throw new UsageError(`The ${flag} must be one line`);
  return value;
}

async function readAccount(spec: string, io: Io): Promise<Account> {
  // An account file is a small JSON object: the scenario's limit is far more than it needs.
  const source = await readSource(spec, io, {
    bytes: maxScenarioBytes,
    words: limitWords.scenario,
    hint: 'an account is a small JSON object of settings',
  });
  try {
    return parseAccountJson(source.text.replace(/^\uFEFF/, ''), parseAccount) as Account;
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    throw new InputError(`The account in ${source.name} does not fit: ${error.message}`);
  }
}

/** The account fields that differ from the defaults, as `name=value`. */
function accountChanges(account: Account): string[] {
  const defaults = accountSchema.parse({}) as Record<string, unknown>;
  return Object.entries(account)
    .filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(defaults[name]))
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`);
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE')
    return new InputError(`Port ${port} on ${host} is in use: choose another with --port, or --port 0 for a free one`);
  if (error.code === 'EACCES') return new InputError(`Not allowed to listen on port ${port}: choose one above 1023, or --port 0`);
  // A thread that cannot start for want of file handles says so only in its message.
  if (
    error.code === 'EMFILE' ||
    error.code === 'ENFILE' ||
    (error.code === 'ERR_WORKER_INIT_FAILED' && /\b(EMFILE|ENFILE)\b/.test(error.message))
  )
    return new InputError('Too many open files to start the mock: fewer --threads, or a higher limit (ulimit -n)');
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return new InputError(`Cannot listen on ${host}: no such address on this machine`);
  return error;
}

/**
 * Resolves on the first SIGINT or SIGTERM, or when the process that started the mock is gone:
 * `npm run` does not pass a test harness's SIGTERM on to its script, so a harness that stops npm
 * would otherwise leave the mock running.
 */
function stopSignal(): Promise<string> {
  return new Promise((resolvePromise) => {
    const parent = process.ppid;
    const orphaned = setInterval(() => {
      if (process.ppid !== parent) finish('the process that started it exited');
    }, 500);
    orphaned.unref();
    const finish = (why: string) => {
      clearInterval(orphaned);
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      resolvePromise(why);
    };
    process.on('SIGINT', finish);
    process.on('SIGTERM', finish);
  });
}

async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        key: { type: 'string' },
        secret: { type: 'string' },
        account: { type: 'string' },
        tokens: { type: 'string' },
        window: { type: 'string' },
        record: { type: 'string' },
        threads: { type: 'string' },
        quiet: { type: 'boolean' },
        'log-format': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }),
  );
  if (values.help) {
    io.stdout(help);
    return exitCode.ok;
  }
  const format = values['log-format'] ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--log-format must be text or json, not ${JSON.stringify(format)}`);
  const host = values.host ?? '127.0.0.1';
  const port = values.port === undefined ? 8080 : wholeNumber('port', values.port, 0, 65_535);
  const options: MockOptions = {
    host,
    port,
    key: credential('key', values.key, process.env.ERRATA_MOCK_KEY, defaultKey),
    secret: credential('secret', values.secret, process.env.ERRATA_MOCK_SECRET, defaultSecret),
    windowSeconds: values.window === undefined ? 3600 : seconds(values.window),
    ...(values.tokens === undefined ? {} : { tokens: wholeNumber('tokens', values.tokens, 0, Number.MAX_SAFE_INTEGER) }),
    ...(values.account === undefined ? {} : { account: await readAccount(values.account, io) }),
    ...(values.record === undefined ? {} : { record: resolve(io.cwd, values.record) }),
    ...(values.threads === undefined ? {} : { threads: threadCount(values.threads) }),
    ...(values.quiet ? {} : { log: { write: io.stderr, format: format as LogFormat, site: siteAddress() } }),
  };

  let server: MockServer;
  try {
    server = await startMock(options);
  } catch (error) {
    if (error instanceof RecordError) throw new InputError(error.message);
    throw listenError(error as NodeJS.ErrnoException, host, port);
  }
  const stopped = stopSignal();

  const changes = accountChanges(server.state.account);
  io.stderr(
    [
      `errata mock: answering POST ${tokenPath} as Errata predicts`,
      `  credentials  HTTP Basic, key "${server.key}", secret "${server.secret}"`,
      `  account      ${changes.length === 0 ? 'the defaults' : changes.join(', ')}${values.account === undefined ? '' : ` (from ${values.account})`}; per request: the Errata-Account header`,
      `  rate limit   10,000 requests in a rolling window of ${options.windowSeconds} s${options.tokens === undefined ? '' : `; tokens: ${options.tokens}`}`,
      ...(options.record === undefined ? [] : [`  recording    ${options.record}`]),
      ...(server.threads > 1 ? [`  threads      ${server.threads}, sharing the port and the counters`] : []),
      ...(server.threadsRefused === null ? [] : [`  warning      serving on one thread: ${server.threadsRefused}`]),
      ...(loopback.test(host) ? [] : [`  warning      listening on ${host}: reachable from other machines`]),
      `  own API      ${server.url}/__errata/health, /__errata/requests, /__errata/account`,
      '  Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  io.stdout(`${server.url} (errata mock of POST ${server.url}${tokenPath})\n`);

  const signal = await stopped;
  io.stderr(`errata mock: ${signal}: stopping after the requests in flight\n`);
  await server.stop();
  return exitCode.ok;
}

export const mockCommand: Command = {
  name: 'mock',
  summary: 'start a mock server of POST /api/v2/token that answers as predicted',
  help,
  run,
};
