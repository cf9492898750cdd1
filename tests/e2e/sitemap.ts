/**
 * The site's pages as a crawler finds them: /sitemap.xml is a sitemap index (the build's
 * sitemap-index.xml, from @astrojs/sitemap), whose sitemaps list the pages.
 */
import type { APIRequestContext } from '@playwright/test';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((found) => found[1] as string);

/** The URL path of every page the sitemap lists, in its order. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get('/sitemap.xml')).text();
  const paths: string[] = [];
  for (const sitemap of locs(index)) {
    const text = await (await request.get(new URL(sitemap).pathname)).text();
    paths.push(...locs(text).map((loc) => new URL(loc).pathname));
  }
  return paths;
}
