/**
 * The `errata` command: `npm run errata -- <command>` in this repository, `errata <command>` (or
 * `npx errata`) where the package is installed. See run.ts.
 */
import { processIo, type Io } from './io.ts';
import { run } from './run.ts';

/**
 * The help texts name the repository's way to run a command; outside `npm run errata` they name
 * the installed command instead. Plain string replacement, no pattern built from text.
 */
function installedIo(io: Io): Io {
  const plain = (text: string) => text.replaceAll('npm run --silent errata -- ', 'errata ').replaceAll('npm run errata -- ', 'errata ');
  return { ...io, stdout: (text) => io.stdout(plain(text)), stderr: (text) => io.stderr(plain(text)) };
}

const io = processIo();
process.exitCode = await run(process.argv.slice(2), process.env.npm_lifecycle_event === 'errata' ? io : installedIo(io));
