/**
 * What the CLI touches outside itself, passed in so that tests can run every command in-process.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from './command.ts';

export interface Io {
  /** Writes text as is: callers end their lines. */
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  /** The folder relative paths resolve against. */
  cwd: string;
}

/** The real process. `npm run` starts scripts in the project root, so the user's folder is INIT_CWD. */
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      if (process.stdin.isTTY) process.stderr.write('Reading from standard input; end with Ctrl-D.\n');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
}

/** Text read from a file or from stdin, with a name to use in messages. */
export interface Source {
  name: string;
  text: string;
}

/** Reads `-` from stdin, anything else as a file relative to io.cwd; problems become InputErrors. */
export async function readSource(spec: string, io: Io): Promise<Source> {
  if (spec === '-') return { name: 'standard input', text: await io.readStdin() };
  const path = resolve(io.cwd, spec);
  try {
    return { name: path, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`File not found: ${path}`);
    if (code === 'EISDIR') throw new InputError(`${path} is a folder, not a file`);
    if (code === 'EACCES') throw new InputError(`Cannot read ${path}: permission denied`);
    throw new InputError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}
