/** The package's version, as `errata --version` prints it and the MCP server announces it. */
import packageJson from '../../package.json' with { type: 'json' };

export const version: string = packageJson.version;
