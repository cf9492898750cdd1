/**
 * The `errata` command: `npm run errata -- <command>` in this repository, `errata <command>` (or
 * `npx errata`) where the package is installed. See run.ts.
 */
import { processIo, type Io } from './io.ts';
import { run } from './run.ts';

/**
 * The help texts name the repository's way to run a command; outside `npm run errata` they name
 * the installed command instead, and leave out the lines about npm's own output (`--silent`),
 * which mean nothing there. Plain string replacement, no pattern built from text.
 */
function installedIo(io: Io): Io {
  const plain = (text: string) =>
    text
      .split('\n')
      .filter((line) => !line.includes('npm run --silent errata'))
      .join('\n')
      .replaceAll('npm run errata -- ', 'errata ');
  return { ...io, stdout: (text) => io.stdout(plain(text)), stderr: (text) => io.stderr(plain(text)) };
}

const io = processIo();
const repositoryScript = process.env.npm_lifecycle_event === 'errata' && process.env.npm_package_name === 'errata';
process.exitCode = await run(process.argv.slice(2), repositoryScript ? io : installedIo(io));
