/**
 * Published formats are promises: share links (`#s=`), customer links (`#case=`), scenario files and
 * catalogue.json made with catalogue 1.0.0 still open and mean the same. The fixtures in
 * tests/fixtures/compat-1.0.0 were written by the code of 1.0.0, before the formats changed.
 * A prediction may change with the catalogue's version, but only as its changelog says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { changelog, catalogueVersion, findEntry } from '../../src/catalogue/index.ts';
import { lookup } from '../../src/catalogue/matcher.ts';
import { predict } from '../../src/predict/predict.ts';
import { parseScenario } from '../../src/token/scenario.ts';
import { tokenFieldNames } from '../../src/token/fields.ts';
import { decodeScenario } from '../../src/share/scenario-link.ts';
import { decodeCase, type CustomerCase } from '../../src/search/case-link.ts';
import { catalogueExport, scenarioJsonSchema } from '../../src/site/exports.ts';

const folder = new URL('../fixtures/compat-1.0.0/', import.meta.url);

interface OldOutcome {
  status: number;
  entry: string;
  body: Record<string, unknown>;
  problems: { entry: string; pointer: string; message: string }[];
  warnings: string[];
}
interface OldLink {
  name: string;
  fragment: string;
  scenario: unknown;
  outcome: OldOutcome;
}

const shareLinks = JSON.parse(readFileSync(new URL('share-links.json', folder), 'utf8')) as { catalogueVersion: string; links: OldLink[] };
const customerLinks = JSON.parse(readFileSync(new URL('customer-links.json', folder), 'utf8')) as {
  catalogueVersion: string;
  links: { slug: string; fragment: string; case: CustomerCase }[];
};

const release = changelog.find((each) => each.version === '1.1.0');
/** Every prediction a release since 1.0.0 lists as changed: the old links may answer otherwise there. */
const changed = new Set(changelog.filter((each) => each.version !== '1.0.0').flatMap((each) => each.changedPredictions ?? []));
const retiredWarnings = new Set(release?.retiredWarnings ?? []);

/** What the catalogue answers now, for the old links whose prediction a later release lists as changed (1.1.0 for these). */
const expectedChanges: Readonly<Record<string, { status: number; entry: string; message: string }>> = {
  'dummy-in-sandbox': {
    status: 403,
    entry: 'dummy-outside-development',
    message: 'This endpoint is not available for TESTING/PRODUCTION partners.',
  },
  'dummy-in-production': {
    status: 403,
    entry: 'dummy-outside-development',
    message: 'This endpoint is not available for TESTING/PRODUCTION partners.',
  },
  'callback-refused': {
    status: 400,
    entry: 'custom-callback-url-not-enabled',
    message: 'You are not allowed to use a custom callback url.',
  },
  'example-custom-callback-url-not-enabled': {
    status: 400,
    entry: 'custom-callback-url-not-enabled',
    message: 'You are not allowed to use a custom callback url.',
  },
};

test('the fixtures were written by catalogue 1.0.0, and the catalogue is at a later release with a changelog entry', () => {
  assert.equal(shareLinks.catalogueVersion, '1.0.0');
  assert.equal(customerLinks.catalogueVersion, '1.0.0');
  assert.notEqual(catalogueVersion, '1.0.0');
  assert.equal(changelog[0]?.version, catalogueVersion, 'the newest changelog release is the current version');
  assert.ok(release, 'a changelog entry for 1.1.0');
  assert.ok(shareLinks.links.length >= 50);
});

test('every share link of 1.0.0 opens to the same scenario', () => {
  for (const link of shareLinks.links) {
    const read = decodeScenario(`#${link.fragment}`);
    assert.equal(read.kind, 'scenario', `${link.name}: ${read.kind === 'damaged' ? read.reason : ''}`);
    if (read.kind === 'scenario') assert.deepEqual(read.scenario, link.scenario, link.name);
  }
});

test('every share link of 1.0.0 predicts what it did, but where a later changelog release lists the change', () => {
  for (const link of shareLinks.links) {
    const outcome = predict(link.scenario);
    const change = expectedChanges[link.name];
    if (change) {
      assert.ok(changed.has(change.entry), `${link.name}: the changelog lists ${change.entry}`);
      assert.equal(outcome.status, change.status, link.name);
      assert.equal(outcome.entry, change.entry, link.name);
      assert.equal(outcome.body.message, change.message, link.name);
      continue;
    }
    assert.ok(!changed.has(outcome.entry) && !changed.has(link.outcome.entry), `${link.name}: unexpected change to ${outcome.entry}`);
    assert.equal(outcome.status, link.outcome.status, link.name);
    assert.equal(outcome.entry, link.outcome.entry, link.name);
    // A change adds: a success body may echo a request field added since, and keeps every key it had.
    const added = Object.keys(outcome.body).filter((key) => !(key in link.outcome.body));
    assert.deepEqual(
      added.filter((key) => !tokenFieldNames.includes(key)),
      [],
      `${link.name}: keys that are not request fields`,
    );
    assert.deepEqual(
      Object.fromEntries(Object.entries(outcome.body).filter(([key]) => !added.includes(key))),
      link.outcome.body,
      link.name,
    );
    assert.deepEqual(
      outcome.problems.map(({ entry, pointer, message }) => ({ entry, pointer, message })),
      link.outcome.problems,
      link.name,
    );
  }
});

