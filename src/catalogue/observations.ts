/**
 * Observations: real answers of iDenfy's API that someone received and recorded in public
 * material (an integrator's commit or code comment, a body pasted into iDenfy's documentation
 * history, iDenfy's own client code branching on a value). They are the evidence of the kind
 * "observed"; entries name them by id (R1 onward). Collected on 2026-11-27; nothing here was sent
 * to the API by Errata. Where an observation and the 2026 reference disagree, the reference
 * decides the prediction and the observation becomes a "you may also see" variant.
 */

/** What an observation lets us see of the response. */
export type ObservationShows = 'status' | 'message' | 'identifier' | 'body';

/**
 * How much weight it carries: `real` a response someone received; `vendor-code` iDenfy's own
 * client code branching on a value; `vendor-doc` an example in iDenfy's documentation that looks
 * pasted; `statement` a copied statement, not a body; `unverified` a claim nobody can check.
 */
export type ObservationTrust = 'real' | 'vendor-code' | 'vendor-doc' | 'statement' | 'unverified';

export interface Observation {
  id: string;
  endpoint: string;
  /** The status recorded, or null when the material does not show it. */
  status: number | null;
  shows: ObservationShows;
  /** The body as found (a message-only observation gives `{ message }`), or null. */
  body: Readonly<Record<string, unknown>> | null;
  /** Who recorded it and how, in a phrase that fits "…, in <date>": "an integrator recorded this text". */
  recordedAs: string;
  /** Where it was found: a repository with its path and commit, or a URL. */
  source: { repository?: string; path?: string; commit?: string; url?: string };
  /** When it was seen (ISO date), or null when undated. */
  date: string | null;
  trust: ObservationTrust;
  /** What it settles, and its limits. */
  note: string;
}

