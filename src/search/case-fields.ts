/**
 * What the one-sentence fix (./case-fix.ts) needs of the request's field table: the rules of the
 * fields whose breaking, or absence, is an entry. Built into entry pages and into the answers of
 * triage's cards; kept apart from case-fix.ts so that building the search index does not put the
 * sentence builder into the search box's code.
 */
import type { ValueRule } from '../token/fields.ts';

/** What an entry page knows of one field: its rule, and whether this entry is the one for its absence. */
export interface CaseField {
  name: string;
  rule: ValueRule;
  /** This entry is what the API answers when the field is absent or null. */
  missing?: boolean;
}

/** The rules an entry page hands to the customer's view: the fields whose broken rule, or absence, is this entry. */
export function caseFields(
  slug: string,
  table: readonly { name: string; rule: ValueRule; entry: string; requiredEntry?: string }[],
): CaseField[] {
  return table
    .filter((field) => field.entry === slug || field.requiredEntry === slug)
    .map((field) => ({ name: field.name, rule: field.rule, ...(field.requiredEntry === slug ? { missing: true } : {}) }));
}
