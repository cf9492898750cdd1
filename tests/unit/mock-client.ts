/**
 * A small HTTP client for the mock's tests: raw bytes in and out, every header as given, so that
 * a test sends exactly what it means to (no fetch, which refuses bodies on GET and some headers).
 */
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { basicAuthorization } from '../../src/mock/credentials.ts';
import type { MockRequest } from '../../src/site/mock-command.ts';

export interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  agent?: Agent;
}

export interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export function send(baseUrl: string, sent: Sent = {}): Promise<Received> {
  return new Promise((resolve, reject) => {
    const url = new URL(sent.path ?? '/api/v2/token', baseUrl);
    const body = sent.body === undefined ? undefined : Buffer.isBuffer(sent.body) ? sent.body : Buffer.from(sent.body, 'utf8');
    const headers: Record<string, string | number> = { ...sent.headers };
    if (body !== undefined && headers['transfer-encoding'] === undefined) headers['content-length'] = body.length;
    const request = httpRequest(
      url,
      { method: sent.method ?? 'POST', headers, ...(sent.agent ? { agent: sent.agent } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The headers and body of a request built by mockRequest (the entry pages' reproduce command). */
export function sentOf(built: MockRequest): Sent {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (built.basic !== null) {
    const [key, ...secret] = built.basic.split(':');
    headers.authorization = basicAuthorization(key as string, secret.join(':'));
  }
  if (built.account !== null) headers['errata-account'] = built.account;
  if (built.method === 'HEAD') return { method: built.method, headers };
  return {
    method: built.method,
    headers,
    body: built.body.kind === 'bytes' ? Buffer.from(built.body.base64, 'base64') : built.body.text,
  };
}

/**
 * A request whose body is still arriving: its first bytes now, the rest after `delayMs`, on a
 * connection of its own. Resolves with the status it gets.
 */
export function sendSlowly(baseUrl: string, headers: Record<string, string>, body: string, delayMs: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const sending = httpRequest(
      new URL('/api/v2/token', baseUrl),
      { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent: false },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    sending.on('error', reject);
    sending.write(body.slice(0, 5));
    setTimeout(() => sending.end(body.slice(5)), delayMs);
  });
}
