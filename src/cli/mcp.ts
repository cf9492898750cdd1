/**
 * `errata mcp`: serves the Model Context Protocol over stdio (see src/mcp/server.ts) until the
 * client closes the connection. Stdout carries only the protocol; anything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import { exitCode, parseCommandArgs, type Command } from './command.ts';
import type { Io } from './io.ts';
import { version } from './version.ts';

const help = `Usage: npm run errata -- mcp

Serves Errata to coding assistants over the Model Context Protocol (stdio): the tools predict,
explain, lookup and validate_token_request, and every entry as the resource
errata://errors/<slug> (Markdown). Pages it links to are on ERRATA_SITE (default
http://localhost:4321).

A client starts it and talks to it over stdin and stdout. Its configuration names the
installed command by its absolute path, as clients start servers from their own folder:
  { "mcpServers": { "errata": { "command": "node",
      "args": ["/path/to/your-project/node_modules/errata/lib/cli.js", "mcp"] } } }
or, once installed globally (npm install -g errata-<version>.tgz), "command": "errata".

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
  // Loaded here, not at start-up: the SDK is most of what the other commands would load for nothing.
  const [{ createServer }, { StdioServerTransport }] = await Promise.all([
    import('../mcp/server.ts'),
    import('@modelcontextprotocol/sdk/server/stdio.js'),
  ]);
  if (process.stdin.isTTY) {
    io.stderr(
      'errata mcp speaks the Model Context Protocol on stdin and stdout: an MCP client starts it (see errata mcp --help). Ctrl-C stops it.\n',
    );
  }
  const server = createServer({ version });
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  // What a client sends that is not the protocol is dropped by the SDK; say so where a person can see it.
  server.server.onerror = (error) => io.stderr(`errata mcp: ${error.message}\n`);
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
