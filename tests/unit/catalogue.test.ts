/**
 * The catalogue: its records are checked when it is built, every case entry's example produces
 * that entry, and the catalogue covers everything the reference and the predictor name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, findEntry, records } from '../../src/catalogue/index.ts';
import { buildCatalogue, CatalogueError } from '../../src/catalogue/validate.ts';
import { identifiers, identifierSlug } from '../../src/catalogue/identifiers.ts';
import { categories } from '../../src/catalogue/categories.ts';
import { fill } from '../../src/catalogue/template.ts';
import type { EntryInput } from '../../src/catalogue/entry.ts';
import { tokenFields } from '../../src/token/fields.ts';
import { businessRules } from '../../src/predict/business-rules.ts';
import { evaluationOrder } from '../../src/predict/stages.ts';
import { predict } from '../../src/predict/predict.ts';
import { isPredictable, tokenEndpoint } from '../../src/catalogue/endpoints.ts';

type Mutable = Record<string, unknown> & { example?: Record<string, unknown> };

/** A deep copy of the real record with this slug, to break one thing in. */
function recordCopy(slug: string): Mutable {
  const found = records.find((record) => record.slug === slug);
  assert.ok(found, `no record "${slug}"`);
  return structuredClone(found) as Mutable;
}

/** The real records with one replaced by (or, without a slug match, joined by) a broken copy. */
function withRecord(broken: Mutable, replacing: string = broken.slug as string): unknown[] {
  const index = records.findIndex((record) => record.slug === replacing);
  const all: unknown[] = [...records];
  if (index === -1) all.push(broken);
  else all[index] = broken;
  return all;
}

/** Building must fail with a CatalogueError whose message names the entry and the field. */
function assertRejected(inputs: readonly unknown[], entry: string, field: string | RegExp) {
  let error: unknown;
  try {
    buildCatalogue(inputs);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof CatalogueError, `expected a CatalogueError, got ${String(error)}`);
  const found = error.problems.find(
    (problem) => problem.entry === entry && (typeof field === 'string' ? problem.field === field : field.test(problem.field)),
  );
  assert.ok(found, `no problem for entry "${entry}", field ${String(field)} in:\n${error.message}`);
  assert.ok(error.message.includes(`entry "${entry}"`), error.message);
  assert.ok(error.message.includes(`field "${found.field}"`), error.message);
  return error;
}

// ── Rejections ────────────────────────────────────────────────────────────────

test('the real records build into a catalogue without problems', () => {
  const built = buildCatalogue(records);
  assert.equal(built.length, records.length);
  assert.equal(catalogue.length, records.length);
});

test('an unknown identifier is rejected, naming the entry and the identifier field', () => {
  const broken = recordCopy('country-invalid');
  broken.identifier = 'NOT_AN_IDENTIFIER';
  const error = assertRejected(withRecord(broken), 'country-invalid', 'identifier');
  assert.match(error.message, /NOT_AN_IDENTIFIER/);
});

for (const status of [99, 600]) {
  test(`a status of ${status}, outside 100–599, is rejected`, () => {
    const broken = recordCopy('partner-inactive');
    broken.status = status;
    assertRejected(withRecord(broken), 'partner-inactive', 'status');
  });
}

test('statuses of 100 and 599 are accepted', () => {
  for (const status of [100, 599]) {
    const edge = recordCopy('partner-inactive');
    edge.status = status;
    assert.doesNotThrow(() => buildCatalogue(withRecord(edge)));
  }
});

test('a record without a cause is rejected', () => {
  const broken = recordCopy('json-parse-error');
  delete broken.cause;
  assertRejected(withRecord(broken), 'json-parse-error', 'cause');
});

test('a blank cause is rejected', () => {
  const broken = recordCopy('json-parse-error');
  broken.cause = '   ';
  assertRejected(withRecord(broken), 'json-parse-error', 'cause');
});

test('an empty fix list is rejected', () => {
  const broken = recordCopy('sex-invalid');
  broken.fix = [];
  assertRejected(withRecord(broken), 'sex-invalid', 'fix');
});

test('a blank fix step is rejected, naming the step', () => {
  const broken = recordCopy('sex-invalid');
  broken.fix = ['Send M or F.', ''];
  assertRejected(withRecord(broken), 'sex-invalid', 'fix[1]');
});

