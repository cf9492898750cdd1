/**
 * The matcher: from whatever a person has in hand (a message with their own values in it, part
 * of one, a JSON error body, a whole `curl -i` output, an identifier in any spelling, a status, a
 * field name) to the catalogue entries it most likely is, ranked, with the values of the
 * template's placeholders. The CLI's `lookup`, the search box and the triage page share it: the
 * ranking lives in `match-engine.ts`, which this module binds to the full catalogue and which the
 * browser binds to the compact search index built from the same catalogue.
 */
import { catalogue, resolveVariant, type Entry } from './index.ts';
import {
  createMatcher,
  readInput,
  type LookupResult as EngineLookupResult,
  type Match as EngineMatch,
  type MatchVariant,
} from './match-engine.ts';
import { tokenField } from '../token/fields.ts';

export { readInput };
export type { MatchReason, ReadInput } from './match-engine.ts';
export type Match = EngineMatch<Entry>;
export type LookupResult = EngineLookupResult<Entry>;

/** An entry's variants, resolved, as the matcher reads them. */
export function matchVariants(entry: Entry): MatchVariant[] {
  return entry.variants.map((variant) => {
    const resolved = resolveVariant(entry, variant);
    return { title: variant.title, message: resolved.message, status: resolved.status, identifier: resolved.identifier };
  });
}

/** The matcher over the full catalogue, for engines that read many inputs (log triage). */
export const catalogueMatcher = createMatcher<Entry>({
  entries: catalogue,
  variants: matchVariants,
  fieldEntry: (name) => tokenField(name)?.entry,
});
const matcher = catalogueMatcher;

/** Ranks the catalogue against what a person pasted or typed. */
export function lookup(raw: string): LookupResult {
  return matcher.lookup(raw);
}