test('warnings of 1.0.0 links stay, but for the retired code the changelog names', () => {
  assert.deepEqual([...retiredWarnings], ['dummy-environment']);
  for (const link of shareLinks.links) {
    const kept = link.outcome.warnings.filter((code) => !retiredWarnings.has(code));
    assert.deepEqual(
      predict(link.scenario).warnings.map((warning) => warning.code),
      kept,
      link.name,
    );
  }
});

test('every scenario file of 1.0.0 is still a valid scenario and fits the published scenario JSON Schema', () => {
  const validate = new Ajv2020({ strict: false }).compile(scenarioJsonSchema(new URL('http://localhost:4321')));
  const names = readdirSync(new URL('scenarios/', folder)).filter((name) => name.endsWith('.json'));
  assert.ok(names.length >= 5);
  for (const name of names) {
    const scenario: unknown = JSON.parse(readFileSync(new URL(`scenarios/${name}`, folder), 'utf8'));
    assert.doesNotThrow(() => parseScenario(scenario), name);
    assert.ok(validate(scenario), `${name}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the scenario JSON Schema accepts the development environment beside sandbox and production', () => {
  const validate = new Ajv2020({ strict: false }).compile(scenarioJsonSchema(new URL('http://localhost:4321')));
  for (const environment of ['development', 'sandbox', 'production']) {
    assert.ok(validate({ account: { keyEnvironment: environment, endpointEnvironment: environment } }), environment);
  }
  assert.ok(!validate({ account: { keyEnvironment: 'staging' } }));
});

test('every customer link of 1.0.0 opens to the same case, on an entry that still exists and still explains its message', () => {
  for (const link of customerLinks.links) {
    const read = decodeCase(`#${link.fragment}`);
    assert.equal(read.kind, 'case', link.slug);
    if (read.kind !== 'case') continue;
    assert.deepEqual(read.case, link.case, link.slug);
    assert.ok(findEntry(link.slug), `${link.slug} still exists`);
    if (link.case.message === undefined || changed.has(link.slug)) continue;
    assert.ok(
      lookup(link.case.message)
        .matches.slice(0, 3)
        .some((match) => match.entry.slug === link.slug),
      `${link.slug}: ${link.case.message}`,
    );
  }
});

test('catalogue.json keeps every field of 1.0.0, the old provenance shape among them, and adds evidence beside it', () => {
  const exported = catalogueExport(new URL('http://localhost:4321'));
  for (const key of ['version', 'changelog', 'endpoint', 'categories', 'sources', 'entries']) assert.ok(key in exported, key);
  for (const release of exported.changelog) for (const key of ['version', 'date', 'changes']) assert.ok(key in release, key);
  const entryKeys = [
    'slug',
    'kind',
    'identifier',
    'status',
    'title',
    'summary',
    'message',
    'category',
    'endpoints',
    'fields',
    'cause',
    'fix',
    'retry',
    'related',
    'provenance',
    'sources',
    'variants',
    'aka',
    'url',
  ];
  const variantKeys = ['title', 'status', 'identifier', 'message', 'extra', 'asEntry', 'source'];
  for (const entry of exported.entries) {
    for (const key of entryKeys) assert.ok(key in entry, `${entry.slug}: ${key}`);
    const { provenance } = entry;
    assert.ok(
      provenance.kind === 'documented' || (provenance.kind === 'inferred' && provenance.reason.length > 0 && provenance.parts.length > 0),
      entry.slug,
    );
    for (const variant of entry.variants) {
      for (const key of variantKeys) assert.ok(key in variant, `${entry.slug}: variant ${key}`);
      assert.ok(
        Object.values(variant.extra).every((value) => typeof value === 'string'),
        entry.slug,
      );
    }
    assert.ok(entry.evidence.kinds.length > 0, entry.slug);
    assert.ok(entry.evidence.sentences.length > 0, entry.slug);
    assert.equal(typeof entry.predicted, 'boolean');
  }
  for (const source of Object.values(exported.sources)) assert.match(source.url, /^https?:\/\//);
  assert.ok(exported.observations.length >= 14, 'the observations of 1.1.0 are kept');
});
