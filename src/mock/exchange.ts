/**
 * One request and its answer, in the exchange format that `--record`, `GET /__errata/requests`
 * and `errata check` share (decisions: "Recorded exchanges"). The server keeps what it saw
 * cheaply and writes the format only when it is read or recorded.
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingHttpHeaders } from 'node:http';

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
  /** Its number in the order the mock answered, across all its threads. */
  sequence: number;
  /** Milliseconds since the epoch. */
  time: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /**
   * The request body: its text when it is valid UTF-8, else its bytes; null when it was not kept
   * (larger than the limit).
   */
  body: string | Buffer | null;
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

/** The text of UTF-8 bytes, or null when they are not valid UTF-8 (Node's check: faster than a fatal TextDecoder). */
export function utf8Text(bytes: Buffer): string | null {
  return isUtf8(bytes) ? bytes.toString('utf8') : null;
}

/**
 * A body as the journal keeps it: text, or bytes of its own (a chunk read from a socket may share
 * a much larger block of memory, which the journal would otherwise hold on to).
 */
export function keptBody(bytes: Buffer, text: string | null): string | Buffer {
  if (text !== null) return text;
  const copy = Buffer.allocUnsafeSlow(bytes.byteLength);
  bytes.copy(copy);
  return copy;
}

export function toRecorded(exchange: Exchange): RecordedExchange {
  const { body } = exchange;
  return {
    time: new Date(exchange.time).toISOString(),
    request: {
      method: exchange.method,
      path: exchange.path,
      headers: recordedHeaders(exchange.headers),
      ...(body === null ? {} : typeof body === 'string' ? { body } : { bodyBase64: body.toString('base64') }),
    },
    response: { status: exchange.status, body: exchange.responseBody },
  };
}
