/**
 * The import boundaries of the README's diagram, enforced (Biome's noRestrictedImports says the
 * same in an editor, import by import; this test also follows imports through other modules).
 *
 * - The engine (the catalogue, the token schema and scenario, the predictor, and the small pure
 *   modules they share) imports nothing of the browser, Astro or the site: it runs unchanged in
 *   Node (the CLI, the mock, the package), at build time and in the browser.
 * - Browser code never reaches the full catalogue (its records, prose and schema): it reads the
 *   five facts per entry of src/catalogue/entry-facts.ts, which the build swaps for a table
 *   (src/integrations/browser-catalogue.ts). Nor does it reach Node's own modules.
 */
import assert from 'node:assert/strict';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { parse } from '@babel/parser';

type Node = { type: string; [key: string]: unknown };

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/**
 * Every module a file imports or re-exports, statically or with `import()` of a fixed string.
 * `import type` is left out: it is erased, and loads nothing (verbatimModuleSyntax keeps every
 * other import, so `import { type A }` still loads its module and counts).
 */
export function importsOf(source: string): string[] {
  const program = parse(source, { sourceType: 'module', plugins: ['typescript'] }).program;
  const found: string[] = [];
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isNode(node)) continue;
    const typeOnly = node.importKind === 'type' || node.exportKind === 'type';
    if (
      (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') &&
      isNode(node.source)
    ) {
      if (!typeOnly) found.push(node.source.value as string);
    } else if (node.type === 'ImportExpression' && isNode(node.source) && node.source.type === 'StringLiteral') {
      found.push(node.source.value as string);
    } else if (node.type === 'CallExpression' && isNode(node.callee) && node.callee.type === 'Import') {
      const [first] = node.arguments as Node[];
      if (first?.type === 'StringLiteral') found.push(first.value as string);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) stack.push(...value);
      else if (isNode(value)) stack.push(value);
    }
  }
  return found;
}

/** A relative import as a path from the project's root (`src/x.ts`); other imports as written. */
export function resolved(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const path = normalize(join(dirname(from), specifier.replace(/\?.*$/, '')));
  // `./x.js` names `./x.ts` to TypeScript and to Vite alike.
  return path.endsWith('.js') && existsSync(`${path.slice(0, -3)}.ts`) ? `${path.slice(0, -3)}.ts` : path;
}

/** The bundled `<script>` blocks of an Astro file (not `is:inline` ones, which import nothing). */
export function astroScripts(source: string): string[] {
  const scripts: string[] = [];
  let from = 0;
  for (;;) {
    const open = source.indexOf('<script', from);
    if (open < 0) return scripts;
    const tagEnd = source.indexOf('>', open);
    const close = tagEnd < 0 ? -1 : source.indexOf('</script>', tagEnd);
    if (close < 0) return scripts;
    if (!source.slice(open, tagEnd).includes('is:inline')) scripts.push(source.slice(tagEnd + 1, close));
    from = close + 9;
  }
}

const importCache = new Map<string, string[]>();
function importsOfFile(file: string): string[] {
  let found = importCache.get(file);
  if (!found) {
    const sources = !existsSync(file)
      ? []
      : /\.[mc]?ts$/.test(file)
        ? [readFileSync(file, 'utf8')]
        : file.endsWith('.astro')
          ? astroScripts(readFileSync(file, 'utf8'))
          : [];
    found = sources.flatMap((source) => importsOf(source).map((specifier) => resolved(file, specifier)));
    importCache.set(file, found);
  }
  return found;
}

const engineFolders = ['src/catalogue/', 'src/token/', 'src/predict/', 'src/schema/', 'src/json/'];
const engineFiles = ['src/limits.ts', 'src/base64.ts', 'src/edit-distance.ts'];
const isEngine = (path: string) => engineFiles.includes(path) || engineFolders.some((folder) => path.startsWith(folder));

/** What an engine module may import: the engine, zod, and Node's own modules (used only in Node). */
function engineMayImport(path: string): boolean {
  return isEngine(path) || path === 'zod' || path.startsWith('node:');
}

/** Modules that are the full catalogue, which the browser must not carry. */
const fullCatalogue = (path: string) =>
  path === 'src/catalogue/index.ts' || path === 'src/catalogue/entry.ts' || path.startsWith('src/catalogue/records/');

