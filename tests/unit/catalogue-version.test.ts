/**
 * The catalogue's version is enforced: a change to any entry without a new version, a changelog
 * release naming it and recorded fingerprints fails here, naming the entries and what to do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { catalogue, catalogueVersion, changelog, type Entry } from '../../src/catalogue/index.ts';
import type { ChangelogRelease } from '../../src/catalogue/version.ts';
import { answersByEntry, probes, type EntryPredictions } from '../../src/predict/probes.ts';
import { predict } from '../../src/predict/predict.ts';
import {
  canonicalJson,
  fingerprintOf,
  recordRelease,
  releaseProblems,
  type FingerprintFile,
  type ReleaseState,
} from '../../src/catalogue/fingerprint.ts';

const recorded = JSON.parse(readFileSync(new URL('../../src/catalogue/fingerprints.json', import.meta.url), 'utf8')) as FingerprintFile;
const predictions = answersByEntry();
const real: ReleaseState = { entries: catalogue, predictions, version: catalogueVersion, changelog, recorded };

/** The catalogue with one entry's message (or title) changed, as an edit to its record would. */
function edited(slug: string): Entry[] {
  const found = catalogue.find((entry) => entry.slug === slug);
  assert.ok(found, `no entry ${slug}`);
  return catalogue.map((entry) => (entry.slug === slug ? { ...entry, title: `${entry.title} (edited)` } : entry));
}

/** The next minor version after the current one: what a release planted by these tests is called. */
const [major, minor] = catalogueVersion.split('.').map(Number) as [number, number];
const next = `${major}.${minor + 1}.0`;
const escaped = (version: string) => version.replaceAll('.', '\\.');

/**
 * The tests after the first plant a change on top of the real catalogue, so they mean something
 * only once the real catalogue is released: while it has changes of its own, they are skipped and
 * the first test alone says what to do (else they would fail naming entries nobody touched).
 */
const pending = releaseProblems(real);
const planted = {
  skip:
    pending.length > 0
      ? 'the real catalogue has unreleased changes: fix what the first test of this file prints; this test plants a change of its own on top and runs once they are released'
      : false,
};

const bumped = (release: Partial<ChangelogRelease>): ChangelogRelease[] => [
  { version: next, date: '2026-12-01', changes: ['A change.'], ...release },
  ...changelog,
];

test('every catalogue entry is as recorded for the current version, and every recorded change is in its changelog release', () => {
  assert.ok(recorded.releases.length > 0, 'src/catalogue/fingerprints.json records no version');
  // The problems first: each says what to do, where a count would not.
  assert.deepEqual(releaseProblems(real), []);
  assert.equal(Object.keys(recorded.releases[0]?.entries ?? {}).length, catalogue.length);
});

test('a changed entry without a new version fails, naming the entry and what to do', planted, () => {
  const problems = releaseProblems({ ...real, entries: edited('country-invalid') });
  assert.equal(problems.length, 1, problems.join('\n'));
  const [problem] = problems as [string];
  assert.match(problem, /changed: country-invalid/);
  assert.match(problem, /Bump catalogueVersion in src\/catalogue\/version\.ts/);
  assert.match(problem, /changelog release/);
  assert.match(problem, /npm run catalogue:fingerprint/);
  // The script refuses to record it: recording never hides a change.
  assert.equal(recordRelease({ ...real, entries: edited('country-invalid') }).file, null);
});

test('a new version whose changelog release does not list the changed entry fails, naming it', planted, () => {
  const problems = releaseProblems({
    ...real,
    entries: edited('country-invalid'),
    version: next,
    changelog: bumped({ changedEntries: ['date-invalid'] }),
  });
  assert.ok(
    problems.some((problem) => new RegExp(`release ${escaped(next)} .*does not list country-invalid`).test(problem)),
    problems.join('\n'),
  );
  assert.equal(recordRelease({ ...real, entries: edited('country-invalid'), version: next, changelog: bumped({}) }).file, null);
});

test('a version bumped without a changelog release fails', planted, () => {
  const problems = releaseProblems({ ...real, entries: edited('country-invalid'), version: next });
  assert.ok(
    problems.some((problem) =>
      new RegExp(`catalogueVersion is ${escaped(next)} but the newest changelog release .* is ${escaped(catalogueVersion)}`).test(problem),
    ),
    problems.join('\n'),
  );
});

test('a new entry must be listed as new, and no entry may disappear', planted, () => {
  const added = [...catalogue, { ...(catalogue[0] as Entry), slug: 'brand-new-case' }];
  const unlisted = releaseProblems({ ...real, entries: added, version: next, changelog: bumped({ changedEntries: ['brand-new-case'] }) });
  assert.ok(
    unlisted.some((problem) => /does not list brand-new-case/.test(problem)),
    unlisted.join('\n'),
  );
  const removed = releaseProblems({ ...real, entries: catalogue.slice(1) });
  assert.ok(
    removed.some((problem) => problem.includes(`removed (${catalogue[0]?.slug})`) && problem.includes('retired')),
    removed.join('\n'),
  );
});

