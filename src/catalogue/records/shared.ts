/** Pieces that several records share. */
import type { EntryInput } from '../entry.ts';

import { tokenEndpoint } from '../endpoints.ts';

export { tokenEndpoint };

export type VariantInput = NonNullable<EntryInput['variants']>[number];

/**
 * iDenfy's older documentation shows error bodies with two more keys, and the real error bodies
 * recorded in 2019 (R5, R10) have them. Integrations that parse strictly, or match whole bodies,
 * meet this form.
 */
export const olderBodyVariant: VariantInput = {
  title:
    "Older form of the body, with the extra `documentation` and `severity` keys of iDenfy's older documentation; the real error bodies recorded in 2019 carry them (R5, R10)",
  extra: { documentation: 'https://github.com/idenfy/Documentation', severity: 'NOT_SEVERE' },
  source: { source: 'older-errors' },
  observed: ['R5', 'R10'],
  seen: '2019',
};

/**
 * The variants of an entry whose helper (`fieldEntry`, `businessEntry`) gives the older body form
 * by default: that form first, then the entry's own. Given variants add to the default rather
 * than replace it, since a replaced default went unnoticed (no test reads each entry's older form);
 * an entry without the older form is written out in full.
 */
export function withOlderBodyVariant(variants: readonly VariantInput[] = []): VariantInput[] {
  return [olderBodyVariant, ...variants.filter((variant) => variant !== olderBodyVariant)];
}

/** What a token-endpoint case of a category is given: everything but what the category fixes, and its own variants. */
export type TokenCaseInput = Omit<EntryInput, 'kind' | 'status' | 'category' | 'endpoints' | 'variants'> & { variants?: VariantInput[] };

/**
 * The builder of a category's entries (field rules, business rules): a 400 case of the token
 * endpoint, with the older body form and any `variants` given after it.
 */
export function tokenCaseOf(category: EntryInput['category']): (input: TokenCaseInput) => EntryInput {
  return ({ variants, ...entry }) => ({
    kind: 'case',
    status: 400,
    category,
    endpoints: [tokenEndpoint],
    ...entry,
    variants: withOlderBodyVariant(variants),
  });
}

/** The reference's field table as a source, for every field rule entry. */
export const fieldTable = { source: 'reference', section: 'Field Validation Errors' } as const;

/** Field entries whose identifier and text follow the reference's one example, for `country`. */
export function fieldRuleProvenance(rule: string): EntryInput['provenance'] {
  return {
    kind: 'inferred',
    reason: `${rule} The identifier and the \`Field '<name>' must …\` text follow the reference's one documented field message; strict JSON types (\`"3600"\` is not an integer) are Errata's reading.`,
    parts: ['identifier', 'message', 'behaviour'],
  };
}
