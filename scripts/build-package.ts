/**
 * `npm run build:package`: the npm package, in lib/: the library (src/package/index.ts), the
 * `errata` command (src/cli/main.ts) and the mock's other threads (src/mock/thread.ts) bundled by esbuild into JavaScript for Node 20 and later,
 * sharing one chunk, with every npm dependency left as an import (they are the package's runtime
 * dependencies); and the library's type declarations, emitted by tsc.
 *
 * The prose of each entry (content/errors/*.mdx) is inlined, for the MCP server's Markdown
 * resources, since the tarball carries no content/ folder.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { stripFrontMatter } from '../src/package/prose.ts';

const out = 'lib';
rmSync(out, { recursive: true, force: true });

const proseModule = join(process.cwd(), 'src/package/prose.ts');
const inlineProse: Plugin = {
  name: 'inline-prose',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]src[\\/]package[\\/]prose\.ts$/ }, (args) => {
      if (args.path !== proseModule) return undefined;
      const prose: Record<string, string> = {};
      for (const file of readdirSync('content/errors')) {
        if (!file.endsWith('.mdx') || file.startsWith('_')) continue;
        prose[file.slice(0, -'.mdx'.length)] = stripFrontMatter(readFileSync(join('content/errors', file), 'utf8'));
      }
      return {
        loader: 'ts',
        contents:
          `const prose: Record<string, string> = ${JSON.stringify(prose)};\n` +
          `export function entryProse(slug: string): string { return Object.hasOwn(prose, slug) ? prose[slug] as string : ''; }\n`,
      };
    });
  },
};

// Code reads package.json for its version and tracker: the bundle keeps those, not the whole file.
const manifest = join(process.cwd(), 'package.json');
const slimManifest: Plugin = {
  name: 'slim-manifest',
  setup(esbuild) {
    esbuild.onLoad({ filter: /package\.json$/ }, (args) => {
      if (args.path !== manifest) return undefined;
      const { name, version, bugs } = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
      return { loader: 'json', contents: JSON.stringify({ name, version, bugs }) };
    });
  },
};

// The mock's other threads run a file of their own (lib/mock-thread.js): the module that names it
// is bundled into a chunk (lib/chunks/) or an entry (lib/), so it finds the file from its own folder.
const threadEntryModule = join(process.cwd(), 'src/mock/thread-entry.ts');
const threadEntry: Plugin = {
  name: 'thread-entry',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]src[\\/]mock[\\/]thread-entry\.ts$/ }, (args) => {
      if (args.path !== threadEntryModule) return undefined;
      return {
        loader: 'ts',
        contents:
          "export const threadEntry = new URL(new URL('.', import.meta.url).pathname.endsWith('/chunks/') ? '../mock-thread.js' : './mock-thread.js', import.meta.url);\n",
      };
    });
  },
};

await build({
  entryPoints: { index: 'src/package/index.ts', cli: 'src/cli/main.ts', 'mock-thread': 'src/mock/thread.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [inlineProse, slimManifest, threadEntry],
});
// The command's file starts with its interpreter line, so npm can link it as `errata`.
const cli = join(out, 'cli.js');
writeFileSync(cli, `#!/usr/bin/env node\n${readFileSync(cli, 'utf8')}`, { mode: 0o755 });

// Declarations: tsc emits them beside the sources' layout, then relative imports of `.ts`
// become `.js`, which every TypeScript from 5.0 resolves to the `.d.ts`.
const types = join(out, 'types');
const tsc = spawnSync('tsc', ['--project', 'tsconfig.package.json', '--outDir', types], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('build:package: tsc could not emit the declarations');
  process.exit(1);
}
function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
let size = 0;
for (const file of walk(out)) {
  if (file.endsWith('.d.ts')) {
    const text = readFileSync(file, 'utf8').replace(/(from\s+'\.{1,2}\/[^'\n]*)\.ts'/g, "$1.js'");
    writeFileSync(file, text);
  }
  size += statSync(file).size;
}
console.error(`build:package: ${relative(process.cwd(), out)}/ (${walk(out).length} files, ${(size / 1024).toFixed(0)} KiB)`);
