/**
 * The reference's own words, copied verbatim from iDenfy's "ID Error Messages" page
 * (shared/reference/error-messages.md), kept here so that the project does not read ../shared:
 * every identifier and every message it gives must lead the matcher to the right entry, and every
 * message the catalogue calls documented must be one of these, word for word.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, findEntry } from '../../src/catalogue/index.ts';
import { identifiers, identifierSlug } from '../../src/catalogue/identifiers.ts';
import { lookup } from '../../src/catalogue/matcher.ts';
import { fill, placeholders } from '../../src/catalogue/template.ts';

/** "Error Identifiers" table, in its order. */
const referenceIdentifiers = [
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
] as const;

interface ReferenceMessage {
  /** The text exactly as the reference prints it, placeholders included. */
  text: string;
  /** The entry it must lead to. */
  slug: string;
  /** The status the reference gives it; undefined where the reference gives none. */
  status: number | undefined;
  /** Where in the reference it appears. */
  section: string;
  /** Fillings of its placeholders, each tried with the matcher. */
  fillings?: readonly Record<string, string>[];
}

const referenceMessages: readonly ReferenceMessage[] = [
  { text: 'Invalid authorization credentials', slug: 'invalid-credentials', status: 401, section: 'Authentication Errors' },
  { text: 'Partner inactive', slug: 'partner-inactive', status: 403, section: 'Authentication Errors' },
  {
    text: 'This endpoint is not available for {ENV} partners.',
    slug: 'wrong-environment',
    status: 403,
    section: 'Authentication Errors',
    fillings: [{ ENV: 'DEMO' }, { ENV: 'SANDBOX' }, { ENV: 'TESTING/PRODUCTION' }, { ENV: 'PRODUCTION' }],
  },
  {
    text: 'Action not allowed due to lack of funds or exceeded limit.',
    slug: 'insufficient-funds',
    status: 402,
    section: 'Authentication Errors',
  },
  { text: 'An error occurred while parsing/constructing JSON', slug: 'json-parse-error', status: 400, section: 'Request Parsing Errors' },
  {
    text: 'Invalid data. Expected a dictionary, but got {type}.',
    slug: 'body-not-object',
    status: 400,
    section: 'Request Parsing Errors',
    fillings: [{ type: 'list' }, { type: 'str' }, { type: 'int' }],
  },
  { text: 'Some of required values are missing', slug: 'body-null', status: 400, section: 'Request Parsing Errors' },
  {
    // The page's example error body; "All field validation errors return HTTP 400".
    text: "Field 'country' must be a valid ISO 3166-1 alpha-2 code.",
    slug: 'country-invalid',
    status: 400,
    section: 'introduction (example body); Field Validation Errors',
  },
  {
    // The accordion title of "Common Issues", without a final period; the reference gives no status.
    text: 'Partner reached token limit',
    slug: 'token-limit-reached',
    status: undefined,
    section: 'Common Issues',
  },
];

/** The fixture's messages as concrete texts: the template itself when it has no placeholder, else each filling. */
function concreteMessages(message: ReferenceMessage): { text: string; values: Record<string, string> }[] {
  if (placeholders(message.text).length === 0) return [{ text: message.text, values: {} }];
  assert.ok(message.fillings && message.fillings.length > 0, `${message.text} needs fillings`);
  return message.fillings.map((values) => ({ text: fill(message.text, values), values }));
}

test("the engine's identifiers are the reference's 12, in the reference's order, then PARTNER_ERROR (observed, R5)", () => {
  assert.deepEqual([...identifiers], [...referenceIdentifiers, 'PARTNER_ERROR']);
});

test('every identifier of the reference, as written, leads the matcher to its identifier entry first', () => {
  for (const identifier of referenceIdentifiers) {
    const first = lookup(identifier).matches[0];
    assert.equal(first?.entry.slug, identifierSlug(identifier), identifier);
    assert.equal(first?.entry.kind, 'identifier');
    assert.equal(first?.reason, 'identifier');
  }
});

/**
 * Fillings that name another case: the sentence with `TESTING/PRODUCTION` is the answer to a dummy
 * session outside development, which has its own entry (decisions of 2026-11-27); the reference's
 * template still fits it, and ranks below.
 */
const namedByAnotherEntry: Readonly<Record<string, string>> = {
  'This endpoint is not available for TESTING/PRODUCTION partners.': 'dummy-outside-development',
};

for (const message of referenceMessages) {
  for (const { text, values } of concreteMessages(message)) {
    const expected = namedByAnotherEntry[text];
    if (expected) {
      test(`the reference's message "${text}" is matched first to ${expected}, which states it word for word, then to ${message.slug}`, () => {
        const [first, second] = lookup(text).matches;
        assert.equal(first?.entry.slug, expected);
        assert.equal(first?.reason, 'message');
        assert.equal(second?.entry.slug, message.slug);
        assert.deepEqual(second?.values, values);
      });
      continue;
    }
    test(`the reference's message "${text}" is matched first to ${message.slug}, by its message`, () => {
      const first = lookup(text).matches[0];
      assert.ok(first, `no match for "${text}"`);
      assert.equal(first.entry.slug, message.slug);
      assert.equal(first.reason, 'message');
      assert.deepEqual(first.values, values);
    });
  }
}

test('every message of the reference leads to an entry with the status the reference gives it', () => {
  for (const message of referenceMessages) {
    const entry = findEntry(message.slug);
    assert.ok(entry, message.slug);
    if (message.status !== undefined) assert.equal(entry.status, message.status, message.slug);
  }
});

test("the reference's messages are the catalogue's templates, up to a final period", () => {
  for (const message of referenceMessages) {
    const entry = findEntry(message.slug);
    assert.ok(entry?.message, message.slug);
    assert.equal(entry.message.replace(/\.$/, ''), message.text.replace(/\.$/, ''), message.slug);
  }
});

test("every message whose text the catalogue does not mark as inferred is the reference's, up to a final period", (t) => {
  const texts = new Set(referenceMessages.map((message) => message.text.replace(/\.$/, '')));
  const notInferred = catalogue.filter(
    (entry) =>
      entry.message !== null &&
      (entry.provenance.kind === 'documented' || !entry.provenance.parts.includes('message')) &&
      entry.slug !== 'token-created',
  );
  t.diagnostic(`messages not marked inferred: ${notInferred.map((entry) => entry.slug).join(', ')}`);
  assert.ok(notInferred.length >= 8, 'the reference documents at least eight token-endpoint messages');
  for (const entry of notInferred) {
    assert.ok(texts.has((entry.message as string).replace(/\.$/, '')), `${entry.slug}: "${entry.message}" is not the reference's`);
  }
});
