/**
 * The helpers that build records (src/catalogue/records/): an entry built by `fieldEntry` or
 * `businessEntry` always has the older body form, whether or not it lists variants of its own.
 * A list that replaced the default lost that form silently, since no other test reads it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { businessEntry } from '../../src/catalogue/records/business.ts';
import { fieldEntries, fieldEntry } from '../../src/catalogue/records/field-rules.ts';
import { olderBodyVariant, type VariantInput } from '../../src/catalogue/records/shared.ts';

const ownVariant: VariantInput = {
  title: 'A variant of its own',
  message: "Field 'country' must be a valid country code.",
  source: { source: 'observations', observations: ['R1'] },
  observed: ['R1'],
  seen: '2025',
};

/** The smallest record the helpers take: what they fill in is not given. */
const record = {
  slug: 'some-entry',
  identifier: 'BAD_VALUE',
  title: 'A title',
  summary: 'A summary.',
  message: 'A message.',
  cause: 'A cause.',
  fix: ['A fix.'],
  retry: { helps: false, note: 'Not until it is fixed.' },
  related: [],
  provenance: { kind: 'documented' },
  sources: [{ source: 'reference' }],
} as const satisfies Parameters<typeof fieldEntry>[0];

for (const [name, helper] of [
  ['fieldEntry', fieldEntry],
  ['businessEntry', businessEntry],
] as const) {
  test(`${name} gives the older body form by default, and a variants list adds to it rather than replacing it`, () => {
    assert.deepEqual(helper(record).variants, [olderBodyVariant]);
    assert.deepEqual(helper({ ...record, variants: [ownVariant] }).variants, [olderBodyVariant, ownVariant]);
    // Listing the default as well (as a full record does) does not give it twice.
    assert.deepEqual(helper({ ...record, variants: [olderBodyVariant, ownVariant] }).variants, [olderBodyVariant, ownVariant]);
  });
}

test('every field rule entry has the older body form first (each is built by fieldEntry)', () => {
  const lacking = fieldEntries.filter((entry) => entry.variants?.[0] !== olderBodyVariant).map((entry) => entry.slug);
  assert.deepEqual(lacking, []);
});
