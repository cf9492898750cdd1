/**
 * predict(scenario) → outcome: what `POST /api/v2/token` answers to a request from an account.
 * Deterministic and pure: no DOM, no Astro, no network, so the CLI, the tests, the pages and the
 * playground share it.
 */
import { bytesFromBase64 } from '../base64.ts';
import type { RawBody } from './body.ts';
import { errorBody, type Answer, type Outcome, type Problem } from './outcome.ts';
import { defaultBody, parseScenario, type Scenario } from '../token/scenario.ts';
import { evaluationOrder, type Context, type Stage } from './stages.ts';
import { successBody } from './success.ts';
import { bodyWarnings } from './warnings.ts';
import { entry } from '../catalogue/entry-facts.ts';

function rawBody(request: Scenario['request']): RawBody {
  if (request.rawBodyBase64 !== undefined) return { kind: 'bytes', bytes: bytesFromBase64(request.rawBodyBase64) };
  if (request.rawBody !== undefined) return { kind: 'text', text: request.rawBody };
  if (request.body !== undefined) return { kind: 'json', value: request.body };
  return { kind: 'json', value: defaultBody };
}

function hasWhatItNeeds(stage: Stage, context: Context): boolean {
  switch (stage.needs) {
    case 'body':
      return context.source.kind === 'json' || context.text !== undefined;
    case 'object':
      return context.object !== undefined;
    default:
      return true;
  }
}

/** The stages run in order over the scenario; with `firstOnly`, up to the first stage that finds a problem. */
function evaluate(scenario: Scenario, firstOnly: boolean): { context: Context; problems: Problem[] } {
  // Every property from the start, so that contexts of all requests share one shape (one hidden class) as the stages fill them.
  const context: Context = {
    scenario,
    source: rawBody(scenario.request),
    text: undefined,
    json: undefined,
    object: undefined,
    valid: new Map(),
    invalid: new Set(),
  };
  const problems: Problem[] = [];
  for (const stage of evaluationOrder) {
    if (!hasWhatItNeeds(stage, context)) continue;
    const found = stage.run(context);
    if (found.length === 0) continue;
    for (const each of found) problems.push(each);
    if (firstOnly) break;
  }
  return { context, problems };
}

/** The response: the first problem's, or, when every check passed, the token. */
function answerTo(scenario: Scenario, context: Context, problems: readonly Problem[]): Answer {
  const first = problems[0];
  if (first) return { status: entry(first.entry).status, body: errorBody(first), entry: first.entry };
  // Every check passed, so a dummy session reaching here was asked of a development key.
  const success = entry(context.valid.has('dummyStatus') ? 'dummy-token-created' : 'token-created');
  return {
    status: success.status,
    // The sample values derive from the request alone, as an API's would not depend on our account model.
    body: successBody(context.object ?? {}, `${scenario.request.method} ${JSON.stringify(context.object ?? {})}`, success.slug),
    entry: success.slug,
  };
}

/** Predicts from a scenario whose defaults are already filled in (see parseScenario). */
export function predictParsed(scenario: Scenario): Outcome {
  const { context, problems } = evaluate(scenario, false);
  const { status, body, entry: slug } = answerTo(scenario, context, problems);
  const warnings = context.object ? bodyWarnings(context.object, context.valid) : [];
  return { status, body, entry: slug, problems, warnings };
}

/**
 * The API's answer alone (status, body, entry), equal to predictParsed's: the stages stop at the
 * first that finds a problem, as the API answers only that one, and no warnings are gathered.
 * For the mock server, which sends the answer and nothing else.
 */
export function answerParsed(scenario: Scenario): Answer {
  const { context, problems } = evaluate(scenario, true);
  return answerTo(scenario, context, problems);
}

/**
 * Predicts the API's answer to a scenario. Throws a ScenarioError, naming the path of each
 * problem, when the scenario does not fit its schema.
 */
export function predict(input: unknown): Outcome {
  return predictParsed(parseScenario(input));
}
