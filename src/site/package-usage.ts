/**
 * How an integrator installs the package and points an MCP client at it: written once, shown by
 * the "Use it in your code" page and, word for word, by the README (a unit test holds them equal).
 *
 * Errata is not on the npm registry: the name `errata` there is someone else's to claim, so no
 * snippet says `npm install errata` or `npx errata` outside a project that has it installed.
 */

/** Packing a clone and installing the tarball. */
export const installCommands = `git clone <errata's repository> errata && cd errata
npm ci && npm pack                 # writes errata-0.1.0.tgz (prepack compiles lib/)
cd /path/to/your-project
npm install /path/to/errata/errata-0.1.0.tgz   # Node 20, 22 or 24; ES module; types for TypeScript 5.0+
npx errata explain BAD_VALUE       # the command comes with it: npx runs the project's own copy
npx errata --help`;

/** Where an MCP client finds the server: by absolute path, as clients start servers in their own folder. */
export const mcpServersJson = `{
  "mcpServers": {
    "errata": {
      "command": "node",
      "args": ["/path/to/your-project/node_modules/errata/lib/cli.js", "mcp"],
      "env": { "ERRATA_SITE": "https://errata.example" }
    }
  }
}`;

/** Claude Code, from the project that has the package installed. */
export const claudeCodeCommand = `claude mcp add errata -- node "$PWD/node_modules/errata/lib/cli.js" mcp`;

/** For code that is CommonJS: the package is an ES module. */
export const commonJsNote =
  "The package is an ES module: `import` it. From CommonJS, `await import('errata')` (Node 20.19 and later can also " +
  '`require()` it); TypeScript with `module` `node16` or `nodenext` compiles imports of it in files that are ES modules ' +
  '(`"type": "module"`, or `.mts`).';
