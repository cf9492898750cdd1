/**
 * `errata mcp`: serves the Model Context Protocol over stdio (see src/mcp/server.ts) until the
 * client closes the connection. Stdout carries only the protocol; anything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createServer } from '../mcp/server.ts';
import { exitCode, parseCommandArgs, type Command } from './command.ts';
import type { Io } from './io.ts';
import { version } from './version.ts';

const help = `Usage: npm run errata -- mcp

Serves Errata to coding assistants over the Model Context Protocol (stdio): the tools predict,
explain, lookup and validate_token_request, and every entry as the resource
errata://errors/<slug> (Markdown). Pages it links to are on ERRATA_SITE (default
http://localhost:4321).

A client's configuration:
  { "mcpServers": { "errata": { "command": "npx", "args": ["errata", "mcp"] } } }

Options:
  -h, --help   Show this help

Exit codes: 0 when the client closes the connection, 2 bad arguments.
`;

async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(() =>
    parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: false, strict: true }),
  );
  if (values.help) {
    io.stdout(help);
    return exitCode.ok;
  }
  const server = createServer({ version });
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  const transport = new StdioServerTransport();
  process.stdin.on('end', () => void server.close());
  await server.connect(transport);
  await closed;
  return exitCode.ok;
}

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'serve the Model Context Protocol over stdio, for coding assistants',
  help,
  run,
};
