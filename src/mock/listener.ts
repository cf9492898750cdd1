/**
 * One thread of the mock server: Node's own HTTP server, answering `POST /api/v2/token` by the
 * predictor. Every request to the token path, any method, becomes a scenario (its method, its
 * credentials, its raw body bytes, and the account state) and gets exactly the predicted status
 * and body. The mock's own answers (its API under /__errata/, limits, bad headers, unknown paths)
 * have bodies `{"errata": "<reason>"}`, so they are never mistaken for the API's.
 *
 * What all threads share (the counters) is in MockState; what each keeps (the account's copy, the
 * journal) is reached through `every`, which asks all threads (see thread-ops.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { limitWords, maxBodyBytes, maxNestingDepth, jsonTextDepth } from '../limits.ts';
import { statusText } from '../predict/http.ts';
import { answerParsed } from '../predict/predict.ts';
import type { Account, Scenario } from '../token/scenario.ts';
import { catalogueVersion } from '../catalogue/version.ts';
import { AccountError, AccountHeaderReader, parseAccount, parseAccountJson } from './account.ts';
import { ConnectionTurns } from './connection-turns.ts';
import { credentialsReader } from './credentials.ts';
import { keptBody, toRecorded, utf8Text, type Exchange } from './exchange.ts';
import { type Journal, journalCapacity } from './journal.ts';
import { type ExchangeLog, warnOfBug } from './log.ts';
import type { MockState } from './state.ts';
import { mergedLength, mergeJournals, type EveryThread, type ThreadOp, type ThreadReply } from './thread-ops.ts';

export const tokenPath = '/api/v2/token';
export const accountHeader = 'errata-account';

export interface ListenerConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Shares the port with the mock's other threads (SO_REUSEPORT): the system spreads the connections. */
  reusePort: boolean;
  key: string;
  secret: string;
  now: () => number;
  timeouts: Timeouts;
  state: MockState;
  journal: Journal;
  /** Asks every thread (with one thread, this one alone). */
  every: EveryThread;
  /** Keeps an exchange in the record file, when there is one. */
  record?: (exchange: Exchange) => void;
  log?: ExchangeLog;
}

/** How long the mock waits, in milliseconds (see MockOptions). */
export interface Timeouts {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  stopGraceMs: number;
}

export interface Listener {
  port: number;
  /** Does what another thread asks of this one. */
  apply(op: ThreadOp): ThreadReply;
  /** Stops accepting connections, lets requests in flight finish (closing them after the grace), flushes the log. */
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

export async function listen(config: ListenerConfig): Promise<Listener> {
  const { state, journal, log, now } = config;
  const { requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs, stopGraceMs } = config.timeouts;
  const credentialsOf = credentialsReader(config.key, config.secret);
  const accountHeaders = new AccountHeaderReader();
  let answered = 0;
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
    answered++;
    journal.add(exchange);
    config.record?.(exchange);
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
        sequence: state.nextSequence(),
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
    const sent: Scenario['request'] = {
      method,
      credentials: credentialsOf(request.headers.authorization),
      // Valid UTF-8 is passed as its text (what the predictor decodes bytes to); other bytes as they are.
      ...(text === null ? { rawBodyBase64: bytes.toString('base64') } : { rawBody: text }),
    };
    const { answer, sequence } = state.decide(override, time, (account) => answerParsed({ request: sent, account }));
    send(request, response, answer.status, JSON.stringify(answer.body), { 'errata-entry': answer.entry });
    keep({
      sequence,
      time,
      method,
      path: request.url ?? tokenPath,
      headers: request.headers,
      body: keptBody(bytes, text),
      status: answer.status,
      responseBody: method === 'HEAD' ? '' : answer.body,
    });
    log?.log({ time, method, path: request.url ?? tokenPath, status: answer.status, entry: answer.entry });
  }

