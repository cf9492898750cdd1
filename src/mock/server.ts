/**
 * The mock server: `POST /api/v2/token` answered by the predictor, over Node's own HTTP server.
 * Every request to the token path, any method, becomes a scenario (its method, its credentials,
 * its raw body bytes, and the account state) and gets exactly the predicted status and body.
 * The mock's own answers (its API under /__errata/, limits, bad headers, unknown paths) have
 * bodies `{"errata": "<reason>"}`, so they are never mistaken for the API's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { limitWords, maxBodyBytes, maxNestingDepth, jsonTextDepth } from '../limits.ts';
import { statusText } from '../predict/http.ts';
import { answerParsed } from '../predict/predict.ts';
import type { Account, Scenario } from '../token/scenario.ts';
import { catalogueVersion } from '../catalogue/version.ts';
import { AccountError, AccountHeaderReader, parseAccount, parseAccountJson } from './account.ts';
import { credentialsReader, defaultKey, defaultSecret } from './credentials.ts';
import { keptBody, toRecorded, utf8Text, type Exchange } from './exchange.ts';
import { Journal } from './journal.ts';
import { ExchangeLog, type LogFormat } from './log.ts';
import { Recorder } from './record.ts';
import { MockState } from './state.ts';

export const tokenPath = '/api/v2/token';
export const accountHeader = 'errata-account';

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
  /** The clock, in milliseconds: tests pass their own to move the rolling window. */
  now?: () => number;
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
  state: MockState;
  journal: Journal;
  /** Stops accepting connections, lets requests in flight finish, then flushes the log and the record. */
  stop(): Promise<void>;
}

/** Bytes a client may go on sending after a 413 before its connection is cut. */
const maxDiscardBytes = 8 * 1024 * 1024;

type Body = { kind: 'read'; bytes: Buffer } | { kind: 'too-large' };

const jsonHeaders = (length: number) => ({ 'content-type': 'application/json', 'content-length': length });