test('bump, changelog entry, fingerprint: the whole recipe passes, and the change stays listed afterwards', planted, () => {
  const state: ReleaseState = {
    ...real,
    entries: edited('country-invalid'),
    version: next,
    changelog: bumped({ changedEntries: ['country-invalid'] }),
  };
  // Listed but not yet recorded: one problem, which running the script fixes.
  assert.deepEqual(
    releaseProblems(state).map((problem) => problem.includes('npm run catalogue:fingerprint')),
    [true],
  );
  const result = recordRelease(state);
  assert.ok(result.file);
  assert.deepEqual(
    result.file.releases.map((release) => release.version),
    [next, ...recorded.releases.map((release) => release.version)],
  );
  assert.deepEqual(releaseProblems({ ...state, recorded: result.file }), []);
  // Taking the entry out of the changelog later is caught by the recorded history.
  const history = releaseProblems({ ...state, recorded: result.file, changelog: bumped({}) });
  assert.ok(
    history.some((problem) =>
      new RegExp(`release ${escaped(next)} does not list entries that changed in it: country-invalid`).test(problem),
    ),
    history.join('\n'),
  );
});

test("an entry's fingerprint does not depend on the order its keys are written in, and changes with any value", () => {
  const entry = catalogue[0] as Entry;
  const reversed = Object.fromEntries(Object.entries(entry).reverse());
  assert.equal(fingerprintOf(reversed), fingerprintOf(entry));
  assert.notEqual(fingerprintOf({ ...entry, retry: { ...entry.retry, helps: !entry.retry.helps } }), fingerprintOf(entry));
  assert.equal(canonicalJson({ b: [1, { d: 2, c: undefined }], a: 'x' }), '{"a":"x","b":[1,{"d":2}]}');
});

/** The predictions with one probe answered differently, as a changed field rule would answer it. */
function rulesChanged(slug: string): Record<string, unknown> {
  const held = predictions[slug] as EntryPredictions;
  const [probe, answer] = Object.entries(held.answers)[0] as [string, { status: number; body: unknown }];
  return { ...predictions, [slug]: { ...held, answers: { ...held.answers, [probe]: { ...answer, status: answer.status + 1 } } } };
}

test('a changed prediction without a new version fails, naming the entry and changedPredictions', planted, () => {
  const problems = releaseProblems({ ...real, predictions: rulesChanged('name-invalid') });
  assert.equal(problems.length, 1, problems.join('\n'));
  const [problem] = problems as [string];
  assert.match(problem, /Predictions changed since version .* \(predictions changed: name-invalid\)/);
  assert.match(problem, /under changedPredictions/);
  assert.match(problem, /npm run catalogue:fingerprint/);
  assert.equal(recordRelease({ ...real, predictions: rulesChanged('name-invalid') }).file, null);
});

test('a changed prediction must be listed under changedPredictions; then the recipe passes and stays checked', planted, () => {
  const changed = rulesChanged('name-invalid');
  const asPage = releaseProblems({ ...real, predictions: changed, version: next, changelog: bumped({ changedEntries: ['name-invalid'] }) });
  assert.ok(
    asPage.some((problem) => new RegExp(`release ${escaped(next)} .*does not list name-invalid under changedPredictions`).test(problem)),
    asPage.join('\n'),
  );
  const state: ReleaseState = { ...real, predictions: changed, version: next, changelog: bumped({ changedPredictions: ['name-invalid'] }) };
  assert.deepEqual(
    releaseProblems(state).map((problem) => problem.includes('npm run catalogue:fingerprint')),
    [true],
  );
  const result = recordRelease(state);
  assert.ok(result.file);
  assert.deepEqual(releaseProblems({ ...state, recorded: result.file }), []);
  const history = releaseProblems({ ...state, recorded: result.file, changelog: bumped({}) });
  assert.ok(
    history.some((problem) =>
      problem.includes(`release ${next} does not list, under changedPredictions, entries whose predictions changed in it: name-invalid`),
    ),
    history.join('\n'),
  );
});

test("the probes try every field on both sides of its rule, and every stage's example", () => {
  const entriesByField = new Map<string, Set<string>>();
  const names = new Set<string>();
  for (const { name, scenario } of probes()) {
    assert.ok(!names.has(name), `two probes are named ${name}`);
    names.add(name);
    const field = /^field:([^=]+)=/.exec(name)?.[1];
    if (field === undefined) continue;
    const entries = entriesByField.get(field) ?? new Set<string>();
    entries.add(predict(scenario).entry);
    entriesByField.set(field, entries);
  }
  assert.ok(entriesByField.size > 60);
  for (const [field, entries] of entriesByField) {
    assert.ok(entries.size >= 2, `every probe of ${field} gets ${[...entries].join(', ')}: its rule is never crossed`);
  }
  for (const entry of catalogue) if (entry.example) assert.ok(names.has(`example:${entry.slug}`));
});

test(
  "a field rule's limit or list that changes between two probes is noticed: the rule's data is part of its entry's predictions",
  planted,
  () => {
    const held = predictions['session-length-invalid'] as EntryPredictions;
    const widened = held.fieldRules.map((field) =>
      field.name === 'sessionLength' ? { ...field, rule: { ...(field.rule as object), maximum: 7200 } } : field,
    );
    const problems = releaseProblems({
      ...real,
      predictions: { ...predictions, 'session-length-invalid': { ...held, fieldRules: widened } },
    });
    assert.ok(
      problems.some((problem) => problem.includes('predictions changed: session-length-invalid')),
      problems.join('\n'),
    );
  },
);

test('an entry whose record changed may list a changed prediction under any list: its example is part of both', planted, () => {
  const changed = rulesChanged('name-invalid');
  const entries = edited('name-invalid');
  const state: ReleaseState = {
    ...real,
    entries,
    predictions: changed,
    version: next,
    changelog: bumped({ changedEntries: ['name-invalid'] }),
  };
  assert.deepEqual(
    releaseProblems(state).map((problem) => problem.includes('npm run catalogue:fingerprint')),
    [true],
  );
});
