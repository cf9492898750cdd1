/**
 * The site's pages as a crawler finds them: /sitemap.xml is the list of pages (a <urlset>, as it
 * has always been) while they fit one sitemap, and an index of sitemaps past that.
 */
import type { APIRequestContext } from '@playwright/test';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((found) => found[1] as string);

/** The URL path of every page the sitemap lists, in its order. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const top = await (await request.get('/sitemap.xml')).text();
  if (top.includes('<urlset')) return locs(top).map((loc) => new URL(loc).pathname);
  const paths: string[] = [];
  for (const sitemap of locs(top)) {
    const text = await (await request.get(new URL(sitemap).pathname)).text();
    paths.push(...locs(text).map((loc) => new URL(loc).pathname));
  }
  return paths;
}

/** Whether /sitemap.xml is the page list itself. */
export async function sitemapIsUrlset(request: APIRequestContext): Promise<boolean> {
  return (await (await request.get('/sitemap.xml')).text()).includes('<urlset');
}
