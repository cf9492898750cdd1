/**
 * The endpoint Errata models. Entries of other endpoints are catalogued for lookup, search and
 * triage, but the predictor and the playground model this one alone.
 */
export const tokenEndpoint = 'POST /api/v2/token';

/** Whether the predictor can produce the entry: it belongs to the token endpoint. */
export function isPredictable(entry: { endpoints: readonly string[] }): boolean {
  return entry.endpoints.includes(tokenEndpoint);
}

/** The endpoints an entry of another endpoint belongs to, for "never predicted" notices. */
export function otherEndpoints(entry: { endpoints: readonly string[] }): string {
  return entry.endpoints.join(', ');
}
