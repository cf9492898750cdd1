/**
 * HTTP status texts, as RFC 9110 names them, for status lines such as `400 Bad Request`.
 * Shared by the CLI and the site.
 */
const statusTexts: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase of a status (`402` → `Payment Required`), or undefined for one not listed. */
export function statusText(code: number): string | undefined {
  return statusTexts[code];
}

/** `402` → `402 Payment Required`; just the number for a status not listed. */
export function statusLine(code: number): string {
  const text = statusText(code);
  return text === undefined ? String(code) : `${code} ${text}`;
}
