/**
 * predict(scenario) → outcome: what `POST /api/v2/token` answers to a request from an account.
 * Deterministic and pure: no DOM, no Astro, no network, so the CLI, the tests, the pages and the
 * playground share it.
 */
import { bytesFromBase64 } from '../base64.ts';
import type { RawBody } from './body.ts';
import { errorBody, type Outcome, type Problem } from './outcome.ts';
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

/** Predicts from a scenario whose defaults are already filled in (see parseScenario). */
export function predictParsed(scenario: Scenario): Outcome {
  const context: Context = { scenario, source: rawBody(scenario.request), valid: new Map(), invalid: new Set() };
  const problems: Problem[] = [];
  for (const stage of evaluationOrder) {
    if (!hasWhatItNeeds(stage, context)) continue;
    problems.push(...stage.run(context));
  }
  const warnings = context.object ? bodyWarnings(context.object, context.valid) : [];

  const first = problems[0];
  if (first) {
    return { status: entry(first.entry).status, body: errorBody(first), entry: first.entry, problems, warnings };
  }
  // Every check passed, so a dummy session reaching here was asked of a development key.
  const success = entry(context.valid.has('dummyStatus') ? 'dummy-token-created' : 'token-created');
  return {
    status: success.status,
    // The sample values derive from the request alone, as an API's would not depend on our account model.
    body: successBody(context.object ?? {}, `${scenario.request.method} ${JSON.stringify(context.object ?? {})}`, success.slug),
    entry: success.slug,
    problems,
    warnings,
  };
}

/**
 * Predicts the API's answer to a scenario. Throws a ScenarioError, naming the path of each
 * problem, when the scenario does not fit its schema.
 */
export function predict(input: unknown): Outcome {
  return predictParsed(parseScenario(input));
}
