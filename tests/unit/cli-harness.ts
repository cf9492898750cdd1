/**
 * The `errata` command run in-process, for the unit tests of its subcommands: what it printed on
 * each stream and its exit code, with the folder it reads relative paths from, and standard input
 * given as text or as a stream of bytes.
 */
import { run } from '../../src/cli/run.ts';
import type { Io } from '../../src/cli/io.ts';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], options: { cwd: string; stdin?: string; stdinStream?: Iterable<Uint8Array> }): Promise<Ran> {
  const ran = { stdout: '', stderr: '' };
  const { stdinStream } = options;
  const io: Io = {
    stdout: (text) => {
      ran.stdout += text;
    },
    stderr: (text) => {
      ran.stderr += text;
    },
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd,
    ...(stdinStream
      ? {
          stdinStream: async function* () {
            yield* stdinStream;
          },
        }
      : {}),
  };
  return { code: await run(argv, io), ...ran };
}
