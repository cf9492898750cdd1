/**
 * What differs between a recorded response and a predicted one, part by part, as "Recorded
 * exchanges" says: the status; for errors the identifier (or its absence) and the message,
 * placeholder values as values; for a success the message and every echoed request field present
 * in both bodies (the sample values and keys one side lacks are never held against it).
 */
import { entry as entryOf, resolveVariant } from '../catalogue/index.ts';
import type { Outcome } from '../predict/outcome.ts';
import { tokenFieldNames } from '../token/fields.ts';
import { exactValues, partsOf } from './catalogued.ts';

export interface Agreement {
  /** Empty when the response agrees. */
  differences: string[];
  /** The variant of the predicted entry the response is in, when it is one. */
  variant: string | undefined;
}

/** `{ENV}`: the real API names environments Errata does not model (DEMO), so any value agrees. */
const anyValue = new Set(['ENV']);

function sameValue(observed: string, predicted: string): boolean {
  const a = observed.trim();
  const b = predicted.trim();
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  return a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y) && x === y;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

function quoted(text: string | undefined): string {
  return text === undefined ? 'none' : JSON.stringify(text.length > 160 ? `${text.slice(0, 159)}…` : text);
}

/** An error response against one form of the predicted entry (its own, or a variant). */
function errorDifferences(
  observed: { status: number; body: unknown },
  form: { status: number; identifier: string | null; template: string },
  predictedValues: Readonly<Record<string, string>>,
  strictValues = false,
): string[] {
  const differences: string[] = [];
  const { identifier, message } = partsOf(observed.body);
  if (observed.status !== form.status) differences.push(`status ${observed.status}, predicted ${form.status}`);
  if ((identifier ?? null) !== form.identifier)
    differences.push(`identifier ${identifier ?? 'none'}, predicted ${form.identifier ?? 'none'}`);
  const values = message === undefined ? null : exactValues(form.template, message);
  if (!values) {
    differences.push(`message ${quoted(message)} is not the predicted one`);
  } else {
    for (const [name, value] of Object.entries(values)) {
      const expected = predictedValues[name];
      if ((anyValue.has(name) && !strictValues) || expected === undefined) continue;
      if (!sameValue(value, expected)) differences.push(`{${name}} is ${quoted(value)}, predicted ${quoted(expected)}`);
    }
  }
  return differences;
}

/**
 * Whether an echoed value is the predicted one in the older form a variant shows (its `echoes`):
 * `null` for a default the API did not echo, the same text in another case, the same number as text.
 */
function echoedAsVariant(observed: unknown, predicted: unknown, sample: unknown): boolean {
  if (sample === null) return observed === null;
  if (typeof sample === 'string')
    return typeof observed === 'string' && typeof predicted === 'string' && observed.toLowerCase() === predicted.toLowerCase();
  if (typeof sample === 'number') return typeof observed === 'number' && String(observed) === String(predicted);
  return deepEqual(observed, sample);
}

function successDifferences(
  observed: { status: number; body: unknown },
  outcome: Outcome,
  quick: boolean,
  echoes: Readonly<Record<string, unknown>> = {},
): string[] {
  const differences: string[] = [];
  if (observed.status !== outcome.status) differences.push(`status ${observed.status}, predicted ${outcome.status}`);
  // Searching account states needs only a yes or no: one difference is enough.
  if (quick && differences.length > 0) return differences;
  const body =
    typeof observed.body === 'object' && observed.body !== null && !Array.isArray(observed.body)
      ? (observed.body as Record<string, unknown>)
      : undefined;
  if (!body) return [...differences, 'the body is not a JSON object'];
  const { message } = partsOf(body);
  if (message !== outcome.body.message) differences.push(`message ${quoted(message)}, predicted ${quoted(String(outcome.body.message))}`);
  for (const name of tokenFieldNames) {
    if (!Object.hasOwn(body, name) || !Object.hasOwn(outcome.body, name)) continue;
    if (deepEqual(body[name], outcome.body[name])) continue;
    if (Object.hasOwn(echoes, name) && echoedAsVariant(body[name], outcome.body[name], echoes[name])) continue;
    differences.push(`the echoed ${name} differs from the request's`);
  }
  return differences;
}

/**
 * Compares a recorded response with a prediction: the entry's own form first, then its variants.
 * `strictValues` holds even `{ENV}` to the predicted value, for choosing between account states.
 */
export function compare(observed: { status: number; body: unknown }, outcome: Outcome, quick = false, strictValues = false): Agreement {
  const [first] = outcome.problems;
  if (!first) {
    const own = successDifferences(observed, outcome, quick);
    if (own.length === 0) return { differences: [], variant: undefined };
    // An older success body: each variant's echoes alone, then all of them, as one body may show several.
    const forms = entryOf(outcome.entry).variants.filter((variant) => variant.echoes !== undefined);
    const tries = [
      ...forms.map((variant) => ({ titles: [variant.title], echoes: variant.echoes ?? {} })),
      { titles: forms.map((variant) => variant.title), echoes: Object.assign({}, ...forms.map((variant) => variant.echoes)) },
    ];
    for (const each of forms.length > 0 ? tries : []) {
      if (successDifferences(observed, outcome, quick, each.echoes).length === 0)
        return { differences: [], variant: each.titles.join('; and ') };
    }
    return { differences: own, variant: undefined };
  }
  const predicted = entryOf(first.entry);
  const own = errorDifferences(
    observed,
    { status: predicted.status, identifier: predicted.identifier, template: predicted.message ?? first.message },
    first.values,
    strictValues,
  );
  if (own.length === 0) return { differences: [], variant: undefined };
  for (const variant of predicted.variants) {
    const resolved = resolveVariant(predicted, variant);
    if (errorDifferences(observed, { ...resolved, template: resolved.message }, first.values, strictValues).length === 0)
      return { differences: [], variant: variant.title };
  }
  return { differences: own, variant: undefined };
}
