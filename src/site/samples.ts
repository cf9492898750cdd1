/**
 * The example request of a scenario as code a developer can run: curl, Python (requests) and
 * JavaScript (fetch). The account's state cannot be sent in a request, so it is returned as
 * notes for the page to show beside the code.
 */
import { accountSchema, defaultBody, type ScenarioInput } from '../token/scenario.ts';

export const tokenUrl = 'https://ivs.idenfy.com/api/v2/token';

export interface RequestSamples {
  curl: string;
  python: string;
  javascript: string;
  /** The account state the scenario assumes, as `name: value` lines (empty when all defaults). */
  account: string[];
}

type Body = { kind: 'json'; value: unknown } | { kind: 'text'; text: string } | { kind: 'bytes'; base64: string };

function bodyOf(request: ScenarioInput['request']): Body {
  if (request?.rawBodyBase64 !== undefined) return { kind: 'bytes', base64: request.rawBodyBase64.replace(/\s+/g, '') };
  if (request?.rawBody !== undefined) return { kind: 'text', text: request.rawBody };
  if (request && 'body' in request && request.body !== undefined) return { kind: 'json', value: request.body };
  return { kind: 'json', value: defaultBody };
}

/** Quotes a string for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function curl(method: string, credentials: string, body: Body): string {
  const lines = [`curl -i -X ${method} ${tokenUrl}`];
  if (credentials === 'valid') lines.push(`-u "$IDENFY_API_KEY:$IDENFY_API_SECRET"`);
  if (credentials === 'invalid') lines.push(`-u "$IDENFY_API_KEY:not-the-secret"`);
  lines.push(`-H 'Content-Type: application/json'`);
  if (body.kind === 'json') lines.push(`--data ${shellQuote(JSON.stringify(body.value))}`);
  if (body.kind === 'text') lines.push(body.text === '' ? `--data ''` : `--data-binary ${shellQuote(body.text)}`);
  const command = lines.join(' \\\n  ');
  if (body.kind === 'bytes') {
    return `echo ${shellQuote(body.base64)} | base64 -d | ${command} \\\n  --data-binary @-`;
  }
  return command;
}

/** A JSON value as a Python literal (True, False, None), indented like json.dumps(indent=4). */
export function pythonLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + pythonLiteral(item, inner)).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)}`).join(',\n')},\n${indent}}`;
}

function python(method: string, credentials: string, body: Body): string {
  const lines = body.kind === 'bytes' ? ['import base64', 'import os', ''] : ['import os', ''];
  lines.push('import requests', '');
  const args = [`"${method}"`, `"${tokenUrl}"`];
  if (body.kind === 'json' && body.value !== null) {
    lines.push(`payload = ${pythonLiteral(body.value)}`, '');
    args.push('json=payload');
  } else {
    // requests sends no body at all for json=None, so a JSON null is sent as text.
    const data =
      body.kind === 'bytes'
        ? `base64.b64decode(${JSON.stringify(body.base64)})`
        : JSON.stringify(body.kind === 'text' ? body.text : 'null');
    args.push(`data=${data}`, 'headers={"Content-Type": "application/json"}');
  }
  if (credentials === 'valid') args.push('auth=(os.environ["IDENFY_API_KEY"], os.environ["IDENFY_API_SECRET"])');
  if (credentials === 'invalid') args.push('auth=(os.environ["IDENFY_API_KEY"], "not-the-secret")');
  lines.push(`response = requests.request(\n    ${args.join(',\n    ')},\n)`);
  lines.push('print(response.status_code, response.json())');
  return lines.join('\n');
}

function javascript(method: string, credentials: string, body: Body): string {
  const lines: string[] = [];
  let bodyExpression: string;
  if (body.kind === 'json') {
    lines.push(`const payload = ${JSON.stringify(body.value, null, 2)};`, '');
    bodyExpression = 'JSON.stringify(payload)';
  } else if (body.kind === 'text') {
    bodyExpression = JSON.stringify(body.text);
  } else {
    bodyExpression = `Uint8Array.from(atob(${JSON.stringify(body.base64)}), (c) => c.charCodeAt(0))`;
  }
  const headers = [`'Content-Type': 'application/json'`];
  if (credentials !== 'missing') {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source for the sample, read from the environment there
    const secret = credentials === 'valid' ? '${process.env.IDENFY_API_SECRET}' : 'not-the-secret';
    headers.push(`Authorization: 'Basic ' + btoa(\`\${process.env.IDENFY_API_KEY}:${secret}\`)`);
  }
  const options = [`method: '${method}'`, `headers: {\n    ${headers.join(',\n    ')},\n  }`];
  // fetch refuses a body on GET and HEAD, so the example leaves it out there.
  if (method !== 'GET' && method !== 'HEAD') options.push(`body: ${bodyExpression}`);
  lines.push(`const response = await fetch('${tokenUrl}', {\n  ${options.join(',\n  ')},\n});`);
  lines.push('console.log(response.status, await response.json());');
  return lines.join('\n');
}

/** The non-default account fields of a scenario, as `name: value` lines. */
export function accountNotes(input: ScenarioInput): string[] {
  const defaults = accountSchema.parse({}) as Record<string, unknown>;
  return Object.entries(input.account ?? {})
    .filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(defaults[name]))
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
}

export function requestSamples(input: ScenarioInput): RequestSamples {
  const method = input.request?.method ?? 'POST';
  const credentials = input.request?.credentials ?? 'valid';
  const body = bodyOf(input.request);
  return {
    curl: curl(method, credentials, body),
    python: python(method, credentials, body),
    javascript: javascript(method, credentials, body),
    account: accountNotes(input),
  };
}
