/**
 * The mock server's benchmark workload and wrk, shared by `npm run bench:mock` and
 * `npm run bench:compare`: every catalogue example (its account in the Errata-Account header), a
 * healthy request and a full request with two dozen fields, as HTTP requests.
 */
import type autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../src/catalogue/index.ts';
import { basicAuthorization } from '../src/mock/credentials.ts';
import type { ScenarioInput } from '../src/token/scenario.ts';
import { mockRequest } from '../src/site/mock-command.ts';
import { manyFieldsScenario } from './payloads.ts';

export const scenarios: ScenarioInput[] = [
  {},
  manyFieldsScenario,
  ...catalogue.flatMap((entry) => (entry.example ? [entry.example.scenario] : [])),
];

export function toRequest(scenario: ScenarioInput): autocannon.Request {
  const built = mockRequest(scenario);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (built.basic !== null) {
    const [key, ...secret] = built.basic.split(':');
    headers.authorization = basicAuthorization(key as string, secret.join(':'));
  }
  if (built.account !== null) headers['errata-account'] = built.account;
  const body = built.body.kind === 'bytes' ? Buffer.from(built.body.base64, 'base64') : built.body.text;
  return { method: built.method as autocannon.Request['method'], path: '/api/v2/token', headers, body: body as string };
}
export const workload = scenarios.map(toRequest);

/**
 * wrk, a load generator written in C, where it is installed (`apt-get install wrk`): on two cores
 * autocannon, in JavaScript, takes about as much CPU as the server it measures, so the same
 * workload is also sent by wrk, one thread, the same 50 connections. Its Lua script sends the
 * workload's requests in turn, built once per thread.
 */
export const wrkPath = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim() || null;

/** A Lua string literal of any bytes: every byte as a decimal escape. */
function luaString(value: string | Buffer): string {
  return `"${[...Buffer.from(value)].map((byte) => `\\${byte}`).join('')}"`;
}

export function wrkScript(requests: autocannon.Request[]): string {
  const entries = requests.map((sent) => {
    const headers = Object.entries(sent.headers ?? {})
      .map(([name, value]) => `[${luaString(name)}] = ${luaString(String(value))}`)
      .join(', ');
    return `{ ${luaString(sent.method ?? 'POST')}, ${luaString(sent.path ?? '/')}, { ${headers} }, ${luaString((sent.body as string | Buffer) ?? '')} }`;
  });
  return [
    `local requests = {\n${entries.join(',\n')}\n}`,
    'local built = {}',
    'local next = 0',
    'init = function(args) for index, r in ipairs(requests) do built[index] = wrk.format(r[1], r[2], r[3], r[4]) end end',
    'request = function() next = next % #built + 1; return built[next] end',
    '',
  ].join('\n');
}

/** What wrk measured: requests per second, latency p50 and p99 in ms, responses not 2xx, socket errors. */
export interface WrkResult {
  perSecond: number;
  total: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Sends the requests in turn with wrk (one thread) over some connections for some seconds. */
export function runWrk(url: string, seconds: number, requests: autocannon.Request[], connections: number): WrkResult {
  const script = join(mkdtempSync(join(tmpdir(), 'errata-wrk-')), 'workload.lua');
  writeFileSync(script, wrkScript(requests));
  const ran = spawnSync(wrkPath as string, ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], {
    encoding: 'utf8',
  });
  const text = ran.stdout;
  const ms = (percent: string): number => {
    const match = new RegExp(`^\\s*${percent}%\\s+([\\d.]+)(us|ms|s)$`, 'm').exec(text);
    if (!match) return Number.NaN;
    const value = Number(match[1]);
    return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? 0),
    total: Number(/(\d+) requests in/.exec(text)?.[1] ?? 0),
    p50: Number(ms('50').toFixed(2)),
    p99: Number(ms('99').toFixed(2)),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0),
    errors: errors ? errors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
  };
}