test('a duplicate slug is rejected', () => {
  const copy = recordCopy('partner-inactive');
  assertRejected([...records, copy], 'partner-inactive', 'slug');
});

test('a related slug with no entry is rejected, naming the position', () => {
  const broken = recordCopy('partner-inactive');
  broken.related = ['invalid-credentials', 'no-such-entry'];
  const error = assertRejected(withRecord(broken), 'partner-inactive', 'related[1]');
  assert.match(error.message, /no-such-entry/);
});

test('a placeholder the example does not fill is rejected', () => {
  const broken = recordCopy('wrong-environment');
  (broken.example as Record<string, unknown>).values = {};
  const error = assertRejected(withRecord(broken), 'wrong-environment', 'example.values');
  assert.match(error.message, /\{ENV\}/);
});

test('an example value with no placeholder in the message is rejected', () => {
  const broken = recordCopy('partner-inactive');
  (broken.example as Record<string, unknown>).values = { ENV: 'DEMO' };
  assertRejected(withRecord(broken), 'partner-inactive', 'example.values.ENV');
});

test('a case entry without an example is rejected', () => {
  const broken = recordCopy('body-null');
  delete broken.example;
  assertRejected(withRecord(broken), 'body-null', 'example');
});

test('a retired entry needs no example, and may have none: nothing produces it any more', () => {
  const retired = recordCopy('country-invalid');
  retired.retired = { since: '2026-01-15', replacedBy: 'token-type-invalid', note: 'Checked by another rule now.' };
  assert.doesNotThrow(() => buildCatalogue(withRecord({ ...retired, example: undefined })));
  assertRejected(withRecord(retired), 'country-invalid', 'example');
});

test('a retired entry replaced by an entry that does not exist is rejected', () => {
  const retired = recordCopy('country-invalid');
  retired.retired = { since: '2026-01-15', replacedBy: 'no-such-entry', note: 'Gone.' };
  delete retired.example;
  assertRejected(withRecord(retired), 'country-invalid', 'retired.replacedBy');
});

test('an identifier entry whose slug is not its identifier in kebab case is rejected', () => {
  const broken = recordCopy('bad-value');
  broken.slug = 'bad-values';
  // Entries that link to `bad-value` would lose their target too, so keep the original as well.
  const error = assertRejected([...records, broken], 'bad-values', 'slug');
  assert.match(error.message, /"bad-value"/);
});

test('an example scenario that is not a valid scenario is rejected, naming its path', () => {
  const broken = recordCopy('partner-inactive');
  broken.example = { scenario: { account: { requestsLastHour: 'many' } } };
  assertRejected(withRecord(broken), 'partner-inactive', 'example.scenario.account.requestsLastHour');

  const unknownKey = recordCopy('partner-inactive');
  unknownKey.example = { scenario: { request: { foo: 1 } } };
  const error = assertRejected(withRecord(unknownKey), 'partner-inactive', /^example\.scenario\.request/);
  assert.match(error.message, /foo/);
});

test('a rejection lists every problem, not only the first', () => {
  const first = recordCopy('partner-inactive');
  first.status = 600;
  const second = recordCopy('sex-invalid');
  second.fix = [];
  const inputs = withRecord(first);
  inputs[inputs.findIndex((input) => (input as Mutable).slug === 'sex-invalid')] = second;
  const error = assertRejected(inputs, 'partner-inactive', 'status');
  assert.ok(error.problems.some((problem) => problem.entry === 'sex-invalid' && problem.field === 'fix'));
});

test('a case of another endpoint needs no example and may have none; a case of the token endpoint needs one', () => {
  const other = recordCopy('deletion-token-not-expired');
  assert.equal(other.example, undefined);
  assert.doesNotThrow(() => buildCatalogue(withRecord(other)));
  other.example = { scenario: {} };
  assertRejected(withRecord(other), 'deletion-token-not-expired', 'example');

  const token = recordCopy('partner-inactive');
  delete token.example;
  assertRejected(withRecord(token), 'partner-inactive', 'example');
});

test('evidence names known observations and gives each part at least one basis', () => {
  const unknown = recordCopy('insufficient-funds');
  unknown.evidence = { message: { observed: ['R99'] } };
  assertRejected(withRecord(unknown), 'insufficient-funds', /^evidence\.message\.observed/);
  const empty = recordCopy('insufficient-funds');
  empty.evidence = { message: {} };
  assertRejected(withRecord(empty), 'insufficient-funds', /^evidence\.message/);
});

