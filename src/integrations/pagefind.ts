/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, so that
 * `npm run build` always ships an index that matches its pages. Only each page's main content
 * is indexed (the pages mark it with `data-pagefind-body`); filters (status, category) and
 * metadata (identifier, status) come from attributes on those pages. Any error from Pagefind
 * fails the build, naming what went wrong.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The bytes of every file under a folder. */
async function folderBytes(path: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const item of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (!item.isFile()) continue;
    files++;
    bytes += (await stat(join(item.parentPath, item.name))).size;
  }
  return { files, bytes };
}

export interface PagefindOptions {
  /** The folder of the index inside the build output. */
  bundle?: string;
  /**
   * Keep Pagefind's own UI bundles. Errata's search box uses only the browser API
   * (`pagefind.js`, its worker, WASM and index), so by default the UI files are not shipped.
   */
  keepUi?: boolean;
}

/** Pagefind's ready-made UIs and its highlighter: about 430 KB that Errata never loads. */
const uiFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export default function pagefind(options: PagefindOptions = {}): AstroIntegration {
  const bundle = options.bundle ?? 'pagefind';
  return {
    name: 'errata:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const outputPath = join(site, bundle);
        const { createIndex, close } = await import('pagefind');
        const fail = (step: string, errors: readonly string[]): never => {
          throw new Error(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
        };
        try {
          // Heading anchors ("#"), the badges above an entry's summary and the labels of buttons
          // ("Copy", "Try it in the playground") would only add noise to excerpts.
          const { index, errors } = await createIndex({ excludeSelectors: ['.anchor', '.badges', 'button', 'a.button'] });
          if (!index || errors.length > 0) fail('start', errors.length > 0 ? errors : ['no index was created']);
          const added = await index!.addDirectory({ path: site });
          if (added.errors.length > 0) fail(`index ${site}`, added.errors);
          if (added.page_count === 0) fail(`index ${site}`, ['no page has data-pagefind-body: nothing was indexed']);
          const written = await index!.writeFiles({ outputPath });
          if (written.errors.length > 0) fail(`write ${outputPath}`, written.errors);
          if (!options.keepUi) await Promise.all(uiFiles.map((file) => rm(join(outputPath, file), { force: true })));
          const size = await folderBytes(outputPath);
          logger.info(
            `indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms: ` +
              `${size.files} files, ${(size.bytes / 1024).toFixed(1)} KiB in ${bundle}/`,
          );
        } finally {
          await close();
        }
      },
    },
  };
}
