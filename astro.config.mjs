// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { identifiers, identifierSlug } from './src/catalogue/identifiers.ts';
import pagefind from './src/integrations/pagefind.ts';
import { codeThemes } from './src/site/code-themes.ts';
import { themeInit } from './src/client/theme-init.ts';

/** Astro hashes the scripts it bundles; the inline theme script is hashed here. */
const themeInitHash = `sha256-${createHash('sha256').update(themeInit).digest('base64')}`;

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
  // Stylesheets stay files, so the policy needs no style hashes and inline styles of editors stay allowed.
  build: { format: 'directory', inlineStylesheets: 'never' },
  security: {
    // A Content-Security-Policy in every page: scripts only from this site or hashed by Astro,
    // plus WebAssembly for Pagefind; no inline-script exceptions beyond the hashes.
    csp: {
      algorithm: 'SHA-256',
      directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeInitHash] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  redirects: identifierAliases,
  // Pagefind indexes the built pages last, from its `astro:build:done` hook.
  integrations: [mdx(), pagefind()],
  markdown: {
    shikiConfig: { themes: codeThemes },
  },
});
