/**
 * Errors of endpoints other than `POST /api/v2/token`, seen in real responses (observations R5,
 * R9, R10). They are catalogued so that lookup, search and triage can name them; the predictor
 * models the token endpoint alone, so none of them is ever predicted and none has an example.
 */
import type { EntryInput } from '../entry.ts';
import { olderBodyVariant } from './shared.ts';

const deleteEndpoint = 'POST /api/v2/delete';
const processEndpoint = 'POST /api/v2/process';
const kybTokensEndpoint = 'POST /kyb/tokens/';

const standardErrorStatus = {
  inferred: "the recorded body does not show its status; iDenfy's standard-error page of the time says every standard error is a 400",
} as const;

export const partnerErrorEntry: EntryInput = {
  slug: 'partner-error',
  kind: 'identifier',
  identifier: 'PARTNER_ERROR',
  status: 400,
  title: 'The request conflicts with the state of your data',
  summary:
    "An identifier seen on the deletion endpoint, missing from iDenfy's reference: the action is not possible yet for this verification.",
  message: null,
  category: 'identifiers',
  endpoints: [deleteEndpoint],
  cause:
    "iDenfy's reference does not list `PARTNER_ERROR`, but a real body of `POST /api/v2/delete` carried it, in 2019, when a verification's token had not expired yet (its data cannot be deleted while the token may still be used). It concerns the partner's own data rather than the request's form, so other endpoints may send it for other conflicts. The token endpoint never sends it, as far as anyone has recorded.",
  fix: [
    'Read `message` for what is not possible yet.',
    'On deletion: wait until the token has expired (or the verification has finished), then delete again.',
  ],
  retry: { helps: true, note: 'Later, once the state it names has changed (the token expired, say).' },
  related: ['deletion-token-not-expired', 'permissions-error'],
  provenance: {
    kind: 'inferred',
    reason: "iDenfy's reference does not list this identifier; it was recorded in a real body of the deletion endpoint (R5).",
    parts: ['status', 'identifier'],
  },
  evidence: { status: standardErrorStatus, identifier: { observed: ['R5'] } },
  sources: [{ source: 'docs-history', section: 'pages/IdentificationDeletion.md, 2019-06-11', observations: ['R5'] }],
  aka: ['partner error', 'cannot delete', 'not expired'],
};

