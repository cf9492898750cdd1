/**
 * One request and its answer, in the exchange format that `--record`, `GET /__errata/requests`
 * and `errata check` share (decisions: "Recorded exchanges"). The server keeps what it saw
 * cheaply and writes the format only when it is read or recorded.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { decodeUtf8 } from '../predict/body.ts';

export interface RecordedExchange {
  /** ISO 8601, UTC. */
  time: string;
  request: {
    method: string;
    path: string;
    /** Lower-case names; an Authorization header is `Basic <redacted>`, never its value. */
    headers?: Record<string, string>;
    /** The body as text when it is valid UTF-8 ... */
    body?: string;
    /** ... else its bytes in base64. */
    bodyBase64?: string;
  };
  response: {
    status: number;
    /** The parsed JSON when the body is JSON, else its text (empty for HEAD). */
    body: unknown;
  };
}

/** What the server keeps of an exchange. */
export interface Exchange {
  /** Milliseconds since the epoch. */
  time: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body's bytes; null when it was not kept (larger than the limit, or not read). */
  body: Buffer | null;
  /** The body's text when already decoded (undefined: not decoded yet; null: not UTF-8). */
  bodyText?: string | null;
  status: number;
  /** The response body as sent: a JSON value, or text when it is not JSON. */
  responseBody: unknown;
}

export const redactedAuthorization = 'Basic <redacted>';

function recordedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const recorded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    recorded[name] = name === 'authorization' ? redactedAuthorization : Array.isArray(value) ? value.join(', ') : value;
  }
  return recorded;
}

export function toRecorded(exchange: Exchange): RecordedExchange {
  const { body } = exchange;
  const text = body === null ? undefined : exchange.bodyText === undefined ? decodeUtf8(body) : exchange.bodyText;
  return {
    time: new Date(exchange.time).toISOString(),
    request: {
      method: exchange.method,
      path: exchange.path,
      headers: recordedHeaders(exchange.headers),
      ...(body === null || text === undefined ? {} : text === null ? { bodyBase64: body.toString('base64') } : { body: text }),
    },
    response: { status: exchange.status, body: exchange.responseBody },
  };
}
