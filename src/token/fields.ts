/**
 * Every field of the `POST /api/v2/token` request body, in the order the predictor checks them:
 * the reference's field table first, then the other documented fields in the order of iDenfy's
 * OpenAPI description, then those only the older documentation names.
 *
 * This table is the one description of the request. The zod schema (`schema.ts`), the field
 * reference page, the JSON Schema export and the predictor's field stage all derive from it.
 */
import { countryCodes, detectionTypes, documentTypes, dummyStatuses, fraudServices, sexes, tokenTypes } from './enums.ts';

/** The JSON shape a field's value must have. Lengths count Unicode code points. */
export type ValueRule =
  | {
      type: 'string';
      minLength?: number;
      maxLength?: number;
      /** Must contain something other than white space. */
      nonBlank?: boolean;
      oneOf?: readonly string[];
      format?: 'https-url' | 'date' | 'country' | 'uuid';
    }
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'array'; items: ValueRule; minItems?: number }
  | { type: 'object' };

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Where the field is described. */
export type FieldOrigin =
  /** The reference's field validation table. */
  | 'reference'
  /** iDenfy's OpenAPI description and token documentation, current. */
  | 'openapi'
  /** Only iDenfy's older token documentation (2020–2023). */
  | 'older-docs';

/**
 * Whether a field's value can carry personal data, which decides what a share link ("Redact
 * before sharing") and an `errata check` report keep of it:
 * - `true`: it can; every string and number in it is masked. The shape stays, so the prediction
 *   does not change: a valid date stays a valid date, a valid value of a closed list (`sex`,
 *   `nationality`) stays a valid value of that list.
 * - `'url-query'`: a URL; its scheme, host and path, which the rules read, are kept, and its query
 *   and fragment, which may carry an id or a secret, are masked.
 * - `'free-text'`: a structure whose upper-case codes the predictor reads (`UTILITY_BILL`) are
 *   kept, and any other text in it masked.
 * - `false`: it cannot; kept as it is.
 * A key that is not in the table is masked like `true`.
 */
export type PersonalData = boolean | 'url-query' | 'free-text';

export interface TokenField {
  name: string;
  rule: ValueRule;
  /** When set, the field must be present and not null; absence produces this entry. */
  requiredEntry?: string;
  /** The value the API uses when the field is absent or null; null when it has none. */
  default: JsonValue;
  /** The catalogue entry a broken rule produces. */
  entry: string;
  origin: FieldOrigin;
  /** Required, so that no field is added without deciding: see `PersonalData`. */
  personal: PersonalData;
  description: string;
  /** Where sources disagree about this field, and what Errata follows. */
  note?: string;
}

const httpsUrl: ValueRule = { type: 'string', format: 'https-url', maxLength: 2048 };
const date: ValueRule = { type: 'string', format: 'date' };
const country: ValueRule = { type: 'string', format: 'country', oneOf: countryCodes };

/** A feature switch: `true` or `false` carries no personal data, so it is kept in shared links. */
function flag(name: string, description: string, options: { default?: boolean; origin?: FieldOrigin } = {}): TokenField {
  return {
    name,
    rule: { type: 'boolean' },
    default: options.default ?? null,
    entry: 'boolean-field-invalid',
    origin: options.origin ?? 'openapi',
    personal: false,
    description,
  };
}