/** The browser's view of the catalogue: the build replaces this module with a table of facts. */
const swappedForTheBrowser = 'src/catalogue/entry-facts.ts';

/** Every path by which browser code reaches a module it must not, one line each. */
export function browserViolations(roots: readonly string[], imports: (file: string) => string[]): string[] {
  const violations: string[] = [];
  const seen = new Set<string>();
  const stack = roots.map((root) => [root]);
  while (stack.length > 0) {
    const chain = stack.pop() as string[];
    const file = chain.at(-1) as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of imports(file)) {
      const via = [...chain, target].join(' → ');
      if (fullCatalogue(target)) violations.push(`${via}: the full catalogue (read src/catalogue/entry-facts.ts instead)`);
      else if (target.startsWith('node:')) violations.push(`${via}: a Node module, which browsers do not have`);
      else if (target === 'astro' || target.startsWith('astro:') || target.startsWith('@astrojs/'))
        violations.push(`${via}: Astro, which runs only at build time`);
      else if (target.startsWith('src/') && target !== swappedForTheBrowser) stack.push([...chain, target]);
    }
  }
  return violations;
}

test('the engine imports nothing of the browser, Astro or the site', () => {
  const files = globSync('src/{catalogue,token,predict,schema,json}/**/*.ts').concat(engineFiles).sort();
  assert.ok(files.length > 20, `only ${files.length} engine files found`);
  const violations = files.flatMap((file) =>
    importsOfFile(file)
      .filter((target) => !engineMayImport(target))
      .map((target) => `${file} imports ${target}`),
  );
  assert.deepEqual(
    violations,
    [],
    'the engine (src/catalogue, src/token, src/predict, src/schema, src/json, limits, base64) imports only itself, zod and node:',
  );
});

test('the catalogue never imports the predictor', () => {
  const violations = globSync('src/catalogue/**/*.ts').flatMap((file) =>
    importsOfFile(file)
      .filter((target) => target.startsWith('src/predict/'))
      .map((target) => `${file} imports ${target}`),
  );
  assert.deepEqual(violations, []);
});

test('browser code reaches neither the full catalogue, nor Node, nor Astro, through any chain of imports', () => {
  // The browser modules, and the scripts Astro bundles from pages and components.
  const astroRoots = globSync('src/**/*.astro').filter((file) => astroScripts(readFileSync(file, 'utf8')).length > 0);
  const roots = [...globSync('src/client/**/*.ts'), ...astroRoots].sort();
  assert.ok(roots.length > 20 && astroRoots.length > 0, `only ${roots.length} browser modules found, ${astroRoots.length} Astro scripts`);
  assert.deepEqual(browserViolations(roots, importsOfFile), []);
});

test('the checks find what they are for (planted imports)', () => {
  const source =
    "import a from './a.ts';\nimport type { T } from './t.ts';\nexport { b } from '../b.ts';\nexport * from 'c';\nconst d = await import('./d.ts');";
  assert.deepEqual(importsOf(source).sort(), ['../b.ts', './a.ts', './d.ts', 'c'], 'every import but the type-only one');
  const planted: Record<string, string[]> = {
    'src/client/page.ts': ['src/search/thing.ts'],
    'src/search/thing.ts': ['src/catalogue/entry-facts.ts', 'src/catalogue/matcher.ts'],
    'src/catalogue/matcher.ts': ['src/catalogue/index.ts'],
  };
  const violations = browserViolations(['src/client/page.ts'], (file) => planted[file] ?? []);
  assert.deepEqual(violations, [
    'src/client/page.ts → src/search/thing.ts → src/catalogue/matcher.ts → src/catalogue/index.ts: the full catalogue (read src/catalogue/entry-facts.ts instead)',
  ]);
  assert.equal(engineMayImport('src/site/paths.ts'), false);
  assert.equal(engineMayImport('astro:content'), false);
  assert.equal(engineMayImport('src/limits.ts'), true);
  // An Astro page's bundled script is browser code; an inline one imports nothing.
  const page = "---\nimport x from 'y';\n---\n<script>import { a } from '../catalogue/index.ts';</script><script is:inline>1</script>";
  assert.equal(astroScripts(page).length, 1);
  assert.equal(resolved('src/client/a.ts', '../catalogue/index.js'), 'src/catalogue/index.ts', 'a .js import names its .ts module');
});
