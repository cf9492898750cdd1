/** How the pages and the Markdown twins name an observation's trust and what it shows. */
import type { Observation, ObservationTrust } from '../catalogue/observations.ts';

export const observationTrustText: Readonly<Record<ObservationTrust, string>> = {
  real: 'a real response, recorded',
  'vendor-code': "iDenfy's own client code",
  'vendor-doc': "an example in iDenfy's documentation that looks pasted",
  statement: 'a statement in copied documentation',
  unverified: 'an unverified claim, not counted',
};

/** What an observation shows, as a whole sentence part ending in a period (a quoted message keeps its own). */
export function observationShows(found: Observation): string {
  const text = observationShowsText(found);
  return /\."$/.test(text) ? text : `${text}.`;
}

/** "shows the message only: `You are not allowed …`", "shows the status only: 201". */
export function observationShowsText(found: Observation): string {
  const message = typeof found.body?.message === 'string' ? found.body.message : undefined;
  switch (found.shows) {
    case 'status':
      return `shows the status only: ${found.status ?? 'unknown'}`;
    case 'message':
      return `shows the message only: "${message ?? ''}"`;
    case 'identifier':
      return `shows the identifier only: ${String(found.body?.identifier ?? '')}`;
    default:
      return `shows the whole body${found.status === null ? ', not its status' : ` with status ${found.status}`}`;
  }
}
