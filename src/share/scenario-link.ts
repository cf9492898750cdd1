/**
 * A scenario in a URL fragment: `/playground/#s=<deflate-raw, base64url>`. The fragment never
 * reaches a server, so a shared request stays between the people who share it. Pure and
 * synchronous, so entry pages build their "Try it" links with it and the playground reads them.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { parseScenario, ScenarioError, type ScenarioInput } from '../predict/scenario.ts';

/** A whole share link longer than this is refused: some chat tools and browsers cut long URLs. */
export const maxLinkLength = 8000;

export const playgroundPath = '/playground/';
const key = 's';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index++) binary += String.fromCharCode(bytes[index] as number);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The fragment (without `#`) that carries a scenario. */
export function encodeScenario(scenario: ScenarioInput): string {
  return `${key}=${toBase64Url(deflateSync(strToU8(JSON.stringify(scenario)), { level: 9 }))}`;
}

/** The playground path with the scenario in its fragment. */
export function scenarioLink(scenario: ScenarioInput): string {
  return `${playgroundPath}#${encodeScenario(scenario)}`;
}

export type ReadLink =
  | { kind: 'empty' }
  | { kind: 'scenario'; scenario: ScenarioInput }
  /** The link could not be read; `reason` says what was wrong, for the notice. */
  | { kind: 'damaged'; reason: string };

/** Reads a fragment (with or without `#`) back into a scenario, saying plainly what is wrong. */
export function decodeScenario(fragment: string): ReadLink {
  const text = fragment.replace(/^#/, '');
  if (text.trim() === '') return { kind: 'empty' };
  const params = new URLSearchParams(text);
  const data = params.get(key);
  if (data === null) return { kind: 'damaged', reason: `the link has no scenario (it should contain "#${key}=…")` };
  if (!/^[A-Za-z0-9_-]*$/.test(data)) return { kind: 'damaged', reason: 'the scenario contains characters a share link never has: it was changed or cut' };
  let json: string;
  try {
    json = strFromU8(inflateSync(fromBase64Url(data)));
  } catch {
    return { kind: 'damaged', reason: 'the scenario could not be decompressed: the link is cut short or was changed' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { kind: 'damaged', reason: 'the scenario is not valid JSON' };
  }
  try {
    parseScenario(value);
  } catch (error) {
    if (error instanceof ScenarioError) {
      const first = error.issues[0];
      return { kind: 'damaged', reason: `the scenario is not valid: ${first?.path || 'scenario'}: ${first?.message ?? 'unknown problem'}` };
    }
    throw error;
  }
  return { kind: 'scenario', scenario: value as ScenarioInput };
}
