/**
 * End-to-end tests over the built site, served by `astro preview`. They run in Debian's
 * Chromium where it is installed (Playwright cannot download its own browser here), and in
 * Playwright's own Chromium elsewhere. Build first: `npm run build`.
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Not 4321, so that a site someone is previewing is never mistaken for the build under test.
const port = Number(process.env.ERRATA_E2E_PORT ?? 4329);
// The test site (scripts/test.ts builds it into dist-fixture/): its tests run when it exists.
const fixturePort = port + 1;
const fixtureSite = existsSync('dist-fixture/index.html');
const systemChromium = [process.env.ERRATA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => typeof path === 'string' && existsSync(path),
);

const launchOptions = {
  ...(systemChromium ? { executablePath: systemChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'fixture-site/**',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions,
      },
    },
    ...(fixtureSite
      ? [
          {
            name: 'test site',
            testMatch: 'fixture-site/**/*.spec.ts',
            use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${fixturePort}` },
          },
        ]
      : []),
  ],
  webServer: [
    {
      // --ignore-lock: a preview someone left running must not block the tests' own server.
      command: `npx astro preview --host 127.0.0.1 --port ${port} --ignore-lock`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    ...(fixtureSite
      ? [
          {
            command: `npx astro preview --host 127.0.0.1 --port ${fixturePort} --ignore-lock`,
            url: `http://127.0.0.1:${fixturePort}/`,
            env: { ERRATA_OUT_DIR: 'dist-fixture' },
            reuseExistingServer: false,
            timeout: 60_000,
          },
        ]
      : []),
  ],
});
