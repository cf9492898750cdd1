/**
 * The catalogue's version, enforced: each released version records a fingerprint of every entry
 * (a hash of its canonical JSON) in `fingerprints.json`, and one of what the predictor answers
 * with each entry over fixed probe scenarios (src/predict/probes.ts). A test recomputes them; an
 * entry or a prediction that changed since the newest recorded version fails it until the
 * version is bumped, a changelog release names the entry (a changed prediction under
 * `changedPredictions`), and `npm run catalogue:fingerprint` records the new version.
 *
 * Node only (node:crypto): read by that test and that script, never by the site or the package.
 */
import { createHash } from 'node:crypto';
import type { ChangelogRelease } from './version.ts';

/** The fingerprints of one released version: slug → hash of the entry's canonical JSON. */
export interface RecordedRelease {
  version: string;
  entries: Record<string, string>;
  /**
   * Slug → hash of the probe answers given with that entry; absent from versions recorded before
   * predictions were fingerprinted (their predictions are not compared).
   */
  predictions?: Record<string, string>;
}

/** `fingerprints.json`: the recorded versions, newest first. */
export interface FingerprintFile {
  releases: RecordedRelease[];
}

export const fingerprintCommand = 'npm run catalogue:fingerprint';

/** JSON with every object's keys sorted, so that the order a record is written in does not count. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The first 16 hex digits of the SHA-256 of the entry's canonical JSON. */
export function fingerprintOf(entry: unknown): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex').slice(0, 16);
}

export function fingerprintsOf(entries: readonly { slug: string }[]): Record<string, string> {
  return Object.fromEntries(entries.map((entry) => [entry.slug, fingerprintOf(entry)]));
}

/** Slug → hash of the probe answers given with that entry. */
export function predictionFingerprints(predictions: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(predictions).map(([slug, answers]) => [slug, fingerprintOf(answers)]));
}

export interface Difference {
  changed: string[];
  added: string[];
  removed: string[];
}

export function difference(before: Record<string, string>, after: Record<string, string>): Difference {
  return {
    changed: Object.keys(after).filter((slug) => slug in before && before[slug] !== after[slug]),
    added: Object.keys(after).filter((slug) => !(slug in before)),
    removed: Object.keys(before).filter((slug) => !(slug in after)),
  };
}

/** Entries whose probe answers changed between two recorded sets: changed, newly answered or no longer answered. */
function predictionChanges(before: Record<string, string> | undefined, after: Record<string, string>): string[] {
  if (before === undefined) return [];
  const found = difference(before, after);
  return [...found.changed, ...found.added, ...found.removed];
}

/**
 * Of the entries whose predictions changed, those a release lists neither as changed predictions
 * nor as new. An entry whose record changed too (its example, say) may be listed under any list.
 */
function unlistedPredictions(release: ChangelogRelease, changed: readonly string[], recordChanged: readonly string[]): string[] {
  const listed = new Set([...(release.changedPredictions ?? []), ...(release.newEntries ?? [])]);
  const anyList = new Set([...listed, ...(release.changedEntries ?? [])]);
  return changed.filter((slug) => !(recordChanged.includes(slug) ? anyList : listed).has(slug));
}

const isEmpty = (found: Difference) => found.changed.length + found.added.length + found.removed.length === 0;

/** What a changelog release fails to list of a difference: changed entries, then new ones. */
function unlisted(release: ChangelogRelease, found: Difference): string[] {
  const listed = new Set([...(release.changedPredictions ?? []), ...(release.changedEntries ?? []), ...(release.newEntries ?? [])]);
  return [
    ...found.changed.filter((slug) => !listed.has(slug)),
    ...found.added.filter((slug) => !(release.newEntries ?? []).includes(slug)),
  ];
}

export interface ReleaseState {
  entries: readonly { slug: string }[];
  /** What the predictor answers now, by entry: src/predict/probes.ts's answersByEntry(). */
  predictions: Record<string, unknown>;
  /**
   * The probes themselves changed (values added, say), and nothing else: their answers are
   * recorded under the current version without comparing them (`npm run catalogue:fingerprint --
   * --probes-changed`). Any other change still has to be released.
   */
  probesChanged?: boolean;
  /** `catalogueVersion` of src/catalogue/version.ts. */
  version: string;
  changelog: readonly ChangelogRelease[];
  recorded: FingerprintFile;
}

const where = 'src/catalogue/version.ts';

interface Problem {
  text: string;
  /** Whether running the fingerprint command is all it takes. */
  recordingFixes: boolean;
}

/**
 * Everything wrong between the catalogue, its version, its changelog and the recorded
 * fingerprints, each problem one sentence that says what to do; [] when they agree.
 */
export function releaseProblems(state: ReleaseState): string[] {
  return problemsOf(state).map((problem) => problem.text);
}

