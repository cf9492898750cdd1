/**
 * "Report a problem with this entry": a link to the project's issue tracker, prefilled with
 * the entry, its address and the catalogue's version, so a report says what it is about.
 *
 * The tracker is the `bugs` field of package.json (npm's own place for it): a URL or an e-mail
 * address. A URL that ends in `/issues` (GitHub, Gitea, Forgejo) or `/-/issues` (GitLab) gets a
 * prefilled new issue; any other web address is linked as it is; else the e-mail address. Without `bugs`, there is nowhere to report to, and the
 * pages say nothing rather than link to a made-up address.
 */
import { withoutTrailingSlashes } from './paths.ts';
import type { Entry } from '../catalogue/index.ts';
import packageJson from '../../package.json' with { type: 'json' };

export interface Tracker {
  url?: string;
  email?: string;
}

/** package.json's `bugs`, which may also be a bare URL string. */
export function trackerOf(bugs: unknown): Tracker | undefined {
  if (typeof bugs === 'string' && bugs.trim()) return { url: bugs.trim() };
  if (typeof bugs !== 'object' || bugs === null) return undefined;
  const { url, email } = bugs as Record<string, unknown>;
  const tracker: Tracker = {
    ...(typeof url === 'string' && url.trim() ? { url: url.trim() } : {}),
    ...(typeof email === 'string' && email.trim() ? { email: email.trim() } : {}),
  };
  return tracker.url || tracker.email ? tracker : undefined;
}

/** This project's tracker: ERRATA_TRACKER when a deployment sets it, else package.json's `bugs`. */
export const projectTracker: Tracker | undefined = trackerOf(process.env.ERRATA_TRACKER || (packageJson as { bugs?: unknown }).bugs);

/** The report's title and body, the same whichever tracker receives them. */
export function reportText(entry: Entry, pageUrl: string, catalogueVersion: string): { title: string; body: string } {
  return {
    title: `Entry "${entry.slug}": `,
    body: [
      `Entry: ${entry.title} (${entry.slug})`,
      `Page: ${pageUrl}`,
      `Catalogue version: ${catalogueVersion}`,
      '',
      'What is wrong or missing:',
      '',
      'What the API actually returned (status and body, with personal data removed), if this is about a response:',
      '',
    ].join('\n'),
  };
}

/** The link, or undefined when the project names no tracker. */
export function reportLink(tracker: Tracker | undefined, entry: Entry, pageUrl: string, catalogueVersion: string): string | undefined {
  if (!tracker) return undefined;
  const { title, body } = reportText(entry, pageUrl, catalogueVersion);
  if (tracker.url && /^https?:\/\//i.test(tracker.url)) {
    const issues = withoutTrailingSlashes(tracker.url);
    // GitLab's new-issue form reads other parameter names than GitHub's, Gitea's and Forgejo's.
    if (/\/-\/issues$/.test(issues)) {
      return `${issues}/new?${new URLSearchParams({ 'issue[title]': title, 'issue[description]': body }).toString()}`;
    }
    if (/\/issues$/.test(issues)) return `${issues}/new?${new URLSearchParams({ title, body }).toString()}`;
    return tracker.url;
  }
  if (!tracker.email) return undefined;
  const query = [`subject=${encodeURIComponent(title)}`, `body=${encodeURIComponent(body)}`].join('&');
  return `mailto:${encodeURIComponent(tracker.email).replace('%40', '@')}?${query}`;
}
