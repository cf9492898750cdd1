/**
 * What a status means for the person who got it, so that its colour says what to do: fix the
 * request, fix the account or key, wait, or nothing (iDenfy's side, or a success). One table for
 * the pages, the search box and the playground.
 */
export type StatusKind = 'success' | 'request' | 'account' | 'wait' | 'server';

/** The statuses of the account and key checks (credentials, partner state, environment, funds). */
const accountStatuses: ReadonlySet<number> = new Set([401, 402, 403]);

export function statusKind(status: number): StatusKind {
  if (status >= 200 && status < 300) return 'success';
  if (status === 429) return 'wait';
  if (accountStatuses.has(status)) return 'account';
  if (status >= 500) return 'server';
  return 'request';
}

/** What each colour means, in the order a legend lists them. */
export const statusKindWords: Readonly<Record<StatusKind, string>> = {
  request: 'fix the request',
  account: 'fix the account or API key',
  wait: 'wait, then retry',
  server: "iDenfy's side: retry later",
  success: 'it worked',
};

/** The badge classes of a status: its kind, and its class of status (`status-4`) as before. */
export function statusBadgeClass(status: number): string {
  return `badge status-${String(status)[0]} status-${statusKind(status)}`;
}
