// @ts-check
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { identifiers, identifierSlug } from './src/catalogue/identifiers.ts';
import pagefind from './src/integrations/pagefind.ts';
import sitemapAddress, { inSitemap } from './src/integrations/sitemap.ts';
import buildChecks, { localSite } from './src/integrations/build-checks.ts';
import { browserCatalogue } from './src/integrations/browser-catalogue.ts';
import { catalogue } from './src/catalogue/index.ts';
import { codeTheme } from './src/site/highlight.ts';
import { themeInit } from './src/client/theme-init.ts';

/** Astro hashes the scripts it bundles; the inline theme script is hashed here. */
const themeInitHash = `sha256-${createHash('sha256').update(themeInit).digest('base64')}`;

/** `/errors/BAD_VALUE/` → `/errors/bad-value/`: the upper-case spelling of every identifier. */
const identifierAliases = Object.fromEntries(
  identifiers.map((identifier) => [`/errors/${identifier}/`, `/errors/${identifierSlug(identifier)}/`]),
);

/**
 * The scale benchmark builds synthetic catalogues: ERRATA_CATALOGUE names a module of generated
 * records that the build uses in place of src/catalogue/records/extra.ts (the browser never loads
 * either: see src/integrations/browser-catalogue.ts). ERRATA_OUT_DIR keeps such a build out of
 * dist/.
 * @returns {import('vite').Plugin}
 */
function generatedRecords(/** @type {string} */ module) {
  return {
    name: 'errata:generated-records',
    enforce: 'pre',
    resolveId(source) {
      return source.endsWith('/records/extra.ts') ? module : null;
    },
  };
}

/**
 * Every slug the build's catalogue has: the real records, plus those of the module that
 * ERRATA_CATALOGUE names (the pages' build swaps it in through Vite; this file runs in Node).
 */
const slugs = [
  ...catalogue.map((entry) => entry.slug),
  ...(process.env.ERRATA_CATALOGUE
    ? /** @type {{ extraRecords: readonly { slug: string }[] }} */ (
        await import(pathToFileURL(process.env.ERRATA_CATALOGUE).href)
      ).extraRecords.map((record) => record.slug)
    : []),
];

export default defineConfig({
  site: process.env.ERRATA_SITE ?? localSite,
  ...(process.env.ERRATA_OUT_DIR ? { outDir: process.env.ERRATA_OUT_DIR } : {}),
  ...(process.env.ERRATA_CACHE_DIR ? { cacheDir: process.env.ERRATA_CACHE_DIR } : {}),
  vite: {
    plugins: [browserCatalogue(catalogue), ...(process.env.ERRATA_CATALOGUE ? [generatedRecords(process.env.ERRATA_CATALOGUE)] : [])],
    // Source maps for the browser's scripts only, so that the playground's bundle can be read
    // in devtools; the pages' build, which only renders HTML, makes none.
    environments: { client: { build: { sourcemap: true } } },
    build: {
      rolldownOptions: {
        // Astro's MDX modules start with a "use astro:head-inject" directive that the bundler warns
        // about once per file, harmlessly (withastro/astro#18087); every other warning is shown.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  trailingSlash: 'always',
  // Stylesheets stay files, so the policy needs no style hashes and inline styles of editors stay allowed.
  build: { format: 'directory', inlineStylesheets: 'never' },
  security: {
    // A Content-Security-Policy in every page: scripts only from this site or hashed by Astro,
    // plus WebAssembly for Pagefind; no inline-script exceptions beyond the hashes.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeInitHash] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  redirects: identifierAliases,
  // Pagefind indexes the built pages last, from its `astro:build:done` hook.
  integrations: [
    buildChecks({
      slugs,
      contentFolder: process.env.ERRATA_CONTENT ?? './content/errors',
      site: process.env.ERRATA_SITE,
    }),
    mdx(),
    // Every page, paginated index pages included, into sitemap-index.xml and sitemap-0.xml …;
    // /sitemap.xml is the same index, at the address the site has always named.
    sitemap({ filter: (page) => inSitemap(new URL(page).pathname, Object.keys(identifierAliases)) }),
    sitemapAddress(),
    pagefind(),
  ],
  markdown: {
    shikiConfig: { theme: codeTheme },
  },
});
