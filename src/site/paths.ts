/**
 * Every URL of the site comes from here, so that a page, a link and an export never disagree.
 * Paths end in a slash, as the site is built with one folder per page.
 */
export const entryPath = (slug: string) => `/errors/${slug}/`;
export const statusPath = (status: number) => `/status/${status}/`;
export const categoryPath = (category: string) => `/categories/${category}/`;
export const fieldPath = (field: string) => `/token/#${field}`;
export const stagePath = (stage: string) => `/evaluation/#${stage}`;
export const markdownTwinPath = (slug: string) => `/errors/${slug}.md`;

/** The site's address when ERRATA_SITE names none: a preview on this machine. */
export const localSite = 'http://localhost:4321';

/** An address without its final slashes, to put a path after it. A loop, not a pattern: it may be a user's text. */
export function withoutTrailingSlashes(address: string): string {
  let end = address.length;
  while (end > 0 && address[end - 1] === '/') end--;
  return address.slice(0, end);
}

/** The site's address (ERRATA_SITE, else the local preview), without a final slash. */
export function siteAddress(env: Readonly<Record<string, string | undefined>>): string {
  return withoutTrailingSlashes(env.ERRATA_SITE || localSite);
}
