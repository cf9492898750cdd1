/**
 * The request's credentials as the scenario names them: no Authorization header is `missing`;
 * HTTP Basic with the mock's key and secret is `valid`; anything else is `invalid`.
 */
import type { Scenario } from '../token/scenario.ts';

export type Credentials = Scenario['request']['credentials'];

export const defaultKey = 'errata-key';
export const defaultSecret = 'errata-secret';

/** The Authorization header a client sends for this key and secret. */
export function basicAuthorization(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`, 'utf8').toString('base64')}`;
}

export function credentialsReader(key: string, secret: string): (authorization: string | undefined) => Credentials {
  const expected = basicAuthorization(key, secret);
  const pair = `${key}:${secret}`;
  return (authorization) => {
    if (authorization === undefined) return 'missing';
    if (authorization === expected) return 'valid';
    // The scheme is case-insensitive and may be followed by more than one space (RFC 9110).
    const basic = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(authorization);
    if (!basic) return 'invalid';
    return Buffer.from(basic[1] as string, 'base64').toString('utf8') === pair ? 'valid' : 'invalid';
  };
}
