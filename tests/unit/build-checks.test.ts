/**
 * What a build checks before it writes anything: prose and records one-to-one (an orphan prose
 * file fails the build, naming it), and the site's address (a warning without ERRATA_SITE, a
 * refusal in `npm run build:deploy`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import buildChecks, { proseFiles, proseProblems } from '../../src/integrations/build-checks.ts';
import { catalogue } from '../../src/catalogue/index.ts';

type SetupHook = (options: { command: string; logger: { warn(message: string): void } }) => void;

function runChecks(options: Parameters<typeof buildChecks>[0], command = 'build'): string[] {
  const warnings: string[] = [];
  const hook = buildChecks(options).hooks['astro:config:setup'] as unknown as SetupHook;
  hook({ command, logger: { warn: (message) => void warnings.push(message) } });
  return warnings;
}

function proseFolder(files: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'errata-prose-'));
  for (const file of files) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), '---\n---\nProse.\n');
  }
  return folder;
}

test('the real prose and the real records match one to one', () => {
  const { orphans, missing } = proseProblems(
    catalogue.map((entry) => entry.slug),
    proseFiles('content/errors'),
  );
  assert.deepEqual({ orphans, missing }, { orphans: [], missing: [] });
});

test('a prose file without a record fails the build, naming the file and what to do', () => {
  const folder = proseFolder(['partner-inactive.mdx', 'parnter-inactive.mdx', '_draft.mdx']);
  try {
    assert.throws(
      () => runChecks({ slugs: ['partner-inactive'], contentFolder: folder, site: 'https://errata.example.com' }),
      (error: unknown) =>
        error instanceof Error &&
        /parnter-inactive\.mdx: no catalogue record has the slug "parnter-inactive"/.test(error.message) &&
        !/_draft/.test(error.message),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a record without prose fails the build, naming the file to write', () => {
  const folder = proseFolder(['partner-inactive.mdx']);
  try {
    assert.throws(
      () => runChecks({ slugs: ['partner-inactive', 'insufficient-funds'], contentFolder: folder, site: 'https://errata.example.com' }),
      /insufficient-funds\.mdx is missing: the record "insufficient-funds" has no prose/,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a build without ERRATA_SITE prints one warning naming the address it will use; with it, none', () => {
  const folder = proseFolder(['partner-inactive.mdx']);
  try {
    const without = runChecks({ slugs: ['partner-inactive'], contentFolder: folder, site: undefined });
    assert.equal(without.length, 1);
    assert.match(without[0] as string, /ERRATA_SITE is not set: .*http:\/\/localhost:4321/);
    assert.deepEqual(runChecks({ slugs: ['partner-inactive'], contentFolder: folder, site: 'https://errata.example.com' }), []);
    assert.deepEqual(runChecks({ slugs: ['partner-inactive'], contentFolder: folder, site: undefined }, 'dev'), []);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('npm run build:deploy refuses to build without a public ERRATA_SITE', () => {
  for (const site of [undefined, '', 'errata.example.com', 'ftp://errata.example.com', 'http://localhost:4321']) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (site === undefined) delete env.ERRATA_SITE;
    else env.ERRATA_SITE = site;
    const result = spawnSync(process.execPath, ['scripts/build-deploy.ts'], { env, encoding: 'utf8' });
    assert.equal(result.status, 2, `ERRATA_SITE=${String(site)}: ${result.stderr}`);
    assert.match(result.stderr, /^build:deploy: .*\nSet the address/s);
  }
});