export const tokenFields: readonly TokenField[] = [
  // The reference's field table, in its order.
  {
    name: 'clientId',
    rule: { type: 'string', nonBlank: true, maxLength: 100 },
    requiredEntry: 'client-id-missing',
    default: null,
    entry: 'client-id-invalid',
    origin: 'reference',
    personal: true,
    description: 'Your own identifier for the person being verified. The only required field.',
    note: "iDenfy's OpenAPI also lists `tokenType` as required; every prose page says it is optional with a default, and Errata follows them.",
  },
  {
    name: 'expiryTime',
    rule: { type: 'integer', minimum: 1, maximum: 2_592_000 },
    default: 3600,
    entry: 'expiry-time-invalid',
    origin: 'reference',
    personal: false,
    description: 'How long the token (and its link) stays valid, in seconds.',
    note: 'OpenAPI says `minimum: 0`; the reference says "greater than 0", and wins. The default was 86400 in the 2022 documentation.',
  },
  {
    name: 'sessionLength',
    rule: { type: 'integer', minimum: 60, maximum: 3600 },
    default: 600,
    entry: 'session-length-invalid',
    origin: 'reference',
    personal: false,
    description: 'How long the person has to finish once they open the link, in seconds.',
    note: 'Older pages said "more than 60, less than 3600"; the reference and OpenAPI include both ends. The default was 1800 in the 2022 documentation.',
  },
  {
    name: 'tokenType',
    rule: { type: 'string', oneOf: tokenTypes },
    default: 'IDENTIFICATION',
    entry: 'token-type-invalid',
    origin: 'reference',
    personal: false,
    description: 'What the person does: a document and a selfie (`IDENTIFICATION`), a document only, or a video call.',
    note: 'OpenAPI (2026) lists only `IDENTIFICATION` and `DOCUMENT`; the 2020–2023 documentation adds the three video-call types.',
  },
  {
    name: 'country',
    rule: country,
    default: null,
    entry: 'country-invalid',
    origin: 'reference',
    personal: false,
    description: 'The country of the document, pre-selected for the person. Lower case is read as upper case.',
    note: "One example of iDenfy's newest pages sends an array of countries; every other source, OpenAPI included, a single code.",
  },
  {
    name: 'documents',
    rule: { type: 'array', minItems: 1, items: { type: 'string', oneOf: documentTypes } },
    default: ['ID_CARD', 'PASSPORT'],
    entry: 'documents-invalid',
    origin: 'reference',
    personal: false,
    description: 'The document types the person may choose from; one type skips the choice.',
  },
  {
    name: 'successUrl',
    rule: httpsUrl,
    default: 'https://ui.idenfy.com/result?status=success',
    entry: 'url-invalid',
    origin: 'reference',
    personal: 'url-query',
    description: 'Where the person is sent after a successful verification (not used in an iframe).',
  },
  {
    name: 'errorUrl',
    rule: httpsUrl,
    default: 'https://ui.idenfy.com/result?status=fail',
    entry: 'url-invalid',
    origin: 'reference',
    personal: 'url-query',
    description: 'Where the person is sent after a failed verification (not used in an iframe).',
  },
  {
    name: 'callbackUrl',
    rule: httpsUrl,
    default: null,
    entry: 'url-invalid',
    origin: 'reference',
    personal: 'url-query',
    description: 'A webhook address for this session only, instead of the one set in the dashboard. Needs the custom callback URL feature.',
  },
  {
    name: 'unverifiedUrl',
    rule: httpsUrl,
    default: 'https://ui.idenfy.com/result?status=unverified',
    entry: 'url-invalid',
    origin: 'reference',
    personal: 'url-query',
    description: 'Where the person is sent when the verification is not analysed, for example when they cancel.',
  },
  {
    name: 'dateOfBirth',
    rule: date,
    default: null,
    entry: 'date-invalid',
    origin: 'reference',
    personal: true,
    description: "The person's date of birth, compared with the document.",
  },
  {
    name: 'dateOfExpiry',
    rule: date,
    default: null,
    entry: 'date-invalid',
    origin: 'reference',
    personal: true,
    description: "The document's expiry date, compared with the document.",
  },
  {
    name: 'dateOfIssue',
    rule: date,
    default: null,
    entry: 'date-invalid',
    origin: 'reference',
    personal: true,
    description: "The document's issue date, compared with the document.",
  },
  {
    name: 'nationality',
    rule: country,
    default: null,
    entry: 'nationality-invalid',
    origin: 'reference',
    personal: true,
    description: "The person's nationality, compared with the document. Lower case is read as upper case.",
  },

  // Other documented fields, in the order of iDenfy's OpenAPI description.
  {
    name: 'externalRef',
    rule: { type: 'string', maxLength: 40 },
    default: null,
    entry: 'external-ref-invalid',
    origin: 'openapi',
    personal: true,
    description: 'Your own reference for the session, returned as it is in webhooks.',
  },
  flag('generateDigitString', 'Also create an 8-digit code (`digitString`) that the person types into the mobile app.', { default: false }),
  {
    name: 'locale',
    rule: { type: 'string', maxLength: 7 },
    default: null,
    entry: 'locale-invalid',
    origin: 'openapi',
    personal: false,
    description: 'The language of the verification screens. A language iDenfy does not offer falls back to English.',
    note: 'The 2018–2023 documentation listed 16 languages; OpenAPI (2026) allows any code of up to 7 characters. Errata accepts any and warns outside the 16.',
  },
  {
    name: 'firstName',
    rule: { type: 'string', minLength: 1, maxLength: 100 },
    default: null,
    entry: 'name-invalid',
    origin: 'openapi',
    personal: true,
    description: "The person's first name, compared with the document; echoed in upper case.",
    note: "Some crawls forbid digits and symbols such as `~!@#$%^*`; iDenfy's FAQ says any characters are accepted. Errata checks the length only.",
  },
  {
    name: 'lastName',
    rule: { type: 'string', minLength: 1, maxLength: 100 },
    default: null,
    entry: 'name-invalid',
    origin: 'openapi',
    personal: true,
    description: "The person's last name, compared with the document; echoed in upper case.",
  },
  {
    name: 'documentNumber',
    rule: { type: 'string', minLength: 1, maxLength: 50 },
    default: null,
    entry: 'identity-number-invalid',
    origin: 'openapi',
    personal: true,
    description: "The document's number, compared with the document.",
    note: 'Older pages give a minimum length of 1 and no maximum; OpenAPI gives a maximum of 50.',
  },
  {
    name: 'personalNumber',
    rule: { type: 'string', minLength: 1, maxLength: 50 },
    default: null,
    entry: 'identity-number-invalid',
    origin: 'openapi',
    personal: true,
    description: "The person's personal or national identity number, compared with the document.",
  },
  {
    name: 'sex',
    rule: { type: 'string', oneOf: sexes },
    default: null,
    entry: 'sex-invalid',
    origin: 'openapi',
    personal: true,
    description: "The person's sex as printed on documents: `M` or `F`.",
  },
  {
    name: 'address',
    rule: { type: 'string', maxLength: 255 },
    default: null,
    entry: 'address-invalid',
    origin: 'openapi',
    personal: true,
    description: "The person's address, for proof-of-address checks.",
    note: 'The token documentation limits it to 255 characters; OpenAPI gives no limit.',
  },
  flag('showInstructions', 'Show the instruction screens before the capture.', { default: true }),
  flag('reviewSuccessful', 'Send successful verifications to manual review.'),
  flag('reviewFailed', 'Send failed verifications to manual review.'),
  {
    name: 'questionnaire',
    rule: { type: 'string' },
    default: null,
    entry: 'questionnaire-unknown',
    origin: 'openapi',
    personal: false,
    description: 'The key of one of your questionnaires, shown in this session.',
  },
  flag('questionnaireRequired', 'Whether the person must answer the questionnaire.', { default: true }),
  {
    name: 'riskAssessmentProfile',
    rule: { type: 'string', format: 'uuid' },
    default: null,
    entry: 'risk-assessment-profile-unknown',
    origin: 'openapi',
    personal: false,
    description: 'The ID (a UUID) of one of your risk assessment profiles.',
  },
  {
    name: 'theme',
    rule: { type: 'string', format: 'uuid' },
    default: null,
    entry: 'theme-invalid',
    origin: 'openapi',
    personal: false,
    description: 'The ID (a UUID) of one of your UI themes.',
  },
  {
    name: 'registryCentersCountries',
    rule: { type: 'array', items: country },
    default: null,
    entry: 'list-field-invalid',
    origin: 'openapi',
    personal: false,
    description: 'Countries whose registry centres are checked (for example HU, LT, US).',
  },
  flag('verifyEmail', 'Add an e-mail verification step.'),
  flag('verifyPhone', 'Add a phone verification step.'),
  flag('verifyBank', 'Add a bank verification step.'),
  flag('verifyBankAccounts', "Read the person's bank accounts in the bank step."),
  flag('verifyBankBalances', "Read the person's bank balances in the bank step."),
  flag('verifyBankTransactions', "Read the person's bank transactions in the bank step."),
  flag('bankCardVerification', 'Add a bank card verification step.'),
  flag('bankCardPdfUpload', 'Let the person upload a bank card statement as PDF.'),
  flag('verifyAddress', 'Add a proof-of-address step.'),
  flag('checkAml', 'Run an anti-money-laundering check.'),
  flag('checkCriminal', 'Run a criminal record check (US citizens).'),
  flag('checkLiveness', 'Run a liveness check on the selfie.'),
  flag('checkFaceBlacklist', 'Check the face against your face blocklist.'),
  flag('checkDocFaceBlacklist', 'Check the document photo against your face blocklist.'),
  flag('checkPersonBlacklist', 'Check the person against your person blocklist.'),
  flag('checkDuplicateFaces', 'Look for the same face in earlier verifications.'),
  flag('checkDuplicateDocFaces', 'Look for the same document photo in earlier verifications.'),
  flag('checkDuplicatePersonalData', 'Look for the same personal data in earlier verifications.'),
  flag('checkDriverLicense', 'Check a US driving licence against the AAMVA registry.'),
  flag('checkLid', 'Check Lithuanian documents against the LID registry.'),
  flag('checkIpProxy', 'Check whether the person connects through a proxy.'),
  flag('allowBsnMasking', 'Allow the person to mask the Dutch BSN number on the document.'),
  flag('nfcRequired', "Require reading the document's NFC chip."),
  flag('autoAmlMonitoring', 'Keep monitoring the person on AML lists after the verification.'),
  flag('driverLicenseBack', 'Also capture the back of a driving licence.'),
  {
    name: 'faceMatchingThresholdModifier',
    rule: { type: 'number' },
    default: null,
    entry: 'number-field-invalid',
    origin: 'openapi',
    personal: false,
    description: 'Makes face matching stricter or looser for this session (default 1).',
  },
  {
    name: 'additionalSteps',
    rule: { type: 'object' },
    default: null,
    entry: 'object-field-invalid',
    origin: 'openapi',
    personal: 'free-text',
    description: 'Extra document steps, keyed by country, document type and step name. Needs the additional steps feature.',
  },
  {
    name: 'additionalData',
    rule: { type: 'object' },
    default: null,
    entry: 'object-field-invalid',
    origin: 'openapi',
    personal: true,
    description: 'Data to compare in COMPARE-type additional steps, keyed by step name. Only with `additionalSteps`.',
  },
  {
    name: 'utilityBill',
    rule: { type: 'boolean' },
    default: false,
    entry: 'boolean-field-invalid',
    origin: 'openapi',
    personal: false,
    description: 'Add a utility bill step. Not together with `additionalSteps`.',
  },
  flag('nfcOptional', "Offer reading the document's NFC chip without requiring it."),
  {
    name: 'ageLimit',
    rule: { type: 'integer', minimum: 0 },
    default: null,
    entry: 'integer-field-invalid',
    origin: 'openapi',
    personal: false,
    description: "The minimum age; a younger person's verification becomes SUSPECTED.",
  },
  {
    name: 'ageMax',
    rule: { type: 'integer', minimum: 0 },
    default: null,
    entry: 'integer-field-invalid',
    origin: 'openapi',
    personal: false,
    description: "The maximum age; an older person's verification becomes SUSPECTED.",
  },

  // Fields that only iDenfy's older documentation (2020–2023) names.
  {
    name: 'videoCallQuestions',
    rule: { type: 'array', items: { type: 'string' } },
    default: null,
    entry: 'list-field-invalid',
    origin: 'older-docs',
    personal: true,
    description: 'Questions for the agent of a video call.',
  },
  {
    name: 'fraudServices',
    rule: { type: 'array', items: { type: 'string', oneOf: fraudServices } },
    default: null,
    entry: 'list-field-invalid',
    origin: 'older-docs',
    personal: false,
    description: 'Fraud checks to run: `AML_NAMES_CHECK`, `LID`, `AML_NEWS`.',
  },
  {
    name: 'maxAttemptCount',
    rule: { type: 'integer', minimum: 0 },
    default: null,
    entry: 'integer-field-invalid',
    origin: 'older-docs',
    personal: false,
    description: 'Retries allowed after a failed attempt; 0 means the first attempt must pass.',
  },
  {
    name: 'levenshteinTextMatchRatio',
    rule: { type: 'number' },
    default: null,
    entry: 'number-field-invalid',
    origin: 'older-docs',
    personal: false,
    description: 'How closely sent text must match the document (default 0.8).',
  },
  {
    name: 'levenshteinMrzMatchRatio',
    rule: { type: 'number' },
    default: null,
    entry: 'number-field-invalid',
    origin: 'older-docs',
    personal: false,
    description: 'How closely sent text must match the machine-readable zone (default 0.7).',
  },
  flag('checkUrjanet', 'Check utility data through Urjanet.', { origin: 'older-docs' }),
  {
    name: 'detectionTypes',
    rule: { type: 'array', items: { type: 'string', oneOf: detectionTypes } },
    default: null,
    entry: 'list-field-invalid',
    origin: 'older-docs',
    personal: false,
    description: 'What the capture detects: `FACE`, `EYES`.',
  },
  {
    name: 'dummyStatus',
    rule: { type: 'string', oneOf: dummyStatuses },
    default: null,
    entry: 'dummy-status-invalid',
    origin: 'older-docs',
    personal: false,
    description: 'Creates a test verification with this result. Works only in a development environment.',
    note: '`ACTIVE` appears only in the older documentation.',
  },
];

const fieldsByName = new Map(tokenFields.map((field) => [field.name, field]));

export function tokenField(name: string): TokenField | undefined {
  return fieldsByName.get(name);
}

export const tokenFieldNames: readonly string[] = tokenFields.map((field) => field.name);