// ── The real catalogue ────────────────────────────────────────────────────────

test("every case entry's example predicts that entry, its status and its filled message", () => {
  const problems: string[] = [];
  for (const entry of catalogue) {
    if (entry.kind !== 'case' || entry.retired || !isPredictable(entry)) continue;
    assert.ok(entry.example && entry.message !== null, entry.slug);
    const outcome = predict(entry.example.scenario);
    const expected = fill(entry.message, entry.example.values);
    if (outcome.entry !== entry.slug) problems.push(`${entry.slug}: predicted ${outcome.entry}`);
    else if (outcome.status !== entry.status) problems.push(`${entry.slug}: status ${outcome.status}, entry says ${entry.status}`);
    else if (outcome.body.message !== expected) problems.push(`${entry.slug}: message ${JSON.stringify(outcome.body.message)}`);
    else if (entry.status >= 300 && outcome.body.identifier !== (entry.identifier ?? undefined)) {
      problems.push(`${entry.slug}: identifier ${String(outcome.body.identifier)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test("every example's values are the values the predictor fills into the message", () => {
  for (const entry of catalogue) {
    if (entry.kind !== 'case' || !entry.example || entry.status < 300) continue;
    const outcome = predict(entry.example.scenario);
    assert.deepEqual(outcome.problems[0]?.values, entry.example.values, entry.slug);
  }
});

test('no two entries share a message template', () => {
  const seen = new Map<string, string>();
  for (const entry of catalogue) {
    if (entry.message === null) continue;
    const key = entry.message.toLowerCase().replace(/\.$/, '');
    assert.ok(!seen.has(key), `${entry.slug} has the same message as ${seen.get(key)}`);
    seen.set(key, entry.slug);
  }
});

test('every entry belongs to a known category and the count by kind and by category is reported', (t) => {
  const byKind = new Map<string, number>();
  const byCategory = new Map<string, number>();
  for (const entry of catalogue) {
    byKind.set(entry.kind, (byKind.get(entry.kind) ?? 0) + 1);
    byCategory.set(entry.category, (byCategory.get(entry.category) ?? 0) + 1);
  }
  t.diagnostic(`catalogue: ${catalogue.length} entries`);
  t.diagnostic(`by kind: ${[...byKind].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  t.diagnostic(`by category: ${categories.map((category) => `${category.id} ${byCategory.get(category.id) ?? 0}`).join(', ')}`);
  assert.equal(byKind.get('identifier'), identifiers.length);
  for (const category of categories) assert.ok((byCategory.get(category.id) ?? 0) > 0, `category ${category.id} is empty`);
  const unknown = [...byCategory.keys()].filter((id) => !categories.some((category) => category.id === id));
  assert.deepEqual(unknown, [], 'every entry is in a category the site has a page for');
  assert.equal(byCategory.get('identifiers'), identifiers.length);
});

test('identifier entries live in the identifiers category and case entries do not', () => {
  for (const entry of catalogue) {
    assert.equal(entry.kind === 'identifier', entry.category === 'identifiers', entry.slug);
  }
});

// ── Coverage of the reference ─────────────────────────────────────────────────

test("each of the reference's 12 identifiers, and PARTNER_ERROR seen in a real body, has an identifier entry at its kebab-case slug", () => {
  assert.equal(identifiers.length, 13);
  assert.equal(identifiers.at(-1), 'PARTNER_ERROR');
  for (const identifier of identifiers) {
    const entry = findEntry(identifierSlug(identifier));
    assert.ok(entry, `no entry for ${identifier}`);
    assert.equal(entry.kind, 'identifier');
    assert.equal(entry.identifier, identifier);
  }
});

test('identifier entries carry the status decisions give them', () => {
  const expected: Record<string, number> = { UNAUTHORIZED: 401, METHOD_NOT_ALLOWED: 405, TOO_MANY_REQUESTS: 429, INTERNAL_ERROR: 500 };
  for (const identifier of identifiers) {
    assert.equal(findEntry(identifierSlug(identifier))?.status, expected[identifier] ?? 400, identifier);
  }
});

test('every field of the token field table has its entry, which lists the field', () => {
  for (const field of tokenFields) {
    const entry = findEntry(field.entry);
    assert.ok(entry, `${field.name}: no entry "${field.entry}"`);
    assert.ok(entry.fields.includes(field.name), `${field.entry} does not list ${field.name}`);
    if (field.requiredEntry) {
      const missing = findEntry(field.requiredEntry);
      assert.ok(missing, `${field.name}: no entry "${field.requiredEntry}"`);
      assert.ok(missing.fields.includes(field.name), `${field.requiredEntry} does not list ${field.name}`);
    }
  }
});

test('every business rule has its entry, in the business-rules category, listing the fields it reads', () => {
  for (const rule of businessRules) {
    const entry = findEntry(rule.entry);
    assert.ok(entry, `no entry "${rule.entry}"`);
    assert.equal(entry.category, 'business-rules');
    for (const name of rule.reads) assert.ok(entry.fields.includes(name), `${rule.entry} does not list ${name}`);
  }
});

test('every entry a stage of the evaluation order can produce exists and is a case entry', () => {
  for (const stage of evaluationOrder) {
    assert.ok(stage.entries.length > 0, `stage ${stage.id} has no entries`);
    for (const slug of stage.entries) {
      const entry = findEntry(slug);
      assert.ok(entry, `stage ${stage.id}: no entry "${slug}"`);
      assert.equal(entry.kind, 'case', slug);
    }
  }
});

test('every case entry of the token endpoint but the successes is produced by some stage, and no entry of another endpoint is', () => {
  const produced = new Set(evaluationOrder.flatMap((stage) => stage.entries));
  for (const entry of catalogue) {
    if (entry.kind !== 'case' || entry.category === 'success') continue;
    assert.equal(produced.has(entry.slug), isPredictable(entry), `${entry.slug}: produced by a stage: ${produced.has(entry.slug)}`);
  }
});

test('INTERNAL_ERROR, TOKEN_NOT_VALID and UNAUTHORIZED are never predicted: no case entry, and not listed for the token endpoint', () => {
  for (const identifier of ['INTERNAL_ERROR', 'TOKEN_NOT_VALID', 'UNAUTHORIZED'] as const) {
    const cases = catalogue.filter((entry) => entry.kind === 'case' && entry.identifier === identifier);
    assert.deepEqual(
      cases.map((entry) => entry.slug),
      [],
      `${identifier} has case entries`,
    );
    const own = findEntry(identifierSlug(identifier));
    assert.ok(own);
    assert.ok(!own.endpoints.includes(tokenEndpoint), `${identifier} lists ${tokenEndpoint}`);
  }
});

test('every other identifier of the reference has at least one case entry on the token endpoint', () => {
  for (const identifier of identifiers) {
    if (['INTERNAL_ERROR', 'TOKEN_NOT_VALID', 'UNAUTHORIZED', 'PARTNER_ERROR'].includes(identifier)) continue;
    const cases = catalogue.filter((entry) => entry.kind === 'case' && entry.identifier === identifier);
    assert.ok(cases.length > 0, `${identifier} has no case entry`);
    assert.ok(findEntry(identifierSlug(identifier))?.endpoints.includes(tokenEndpoint), identifier);
  }
});

test('records are plain data that survive a JSON round trip', () => {
  const roundTrip = JSON.parse(JSON.stringify(records)) as EntryInput[];
  assert.doesNotThrow(() => buildCatalogue(roundTrip));
});

test('a bad record is reported with the file that holds it, and links to it are not also reported as links to nothing', () => {
  const first = records[0] as EntryInput;
  const linking = records.find((record) => (record.related ?? []).includes(first.slug)) as EntryInput;
  assert.ok(linking, 'some record links to the first one');
  const broken = { ...first, status: 'four hundred' };
  const inputs = records.map((record) => (record === first ? broken : record));
  const files = inputs.map((_, index) => (index === 0 ? 'src/catalogue/records/request.ts' : 'src/catalogue/records/other.ts'));
  let error: unknown;
  try {
    buildCatalogue(inputs, files);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof CatalogueError);
  assert.match(error.message, new RegExp(`entry "${first.slug}" \\(src/catalogue/records/request\\.ts\\), field "status"`));
  assert.equal(error.problems.length, 1, error.message);
  assert.ok(!/No entry has the slug/.test(error.message), error.message);
});
