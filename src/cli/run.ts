/**
 * The `errata` command line: picks the command and turns what went wrong into an exit code.
 * Everything outside goes through `io`, so tests run it in-process.
 */
import { exitCode, InputError, UsageError, type Command } from './command.ts';
import { checkCommand } from './check.ts';
import { explainCommand } from './explain.ts';
import type { Io } from './io.ts';
import { lookupCommand } from './lookup.ts';
import { mcpCommand } from './mcp.ts';
import { mockCommand } from './mock.ts';
import { predictCommand } from './predict.ts';
import { triageCommand } from './triage.ts';
import { closest } from './suggest.ts';
import { version } from './version.ts';

const commands: readonly Command[] = [predictCommand, explainCommand, lookupCommand, mockCommand, checkCommand, triageCommand, mcpCommand];

export const usage = `Usage: npm run errata -- <command> [options]

Errata: the error reference for iDenfy's POST /api/v2/token.

Commands:
${commands.map((command) => `  ${command.name.padEnd(9)}${command.summary}`).join('\n')}

Options:
  -h, --help      Show this help
  -v, --version   Print Errata's version

Run "npm run errata -- <command> --help" for a command's options.
`;

/** Which command the user means, or a UsageError naming what was typed instead. */
function pick(argv: readonly string[]): { command: Command; args: string[] } | 'help' | 'version' {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('Missing command');
  if (first === '-h' || first === '--help') return 'help';
  if (first === '-v' || first === '--version') return 'version';
  if (first.startsWith('-')) throw new UsageError(`Unknown option '${first}' (options go after the command)`);
  const command = commands.find((candidate) => candidate.name === first);
  if (!command) {
    const close = closest(
      first,
      commands.map((candidate) => candidate.name),
      1,
    );
    throw new UsageError(`Unknown command '${first}'${close.length > 0 ? `: did you mean '${close[0]}'?` : ''}`);
  }
  return { command, args: rest };
}

/** Runs the CLI and returns its exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let command: Command | undefined;
  try {
    const picked = pick(argv);
    if (picked === 'help') {
      io.stdout(usage);
      return exitCode.ok;
    }
    if (picked === 'version') {
      io.stdout(`${version}\n`);
      return exitCode.ok;
    }
    command = picked.command;
    return await command.run(picked.args, io);
  } catch (error) {
    const prefix = command ? `errata ${command.name}` : 'errata';
    if (error instanceof UsageError) {
      io.stderr(`${prefix}: ${error.message}\n\n${command ? command.help : usage}`);
      return exitCode.usage;
    }
    if (error instanceof InputError) {
      io.stderr(`${prefix}: ${error.message}\n`);
      return exitCode.usage;
    }
    io.stderr(`${prefix}: unexpected failure, which is a bug in Errata:\n${(error as Error).stack ?? String(error)}\n`);
    return exitCode.internal;
  }
}
