/**
 * Index pages that would grow with the catalogue are split into pages of a fixed size, so that
 * no page's weight depends on how many entries there are.
 */
export const pageSize = 200;

/** How many entries an overview shows of a group before it links to the group's own pages. */
export const previewSize = 25;

export interface Page<T> {
  /** 1-based. */
  number: number;
  count: number;
  items: readonly T[];
}

export function paginate<T>(items: readonly T[], size = pageSize): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    items: items.slice(index * size, (index + 1) * size),
  }));
}

/** `/status/400/` for page 1, `/status/400/2/` after. */
export function pagePath(base: string, number: number): string {
  return number <= 1 ? base : `${base}${number}/`;
}

/** The `[...page]` route parameter of a page: none for the first. */
export function pageParam(number: number): string | undefined {
  return number <= 1 ? undefined : String(number);
}
