/**
 * Warnings: input the API accepts without complaint but that probably does not do what the
 * sender meant. Unknown keys are ignored by the API, so a misspelt `clientID` would otherwise
 * vanish without a trace.
 */
import { documentedLocales } from '../token/enums.ts';
import { tokenField, tokenFieldNames } from '../token/fields.ts';
import { pointerTo, type Warning } from './outcome.ts';
import type { ValidFields } from './business-rules.ts';

// Two rows reused across calls: suggestions run for every unknown key of every prediction.
let previousRow = new Uint16Array(64);
let currentRow = new Uint16Array(64);

/** Levenshtein distance, giving up (returning limit + 1) once it is over the limit. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > previousRow.length) {
    previousRow = new Uint16Array(b.length + 1);
    currentRow = new Uint16Array(b.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = letter === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

const lowerCaseNames = tokenFieldNames.map((name) => [name, name.toLowerCase()] as const);

/** The known field a key was probably meant to be: equal ignoring case, else within two edits. */
export function suggestField(key: string): string | undefined {
  const lower = key.toLowerCase();
  const sameLetters = lowerCaseNames.find(([, lowerName]) => lowerName === lower);
  if (sameLetters) return sameLetters[0];
  let best: string | undefined;
  let bestDistance = 3;
  for (const [name, lowerName] of lowerCaseNames) {
    const distance = editDistance(lower, lowerName, 2);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

const locales: ReadonlySet<string> = new Set(documentedLocales);

/** Warnings about a parsed body: unknown keys, then tolerated values, in key order. */
export function bodyWarnings(body: Record<string, unknown>, valid: ValidFields): Warning[] {
  const warnings: Warning[] = [];
  for (const key of Object.keys(body)) {
    if (tokenField(key)) continue;
    const suggestion = suggestField(key);
    warnings.push({
      code: 'unknown-field',
      pointer: pointerTo(key),
      message: suggestion
        ? `Unknown field "${key}" is ignored by the API. Did you mean "${suggestion}"?`
        : `Unknown field "${key}" is ignored by the API.`,
      ...(suggestion ? { suggestion } : {}),
    });
  }

  const locale = valid.get('locale');
  if (typeof locale === 'string' && !locales.has(locale)) {
    warnings.push({
      code: 'locale-fallback',
      pointer: pointerTo('locale'),
      message: `Locale "${locale}" is not one of iDenfy's documented languages (${documentedLocales.join(', ')}): the verification screens fall back to English.`,
    });
  }
  for (const name of ['country', 'nationality']) {
    const code = valid.get(name);
    if (typeof code === 'string' && code !== code.toUpperCase()) {
      warnings.push({
        code: 'country-case',
        pointer: pointerTo(name),
        message: `"${code}" is read as "${code.toUpperCase()}".`,
      });
    }
  }
  // The `dummy-environment` warning of catalogue 1.0.0 is retired: the refusal it warned of is now predicted.
  return warnings;
}