  /** The mock's own API: health, the journal, the server's account. It asks every thread, so it answers later. */
  async function answerApi(request: IncomingMessage, response: ServerResponse, path: string, bytes: Buffer): Promise<void> {
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
      case '/__errata/health': {
        if (!reading) return wrongMethod('GET, HEAD');
        const tallies = await config.every({ kind: 'tally' });
        const journaled = mergedLength(tallies, journalCapacity);
        return reply(200, {
          status: 'ok',
          catalogueVersion,
          ...state.counters(time),
          journaled,
          threads: tallies.length,
          answeredByThread: tallies.map((tally) => tally.answered),
        });
      }
      case '/__errata/requests':
        if (reading) return reply(200, mergeJournals(await config.every({ kind: 'journal' }), journalCapacity));
        if (method === 'DELETE') {
          // What was answered before the counters' reset is forgotten; what came after stays.
          await config.every({ kind: 'clear', before: state.reset() });
          response.writeHead(204, stopping ? { connection: 'close' } : {});
          response.end();
          log?.log({ time, method, path: request.url ?? path, status: 204, entry: null });
          return;
        }
        return wrongMethod('GET, HEAD, DELETE');
      case '/__errata/account':
        if (reading) return reply(200, state.account);
        if (method === 'PUT') {
          let account: Account;
          try {
            const text = utf8Text(bytes);
            if (text === null) throw new AccountError('the body is not UTF-8');
            account = parseAccountJson(text, parseAccount) as Account;
          } catch (error) {
            if (!(error instanceof AccountError)) throw error;
            return refuse(request, response, 422, `The body is not an account: ${error.message}`, null);
          }
          await config.every({ kind: 'account', account });
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

  function apply(op: ThreadOp): ThreadReply {
    switch (op.kind) {
      case 'account':
        state.account = op.account;
        return null;
      case 'clear':
        journal.clear(op.before);
        answered = journal.length;
        return null;
      case 'journal':
        return {
          exchanges: journal.list().map((exchange) => ({ sequence: exchange.sequence, exchange: toRecorded(exchange) })),
          droppedThrough: journal.droppedThrough,
        };
      case 'tally':
        return { sequences: journal.list().map((exchange) => exchange.sequence), droppedThrough: journal.droppedThrough, answered };
    }
  }

  /** Answers a request whose body was read; the API's answers resolve once every thread has replied. */
  function route(request: IncomingMessage, response: ServerResponse, body: Body): Promise<void> | undefined {
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
      return undefined;
    }
    if (path.startsWith('/__errata/')) return answerApi(request, response, path, body.bytes);
    if (path === tokenPath) answerToken(request, response, body.bytes);
    else refuse(request, response, 404, `The mock serves ${tokenPath} only (and its own API under /__errata/), not ${path}`, body.bytes);
    return undefined;
  }

  const turns = new ConnectionTurns<Socket>(warnOfBug);

  /** Reads the body as raw bytes, up to the size limit, within the request timeout. */
  function handle(request: IncomingMessage, response: ServerResponse): void {
    response.on('error', () => request.destroy());
    const socket = request.socket;
    const turn = turns.take(socket);
    /** Routes the request in its turn; a bug in the mock is its own 500. */
    const routeInTurn = (body: Body) =>
      turns.run(socket, turn, () => {
        try {
          return route(request, response, body)?.catch((error: unknown) => failed(response, error));
        } catch (error) {
          failed(response, error);
          return undefined;
        }
      });
    const declared = Number(request.headers['content-length']);
    if (declared > maxBodyBytes) return tooLarge(request, routeInTurn);
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      // The connection is closed: what is left of the body cannot be told from the next request.
      turns.run(socket, turn, () => {
        refuse(request, response, 408, `The request did not arrive whole within ${requestTimeoutMs / 1000} s`, null, {
          connection: 'close',
        });
        response.once('finish', () => socket.destroySoon());
        return undefined;
      });
    }, requestTimeoutMs);
    timer.unref();
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      length += chunk.length;
      if (length > maxBodyBytes) {
        done = true;
        clearTimeout(timer);
        chunks.length = 0;
        return tooLarge(request, routeInTurn);
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      routeInTurn({ kind: 'read', bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length) });
    });
    // A client that goes away mid-body: nothing to answer, nothing kept.
    const abandoned = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      turns.skip(socket, turn);
    };
    request.on('error', abandoned);
    request.on('close', () => {
      if (!request.complete) abandoned();
    });
  }

  /** 413 in its turn, then the rest of the body is read and dropped (so the client sees the answer), up to a bound. */
  function tooLarge(request: IncomingMessage, routeInTurn: (body: Body) => void): void {
    let discarded = 0;
    request.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > maxDiscardBytes) request.socket.destroy();
    });
    routeInTurn({ kind: 'too-large' });
  }

  /** A bug in the mock: answered as a 500 of its own rather than a crash. */
  function failed(response: ServerResponse, error: unknown): void {
    warnOfBug(error);
    if (response.headersSent) return void response.destroy();
    const body = JSON.stringify({ errata: 'The mock failed on this request: a bug in Errata' });
    response.writeHead(500, { ...jsonHeaders(Buffer.byteLength(body)), connection: 'close' });
    response.end(body);
  }

  const server: Server = createServer(
    {
      requestTimeout: requestTimeoutMs + 1000,
      headersTimeout: headersTimeoutMs,
      keepAliveTimeout: keepAliveTimeoutMs,
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
    // After the answers to the requests before it on this connection, which may still wait for every thread.
    turns.run(socket, turns.take(socket), () => {
      socket.end(rawErrataResponse(status, reason));
      log?.log({ time: now(), method: '-', path: '-', status, entry: null, note: reason });
      return undefined;
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: config.port, host: config.host, ...(config.reusePort ? { reusePort: true } : {}) }, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let stopped: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped ??= (async () => {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), stopGraceMs);
      await closed;
      clearTimeout(grace);
      log?.flush();
    })();
    return stopped;
  }

  return { port: (server.address() as AddressInfo).port, apply, stop };
}
