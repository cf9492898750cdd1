/**
 * The sitemap: @astrojs/sitemap lists every page the build wrote (the paginated index pages
 * among them) in sitemap-index.xml and its chunks (sitemap-0.xml, …). This hook, which runs after
 * it, copies that index to /sitemap.xml, the address the site has always named (README, llms.txt
 * readers, crawlers told of it), so the one list of pages is the build's own.
 */
import { copyFile } from 'node:fs/promises';
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
        const from = fileURLToPath(new URL('sitemap-index.xml', dir));
        await copyFile(from, fileURLToPath(new URL('sitemap.xml', dir)));
        logger.info('sitemap.xml: a copy of sitemap-index.xml');
      },
    },
  };
}
