// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { identifiers, identifierSlug } from './src/catalogue/identifiers.ts';
import pagefind from './src/integrations/pagefind.ts';
import { codeThemes } from './src/site/code-themes.ts';

/** `/errors/BAD_VALUE/` → `/errors/bad-value/`: the upper-case spelling of every identifier. */
const identifierAliases = Object.fromEntries(
  identifiers.map((identifier) => [`/errors/${identifier}/`, `/errors/${identifierSlug(identifier)}/`]),
);

/**
 * The scale benchmark builds synthetic catalogues: ERRATA_CATALOGUE swaps the records module for
 * generated records, and ERRATA_OUT_DIR keeps that build out of dist/.
 */
const catalogueOverride = process.env.ERRATA_CATALOGUE
  ? [{ find: /^\.\/records\/index\.ts$/, replacement: process.env.ERRATA_CATALOGUE }]
  : [];

export default defineConfig({
  site: process.env.ERRATA_SITE ?? 'http://localhost:4321',
  ...(process.env.ERRATA_OUT_DIR ? { outDir: process.env.ERRATA_OUT_DIR } : {}),
  ...(process.env.ERRATA_CACHE_DIR ? { cacheDir: process.env.ERRATA_CACHE_DIR } : {}),
  vite: { resolve: { alias: catalogueOverride } },
  trailingSlash: 'always',
  build: { format: 'directory' },
  redirects: identifierAliases,
  // Pagefind indexes the built pages last, from its `astro:build:done` hook.
  integrations: [mdx(), pagefind()],
  markdown: {
    shikiConfig: { themes: codeThemes },
  },
});
