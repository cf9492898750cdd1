/**
 * A scenario in a URL fragment: `/playground/#s=<deflate-raw, base64url>`. The fragment never
 * reaches a server, so a shared request stays between the people who share it. Pure and
 * synchronous, so entry pages build their "Try it" links with it and the playground reads them.
 */
import { strFromU8, strToU8 } from 'fflate';
import { LimitError } from '../limits.ts';
import { parseScenario, ScenarioError, type ScenarioInput } from '../token/scenario.ts';
import { checkLinkDataLength, deflate, fromBase64Url, inflateWithin, toBase64Url } from './link-codec.ts';

/** A whole share link longer than this is refused: some chat tools and browsers cut long URLs. */
export const maxLinkLength = 8000;

export const playgroundPath = '/playground/';
const key = 's';

/** The fragment (without `#`) that carries a scenario. */
export function encodeScenario(scenario: ScenarioInput): string {
  return `${key}=${toBase64Url(deflate(strToU8(JSON.stringify(scenario))))}`;
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
  // The fragment's own `s=` part, found by hand: a URLSearchParams of a 2 MB link takes 100 ms.
  const data =
    text
      .split('&', 16)
      .find((part) => part.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? null;
  if (data === null) return { kind: 'damaged', reason: `the link has no scenario (it should contain "#${key}=…")` };
  try {
    checkLinkDataLength(data, true);
  } catch (error) {
    return { kind: 'damaged', reason: (error as Error).message };
  }
  if (!/^[A-Za-z0-9_-]*$/.test(data))
    return { kind: 'damaged', reason: 'the scenario contains characters a share link never has: it was changed or cut' };
  let json: string;
  try {
    json = strFromU8(inflateWithin(fromBase64Url(data)));
  } catch (error) {
    if (error instanceof LimitError) return { kind: 'damaged', reason: error.message };
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
