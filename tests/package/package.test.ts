/**
 * The npm package as an integrator gets it: `npm pack` (which builds lib/ through `prepack`), the
 * tarball installed into an empty project with the machine's own node and npm (PATH without this
 * project's node_modules/.bin, so not the pinned Node 24), then, there: `npx errata`, the library
 * from JavaScript, its types from a strict TypeScript file, and `errata mcp` through the SDK's client.
 * Run by `npm test` as its own suite (scripts/test.ts); alone: `node --test tests/package/`.
 */
import assert from 'node:assert/strict';
import { type ChildProcessByStdio, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import type { Readable } from 'node:stream';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { threadsUnsupported } from '../../src/mock/threads.ts';

const root = process.cwd();
const fixtures = join(root, 'tests/package/fixtures');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

/** The machine's environment: no node_modules/.bin on PATH, none of npm run's variables. */
const machineEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD' && name !== 'NODE_OPTIONS'),
);
machineEnv.PATH = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((folder) => !folder.includes('node_modules'))
  .join(delimiter);
delete machineEnv.ERRATA_SITE;

function sh(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}, timeout = 240_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: { ...machineEnv, ...extra }, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

/** The base URL a spawned `errata mock` prints once it listens (its first line's first URL). */
function baseUrlOf(mock: ChildProcessByStdio<null, Readable, Readable>, what: string, stderr: () => string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    mock.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /https?:\/\/\S+/.exec(out);
      if (url) resolve(url[0].replace(/\/$/, ''));
    });
    mock.once('exit', (code) => reject(new Error(`${what} exited (${code}) before listening: ${stderr()}`)));
    setTimeout(() => reject(new Error(`${what} did not say where it listens within 20 s`)), 20_000);
  });
}

