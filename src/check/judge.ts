/**
 * The verdict on one recorded exchange: agree (the predictor gives this response for the request
 * under some account state, named when it is not the default), differ (a catalogued response,
 * but not the predicted one) or unknown (no catalogue entry explains it). The account states
 * searched come from ./account-states.ts; the request becomes a scenario exactly as the mock
 * server builds one: its method, its credentials and its raw body bytes.
 */
import { predictParsed } from '../predict/predict.ts';
import { parseScenario, ScenarioError, type Scenario, type ScenarioInput } from '../token/scenario.ts';
import type { Outcome } from '../predict/outcome.ts';
import { accountOf, describeState, exampleChanges, groupedChanges, singleChanges, type AccountChange } from './account-states.ts';
import { cataloguedEntries, partsOf } from './catalogued.ts';
import { compare } from './compare.ts';
import type { Exchange } from './exchange.ts';

export type Verdict = 'agree' | 'differ' | 'unknown' | 'skipped';

export interface Judgement {
  verdict: Verdict;
  observed: { status: number; body: unknown; entry: string | null } | null;
  predicted: { status: number; body: Record<string, unknown>; entry: string } | null;
  /** The account settings that differ from the defaults, or null. */
  account: Record<string, unknown> | null;
  why: string;
  /** The request as a scenario, for reports; absent when skipped. */
  scenario?: ScenarioInput;
}

type Credentials = 'valid' | 'invalid' | 'missing';

/** The scenario's request for an exchange, credentials aside. */
function requestOf(exchange: Exchange): Omit<NonNullable<ScenarioInput['request']>, 'credentials'> {
  const { body } = exchange;
  if (body === undefined) return { method: exchange.method, rawBody: '' };
  return body.kind === 'text' ? { method: exchange.method, rawBody: body.text } : { method: exchange.method, rawBodyBase64: body.base64 };
}

/**
 * A recorded Authorization header, redacted or not, means credentials were sent: valid or
 * invalid, whichever agrees. Without one they were missing, unless the response says otherwise:
 * browsers export "sanitized" HAR files without the header, so valid credentials are tried next,
 * and the verdict says that it assumed them.
 */
function credentialsOf(exchange: Exchange): Credentials[] {
  return exchange.headers.authorization === undefined ? ['missing', 'valid'] : ['valid', 'invalid'];
}

function withAccount(scenario: Scenario, changes: readonly AccountChange[]): Scenario {
  const account = { ...scenario.account } as Record<string, unknown>;
  for (const change of changes) account[change.field] = change.value;
  return { ...scenario, account: account as Scenario['account'] };
}

function predictedOf(outcome: Outcome): NonNullable<Judgement['predicted']> {
  return { status: outcome.status, body: outcome.body, entry: outcome.entry };
}

function observedOf(exchange: Exchange): NonNullable<Judgement['observed']> {
  const [known] = cataloguedEntries(exchange.response.body);
  return { status: exchange.response.status, body: exchange.response.body, entry: known?.slug ?? null };
}

/** Why a response is not catalogued, in a sentence. */
function unknownWhy(observed: Exchange['response']): string {
  const { identifier, message } = partsOf(observed.body);
  if (message !== undefined)
    return `no catalogue entry has the message ${JSON.stringify(message.length > 160 ? `${message.slice(0, 159)}…` : message)}`;
  if (identifier !== undefined) return `no catalogue entry has the identifier ${JSON.stringify(identifier)}`;
  if (observed.body === undefined || observed.body === '')
    return `no catalogue entry explains a ${observed.status} response without a body`;
  return typeof observed.body === 'string'
    ? `no catalogue entry explains a ${observed.status} response whose body is not JSON`
    : `no catalogue entry explains a ${observed.status} response with neither a message nor an identifier`;
}

function agreeWhy(
  credentials: Credentials,
  changes: readonly AccountChange[],
  variant: string | undefined,
  headerRecorded: boolean,
): string {
  const conditions: string[] = [];
  if (credentials === 'invalid') conditions.push('the credentials sent were invalid');
  if (credentials === 'valid' && !headerRecorded)
    conditions.push('credentials were sent (the file records no Authorization header: exported without it?)');
  if (credentials === 'missing' && changes.length === 0 && variant === undefined) return 'agrees (no credentials were sent)';
  if (changes.length > 0) conditions.push(describeState(changes));
  let why = conditions.length === 0 ? 'agrees' : `agrees if ${conditions.join(' and ')}`;
  if (variant !== undefined) why += ` (in another form the catalogue knows: ${variant})`;
  return why;
}

/** The catalogue's example accounts, read once. */
const examples = exampleChanges();

