/**
 * The catalogue's version and what changed: bump the version when an entry changes in a way users
 * see. Predictions follow the version, so a changed prediction, a retired warning code or a new
 * entry is listed here, with why.
 *
 * Enforced: src/catalogue/fingerprints.json records a hash of every entry per released version,
 * and of what the predictor answers with it over fixed probes (src/predict/probes.ts), and
 * tests/unit/catalogue-version.test.ts fails on any entry or prediction that changed since, until
 * the version is bumped, a release below lists the entry and `npm run catalogue:fingerprint`
 * records it.
 */
export const catalogueVersion = '1.1.1';

export interface ChangelogRelease {
  version: string;
  date: string;
  /** What changed and why, one sentence each. */
  changes: readonly string[];
  /** Slugs whose predicted status, body or message changed for some scenario. */
  changedPredictions?: readonly string[];
  /** Warning codes the predictor no longer gives. */
  retiredWarnings?: readonly string[];
  /** Slugs of entries added. */
  newEntries?: readonly string[];
  /** Slugs of other entries whose page says something new (evidence, variants, wording). */
  changedEntries?: readonly string[];
}

export const changelog: readonly ChangelogRelease[] = [
  {
    version: '1.1.1',
    date: '2026-11-27',
    changes: [
      "bad-value: its provenance is now partly inferred, as its page's prose already said: the reference documents the `Field '<name>' …` message only for `country`; the form for other fields, BAD_VALUE for every single broken rule, and reporting only the first are Errata's inference. Nothing predicted changes.",
    ],
    changedEntries: ['bad-value'],
  },
  {
    version: '1.1.0',
    date: '2026-11-27',
    changes: [
      'Evidence gains a third kind, observed: real responses recorded in public material (observations R1–R14). Each entry now says per part (status, identifier, message) whether it is documented, observed or inferred, in `evidence`; the older `provenance` keeps its meaning (which parts go beyond the reference).',
      'custom-callback-url-not-enabled: the message is now `You are not allowed to use a custom callback url.`, the text an integrator recorded from the real API in 2023 (R6), replacing the inferred `Custom callback URL is not enabled for this partner.`. Status and identifier are unchanged.',
      'Scenarios: `account.keyEnvironment` and `endpointEnvironment` accept `"development"` beside `"sandbox"` and `"production"` (default still `"production"`). Every scenario written before means what it meant.',
      'A valid `dummyStatus` sent with a key of any environment but development is now refused, 403 with no identifier (dummy-outside-development), as iDenfy documents in 2026; 1.0.0 predicted a success with a warning. The older 400 `PERMISSIONS_ERROR` form (R12) is its variant, moved from wrong-environment.',
      'A valid `dummyStatus` with a development key succeeds with `Dummy token and verification created successfully` (dummy-token-created).',
      'The warning code `dummy-environment` is retired: the refusal it warned of is now predicted.',
      'New identifier PARTNER_ERROR (seen in a real body, R5; not in the reference) and entries of other endpoints: deletion-token-not-expired (POST /api/v2/delete, R5), process-image-missing (POST /api/v2/process, R10), kyb-session-not-enabled (POST /kyb/tokens/, R9). They are found by lookup, search and triage and never predicted; the new category other-endpoints holds the cases.',
      'Older body forms become "you may also see" variants naming their observations: error bodies with `documentation` and `severity` keys (R5, R10), success bodies echoing null for unsent URLs (R3), lower-case countries (R2) and a numeric clientId (R4), and the UNAUTHORIZED identifier that iDenfy\'s WordPress plugin reads from the token endpoint (R8).',
      "Lookup: a verbatim or near-verbatim message beats every other entry by a wide margin; a variant that borrows another entry's message (token-limit-reached's 402) ranks well below that entry.",
    ],
    changedPredictions: ['custom-callback-url-not-enabled', 'dummy-outside-development', 'dummy-token-created'],
    retiredWarnings: ['dummy-environment'],
    newEntries: [
      'dummy-outside-development',
      'dummy-token-created',
      'deletion-token-not-expired',
      'process-image-missing',
      'kyb-session-not-enabled',
      'partner-error',
    ],
    changedEntries: [
      'wrong-environment',
      'token-created',
      'invalid-credentials',
      'insufficient-funds',
      'unauthorized',
      'missing-value',
      'partner-contract-error',
      'permissions-error',
      'rate-limit-exceeded',
      'token-limit-reached',
    ],
  },
  {
    version: '1.0.0',
    date: '2026-11-25',
    changes: ['First catalogue: the 12 identifiers of the API and every response of POST /api/v2/token.'],
  },
];

/** The newest release that changed an entry (added it, changed its prediction or its page), else the first. */
export function lastChanged(slug: string): ChangelogRelease {
  const found = changelog.find(
    (release) => release.newEntries?.includes(slug) || release.changedPredictions?.includes(slug) || release.changedEntries?.includes(slug),
  );
  return found ?? (changelog.at(-1) as ChangelogRelease);
}
