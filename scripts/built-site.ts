/**
 * What the scripts that measure the built site share: the Chromium to measure it in, and
 * `astro preview` serving a built folder on a free port until the script is done.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** Debian's Chromium, or ERRATA_CHROMIUM; undefined means Playwright's own browser. */
export const systemChromium = [process.env.ERRATA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => typeof path === 'string' && existsSync(path),
);

export interface PreviewServer {
  /** The site's address, without a trailing slash: `http://127.0.0.1:<port>`. */
  origin: string;
  stop(): void;
}

/** A port nobody listens on, so that what is measured is never another server. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no free port'))));
    });
  });
}

/** Serves `outDir` (dist/ unless given) and resolves once it answers. */
export async function startPreview(options: { outDir?: string; env?: NodeJS.ProcessEnv; port?: number } = {}): Promise<PreviewServer> {
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  // Its own process group, so that stopping it stops astro preview too, not only npx.
  // --ignore-lock: it may run beside a preview someone left running.
  const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, ...options.env, ...(options.outDir ? { ERRATA_OUT_DIR: options.outDir } : {}) },
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`astro preview exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return { origin, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  stop();
  throw new Error(`astro preview did not answer at ${origin}/ within 30 s`);
}