/** A `{"errata": …}` answer as raw bytes, for sockets whose request could not be parsed. */
function rawErrataResponse(status: number, reason: string): string {
  const body = JSON.stringify({ errata: reason });
  return `HTTP/1.1 ${status} ${statusText(status) ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** The base URL of an address: IPv6 hosts in brackets. */
function baseUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const key = options.key ?? defaultKey;
  const secret = options.secret ?? defaultSecret;
  const now = options.now ?? Date.now;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const headersTimeoutMs = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeoutMs);
  const state = new MockState({
    account: options.account ?? parseAccount({}),
    windowSeconds: options.windowSeconds ?? 3600,
    ...(options.tokens === undefined ? {} : { tokens: options.tokens }),
  });
  const journal = new Journal();
  const credentialsOf = credentialsReader(key, secret);
  const accountHeaders = new AccountHeaderReader();
  const log = options.log ? new ExchangeLog(options.log.write, options.log.format, options.log.site) : undefined;
  const recorder = options.record
    ? await Recorder.open(options.record, (error) =>
        (options.log?.write ?? ((text: string) => process.stderr.write(text)))(
          `errata mock: recording to ${options.record} stopped: ${error.message}\n`,
        ),
      )
    : undefined;
  let stopping = false;

  /** Sends a JSON answer; HEAD gets the same status and headers without the body. */
  function send(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    json: string,
    extra: Record<string, string> = {},
  ): void {
    const headers: Record<string, string | number> = { ...jsonHeaders(Buffer.byteLength(json)), ...extra };
    if (stopping) headers.connection = 'close';
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : json);
  }

  function keep(exchange: Exchange): void {
    journal.add(exchange);
    recorder?.write(exchange);
  }

  /** The mock's own answer: `{"errata": reason}`, logged and, on the token path, journaled. */
  function refuse(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    reason: string,
    body: Buffer | null,
    extra: Record<string, string> = {},
  ): void {
    const time = now();
    const path = request.url ?? '/';
    send(request, response, status, JSON.stringify({ errata: reason }), extra);
    if (!path.startsWith('/__errata/')) {
      keep({
        time,
        method: request.method ?? '',
        path,
        headers: request.headers,
        body: body === null ? null : keptBody(body, utf8Text(body)),
        status,
        responseBody: { errata: reason },
      });
    }
    log?.log({ time, method: request.method ?? '', path, status, entry: null, note: reason });
  }

  function answerToken(request: IncomingMessage, response: ServerResponse, bytes: Buffer): void {
    const time = now();
    let override: Partial<Account> | undefined;
    const header = request.headers[accountHeader];
    if (header !== undefined) {
      try {
        override = accountHeaders.read(Array.isArray(header) ? header.join(',') : header);
      } catch (error) {
        if (!(error instanceof AccountError)) throw error;
        refuse(request, response, 422, `The Errata-Account header is not an account: ${error.message}`, bytes);
        return;
      }
    }
    const text = utf8Text(bytes);
    // Brackets are ASCII, never part of a multi-byte sequence: bytes that are not UTF-8 measure the same as Latin-1.
    if (jsonTextDepth(text ?? bytes.toString('latin1')) > maxNestingDepth) {
      refuse(
        request,
        response,
        422,
        `The request body is nested deeper than the limit of ${limitWords.depth}: nothing is predicted beyond it`,
        bytes,
      );
      return;
    }
    const method = request.method ?? 'GET';
    const scenario: Scenario = {
      request: {
        method,
        credentials: credentialsOf(request.headers.authorization),
        // Valid UTF-8 is passed as its text (what the predictor decodes bytes to); other bytes as they are.
        ...(text === null ? { rawBodyBase64: bytes.toString('base64') } : { rawBody: text }),
      },
      account: state.accountFor(override, time),
    };
    const outcome = answerParsed(scenario);
    state.count(outcome, time);
    send(request, response, outcome.status, JSON.stringify(outcome.body), { 'errata-entry': outcome.entry });
    const responseBody = method === 'HEAD' ? '' : outcome.body;
    keep({
      time,
      method,
      path: request.url ?? tokenPath,
      headers: request.headers,
      body: keptBody(bytes, text),
      status: outcome.status,
      responseBody,
    });
    log?.log({ time, method, path: request.url ?? tokenPath, status: outcome.status, entry: outcome.entry });
  }

  /** The mock's own API: health, the journal, the server's account. */
  function answerApi(request: IncomingMessage, response: ServerResponse, path: string, bytes: Buffer): void {
    const method = request.method ?? 'GET';
    const time = now();
    const reply = (status: number, value: unknown) => {
      send(request, response, status, JSON.stringify(value));
      log?.log({ time, method, path: request.url ?? path, status, entry: null });
    };
    const wrongMethod = (allowed: string) =>
      refuse(request, response, 405, `${path} answers ${allowed.split(', ').join(' and ')}, not ${method}`, null, { allow: allowed });
    const reading = method === 'GET' || method === 'HEAD';
    switch (path) {
      case '/__errata/health':
        if (!reading) return wrongMethod('GET, HEAD');
        return reply(200, { status: 'ok', catalogueVersion, ...state.counters(time), journaled: journal.length });
      case '/__errata/requests':
        if (reading) return reply(200, journal.list().map(toRecorded));
        if (method === 'DELETE') {
          journal.clear();
          state.reset();
          response.writeHead(204, stopping ? { connection: 'close' } : {});
          response.end();
          log?.log({ time, method, path: request.url ?? path, status: 204, entry: null });
          return;
        }
        return wrongMethod('GET, HEAD, DELETE');
      case '/__errata/account':
        if (reading) return reply(200, state.account);
        if (method === 'PUT') {
          try {
            const text = utf8Text(bytes);
            if (text === null) throw new AccountError('the body is not UTF-8');
            state.account = parseAccountJson(text, parseAccount) as Account;
          } catch (error) {
            if (!(error instanceof AccountError)) throw error;
            return refuse(request, response, 422, `The body is not an account: ${error.message}`, null);
          }
          return reply(200, state.account);
        }
        return wrongMethod('GET, HEAD, PUT');
      default:
        return refuse(
          request,
          response,
          404,
          `The mock has no ${path}: its own API is /__errata/health, /__errata/requests and /__errata/account`,
          null,
        );
    }
  }

  function route(request: IncomingMessage, response: ServerResponse, body: Body): void {
    const target = request.url ?? '/';
    const query = target.indexOf('?');
    const path = query < 0 ? target : target.slice(0, query);
    if (body.kind === 'too-large') {
      refuse(
        request,
        response,
        413,
        `The request body is larger than the limit of ${limitWords.body} (${maxBodyBytes} bytes): nothing is predicted beyond it`,
        null,
        { connection: 'close' },
      );
      return;
    }
    if (path === tokenPath) return answerToken(request, response, body.bytes);
    if (path.startsWith('/__errata/')) return answerApi(request, response, path, body.bytes);
    refuse(request, response, 404, `The mock serves ${tokenPath} only (and its own API under /__errata/), not ${path}`, body.bytes);
  }

  /** Reads the body as raw bytes, up to the size limit, within the request timeout. */
  function handle(request: IncomingMessage, response: ServerResponse): void {
    response.on('error', () => request.destroy());
    const declared = Number(request.headers['content-length']);
    if (declared > maxBodyBytes) return tooLarge(request, response);
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      // The connection is closed: what is left of the body cannot be told from the next request.
      refuse(request, response, 408, `The request did not arrive whole within ${requestTimeoutMs / 1000} s`, null, { connection: 'close' });
      response.once('finish', () => request.socket.destroySoon());
    }, requestTimeoutMs);
    timer.unref();
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      length += chunk.length;
      if (length > maxBodyBytes) {
        done = true;
        clearTimeout(timer);
        chunks.length = 0;
        return tooLarge(request, response);
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        route(request, response, { kind: 'read', bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length) });
      } catch (error) {
        failed(response, error);
      }
    });
    // A client that goes away mid-body: nothing to answer, nothing kept.
    request.on('error', () => {
      done = true;
      clearTimeout(timer);
    });
    request.on('close', () => {
      if (request.complete) return;
      done = true;
      clearTimeout(timer);
    });
  }

  /** 413 at once, then the rest of the body is read and dropped (so the client sees the answer), up to a bound. */
  function tooLarge(request: IncomingMessage, response: ServerResponse): void {
    let discarded = 0;
    request.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > maxDiscardBytes) request.socket.destroy();
    });
    route(request, response, { kind: 'too-large' });
  }

  /** A bug in the mock: answered as a 500 of its own rather than a crash. */
  function failed(response: ServerResponse, error: unknown): void {
    process.emitWarning(`errata mock: ${(error as Error).stack ?? String(error)}`);
    if (response.headersSent) return void response.destroy();
    const body = JSON.stringify({ errata: 'The mock failed on this request: a bug in Errata' });
    response.writeHead(500, { ...jsonHeaders(Buffer.byteLength(body)), connection: 'close' });
    response.end(body);
  }

  const server: Server = createServer(
    {
      requestTimeout: requestTimeoutMs + 1000,
      headersTimeout: headersTimeoutMs,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      // How often Node looks for requests past their timeouts: often enough for short test timeouts.
      connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
    },
    (request, response) => {
      try {
        handle(request, response);
      } catch (error) {
        failed(response, error);
      }
    },
  );

  // `Expect: 100-continue`: a body declared too large is refused before the client sends it.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    try {
      if (!(Number(request.headers['content-length']) > maxBodyBytes)) response.writeContinue();
      handle(request, response);
    } catch (error) {
      failed(response, error);
    }
  });

  // A request that cannot be parsed or took too long to send its headers: answered in the mock's own words.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const [status, reason] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request headers did not arrive in time']
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'The request headers are larger than the limit of 16 KiB']
          : [400, `The request is not valid HTTP/1.1 (${error.code ?? error.message})`];
    socket.end(rawErrataResponse(status, reason));
    log?.log({ time: now(), method: '-', path: '-', status, entry: null, note: reason });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  let stopped: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped ??= (async () => {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), options.stopGraceMs ?? 10_000);
      await closed;
      clearTimeout(grace);
      log?.flush();
      await recorder?.close();
    })();
    return stopped;
  }

  return { url: baseUrl(host, address.port), host, port: address.port, key, secret, state, journal, stop };
}
