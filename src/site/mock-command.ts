/**
 * "Reproduce with the mock server": the curl command that, sent to a running `errata mock`, gets
 * exactly the response predicted for a scenario. The request is built first (method, headers,
 * body bytes) and then written as curl, so tests can send the same request themselves.
 */
import { defaultKey as mockKey, defaultSecret as mockSecret } from '../mock/credentials.ts';
import { defaultBody, type ScenarioInput } from '../token/scenario.ts';

/** Where `errata mock` listens with no options. */
export const mockBaseUrl = 'http://127.0.0.1:8080';
export const mockTokenPath = '/api/v2/token';

export interface MockRequest {
  method: string;
  /** `user:password` for HTTP Basic, or null to send no Authorization header. */
  basic: string | null;
  /** The Errata-Account header's value, or null when the scenario keeps the default account. */
  account: string | null;
  body: { kind: 'text'; text: string } | { kind: 'bytes'; base64: string };
}

export function mockRequest(input: ScenarioInput): MockRequest {
  const request = input.request ?? {};
  const credentials = request.credentials ?? 'valid';
  let body: MockRequest['body'];
  if (request.rawBodyBase64 !== undefined) body = { kind: 'bytes', base64: request.rawBodyBase64.replace(/\s+/g, '') };
  else if (request.rawBody !== undefined) body = { kind: 'text', text: request.rawBody };
  else body = { kind: 'text', text: JSON.stringify('body' in request && request.body !== undefined ? request.body : defaultBody) };
  const account = input.account && Object.keys(input.account).length > 0 ? JSON.stringify(input.account) : null;
  return {
    method: request.method ?? 'POST',
    basic: credentials === 'valid' ? `${mockKey}:${mockSecret}` : credentials === 'invalid' ? `${mockKey}:not-the-secret` : null,
    account,
    body,
  };
}

/** Quotes a string for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The curl command for a scenario, against the mock at `baseUrl`. */
export function mockCurl(input: ScenarioInput, baseUrl = mockBaseUrl): string {
  const request = mockRequest(input);
  // curl -I sends HEAD and waits for no body; other methods are named unless curl infers POST from the data.
  const head = request.method === 'HEAD';
  const lines = [`curl -i${head ? ' -I' : request.method === 'POST' ? '' : ` -X ${request.method}`} ${baseUrl}${mockTokenPath}`];
  if (request.basic !== null) lines.push(`-u ${shellQuote(request.basic)}`);
  lines.push(`-H 'Content-Type: application/json'`);
  if (request.account !== null) lines.push(`-H ${shellQuote(`Errata-Account: ${request.account}`)}`);
  if (head) return lines.join(' \\\n  ');
  if (request.body.kind === 'bytes') {
    lines.push('--data-binary @-');
    return `echo ${shellQuote(request.body.base64)} | base64 -d | ${lines.join(' \\\n  ')}`;
  }
  // --data-raw sends the text as it is: no @file reading, no stripped newlines.
  lines.push(`--data-raw ${shellQuote(request.body.text)}`);
  return lines.join(' \\\n  ');
}
