/**
 * Checks a build makes before it writes anything, each failing loudly with what to do:
 * - every prose file in content/errors/ belongs to a record, and every record has its prose
 *   (an orphan file would otherwise be silently left out of the site);
 * - the site's absolute address (`ERRATA_SITE`) is set, or else one warning says that canonical
 *   links, the sitemap, llms.txt and catalogue.json will name http://localhost:4321.
 */
import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { localSite } from '../site/paths.ts';

export { localSite };

/** The prose files that have no record, and the records that have no prose file. */
export function proseProblems(slugs: readonly string[], files: readonly string[]): { orphans: string[]; missing: string[] } {
  const known = new Set(slugs);
  const written = new Set(
    files.map(
      (file) =>
        file
          .replace(/\.mdx$/, '')
          .split('/')
          .at(-1) as string,
    ),
  );
  return {
    orphans: files.filter(
      (file) =>
        !known.has(
          file
            .replace(/\.mdx$/, '')
            .split('/')
            .at(-1) as string,
        ),
    ),
    missing: slugs.filter((slug) => !written.has(slug)),
  };
}

/** The .mdx files under a folder that the content collection loads (names not starting with `_`). */
export function proseFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((path) => path.replaceAll('\\', '/'))
    .filter((path) => path.endsWith('.mdx') && !(path.split('/').at(-1) as string).startsWith('_'))
    .sort();
}

export interface BuildCheckOptions {
  slugs: readonly string[];
  /** The folder of the prose; ERRATA_CONTENT in benchmark and test builds. */
  contentFolder: string;
  /** ERRATA_SITE as set, or undefined. */
  site: string | undefined;
}

export default function buildChecks({ slugs, contentFolder, site }: BuildCheckOptions): AstroIntegration {
  return {
    name: 'errata:build-checks',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const folder = resolve(contentFolder);
        const { orphans, missing } = proseProblems(slugs, proseFiles(folder));
        if (orphans.length > 0 || missing.length > 0) {
          const where = relative(process.cwd(), folder) || '.';
          const lines = [
            ...orphans.map(
              (file) =>
                `  ${where}/${file}: no catalogue record has the slug "${file
                  .replace(/\.mdx$/, '')
                  .split('/')
                  .at(-1)}" (add the record in src/catalogue/records/, or remove or rename the file)`,
            ),
            ...missing.map((slug) => `  ${where}/${slug}.mdx is missing: the record "${slug}" has no prose`),
          ];
          throw new Error(`The catalogue and its prose do not match:\n${lines.join('\n')}`);
        }
        if (command === 'build' && !site) {
          logger.warn(
            `ERRATA_SITE is not set: canonical links, the sitemap, llms.txt and catalogue.json will name ${localSite}. Set ERRATA_SITE=https://your.host to build for deployment (npm run build:deploy refuses to build without it).`,
          );
        }
      },
    },
  };
}
