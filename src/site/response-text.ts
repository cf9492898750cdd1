/**
 * A JSON response as text, the way HTTP shows it: the status line, the headers, a blank line and
 * the body. Entry pages, their Markdown twins, the CLI, MCP, the /mock/ page and the playground
 * all write a response through here. It imports only the status texts, so browser code may load it.
 */
import { statusLine } from '../predict/http.ts';

/** A header after `Content-Type: application/json`, as `[name, value]`. */
export type ResponseHeader = readonly [name: string, value: string];

/** The status line and headers of a JSON response, through the blank line before the body. */
export function responseHead(status: number, headers: readonly ResponseHeader[] = []): string {
  const lines = [
    `HTTP/1.1 ${statusLine(status)}`,
    'Content-Type: application/json',
    ...headers.map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\n')}\n\n`;
}

/** The `Content-Length` of a body as it is sent: compact JSON, in UTF-8 bytes. */
export function contentLength(body: unknown): ResponseHeader {
  return ['Content-Length', String(new TextEncoder().encode(JSON.stringify(body)).length)];
}

export interface ResponseTextOptions {
  /** Headers after the content type, in order. */
  headers?: readonly ResponseHeader[];
  /** The body on one line, as it is sent, rather than indented for reading. */
  compact?: boolean;
}

/** A JSON response as HTTP shows it: the status line, the content type, any other headers, the body. */
export function responseText(status: number, body: unknown, options: ResponseTextOptions = {}): string {
  return responseHead(status, options.headers) + (options.compact ? JSON.stringify(body) : JSON.stringify(body, null, 2));
}
