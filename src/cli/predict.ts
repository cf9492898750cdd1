/**
 * `errata predict <file | ->`: what the API answers to a scenario, as JSON on stdout and nothing
 * else, so that the output can be piped. The exit code says whether the answer is a success.
 */
import { parseArgs } from 'node:util';
import { jsonTextDepth, limitWords, maxNestingDepth, maxScenarioBytes } from '../limits.ts';
import { predict } from '../predict/predict.ts';
import { ScenarioError } from '../token/scenario.ts';
import { exitCode, InputError, onePositional, parseCommandArgs, type Command } from './command.ts';
import { readSource, type Io, type Source } from './io.ts';

const help = `Usage: npm run errata -- predict <scenario.json | ->

Predicts what POST /api/v2/token answers to a scenario: a JSON file describing the request and
the account (every field optional; {} is a healthy request). Use "-" to read it from stdin.
A relative path is read from the folder you are in.

Prints the outcome as JSON: status, body, entry, problems and warnings.
Use "npm run --silent errata -- predict ..." to get only the JSON.

Options:
  -h, --help   Show this help

Exit codes: 0 success (2xx), 1 error response, 2 unusable scenario or arguments.
`;

/** `Unexpected token ... at position 12`: adds the line and column when the engine leaves them out. */
function jsonErrorText(error: Error, text: string): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position || /line \d+/.test(error.message)) return error.message;
  const before = text.slice(0, Number(position[1])).split('\n');
  return `${error.message} (line ${before.length} column ${(before.at(-1) as string).length + 1})`;
}

function parseJson(source: Source): unknown {
  // A byte-order mark is invisible in editors and would make the first character "wrong".
  const text = source.text.replace(/^\uFEFF/, '');
  if (text.trim().length === 0) {
    throw new InputError(`${source.name} is empty: give a scenario as JSON, such as {} for a healthy request`);
  }
  // A scenario is the body's depth plus two (`request`, `body`): anything deeper is refused before
  // parsing, which alone takes seconds for millions of levels.
  if (jsonTextDepth(text, maxNestingDepth + 2) > maxNestingDepth + 2) {
    throw new InputError(
      `The scenario in ${source.name} does not fit:\n  request.body: The body is nested more than ${maxNestingDepth} levels deep (arrays and objects): Errata reads request bodies of at most ${limitWords.depth}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`Malformed JSON in ${source.name}: ${jsonErrorText(error as Error, text)}`);
  }
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }),
  );
  if (values.help) {
    io.stdout(help);
    return exitCode.ok;
  }
  const source = await readSource(onePositional(positionals, 'a scenario file or "-" for stdin'), io, {
    bytes: maxScenarioBytes,
    words: limitWords.scenario,
    hint: `a request body may be at most ${limitWords.body}, so a scenario is far smaller`,
  });
  const scenario = parseJson(source);

  let outcome: ReturnType<typeof predict>;
  try {
    outcome = predict(scenario);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const issues = error.issues.map((issue) => `  ${issue.path || '(the scenario itself)'}: ${issue.message}`);
    throw new InputError(`The scenario in ${source.name} does not fit:\n${issues.join('\n')}`);
  }
  io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
  return outcome.status >= 200 && outcome.status < 300 ? exitCode.ok : exitCode.negative;
}

export const predictCommand: Command = {
  name: 'predict',
  summary: 'predict the response to a scenario (a JSON file, or - for stdin)',
  help,
  run,
};
