/**
 * Index pages that would grow with the catalogue are split into pages of a fixed size, so that
 * no page's weight depends on how many entries there are. Astro's `paginate()` splits them
 * (src/pages/categories/[id]/[...page].astro, src/pages/status/[code]/[...page].astro).
 */
export const pageSize = 200;

/** How many entries an overview shows of a group before it links to the group's own pages. */
export const previewSize = 25;

/**
 * `/status/400/` for page 1, `/status/400/2/` after: the URLs Astro's `paginate()` gives a
 * `[...page]` route, for the numbered links between pages (`paginate()` names only the first,
 * previous, next and last).
 */
export function pagePath(base: string, number: number): string {
  return number <= 1 ? base : `${base}${number}/`;
}
