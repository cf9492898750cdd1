/** Pieces that several records share. */
import type { EntryInput } from '../entry.ts';

export const tokenEndpoint = 'POST /api/v2/token';

type VariantInput = NonNullable<EntryInput['variants']>[number];

/**
 * iDenfy's older documentation shows error bodies with two more keys. Integrations that parse
 * strictly, or match whole bodies, meet this form.
 */
export const olderBodyVariant: VariantInput = {
  title: "Older form of the body, with the extra `documentation` and `severity` keys of iDenfy's older documentation",
  extra: { documentation: 'https://github.com/idenfy/Documentation', severity: 'NOT_SEVERE' },
  source: { source: 'older-errors' },
};

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