export const observations = [
  {
    id: 'R1',
    endpoint: 'POST /api/v2/token',
    status: 201,
    shows: 'status',
    body: null,
    recordedAs: 'an integrator changed their success check from 200 to 201 after the live API answered 201',
    source: { repository: 'gboddin/go-idenfy', path: 'Client.go', commit: 'f4bbad0987baa0be5254259a03cba48f9c9482eb' },
    date: '2023-02-28',
    trust: 'real',
    note: 'Only the status: the commit is titled "Bugfix, API returns 201 on success".',
  },
  {
    id: 'R2',
    endpoint: 'POST /api/v2/token',
    status: null,
    shows: 'body',
    body: {
      message: 'Token created successfully',
      authToken: 'pgYQX0z2T8mtcpNj9I20uWVCLKNuG0vgr12f0wAC',
      scanRef: 'ec6a7108-8c26-11e9-9758-309c231b1bac',
      clientId: '100000',
      firstName: 'JOHN TOM',
      lastName: 'SMITH',
      successUrl: 'https://www.my-company.com/idenfy/success',
      errorUrl: 'https://www.my-company.com/idenfy/fail',
      locale: 'en',
      country: 'lt',
      expiryTime: 600,
      sessionLength: 600,
      documents: ['PASSPORT', 'OTHER'],
      dateOfBirth: '1990-12-20',
      dateOfExpiry: '1990-12-20',
      dateOfIssue: '1990-12-20',
      nationality: 'lt',
      personalNumber: '123456789',
      documentNumber: '123456',
      sex: 'M',
    },
    recordedAs: 'iDenfy pasted a success body into its documentation minutes after creating it',
    source: {
      repository: 'idenfy/Documentation',
      path: 'pages/GeneratingIdentificationToken.md',
      commit: 'fccb4fc203a226644b0577523b820634d3c50103',
    },
    date: '2019-06-11',
    trust: 'real',
    note: 'A request with country and nationality "lt" was accepted and both were echoed in lower case; names were upper-cased. The scanRef was minted six minutes before the commit. Status not shown.',
  },
  {
    id: 'R3',
    endpoint: 'POST /api/v2/token',
    status: null,
    shows: 'body',
    body: {
      message: 'Token created successfully',
      authToken: 'LEWCd6xHTW2auHrst9MEqZN8tUgKsUQ8hSMNYoLI',
      scanRef: '9b11acb2-8c27-11e9-9758-309c231b1bac',
      clientId: '100000',
      personScanRef: '100000',
      firstName: null,
      lastName: null,
      successUrl: null,
      errorUrl: null,
      locale: 'en',
      country: null,
      expiryTime: 3600,
      sessionLength: 300,
      documents: ['ID_CARD', 'PASSPORT', 'RESIDENCE_PERMIT', 'DRIVER_LICENSE', 'OTHER'],
      dateOfBirth: null,
      dateOfExpiry: null,
      dateOfIssue: null,
      nationality: null,
      personalNumber: null,
      documentNumber: null,
      sex: null,
    },
    recordedAs: 'iDenfy pasted the success body of a request with only a clientId into its documentation',
    source: {
      repository: 'idenfy/Documentation',
      path: 'pages/GeneratingIdentificationToken.md',
      commit: 'fccb4fc203a226644b0577523b820634d3c50103',
    },
    date: '2019-06-11',
    trust: 'real',
    note: "Unsent successUrl and errorUrl were echoed as null, not as the documented ui.idenfy.com defaults; locale, sessionLength and documents show that account's dashboard defaults. Status not shown.",
  },
  {
    id: 'R4',
    endpoint: 'POST /api/v2/token',
    status: null,
    shows: 'body',
    body: {
      message: 'Token created successfully',
      authToken: '3FA5TFPA2ZE3LMPGGS1EGOJNJE',
      scanRef: 'd2714c8a-ec05-11e8-834f-067891e3383a',
      clientId: 100000,
    },
    recordedAs: 'iDenfy pasted a success body, trimmed to four keys, into its documentation',
    source: { repository: 'idenfy/Documentation', path: 'README.md', commit: 'ef934d340bb015b6b50047d2957cd6546dba887d' },
    date: '2018-11-22',
    trust: 'real',
    note: 'clientId is echoed as a JSON number; the request behind it is unknown, so it may show a numeric clientId accepted in 2018. Weak.',
  },
  {
    id: 'R5',
    endpoint: 'POST /api/v2/delete',
    status: null,
    shows: 'body',
    body: {
      message: 'Token has not expired yet. Scan-ref: b586d982-8c31-11e9-9758-309c231b1bac.',
      identifier: 'PARTNER_ERROR',
      documentation: 'https://github.com/idenfy/Documentation',
      severity: 'NOT_SEVERE',
    },
    recordedAs: 'iDenfy pasted an error body of the deletion endpoint into its documentation on the day it was answered',
    source: { repository: 'idenfy/Documentation', path: 'pages/IdentificationDeletion.md', commit: 'a3e251a' },
    date: '2019-06-11',
    trust: 'real',
    note: 'The identifier PARTNER_ERROR, which the reference does not list; the next day the page shortened the text to "Token has not expired yet.", as documentation.idenfy.com/kyc/deletion still shows. Status not shown (the standard-error page of the time: every standard error is a 400).',
  },
  {
    id: 'R6',
    endpoint: 'POST /api/v2/token',
    status: null,
    shows: 'message',
    body: { message: 'You are not allowed to use a custom callback url.' },
    recordedAs: 'an integrator recorded this text in a code comment after sending callbackUrl',
    source: { repository: 'holonym-foundation/id-server', path: 'src/services/idenfy', commit: '712a8ee0d373273f3b2dd9b2858b783178017fd8' },
    date: '2023-08-02',
    trust: 'real',
    note: 'The message only: status, identifier and body keys were not recorded. The account had no custom-callback permission.',
  },
  {
    id: 'R7',
    endpoint: 'POST /api/v2/token',
    status: null,
    shows: 'message',
    body: { message: 'Action not allowed due to lack of funds or exceeded limit.' },
    recordedAs: 'an integrator recorded this text in a code comment',
    source: {
      repository: 'holonym-foundation/zk-frontend',
      path: 'src/components/issuance/GovernmentIDIssuance.js',
      commit: '4c894c875a35f7f86cd2d42100743dfaa5176dbe',
    },
    date: '2023-08-09',
    trust: 'real',
    note: "The message only, word for word the reference's; status and body key not recorded.",
  },
  {
    id: 'R8',
    endpoint: 'POST /api/v2/token',
    status: null,
    shows: 'identifier',
    body: { identifier: 'UNAUTHORIZED' },
    recordedAs: "iDenfy's own WordPress plugin treats the identifier UNAUTHORIZED from this endpoint as bad credentials",
    source: { repository: 'idenfy/idenfy-wordpress', path: 'wp-idenfy.php', commit: '40b10e5' },
    date: '2022-06-05',
    trust: 'vendor-code',
    note: 'Client code, no body quoted; unchanged at 13471cb (2026-06-09). The plugin also treats any body without authToken as a failure, so it works with either answer.',
  },
  {
    id: 'R9',
    endpoint: 'POST /kyb/tokens/',
    status: null,
    shows: 'identifier',
    body: { identifier: 'PARTNER_CONTRACT_ERROR' },
    recordedAs:
      'iDenfy\'s own WordPress plugin shows "KYB session creation is not enabled" when KYB token creation answers PARTNER_CONTRACT_ERROR',
    source: { repository: 'idenfy/idenfy-wordpress', path: 'wp-idenfy.php', commit: '13471cb' },
    date: '2026-06-09',
    trust: 'vendor-code',
    note: "Another endpoint (KYB). Success there is a 201 with tokenString; UNAUTHORIZED is read as invalid credentials. The API's own message is not quoted.",
  },
  {
    id: 'R10',
    endpoint: 'POST /api/v2/process',
    status: null,
    shows: 'body',
    body: {
      message: "No image provided for step 'BACK'",
      identifier: 'MISSING_VALUE',
      documentation: 'https://github.com/idenfy/Documentation',
      severity: 'NOT_SEVERE',
    },
    recordedAs: "iDenfy's direct-processing documentation shows this body, which looks pasted",
    source: { repository: 'idenfy/Documentation', path: 'pages/DirectProcessing.md', commit: '52c6087' },
    date: '2019-06-25',
    trust: 'vendor-doc',
    note: 'Another endpoint. MISSING_VALUE for a missing nested item, with free text rather than "Field … is required."',
  },
  {
    id: 'R11',
    endpoint: 'POST /api/v2/status',
    status: null,
    shows: 'body',
    body: {
      fraudTags: [],
      mismatchTags: [],
      autoDocument: 'DOC_VALIDATED',
      autoFace: 'FACE_MATCH',
      manualDocument: 'DOC_VALIDATED',
      manualFace: 'FACE_MATCH',
      scanRef: '328c6766-934e-11ed-bb9b-025ad99a18e7',
      clientId: 'W2GL2K333Y',
      status: 'APPROVED',
    },
    recordedAs: "iDenfy's data-retrieval documentation shows this success body, which looks pasted",
    source: { url: 'https://documentation.idenfy.com/kyc/data-retrieval' },
    date: '2023-01-13',
    trust: 'vendor-doc',
    note: "A success of another endpoint; no error evidence. Errata catalogues errors and the token endpoint's success only, so it has no entry.",
  },
  {
    id: 'R12',
    endpoint: 'POST /api/v2/token',
    status: 400,
    shows: 'body',
    body: { message: 'This endpoint is not available for TESTING/PRODUCTION partners.', identifier: 'PERMISSIONS_ERROR' },
    recordedAs: "iDenfy's older dummy-session documentation shows this answer to a dummyStatus request outside development",
    source: { url: 'https://documentation.idenfy.com/integration/DummySession/' },
    date: null,
    trust: 'vendor-doc',
    note: 'Undated, about 2023; "will result in bad request" followed by the two lines. The 2026 documentation instead says 403 with no identifier.',
  },
  {
    id: 'R13',
    endpoint: 'POST /fraud/check (Mark ID, a white label of iDenfy)',
    status: 400,
    shows: 'message',
    body: { message: 'Incorrect request: data length must be 1' },
    recordedAs: "a white-label copy of iDenfy's documentation states this answer",
    source: { repository: 'mark-id/documentation', path: 'pages/aml-services/FraudApi.md', commit: '816cad2' },
    date: '2022-07-12',
    trust: 'statement',
    note: 'Another product and endpoint; it only shows a plain string message with a 400. No entry.',
  },
  {
    id: 'R14',
    endpoint: 'GET /api/v2/status',
    status: 401,
    shows: 'status',
    body: null,
    recordedAs: "an unnamed integrator's health check claims 401 for bad credentials",
    source: { url: "an integrator's health-check module (repository not named by the index that found it)" },
    date: null,
    trust: 'unverified',
    note: 'Not counted as an observation of the API: nobody can check it.',
  },
] as const satisfies readonly Observation[];

export type ObservationId = (typeof observations)[number]['id'];

export const observationIds = observations.map((observation) => observation.id) as [ObservationId, ...ObservationId[]];

/** "R1–R14": the ids from the first observation to the last, as the site writes the range (a new one extends it). */
export const observationRange = `${observationIds[0]}–${observationIds[observationIds.length - 1]}`;

const byId = new Map<string, Observation>(observations.map((observation) => [observation.id, observation]));

export function observation(id: ObservationId): Observation {
  return byId.get(id) as Observation;
}

/** "in 2023 (R6)", "undated (R12)": how a sentence cites an observation. */
export function citeObservation(id: ObservationId): string {
  const { date } = observation(id);
  return date ? `in ${date.slice(0, 4)} (${id})` : `undated (${id})`;
}

/** A readable link target for an observation's source. */
export function observationUrl(found: Observation): string | null {
  const { repository, commit, url } = found.source;
  if (url?.startsWith('https://')) return url;
  if (!repository) return null;
  // The commit page: it always exists, whatever the path points at (a file or a folder).
  if (commit) return `https://github.com/${repository}/commit/${commit}`;
  return `https://github.com/${repository}`;
}
