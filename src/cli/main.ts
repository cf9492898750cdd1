/** The `errata` command (`npm run errata -- <command>`): see run.ts. */
import { processIo } from './io.ts';
import { run } from './run.ts';

process.exitCode = await run(process.argv.slice(2), processIo());
