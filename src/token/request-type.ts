// Written by scripts/token-request-type.ts from src/token/fields.ts: do not edit.

/**
 * The request body of `POST /api/v2/token`, field by field. Only `clientId` is required; `null`
 * means "not sent". Each field's rule (lengths, formats, ranges) is checked by
 * `tokenRequestSchema` and, with the API's own messages, by `validateTokenRequest`.
 */
export interface TokenRequest {
  /** Your own identifier for the person being verified. The only required field. */
  clientId: string;
  /** How long the token (and its link) stays valid, in seconds. */
  expiryTime?: number | null;
  /** How long the person has to finish once they open the link, in seconds. */
  sessionLength?: number | null;
  /** What the person does: a document and a selfie (`IDENTIFICATION`), a document only, or a video call. */
  tokenType?: 'IDENTIFICATION' | 'DOCUMENT' | 'VIDEO_CALL' | 'VIDEO_CALL_PHOTOS' | 'VIDEO_CALL_IDENTIFICATION' | null;
  /** The country of the document, pre-selected for the person. Lower case is read as upper case. */
  country?: string | null;
  /** The document types the person may choose from; one type skips the choice. */
  documents?: ('ID_CARD' | 'PASSPORT' | 'RESIDENCE_PERMIT' | 'DRIVER_LICENSE' | 'OTHER' | 'AADHAAR' | 'PAN_CARD' | 'VISA' | 'BORDER_CROSSING' | 'ASYLUM' | 'NATIONAL_PASSPORT' | 'INTERNATIONAL_PASSPORT' | 'VOTER_CARD' | 'OLD_ID_CARD' | 'TRAVEL_CARD' | 'PHOTO_CARD' | 'MILITARY_CARD' | 'PROOF_OF_AGE_CARD' | 'DIPLOMATIC_ID' | 'PROVISIONAL_DRIVER_LICENSE' | 'ADDRESS_CARD' | 'SMART_ID' | 'CLEAR' | 'ONE_ID' | 'BANK_ID_SE' | 'BANK_ID_NO' | 'BANK_ID_CZ' | 'FTN' | 'MIT_ID' | 'VERIMI' | 'LA_WALLET' | 'SAMSUNG_WALLET' | 'MOJE_ID_CZ' | 'YOTI_ID' | 'SOCIAL_SECURITY_CARD' | 'WORK_PERMIT')[] | null;
  /** Where the person is sent after a successful verification (not used in an iframe). */
  successUrl?: string | null;
  /** Where the person is sent after a failed verification (not used in an iframe). */
  errorUrl?: string | null;
  /** A webhook address for this session only, instead of the one set in the dashboard. Needs the custom callback URL feature. */
  callbackUrl?: string | null;
  /** Where the person is sent when the verification is not analysed, for example when they cancel. */
  unverifiedUrl?: string | null;
  /** The person's date of birth, compared with the document. */
  dateOfBirth?: string | null;
  /** The document's expiry date, compared with the document. */
  dateOfExpiry?: string | null;
  /** The document's issue date, compared with the document. */
  dateOfIssue?: string | null;
  /** The person's nationality, compared with the document. Lower case is read as upper case. */
  nationality?: string | null;
  /** Your own reference for the session, returned as it is in webhooks. */
  externalRef?: string | null;
  /** Also create an 8-digit code (`digitString`) that the person types into the mobile app. */
  generateDigitString?: boolean | null;
  /** The language of the verification screens. A language iDenfy does not offer falls back to English. */
  locale?: string | null;
  /** The person's first name, compared with the document; echoed in upper case. */
  firstName?: string | null;
  /** The person's last name, compared with the document; echoed in upper case. */
  lastName?: string | null;
  /** The document's number, compared with the document. */
  documentNumber?: string | null;
  /** The person's personal or national identity number, compared with the document. */
  personalNumber?: string | null;
  /** The person's sex as printed on documents: `M` or `F`. */
  sex?: 'M' | 'F' | null;
  /** The person's address, for proof-of-address checks. */
  address?: string | null;
  /** Show the instruction screens before the capture. */
  showInstructions?: boolean | null;
  /** Send successful verifications to manual review. */
  reviewSuccessful?: boolean | null;
  /** Send failed verifications to manual review. */
  reviewFailed?: boolean | null;
  /** The key of one of your questionnaires, shown in this session. */
  questionnaire?: string | null;
  /** Whether the person must answer the questionnaire. */
  questionnaireRequired?: boolean | null;
  /** The ID (a UUID) of one of your risk assessment profiles. */
  riskAssessmentProfile?: string | null;
  /** The ID (a UUID) of one of your UI themes. */
  theme?: string | null;
  /** Countries whose registry centres are checked (for example HU, LT, US). */
  registryCentersCountries?: string[] | null;
  /** Add an e-mail verification step. */
  verifyEmail?: boolean | null;
  /** Add a phone verification step. */
  verifyPhone?: boolean | null;
  /** Add a bank verification step. */
  verifyBank?: boolean | null;
  /** Read the person's bank accounts in the bank step. */
  verifyBankAccounts?: boolean | null;
  /** Read the person's bank balances in the bank step. */
  verifyBankBalances?: boolean | null;
  /** Read the person's bank transactions in the bank step. */
  verifyBankTransactions?: boolean | null;
  /** Add a bank card verification step. */
  bankCardVerification?: boolean | null;
  /** Let the person upload a bank card statement as PDF. */
  bankCardPdfUpload?: boolean | null;
  /** Add a proof-of-address step. */
  verifyAddress?: boolean | null;
  /** Run an anti-money-laundering check. */
  checkAml?: boolean | null;
  /** Run a criminal record check (US citizens). */
  checkCriminal?: boolean | null;
  /** Run a liveness check on the selfie. */
  checkLiveness?: boolean | null;
  /** Check the face against your face blocklist. */
  checkFaceBlacklist?: boolean | null;
  /** Check the document photo against your face blocklist. */
  checkDocFaceBlacklist?: boolean | null;
  /** Check the person against your person blocklist. */
  checkPersonBlacklist?: boolean | null;
  /** Look for the same face in earlier verifications. */
  checkDuplicateFaces?: boolean | null;
  /** Look for the same document photo in earlier verifications. */
  checkDuplicateDocFaces?: boolean | null;
  /** Look for the same personal data in earlier verifications. */
  checkDuplicatePersonalData?: boolean | null;
  /** Check a US driving licence against the AAMVA registry. */
  checkDriverLicense?: boolean | null;
  /** Check Lithuanian documents against the LID registry. */
  checkLid?: boolean | null;
  /** Check whether the person connects through a proxy. */
  checkIpProxy?: boolean | null;
  /** Allow the person to mask the Dutch BSN number on the document. */
  allowBsnMasking?: boolean | null;
  /** Require reading the document's NFC chip. */
  nfcRequired?: boolean | null;
  /** Keep monitoring the person on AML lists after the verification. */
  autoAmlMonitoring?: boolean | null;
  /** Also capture the back of a driving licence. */
  driverLicenseBack?: boolean | null;
  /** Makes face matching stricter or looser for this session (default 1). */
  faceMatchingThresholdModifier?: number | null;
  /** Extra document steps, keyed by country, document type and step name. Needs the additional steps feature. */
  additionalSteps?: Record<string, unknown> | null;
  /** Data to compare in COMPARE-type additional steps, keyed by step name. Only with `additionalSteps`. */
  additionalData?: Record<string, unknown> | null;
  /** Add a utility bill step. Not together with `additionalSteps`. */
  utilityBill?: boolean | null;
  /** Offer reading the document's NFC chip without requiring it. */
  nfcOptional?: boolean | null;
  /** The minimum age; a younger person's verification becomes SUSPECTED. */
  ageLimit?: number | null;
  /** The maximum age; an older person's verification becomes SUSPECTED. */
  ageMax?: number | null;
  /** Questions for the agent of a video call. */
  videoCallQuestions?: string[] | null;
  /** Fraud checks to run: `AML_NAMES_CHECK`, `LID`, `AML_NEWS`. */
  fraudServices?: ('AML_NAMES_CHECK' | 'LID' | 'AML_NEWS')[] | null;
  /** Retries allowed after a failed attempt; 0 means the first attempt must pass. */
  maxAttemptCount?: number | null;
  /** How closely sent text must match the document (default 0.8). */
  levenshteinTextMatchRatio?: number | null;
  /** How closely sent text must match the machine-readable zone (default 0.7). */
  levenshteinMrzMatchRatio?: number | null;
  /** Check utility data through Urjanet. */
  checkUrjanet?: boolean | null;
  /** What the capture detects: `FACE`, `EYES`. */
  detectionTypes?: ('FACE' | 'EYES')[] | null;
  /** Creates a test verification with this result. Works only in a development environment. */
  dummyStatus?: 'APPROVED' | 'DENIED' | 'SUSPECTED' | 'EXPIRED' | 'ACTIVE' | null;
}
