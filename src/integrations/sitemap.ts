/**
 * The sitemap: @astrojs/sitemap lists every page the build wrote (the paginated index pages
 * among them) in sitemap-index.xml and its chunks (sitemap-0.xml, …). This hook, which runs after
 * it writes /sitemap.xml, the address the site has always named (README, llms.txt readers,
 * crawlers told of it), from the build's own list: while the pages fit one sitemap (50,000), the
 * list itself, a <urlset> as /sitemap.xml has always been; past that, the index of the chunks.
 */
import { copyFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Whether a page belongs in the sitemap: not the 404 page, nor an identifier's redirect to its entry. */
export function inSitemap(pathname: string, aliases: readonly string[]): boolean {
  return pathname !== '/404/' && !aliases.includes(pathname);
}

export default function sitemapAddress(): AstroIntegration {
  return {
    name: 'errata:sitemap-address',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const chunks = (await readdir(fileURLToPath(dir))).filter((name) => /^sitemap-\d+\.xml$/.test(name));
        const from = chunks.length === 1 ? (chunks[0] as string) : 'sitemap-index.xml';
        await copyFile(fileURLToPath(new URL(from, dir)), fileURLToPath(new URL('sitemap.xml', dir)));
        logger.info(`sitemap.xml: a copy of ${from}`);
      },
    },
  };
}
