// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { identifiers, identifierSlug } from './src/catalogue/identifiers.ts';
import { codeThemes } from './src/site/code-themes.ts';

/** `/errors/BAD_VALUE/` → `/errors/bad-value/`: the upper-case spelling of every identifier. */
const identifierAliases = Object.fromEntries(
  identifiers.map((identifier) => [`/errors/${identifier}/`, `/errors/${identifierSlug(identifier)}/`]),
);

export default defineConfig({
  site: process.env.ERRATA_SITE ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  redirects: identifierAliases,
  integrations: [mdx()],
  markdown: {
    shikiConfig: { themes: codeThemes },
  },
});