function problemsOf(state: ReleaseState): Problem[] {
  const problems: Problem[] = [];
  const edit = (text: string) => problems.push({ text, recordingFixes: false });
  const record = (text: string) => problems.push({ text, recordingFixes: true });
  const { version, changelog, recorded } = state;
  const newest = changelog[0];
  if (newest?.version !== version) {
    edit(
      `catalogueVersion is ${version} but the newest changelog release in ${where} is ${newest?.version ?? 'missing'}: add a release for ${version} at the top of the changelog.`,
    );
  }
  const latest = recorded.releases[0];
  if (!latest) {
    record(`No version is recorded in src/catalogue/fingerprints.json: run \`${fingerprintCommand}\`.`);
    return problems;
  }

  // Each recorded version's changes are listed by its changelog release.
  for (const [index, later] of recorded.releases.entries()) {
    const earlier = recorded.releases[index + 1];
    if (!earlier) break;
    const release = changelog.find((each) => each.version === later.version);
    if (!release) {
      edit(`Fingerprints are recorded for ${later.version}, which has no changelog release in ${where}.`);
      continue;
    }
    const missing = unlisted(release, difference(earlier.entries, later.entries));
    if (missing.length > 0) edit(`The changelog release ${later.version} does not list entries that changed in it: ${missing.join(', ')}.`);
    const recordChanged = difference(earlier.entries, later.entries).changed;
    const predicted = unlistedPredictions(release, predictionChanges(earlier.predictions, later.predictions ?? {}), recordChanged);
    if (later.predictions && predicted.length > 0) {
      edit(
        `The changelog release ${later.version} does not list, under changedPredictions, entries whose predictions changed in it: ${predicted.join(', ')}.`,
      );
    }
  }

  const current = fingerprintsOf(state.entries);
  const found = difference(latest.entries, current);
  // Probes that changed themselves answer differently without any rule changing: see ReleaseState.probesChanged.
  const predicted = state.probesChanged ? [] : predictionChanges(latest.predictions, predictionFingerprints(state.predictions));
  const names = [
    predicted.length > 0 && `predictions changed: ${predicted.join(', ')}`,
    found.changed.length > 0 && `changed: ${found.changed.join(', ')}`,
    found.added.length > 0 && `new: ${found.added.join(', ')}`,
    found.removed.length > 0 && `removed: ${found.removed.join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ');
  if (found.removed.length > 0) {
    edit(`Entries were removed (${found.removed.join(', ')}): an entry keeps its page for good; mark it \`retired\` instead.`);
  }
  const predictedNames = `predictions changed: ${predicted.join(', ')}`;
  if (isEmpty(found) && predicted.length === 0) {
    if (latest.version !== version)
      record(`catalogueVersion is ${version} but the fingerprints record ${latest.version}: run \`${fingerprintCommand}\`.`);
    else if (latest.predictions === undefined)
      record(`The fingerprints of ${version} record no predictions: run \`${fingerprintCommand}\` to add them.`);
    return problems;
  }
  if (isEmpty(found)) {
    // Only predictions changed: a field rule, a business rule or the order of evaluation did.
    if (latest.version === version) {
      edit(
        `Predictions changed since version ${version} was recorded (${predictedNames}), without a new version: a rule the predictor follows changed. ` +
          `Bump catalogueVersion in ${where}, add a changelog release for the new version that lists each entry under changedPredictions ` +
          `and says what now answers differently, then run \`${fingerprintCommand}\`.`,
      );
      return problems;
    }
    const release = changelog.find((each) => each.version === version);
    const missing = release ? unlistedPredictions(release, predicted, []) : predicted;
    if (missing.length > 0) {
      edit(`The changelog release ${version} in ${where} does not list ${missing.join(', ')} under changedPredictions: add each.`);
    }
    record(
      `Predictions changed since ${latest.version} (${predictedNames}): once the changelog lists them, run \`${fingerprintCommand}\` to record ${version}.`,
    );
    return problems;
  }
  if (latest.version === version) {
    edit(
      `Catalogue entries changed since version ${version} was recorded (${names}), without a new version. ` +
        `Bump catalogueVersion in ${where}, add a changelog release for the new version that lists each one ` +
        `(changedPredictions when a prediction changed, changedEntries when only its page did, newEntries for a new entry), ` +
        `then run \`${fingerprintCommand}\`.`,
    );
    return problems;
  }
  const release = changelog.find((each) => each.version === version);
  const missing = release ? unlisted(release, found) : [...found.changed, ...found.added];
  const missingPredictions = release ? unlistedPredictions(release, predicted, [...found.changed, ...found.added]) : predicted;
  if (missingPredictions.length > 0) {
    edit(`The changelog release ${version} in ${where} does not list ${missingPredictions.join(', ')} under changedPredictions: add each.`);
  }
  if (missing.length > 0) {
    edit(
      `The changelog release ${version} in ${where} does not list ${missing.join(', ')}: add each to changedPredictions, changedEntries or (for a new entry) newEntries.`,
    );
  }
  record(
    `Entries changed since ${latest.version} (${names}): once the changelog lists them, run \`${fingerprintCommand}\` to record ${version}.`,
  );
  return problems;
}

/**
 * The file with the current fingerprints recorded under the current version, or the problems that
 * must be fixed first (an unlisted change, a missing bump). Recording never hides a change: a
 * version already recorded is not overwritten with different fingerprints.
 */
export function recordRelease(state: ReleaseState): { file: FingerprintFile; problems: [] } | { file: null; problems: string[] } {
  const blocking = problemsOf(state).filter((problem) => !problem.recordingFixes);
  if (blocking.length > 0) return { file: null, problems: blocking.map((problem) => problem.text) };
  const entries = fingerprintsOf(state.entries);
  const predictions = predictionFingerprints(state.predictions);
  const releases = state.recorded.releases.filter((release) => release.version !== state.version);
  return { file: { releases: [{ version: state.version, entries, predictions }, ...releases] }, problems: [] };
}