/** Judges an exchange with `POST /api/v2/token` (any method). */
export function judge(exchange: Exchange): Judgement {
  const observed = observedOf(exchange);
  const credentialsTried = credentialsOf(exchange);
  const scenarios = new Map<Credentials, Scenario>();
  for (const credentials of credentialsTried) {
    try {
      scenarios.set(credentials, parseScenario({ request: { ...requestOf(exchange), credentials } }));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const reason = error.issues.map((issue) => issue.message).join('; ');
      return { verdict: 'skipped', observed: null, predicted: null, account: null, why: `skipped: ${reason}` };
    }
  }
  const [firstCredentials] = credentialsTried as [Credentials];
  // Account states lie past authentication: they are searched with credentials that pass it.
  const searchCredentials: Credentials = scenarios.has('valid') ? 'valid' : firstCredentials;
  const base = scenarios.get(searchCredentials) as Scenario;
  const input: ScenarioInput = { request: { ...requestOf(exchange), credentials: firstCredentials } };
  const response = exchange.response;

  const tried: { outcome: Outcome; changes: readonly AccountChange[] }[] = [];
  const attempt = (
    scenario: Scenario,
    credentials: Credentials,
    changes: readonly AccountChange[],
    strict = false,
  ): Judgement | undefined => {
    const outcome = predictParsed(withAccount(scenario, changes));
    tried.push({ outcome, changes });
    const { differences, variant } = compare(response, outcome, true, strict);
    if (differences.length > 0) return undefined;
    return {
      verdict: 'agree',
      observed,
      predicted: predictedOf(outcome),
      account: accountOf(changes),
      why: agreeWhy(credentials, changes, variant, exchange.headers.authorization !== undefined),
      scenario: { request: { ...requestOf(exchange), credentials } },
    };
  };

  // HEAD is answered with the status and no body, as HTTP requires: only the status can agree.
  if (exchange.method === 'HEAD' && (response.body === undefined || response.body === '')) {
    for (const credentials of credentialsTried) {
      const outcome = predictParsed(scenarios.get(credentials) as Scenario);
      if (outcome.status !== response.status) continue;
      const why = agreeWhy(credentials, [], undefined, exchange.headers.authorization !== undefined);
      return {
        verdict: 'agree',
        observed,
        predicted: predictedOf(outcome),
        account: null,
        why: `${why} (the status only: a HEAD response has no body)`,
        scenario: input,
      };
    }
  }
  for (const credentials of credentialsTried) {
    const found = attempt(scenarios.get(credentials) as Scenario, credentials, []);
    if (found) return found;
  }
  const defaultOutcome = tried[0]?.outcome as Outcome;
  const known = cataloguedEntries(response.body);
  if (known.length === 0) {
    return {
      verdict: 'unknown',
      observed,
      predicted: predictedOf(defaultOutcome),
      account: null,
      why: unknownWhy(response),
      scenario: input,
    };
  }
  // A catalogued response the default account does not give: which account state would? The
  // default account allows everything, so when it succeeds with the observed status, no state
  // can explain another success body: a changed setting only adds failures.
  const searchable = !(defaultOutcome.problems.length === 0 && defaultOutcome.status === response.status);
  const hint = partsOf(response.body).message ?? '';
  const states = searchable ? [...singleChanges(hint).map((change) => [change]), ...groupedChanges(), ...examples] : [];
  // A state whose answer has the very values recorded (`SANDBOX` for a sandbox key) comes first;
  // then any state whose answer is the same message with other values where any value is accepted.
  for (const strict of [true, false]) {
    for (const changes of states) {
      const found = attempt(base, searchCredentials, changes, strict);
      if (found) return found;
    }
  }
  // It differs: against the prediction of the entry it is catalogued as, when some state gives
  // that entry (then only a part differs), else against the default account's.
  const slugs = new Set(known.map((each) => each.slug));
  // Of the states that give that entry, the one whose answer differs in the fewest parts
  // (`SANDBOX` recorded: the sandbox key, not merely the first key that mismatches).
  const candidates = tried.filter((each) => slugs.has(each.outcome.entry));
  const ranked = candidates.map((each) => ({ each, count: compare(response, each.outcome, false, true).differences.length }));
  const closest =
    ranked.reduce<(typeof ranked)[number] | undefined>((best, next) => (!best || next.count < best.count ? next : best), undefined)?.each ??
    (tried[0] as (typeof tried)[number]);
  const { differences } = compare(response, closest.outcome);
  const state = closest.changes.length > 0 ? ` (even if ${describeState(closest.changes)})` : '';
  return {
    verdict: 'differ',
    observed,
    predicted: predictedOf(closest.outcome),
    account: accountOf(closest.changes),
    why: `differs${state}: ${differences.join('; ')}`,
    scenario: input,
  };
}
