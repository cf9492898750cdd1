/** Every indexable page; alias redirects and the 404 page are left out, as they are not pages of their own. */
import type { APIRoute } from 'astro';
import { catalogue, statuses } from '../catalogue/index.ts';
import { sitePages } from '../site/pages.ts';
import { categories } from '../catalogue/categories.ts';
import { categoryPath, entryPath, statusPath } from '../site/paths.ts';
import { escapeHtml } from '../site/inline.ts';

export const GET: APIRoute = ({ site }) => {
  const paths = [
    ...sitePages.map((page) => page.path),
    ...statuses.map(statusPath),
    ...categories.filter((category) => catalogue.some((entry) => entry.category === category.id)).map((category) => categoryPath(category.id)),
    ...catalogue.map((entry) => entryPath(entry.slug)),
  ];
  const urls = paths.map((path) => `  <url><loc>${escapeHtml(new URL(path, site).href)}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