let scratch = '';
let project = '';
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'errata-package-'));
  // Under a folder named chunks, as the bundle's own chunks/ folder must not be confused with any folder above it.
  project = join(scratch, 'chunks', 'project');
  // Packed with this project's npm scripts (prepack builds lib/), as `npm pack` does for anyone.
  const pack = spawnSync('npm', ['pack', '--silent', '--json', '--pack-destination', scratch], {
    cwd: root,
    encoding: 'utf8',
    timeout: 240_000,
  });
  assert.equal(pack.status, 0, `npm pack failed:\n${pack.stderr}`);
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0] as typeof packed;
  console.log(
    `tarball ${packed.filename}: ${(packed.size / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked, ` +
      `${packed.files.length} files; runtime dependencies: ${Object.entries(manifest.dependencies)
        .map(([name, range]) => `${name}@${range}`)
        .join(', ')}`,
  );
  sh('mkdir', ['-p', project], scratch);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'errata-consumer', private: true, type: 'module' }, null, 2)}\n`);
  ok(
    sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(scratch, packed.filename)], project),
    'npm install of the tarball',
  );
  for (const file of ['use-library.mjs', 'use-types.ts', 'mcp-client.mjs']) copyFileSync(join(fixtures, file), join(project, file));
  // The error handler that the README and the site's "Use it in your code" page show.
  copyFileSync(join(root, 'docs/examples/handler.ts'), join(project, 'handler.ts'));
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('holds the compiled package, its README, LICENSE and package.json: no site, tests, benchmarks or sources', () => {
    const paths = packed.files.map((file) => file.path);
    const unexpected = paths.filter(
      (path) => !(path === 'package.json' || path === 'README.md' || path === 'LICENSE' || path.startsWith('lib/')),
    );
    assert.deepEqual(unexpected, []);
    assert.ok(paths.includes('LICENSE'), 'the licence travels with the package');
    assert.ok(paths.includes('lib/index.js') && paths.includes('lib/cli.js') && paths.includes('lib/types/package/index.d.ts'));
    assert.ok(!paths.some((path) => /\.(ts|astro|mdx)$/.test(path) && !path.endsWith('.d.ts')), 'no TypeScript, Astro or MDX sources');
    assert.ok(packed.size < 1024 * 1024, `the tarball is ${packed.size} bytes`);
  });

  test('its runtime dependencies are what the compiled code imports, and none of the site', () => {
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['@modelcontextprotocol/sdk', 'zod']);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/errata/package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(installed.version, manifest.version);
    for (const site of ['astro', 'shiki', 'pagefind', '@codemirror/view']) {
      assert.ok(!readFileSync(join(project, 'package-lock.json'), 'utf8').includes(`"node_modules/${site}"`), `${site} is installed`);
    }
  });
});

/** A consumer's strict TypeScript settings for an ES module project on Node. */
const strictConsumer = {
  strict: true,
  noEmit: true,
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: [],
};

describe('installed, with the machine’s own node', () => {
  test('the machine’s node is the one that runs it', () => {
    const version = ok(sh('node', ['--version'], project), 'node --version').trim();
    console.log(`machine node ${version}; this test runner: ${process.version}`);
    assert.match(version, /^v\d+\./);
  });

  test('npx errata explain BAD_VALUE', () => {
    const out = ok(sh('npx', ['--no-install', 'errata', 'explain', 'BAD_VALUE'], project), 'npx errata explain BAD_VALUE');
    assert.match(out, /identifier {2}BAD_VALUE/);
    assert.match(out, /Cases that carry BAD_VALUE/);
  });

  test('npx errata --version, --help, lookup from stdin, and the exit codes', () => {
    assert.equal(ok(sh('npx', ['--no-install', 'errata', '--version'], project), '--version').trim(), manifest.version);
    const usage = ok(sh('npx', ['--no-install', 'errata', '--help'], project), '--help');
    assert.match(usage, /^Usage: errata <command>/);
    assert.match(usage, /mcp/);
    const lookup = spawnSync('npx', ['--no-install', 'errata', 'lookup', '-'], {
      cwd: project,
      env: machineEnv,
      encoding: 'utf8',
      input: '{"message":"Rate limit exceeded"}',
    });
    assert.equal(lookup.status, 0, lookup.stderr);
    assert.match(lookup.stdout, /too-many-requests/);
    assert.equal(sh('npx', ['--no-install', 'errata', 'explain', 'no-such-entry'], project).status, 1);
    assert.equal(sh('npx', ['--no-install', 'errata', 'nope'], project).status, 2);
  });

  test('errata predict, mock and check: a recorded mock session that check agrees with', async () => {
    const predicted = spawnSync('npx', ['--no-install', 'errata', 'predict', '-'], {
      cwd: project,
      env: machineEnv,
      encoding: 'utf8',
      input: '{"request":{"body":{"clientId":"user-1","country":"Lithuania"}}}',
    });
    assert.equal(predicted.status, 1, `an error predicted exits 1: ${predicted.stderr}`);
    assert.equal((JSON.parse(predicted.stdout) as { entry: string }).entry, 'country-invalid');

    // The installed command's mock server, recording what it answers; then the installed check reads the record.
    const record = join(project, 'exchanges.jsonl');
    const mock = spawn('node', ['node_modules/.bin/errata', 'mock', '--port', '0', '--quiet', '--record', record], {
      cwd: project,
      env: machineEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const closed = new Promise((resolve) => mock.once('close', resolve));
    try {
      const base = await baseUrlOf(mock, 'errata mock', () => '');
      const auth = `Basic ${Buffer.from('errata-key:errata-secret').toString('base64')}`;
      const send = (body: string) =>
        fetch(`${base}/api/v2/token`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body });
      const bad = await send('{"clientId":"user-1","country":"Lithuania"}');
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as { identifier: string }).identifier, 'BAD_VALUE');
      assert.equal((await send('{"clientId":"user-1"}')).status, 201);
    } finally {
      mock.kill('SIGINT');
      await closed;
    }
    const checked = sh('npx', ['--no-install', 'errata', 'check', record, '--json'], project);
    assert.equal(checked.status, 0, `errata check: ${checked.stderr}${checked.stdout}`);
    const report = JSON.parse(checked.stdout) as { exchanges: number; agree: number };
    assert.deepEqual([report.exchanges, report.agree], [2, 2], checked.stdout);
  });

  test('errata mock --threads 2: two threads where Node can share a port, else one and a warning', async () => {
    // The machine's node, and the Node this suite runs on (the project's pinned Node 24), if they differ.
    const machineNode = sh('node', ['--version'], project).stdout.trim().replace(/^v/, '');
    const nodes = [
      { command: 'node', version: machineNode },
      ...(process.versions.node === machineNode ? [] : [{ command: process.execPath, version: process.versions.node }]),
    ];
    for (const { command, version } of nodes) {
      const expected = threadsUnsupported(version) === null ? 2 : 1;
      const mock = spawn(command, ['node_modules/.bin/errata', 'mock', '--port', '0', '--threads', '2'], {
        cwd: project,
        env: machineEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const closed = new Promise((resolve) => mock.once('close', resolve));
      let stderr = '';
      mock.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      try {
        const base = await baseUrlOf(mock, `errata mock on Node ${version}`, () => stderr);
        const auth = `Basic ${Buffer.from('errata-key:errata-secret').toString('base64')}`;
        // A connection each, so that the system spreads them over the threads.
        const statuses = await Promise.all(
          Array.from({ length: 24 }, () =>
            fetch(`${base}/api/v2/token`, {
              method: 'POST',
              headers: { authorization: auth, connection: 'close' },
              body: '{"clientId":"user-1"}',
              keepalive: false,
            }).then((response) => response.status),
          ),
        );
        assert.deepEqual(new Set(statuses), new Set([201]), `Node ${version}`);
        const health = (await (await fetch(`${base}/__errata/health`)).json()) as { threads: number; answeredByThread: number[] };
        assert.equal(health.threads, expected, `Node ${version}: ${stderr}`);
        assert.equal(
          health.answeredByThread.reduce((sum, answered) => sum + answered, 0),
          24,
        );
        if (expected === 1) assert.match(stderr, /serving on one thread: Node .* cannot share a port/, `Node ${version}`);
        else assert.match(stderr, /threads +2, sharing the port/, `Node ${version}`);
      } finally {
        mock.kill('SIGINT');
        await closed;
      }
    }
  });

  test('JavaScript imports the library and calls each export', () => {
    const out = JSON.parse(ok(sh('node', ['use-library.mjs'], project, { ERRATA_SITE: 'https://site.example/' }), 'use-library.mjs'));
    assert.deepEqual(out.exports, [
      'ScenarioError',
      'catalogue',
      'catalogueVersion',
      'explainResponse',
      'identifiers',
      'isIdentifier',
      'lookup',
      'predict',
      'tokenRequestSchema',
      'validateTokenRequest',
    ]);
    assert.equal(out.predict, 405);
    assert.equal(out.healthy, 201);
    assert.deepEqual(
      out.problems.map((found: { entry: string; pointer: string }) => [found.entry, found.pointer]),
      [
        ['country-invalid', '/country'],
        ['date-invalid', '/dateOfBirth'],
      ],
    );
    assert.equal(out.problems[0].identifier, 'BAD_VALUE');
    assert.equal(out.problems[0].status, 400);
    assert.deepEqual(out.noProblems, []);
    assert.equal(out.inactive.length, 1);
    assert.deepEqual(out.explained, {
      slug: 'country-invalid',
      values: {},
      fix: out.explained.fix,
      retry: out.explained.retry,
      path: '/errors/country-invalid/',
      url: 'https://errata.example/errors/country-invalid/',
    });
    assert.equal(typeof out.explained.retry.helps, 'boolean');
    assert.ok(out.explained.fix > 0);
    assert.deepEqual(out.fromEnv, { slug: 'country-invalid', url: 'https://site.example/errors/country-invalid/' });
    assert.equal(out.unknown, null);
    assert.equal(out.lookup, 'too-many-requests');
    assert.ok(out.catalogue > 50);
    assert.equal(out.identifiers, 13);
    assert.deepEqual(out.isIdentifier, [true, false, false]);
    assert.deepEqual(out.schema, [true, false]);
    assert.equal(out.scenarioError[0].path, 'nope');
    assert.equal(out.catalogueVersion, 'string');
  });

  test('without a site, explainResponse gives the path and a null url', () => {
    const out = JSON.parse(ok(sh('node', ['use-library.mjs'], project), 'use-library.mjs'));
    assert.deepEqual(out.fromEnv, { slug: 'country-invalid', url: null });
  });

  test('and with this project’s pinned node (24), the same package runs', () => {
    const out = JSON.parse(ok(sh(process.execPath, ['use-library.mjs'], project), 'use-library.mjs under the pinned node'));
    assert.equal(out.node, process.version);
    assert.equal(out.explained?.slug, 'country-invalid');
    assert.equal(ok(sh(process.execPath, ['node_modules/.bin/errata', '--version'], project), 'errata --version').trim(), manifest.version);
  });

  test('and with Node 22, the middle of the supported range (node@22 from the registry)', (context) => {
    // The machine's node is 20 and the runner's 24: Node 22 is fetched as npm's `node` package (its
    // install script puts the binary in place), into its own folder, so the project stays an empty one.
    const runtime = join(scratch, 'node22');
    const install = sh('npm', ['install', '--prefix', runtime, '--prefer-offline', '--no-audit', '--no-fund', 'node@22'], scratch);
    if (install.status !== 0 && /ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|offline/.test(install.stderr + install.stdout)) {
      context.skip('node@22 cannot be fetched here (no registry)');
      return;
    }
    ok(install, 'npm install node@22');
    const node22 = join(runtime, 'node_modules/.bin/node');
    const out = JSON.parse(ok(sh(node22, ['use-library.mjs'], project), 'use-library.mjs under Node 22'));
    assert.match(out.node, /^v22\./);
    assert.equal(out.explained?.slug, 'country-invalid');
    assert.equal(out.problems.length, 2);
    assert.equal(ok(sh(node22, ['node_modules/.bin/errata', '--version'], project), 'errata --version').trim(), manifest.version);
    const explain = ok(sh(node22, ['node_modules/.bin/errata', 'explain', 'BAD_VALUE'], project), 'errata explain under Node 22');
    assert.match(explain, /identifier {2}BAD_VALUE/);
    const mcp = JSON.parse(ok(sh(node22, ['mcp-client.mjs'], project, {}, 60_000), 'mcp-client.mjs under Node 22'));
    assert.equal(mcp.predict.structured.status, 405);
    assert.equal(mcp.afterErrors.isError, false);
  });

  test('a strict TypeScript file that uses the types type-checks (this project’s TypeScript)', () => {
    const tsconfig = {
      compilerOptions: { ...strictConsumer, skipLibCheck: false, noUncheckedIndexedAccess: true },
      // use-types.ts uses every type; handler.ts is the error handler of the README and the "Use it in your code" page.
      files: ['use-types.ts', 'handler.ts'],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    ok(sh('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], project), 'tsc');
  });

  test('and with TypeScript 5.0, the oldest supported (skipLibCheck, as zod’s own declarations need 5.4)', (context) => {
    const tsconfig = { compilerOptions: { ...strictConsumer, skipLibCheck: true }, files: ['use-types.ts', 'handler.ts'] };
    writeFileSync(join(project, 'tsconfig.5.0.json'), JSON.stringify(tsconfig));
    const result = sh('npx', ['--yes', '--prefer-offline', '-p', 'typescript@5.0', 'tsc', '-p', 'tsconfig.5.0.json'], project);
    if (result.status !== 0 && /ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|E404|offline/.test(result.stderr + result.stdout)) {
      context.skip('typescript@5.0 cannot be fetched here (no registry)');
      return;
    }
    ok(result, 'tsc 5.0');
  });

  test('errata mcp answers the SDK’s client: tools, each call, a resource, tool errors', () => {
    const out = JSON.parse(ok(sh('node', ['mcp-client.mjs'], project, {}, 60_000), 'mcp-client.mjs'));
    assert.deepEqual(out.server, { name: 'errata', version: manifest.version });
    assert.deepEqual(
      out.tools.map((tool: { name: string; properties: string[] }) => [tool.name, tool.properties]),
      [
        ['predict', ['scenario']],
        ['explain', ['query']],
        ['lookup', ['text']],
        ['validate_token_request', ['body']],
      ],
    );
    for (const tool of out.tools) assert.match(tool.description, /Use it|use `|Use /);
    assert.equal(out.predict.isError, false);
    assert.equal(out.predict.structured.status, 405);
    assert.match(out.predict.text, /METHOD_NOT_ALLOWED/);
    assert.equal(out.explain.isError, false);
    assert.equal(out.explain.structured.entries[0].slug, 'bad-value');
    assert.equal(out.lookup.structured.matches[0].slug, 'too-many-requests');
    assert.match(out.lookup.text, /too-many-requests/);
    assert.equal(out.validate.structured.valid, false);
    assert.equal(out.validate.structured.problems[0].entry, 'country-invalid');
    for (const name of ['badScenario', 'badType', 'missingArgument', 'unknownQuery', 'tooDeep', 'tooLong']) {
      assert.equal(out[name].isError, true, name);
      assert.ok(out[name].text.length > 0, name);
    }
    assert.match(out.badScenario.text, /nope/);
    assert.match(out.tooDeep.text, /512 levels/);
    assert.ok(out.resources.count > 50, `${out.resources.count} resources`);
    assert.match(out.resources.first, /^errata:\/\/errors\/[a-z0-9-]+$/);
    assert.equal(out.resource.mimeType, 'text/markdown');
    assert.match(out.resource.text, /^# /);
    assert.match(out.resource.text, /## In depth/, 'the entry’s prose is in its Markdown twin');
    assert.match(out.missing, /no-such-entry/);
    assert.equal(out.afterErrors.isError, false, 'the server still answers after tool errors');
  });
});
