/**
 * What the CLI touches outside itself, passed in so that tests can run every command in-process.
 */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from './command.ts';

export interface Io {
  /** Writes text as is: callers end their lines. */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads standard input whole; past `maxBytes` it stops reading and throws a TooLarge. */
  readStdin(maxBytes: number): Promise<string>;
  /** The folder relative paths resolve against. */
  cwd: string;
  /** Standard input as a stream of bytes, for commands that read gigabytes line by line. */
  stdinStream?: () => AsyncIterable<Uint8Array>;
  /** Whether stderr is a terminal: long commands show their progress there only then. */
  stderrIsTerminal?: boolean;
}

/**
 * The folder relative paths are read from: the one the user is in. In this repository `npm run
 * errata` starts the command in the project root, and the user's folder is INIT_CWD; anywhere
 * else (the installed command, in any script or workspace) it is the process's own.
 */
export function userFolder(env: NodeJS.ProcessEnv, cwd: string): string {
  const repositoryScript = env.npm_lifecycle_event === 'errata' && env.npm_package_name === 'errata';
  return repositoryScript && env.INIT_CWD ? env.INIT_CWD : cwd;
}

/** The real process. */
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async (maxBytes) => {
      if (process.stdin.isTTY) process.stderr.write('Reading from standard input; end with Ctrl-D.\n');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        // Stop at once: a writer of gigabytes must not make Errata hold them.
        if (size > maxBytes) throw new TooLarge(size);
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: userFolder(process.env, process.cwd()),
    stderrIsTerminal: process.stderr.isTTY === true,
    stdinStream: () => {
      if (process.stdin.isTTY) process.stderr.write('Reading from standard input; end with Ctrl-D.\n');
      return process.stdin;
    },
  };
}

/** Text read from a file or from stdin, with a name to use in messages. */
export interface Source {
  name: string;
  text: string;
}

/** Input over a size limit; `size` is how much was seen before reading stopped. */
export class TooLarge extends Error {
  readonly size: number;
  constructor(size: number) {
    super(`more than the limit (${size} bytes read)`);
    this.name = 'TooLarge';
    this.size = size;
  }
}

/** What a command reads at most, and what to tell the user past it. */
export interface SizeLimit {
  bytes: number;
  /** The limit in words, as `1 MiB`. */
  words: string;
  /** What to do instead, in a sentence. */
  hint: string;
}

function tooLarge(name: string, limit: SizeLimit): InputError {
  return new InputError(
    `${name} is larger than ${limit.words} (${limit.bytes.toLocaleString('en-US')} bytes), the most Errata reads here: ${limit.hint}`,
  );
}

async function readFileWithin(path: string, limit: SizeLimit): Promise<string> {
  const file = await open(path, 'r');
  try {
    // The size first, so that a huge file is refused before any of it is read.
    if ((await file.stat()).size > limit.bytes) throw tooLarge(path, limit);
    return await file.readFile('utf8');
  } finally {
    await file.close();
  }
}

/** Reads `-` from stdin, anything else as a file relative to io.cwd; problems become InputErrors. */
export async function readSource(spec: string, io: Io, limit: SizeLimit): Promise<Source> {
  if (spec === '-') {
    const name = 'standard input';
    let text: string;
    try {
      text = await io.readStdin(limit.bytes);
    } catch (error) {
      if (error instanceof TooLarge) throw tooLarge(name, limit);
      throw error;
    }
    if (Buffer.byteLength(text) > limit.bytes) throw tooLarge(name, limit);
    return { name, text };
  }
  const path = resolve(io.cwd, spec);
  try {
    return { name: path, text: await readFileWithin(path, limit) };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`File not found: ${path}`);
    if (code === 'EISDIR') throw new InputError(`${path} is a folder, not a file`);
    if (code === 'EACCES') throw new InputError(`Cannot read ${path}: permission denied`);
    throw new InputError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}
