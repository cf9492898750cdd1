/**
 * One recorded exchange, whatever file it came from: a HAR 1.2 entry (browser devtools, proxies)
 * or a line of the JSON Lines that `errata mock --record` writes (see "Recorded exchanges" in the
 * project's decisions). Both are read into the same shape; what cannot be read is a reason to
 * skip the exchange, never a crash. Pure: the browser's worker uses it too.
 */
import { bytesFromBase64 } from '../base64.ts';

/** A request body as recorded: text when it was UTF-8, else base64 bytes. */
export type RecordedBody = { kind: 'text'; text: string } | { kind: 'base64'; base64: string };

export interface Exchange {
  method: string;
  /** The URL path, without the query. */
  path: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /** Absent when the request had no body. */
  body: RecordedBody | undefined;
  response: {
    status: number;
    /** The parsed JSON when the body is JSON, else its text; undefined when none was recorded. */
    body: unknown;
  };
}

/** An exchange, or why it cannot be judged. */
export type ReadExchange = { exchange: Exchange } | { skipped: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A response body's text as the API sent it: JSON when it parses, else the text. */
export function responseBodyOf(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return text;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

/** `https://ivs.idenfy.com/api/v2/token?x=1` → `/api/v2/token`; a bare path stays a path. */
export function pathOf(url: string): string {
  let path = url;
  const scheme = path.indexOf('://');
  if (scheme !== -1) {
    const slash = path.indexOf('/', scheme + 3);
    path = slash === -1 ? '/' : path.slice(slash);
  }
  const query = path.search(/[?#]/);
  return query === -1 ? path : path.slice(0, query);
}

/** Whether an exchange is one `errata check` judges: any method on the token endpoint. */
export function isTokenRequest(path: string): boolean {
  return path === '/api/v2/token' || path === '/api/v2/token/';
}

function base64ToText(base64: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytesFromBase64(base64));
  } catch {
    return undefined;
  }
}

/** A HAR 1.2 entry (`log.entries[n]`). */
export function exchangeFromHar(entry: unknown): ReadExchange {
  if (!isObject(entry)) return { skipped: 'the HAR entry is not an object' };
  const { request, response } = entry;
  if (!isObject(request) || typeof request.method !== 'string' || typeof request.url !== 'string') {
    return { skipped: 'the HAR entry has no request method and URL' };
  }
  const headers: Record<string, string> = {};
  if (Array.isArray(request.headers)) {
    for (const header of request.headers) {
      if (isObject(header) && typeof header.name === 'string' && typeof header.value === 'string') {
        headers[header.name.toLowerCase()] = header.value;
      }
    }
  }
  let body: RecordedBody | undefined;
  const postData = request.postData;
  if (isObject(postData) && typeof postData.text === 'string') {
    body = postData.encoding === 'base64' ? { kind: 'base64', base64: postData.text } : { kind: 'text', text: postData.text };
  }
  const exchange = { method: request.method, path: pathOf(request.url), headers, body };
  if (!isTokenRequest(exchange.path)) {
    // Not judged, so read leniently: log triage still reads other API answers.
    const status = isObject(response) && typeof response.status === 'number' ? response.status : 0;
    const content =
      isObject(response) &&
      isObject(response.content) &&
      typeof response.content.text === 'string' &&
      response.content.encoding !== 'base64'
        ? response.content.text
        : undefined;
    return { exchange: { ...exchange, response: { status, body: responseBodyOf(content) } } };
  }
  if (!isObject(response) || typeof response.status !== 'number' || !Number.isInteger(response.status)) {
    return { skipped: 'the HAR entry has no response status' };
  }
  // Devtools record a blocked or failed request with status 0: there is no answer to judge.
  if (response.status === 0) return { skipped: 'no response was recorded (status 0: the request failed or was blocked)' };
  let text: string | undefined;
  const content = response.content;
  if (isObject(content) && typeof content.text === 'string') {
    text = content.encoding === 'base64' ? base64ToText(content.text) : content.text;
    if (text === undefined) return { skipped: 'the response body is base64 that is not UTF-8 text' };
  }
  if (text === undefined) return { skipped: 'the response body was not recorded (export the HAR "with content")' };
  return { exchange: { ...exchange, response: { status: response.status, body: responseBodyOf(text) } } };
}

/** A line of `errata mock --record`: `{"time", "request": {…}, "response": {"status", "body"}}`. */
export function exchangeFromRecord(record: unknown): ReadExchange {
  if (!isObject(record)) return { skipped: 'the line is not a JSON object' };
  const { request, response } = record;
  if (!isObject(request) || typeof request.method !== 'string' || typeof request.path !== 'string') {
    return { skipped: 'the line has no "request" with "method" and "path"' };
  }
  const headers: Record<string, string> = {};
  if (isObject(request.headers)) {
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  let body: RecordedBody | undefined;
  if (typeof request.body === 'string') body = { kind: 'text', text: request.body };
  else if (typeof request.bodyBase64 === 'string') body = { kind: 'base64', base64: request.bodyBase64 };
  else if (request.body !== undefined && request.body !== null) body = { kind: 'text', text: JSON.stringify(request.body) };
  const exchange = { method: request.method, path: pathOf(request.path), headers, body };
  if (!isTokenRequest(exchange.path)) return { exchange: { ...exchange, response: { status: 0, body: undefined } } };
  if (!isObject(response) || typeof response.status !== 'number' || !Number.isInteger(response.status)) {
    return { skipped: 'the line has no "response" with a "status"' };
  }
  return { exchange: { ...exchange, response: { status: response.status, body: response.body } } };
}
