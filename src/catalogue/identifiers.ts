/**
 * The twelve error identifiers of iDenfy's reference, in the reference's order, then those seen
 * in real responses but not in the reference (`PARTNER_ERROR`, observation R5).
 * An identifier is the constant an integration branches on; it never changes.
 */
export const identifiers = [
  'INTERNAL_ERROR',
  'BAD_VALUE',
  'MISSING_VALUE',
  'UNAUTHORIZED',
  'ENCODING_ERROR',
  'JSON_ERROR',
  'TOKEN_NOT_VALID',
  'PARTNER_CONTRACT_ERROR',
  'METHOD_NOT_ALLOWED',
  'PERMISSIONS_ERROR',
  'TOO_MANY_REQUESTS',
  'VALIDATION_ERROR',
  'PARTNER_ERROR',
] as const;

export type Identifier = (typeof identifiers)[number];

const identifierSet: ReadonlySet<string> = new Set(identifiers);

export function isIdentifier(value: string): value is Identifier {
  return identifierSet.has(value);
}

/** `BAD_VALUE` → `bad-value`: an identifier entry's permanent slug. */
export function identifierSlug(identifier: Identifier): string {
  return identifier.toLowerCase().replaceAll('_', '-');
}

/**
 * Reads an identifier from any spelling people type: `BAD_VALUE`, `bad_value`, `bad value`,
 * `Bad-Value`, `badvalue`. Returns null when the text is not an identifier.
 */
export function parseIdentifier(text: string): Identifier | null {
  const squashed = text
    .trim()
    .toUpperCase()
    .replace(/[\s_\-.]+/g, '');
  if (squashed.length === 0) return null;
  return identifiers.find((identifier) => identifier.replaceAll('_', '') === squashed) ?? null;
}