export const otherEndpointEntries: EntryInput[] = [
  {
    slug: 'deletion-token-not-expired',
    kind: 'case',
    identifier: 'PARTNER_ERROR',
    status: 400,
    title: 'Token has not expired yet (deletion)',
    summary: '`POST /api/v2/delete` refuses to delete a verification whose token has not expired yet.',
    message: 'Token has not expired yet. Scan-ref: {scanRef}.',
    category: 'other-endpoints',
    endpoints: [deleteEndpoint],
    cause:
      "Deleting a verification's data (`POST /api/v2/delete` with `scanRefs`) is refused while its token has not expired: the person could still open it. `{scanRef}` names the verification. This belongs to the deletion endpoint: Errata predicts `POST /api/v2/token` only, so this answer is never predicted; it is here so that lookup and triage can name it.",
    fix: [
      'Wait until the token has expired (its `expiryTime` has passed) or the verification has finished, then delete again.',
      'When you create tokens you mean to delete soon, give them a short `expiryTime`.',
    ],
    retry: { helps: true, note: 'Yes, once the token has expired.' },
    related: ['partner-error'],
    provenance: {
      kind: 'inferred',
      reason: "iDenfy's reference covers the token endpoint; this body was recorded from the deletion endpoint (R5), without its status.",
      parts: ['status', 'identifier', 'message'],
    },
    evidence: {
      status: standardErrorStatus,
      identifier: { observed: ['R5'] },
      message: { observed: ['R5'], documented: "iDenfy's deletion documentation (shortened, without the scan-ref)" },
    },
    sources: [{ source: 'docs-history', section: 'pages/IdentificationDeletion.md, 2019-06-11', observations: ['R5'] }],
    variants: [
      {
        title:
          "iDenfy's deletion documentation, from the day after, shows the message shortened to its first sentence, with an empty `documentation` key",
        message: 'Token has not expired yet.',
        extra: { documentation: '', severity: 'NOT_SEVERE' },
        source: { source: 'docs-history', section: 'pages/IdentificationDeletion.md, 2019-06-12; documentation.idenfy.com/kyc/deletion' },
        seen: '2019-06-12',
      },
      { ...olderBodyVariant, observed: ['R5'], seen: '2019-06-11' },
    ],
    aka: ['delete', 'deletion', 'delete verification', 'token not expired', 'scanRefs'],
  },
  {
    slug: 'process-image-missing',
    kind: 'case',
    identifier: 'MISSING_VALUE',
    status: 400,
    title: 'No image provided for a step (direct processing)',
    summary: '`POST /api/v2/process` lacks the image of a step the document needs, such as its back.',
    message: "No image provided for step '{step}'",
    category: 'other-endpoints',
    endpoints: [processEndpoint],
    cause:
      'Direct processing (`POST /api/v2/process`) takes the photos of a verification in `images`, one per step. A document type that has two sides needs `FRONT` and `BACK`; `{step}` names the one missing. This belongs to the direct-processing endpoint: Errata predicts `POST /api/v2/token` only, so this answer is never predicted; it is here so that lookup and triage can name it.',
    fix: [
      'Send an image for the step the message names (in `images`, keyed by the step: `FRONT`, `BACK`, `FACE`).',
      'Check that the document type matches the photos: a passport has one side, an ID card two.',
    ],
    retry: { helps: false, note: 'Not until the image is sent.' },
    related: ['missing-value'],
    provenance: {
      kind: 'inferred',
      reason:
        "iDenfy's reference covers the token endpoint; this body comes from its direct-processing documentation (R10), without its status.",
      parts: ['status', 'identifier', 'message'],
    },
    evidence: {
      status: standardErrorStatus,
      identifier: { documented: "iDenfy's direct-processing documentation (2019)", observed: ['R10'] },
      message: { documented: "iDenfy's direct-processing documentation (2019)", observed: ['R10'] },
    },
    sources: [{ source: 'docs-history', section: 'pages/DirectProcessing.md, 2019-06-25', observations: ['R10'] }],
    variants: [{ ...olderBodyVariant, observed: ['R10'], seen: '2019-06-25' }],
    aka: ['direct processing', 'process', 'image missing', 'back image', 'no image'],
  },
  {
    slug: 'kyb-session-not-enabled',
    kind: 'case',
    identifier: 'PARTNER_CONTRACT_ERROR',
    status: 400,
    title: 'KYB session creation not enabled',
    summary: '`POST /kyb/tokens/` is refused because the contract does not include KYB (business verification) sessions.',
    message: 'KYB session creation is not enabled',
    category: 'other-endpoints',
    endpoints: [kybTokensEndpoint],
    cause:
      "Creating a KYB (know your business) session needs the feature in your contract. iDenfy's own WordPress plugin reads `PARTNER_CONTRACT_ERROR` from KYB token creation as this case and shows this sentence; the API's own message was not recorded, so a real answer may word it differently. This belongs to the KYB endpoint: Errata predicts `POST /api/v2/token` only, so this answer is never predicted; it is here so that lookup and triage can name it.",
    fix: ['Ask your iDenfy account manager to enable KYB sessions for your account.'],
    retry: { helps: false, note: 'Not until the contract includes KYB.' },
    related: ['partner-contract-error'],
    provenance: {
      kind: 'inferred',
      reason: "iDenfy's reference covers the token endpoint; iDenfy's WordPress plugin branches on this identifier for KYB tokens (R9).",
      parts: ['status', 'identifier', 'message'],
    },
    evidence: {
      status: {
        inferred: "no status was recorded; a contract error is a 400 on the token endpoint, where iDenfy's reference documents it",
      },
      identifier: { observed: ['R9'] },
      message: {
        inferred: "the sentence iDenfy's plugin shows for this identifier (R9), not a recorded message of the API",
      },
    },
    sources: [{ source: 'wordpress-plugin', section: 'wp-idenfy.php, KYB token creation', observations: ['R9'] }],
    aka: ['kyb', 'kyb tokens', 'business verification', 'kyb not enabled'],
  },
];
