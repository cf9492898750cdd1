/**
 * The mock server: `POST /api/v2/token` answered by the predictor, over Node's own HTTP server
 * (src/mock/listener.ts), on one thread or, with `threads`, on several sharing its port and its
 * counters (src/mock/threads.ts). This module starts and stops it as one server.
 */
import { createServer as createTcpServer } from 'node:net';
import type { Account } from '../token/scenario.ts';
import { parseAccount } from './account.ts';
import { defaultKey, defaultSecret } from './credentials.ts';
import { type Journal, threadJournal } from './journal.ts';
import { listen, type Listener, type Timeouts } from './listener.ts';
import { ExchangeLog, type LogFormat } from './log.ts';
import { Recorder } from './record.ts';
import { MockState } from './state.ts';
import type { EveryThread, ThreadOp } from './thread-ops.ts';
import { maxThreads, ThreadPool, threadsUnsupported, type ThreadData } from './threads.ts';

export { accountHeader, tokenPath } from './listener.ts';

export interface MockOptions {
  /** The address to listen on; loopback unless told otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  key?: string;
  secret?: string;
  /** The server's account (the scenario's account form, defaults filled). */
  account?: Account;
  /** The rate limit's rolling window in seconds; the API's is an hour. */
  windowSeconds?: number;
  /** Tokens the account may create before it reaches its token limit. */
  tokens?: number;
  /** A JSON Lines file every exchange is appended to. */
  record?: string;
  /** Where log lines go; none when left out (quiet). */
  log?: { write: (text: string) => void; format: LogFormat; site: string };
  /** The clock, in milliseconds: tests pass their own to move the rolling window (one thread only). */
  now?: () => number;
  /**
   * Threads that serve (default 1). More than one needs Node 22.12 or later on Linux or FreeBSD;
   * elsewhere the mock serves on one, and says why in `threadsRefused`.
   */
  threads?: number;
  /** How long a request may take to arrive whole, headers and body (default 30 s). */
  requestTimeoutMs?: number;
  /** How long its headers may take (default 10 s). */
  headersTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open (default 5 s). */
  keepAliveTimeoutMs?: number;
  /** How long stop() waits for requests in flight before it closes their connections (default 10 s). */
  stopGraceMs?: number;
}

export interface MockServer {
  /** The base URL, such as http://127.0.0.1:8080. */
  url: string;
  host: string;
  port: number;
  key: string;
  secret: string;
  /**
   * The state as the first thread sees it: the counters are every thread's, the account is the
   * first thread's copy (set it through `PUT /__errata/account` when there are several threads).
   */
  state: MockState;
  /** The first thread's journal: with one thread, the whole journal; else `GET /__errata/requests` merges them all. */
  journal: Journal;
  /** Threads serving once it started (a thread that dies later is not subtracted). */
  threads: number;
  /** Why fewer threads serve than were asked for, when that is so. */
  threadsRefused: string | null;
  /** Stops accepting connections, lets requests in flight finish, then flushes the log and the record. */
  stop(): Promise<void>;
}

/** The base URL of an address: IPv6 hosts in brackets. */
function baseUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Fails as listening would (EADDRINUSE) when the port is taken. Threads share their port with
 * SO_REUSEPORT, which would also share it with another server listening so (another mock with
 * threads): this bind, without it, refuses that.
 */
async function ensurePortFree(host: string, port: number): Promise<void> {
  const probe = createTcpServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen({ host, port }, () => resolve());
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const key = options.key ?? defaultKey;
  const secret = options.secret ?? defaultSecret;
  const asked = options.threads ?? 1;
  if (!Number.isInteger(asked) || asked < 1 || asked > maxThreads) {
    throw new RangeError(`threads must be a whole number from 1 to ${maxThreads}, not ${asked}`);
  }
  const threadsRefused = asked > 1 ? threadsUnsupported() : null;
  const threads = threadsRefused === null ? asked : 1;
  if (threads > 1 && options.now) throw new RangeError("A test's clock (now) cannot be shared between threads: use one thread");
  const timeouts: Timeouts = {
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    headersTimeoutMs: Math.min(options.headersTimeoutMs ?? 10_000, options.requestTimeoutMs ?? 30_000),
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? 5_000,
    stopGraceMs: options.stopGraceMs ?? 10_000,
  };
  const windowSeconds = options.windowSeconds ?? 3600;
  const account = options.account ?? parseAccount({});
  const state = new MockState({ account, windowSeconds, ...(options.tokens === undefined ? {} : { tokens: options.tokens }) });
  const journal = threadJournal(threads);
  const log = options.log ? new ExchangeLog(options.log.write, options.log.format, options.log.site) : undefined;
  const recorder = options.record
    ? await Recorder.open(options.record, (error) =>
        (options.log?.write ?? ((text: string) => process.stderr.write(text)))(
          `errata mock: recording to ${options.record} stopped: ${error.message}\n`,
        ),
      )
    : undefined;

  // The first thread listens before the others start (they need its port): what it is asked of
  // every thread meanwhile waits until all of them are there to be asked.
  let pool: ThreadPool | undefined;
  let listener: Listener | undefined;
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const apply = (op: ThreadOp) => (listener as Listener).apply(op);
  const every = (async (op: ThreadOp) => {
    await started;
    return pool ? pool.every(op) : [apply(op)];
  }) as EveryThread;

  const port = options.port ?? 8080;
  try {
    if (threads > 1 && port !== 0) await ensurePortFree(host, port);
    listener = await listen({
      host,
      port,
      reusePort: threads > 1,
      key,
      secret,
      now: options.now ?? Date.now,
      timeouts,
      state,
      journal,
      every,
      ...(recorder ? { record: (exchange) => recorder.write(exchange) } : {}),
      ...(log ? { log } : {}),
    });
    if (threads > 1) {
      const data: ThreadData = {
        threads,
        memory: state.memory,
        host,
        port: listener.port,
        key,
        secret,
        account,
        windowSeconds,
        tokens: options.tokens,
        timeouts,
        log: options.log ? { format: options.log.format, site: options.log.site } : undefined,
        record: recorder !== undefined,
      };
      pool = await ThreadPool.start(threads - 1, data, {
        apply,
        log: (text) => options.log?.write(text),
        record: (line) => recorder?.writeLine(line),
      });
    }
  } catch (error) {
    markStarted();
    await listener?.stop();
    await recorder?.close();
    throw error;
  }
  markStarted();

  let stopped: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped ??= (async () => {
      await Promise.all([pool?.stop(), listener?.stop()]);
      log?.flush();
      await recorder?.close();
    })();
    return stopped;
  }

  return {
    url: baseUrl(host, listener.port),
    host,
    port: listener.port,
    key,
    secret,
    state,
    journal,
    threads: pool?.size ?? 1,
    threadsRefused,
    stop,
  };
}
