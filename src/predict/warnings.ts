/**
 * Warnings: input the API accepts without complaint but that probably does not do what the
 * sender meant. Unknown keys are ignored by the API, so a misspelt `clientID` would otherwise
 * vanish without a trace.
 */
import { documentedLocales } from '../token/enums.ts';
import { tokenField, tokenFieldNames } from '../token/fields.ts';
import { pointerTo, type Warning } from './outcome.ts';
import { editDistance } from '../edit-distance.ts';
import type { ValidFields } from './business-rules.ts';

/** Each field name in lower case, with how often each of its characters occurs. */
const lowerCaseNames = tokenFieldNames.map((name) => {
  const lowerName = name.toLowerCase();
  const counts = new Map<number, number>();
  for (let index = 0; index < lowerName.length; index++) {
    const code = lowerName.charCodeAt(index);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return { name, lowerName, counts: [...counts] };
});

// Reused across calls, as editDistance's rows are: character counts of the key, by code unit.
const keyCounts = new Uint16Array(0x10000);

/** The known field a key was probably meant to be: equal ignoring case, else within two edits. */
export function suggestField(key: string): string | undefined {
  const lower = key.toLowerCase();
  const sameLetters = lowerCaseNames.find(({ lowerName }) => lowerName === lower);
  if (sameLetters) return sameLetters.name;
  for (let index = 0; index < lower.length; index++) {
    const code = lower.charCodeAt(index);
    keyCounts[code] = (keyCounts[code] as number) + 1;
  }
  let best: string | undefined;
  let bestDistance = 3;
  for (const { name, lowerName, counts } of lowerCaseNames) {
    if (Math.abs(lowerName.length - lower.length) > 2) continue;
    // Characters the two do not share need an edit each: a cheap bound that rules out most names.
    let shared = 0;
    for (const [code, count] of counts) shared += Math.min(count, keyCounts[code] as number);
    if (Math.max(lowerName.length, lower.length) - shared > 2) continue;
    const distance = editDistance(lower, lowerName, 2);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  for (let index = 0; index < lower.length; index++) keyCounts[lower.charCodeAt(index)] = 0;
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
