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
