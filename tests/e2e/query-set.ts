/**
 * What people type or paste into the search box, and the page that must come first. The
 * end-to-end test runs every query through the real search box of the built site; the unit test
 * (tests/unit/search-query-set.test.ts) runs those the exact lookup answers against the matcher.
 *
 * `kind` says what the query is, and so which layer answers it: everything but `full-text` is
 * answered by the exact lookup (the engine's matcher); `full-text` by Pagefind alone.
 */
export type QueryKind = 'identifier' | 'status' | 'message' | 'field' | 'words' | 'body' | 'full-text';

export interface Query {
  query: string;
  /** The path of the first result. */
  first: string;
  kind: QueryKind;
}

const countryMessage = "Field 'country' must be a valid ISO 3166-1 alpha-2 code.";

export const querySet: readonly Query[] = [
  // An identifier in any spelling: its identifier entry.
  { query: 'BAD_VALUE', first: '/errors/bad-value/', kind: 'identifier' },
  { query: 'bad_value', first: '/errors/bad-value/', kind: 'identifier' },
  { query: 'bad value', first: '/errors/bad-value/', kind: 'identifier' },
  { query: 'Bad Value', first: '/errors/bad-value/', kind: 'identifier' },
  { query: 'BadValue', first: '/errors/bad-value/', kind: 'identifier' },
  { query: 'bad-value', first: '/errors/bad-value/', kind: 'identifier' },
  { query: 'MISSING_VALUE', first: '/errors/missing-value/', kind: 'identifier' },
  { query: 'too many requests', first: '/errors/too-many-requests/', kind: 'identifier' },
  { query: 'PARTNER_CONTRACT_ERROR', first: '/errors/partner-contract-error/', kind: 'identifier' },
  { query: 'json_error', first: '/errors/json-error/', kind: 'identifier' },
  { query: 'Method-Not-Allowed', first: '/errors/method-not-allowed/', kind: 'identifier' },
  { query: 'token not valid', first: '/errors/token-not-valid/', kind: 'identifier' },
  { query: 'Permissions Error', first: '/errors/permissions-error/', kind: 'identifier' },
  { query: 'VALIDATION_ERROR', first: '/errors/validation-error/', kind: 'identifier' },

  // A status: its one entry, else its status page.
  { query: '402', first: '/errors/insufficient-funds/', kind: 'status' },
  { query: 'HTTP 402', first: '/errors/insufficient-funds/', kind: 'status' },
  { query: '429', first: '/errors/rate-limit-exceeded/', kind: 'status' },
  { query: '405', first: '/errors/wrong-http-method/', kind: 'status' },
  { query: 'HTTP/1.1 401 Unauthorized', first: '/errors/invalid-credentials/', kind: 'status' },
  // Two successes have 201 (a token, a dummy token): the status page lists both.
  { query: '201', first: '/status/201/', kind: 'status' },
  { query: '500', first: '/errors/internal-error/', kind: 'status' },
  { query: '400', first: '/status/400/', kind: 'status' },
  { query: '403', first: '/status/403/', kind: 'status' },
  { query: 'status 403', first: '/status/403/', kind: 'status' },

  // A message, whole or in part, with or without the user's own values: its case entry.
  { query: 'Expected a dictionary, but got list', first: '/errors/body-not-object/', kind: 'message' },
  { query: 'Invalid data. Expected a dictionary, but got str.', first: '/errors/body-not-object/', kind: 'message' },
  { query: 'not available for DEMO partners', first: '/errors/wrong-environment/', kind: 'message' },
  { query: 'This endpoint is not available for SANDBOX partners.', first: '/errors/wrong-environment/', kind: 'message' },
  { query: countryMessage, first: '/errors/country-invalid/', kind: 'message' },
  { query: "Field 'successUrl' must be a valid HTTPS URL of at most 2048 characters.", first: '/errors/url-invalid/', kind: 'message' },
  { query: "Field 'dateOfBirth' must be a valid date in YYYY-MM-DD format.", first: '/errors/date-invalid/', kind: 'message' },
  { query: "Field 'firstName' must be a string of 1 to 100 characters.", first: '/errors/name-invalid/', kind: 'message' },
  { query: "Document type 'VISA' is not supported for country 'LT'.", first: '/errors/country-document-unsupported/', kind: 'message' },
  { query: 'Method "GET" not allowed.', first: '/errors/wrong-http-method/', kind: 'message' },
  { query: "Partner is not allowed to generate tokens of type 'VIDEO_CALL'.", first: '/errors/token-type-not-allowed/', kind: 'message' },
  { query: 'Partner reached token limit', first: '/errors/token-limit-reached/', kind: 'message' },
  { query: 'An error occurred while parsing/constructing JSON', first: '/errors/json-parse-error/', kind: 'message' },
  { query: 'Some of required values are missing', first: '/errors/body-null/', kind: 'message' },
  { query: "Field 'clientId' is required.", first: '/errors/client-id-missing/', kind: 'message' },
  { query: 'Invalid authorization credentials', first: '/errors/invalid-credentials/', kind: 'message' },
  { query: 'lack of funds or exceeded limit', first: '/errors/insufficient-funds/', kind: 'message' },
  { query: 'Token created successfully', first: '/errors/token-created/', kind: 'message' },
  { query: 'must be a string of 1 to 100 characters', first: '/errors/name-invalid/', kind: 'message' },

  // A whole error body pasted into the box.
  { query: JSON.stringify({ identifier: 'BAD_VALUE', message: countryMessage }), first: '/errors/country-invalid/', kind: 'body' },
  { query: '{"message":"Partner inactive"}', first: '/errors/partner-inactive/', kind: 'body' },

  // A field name: the case entry of its rule.
  { query: 'sessionLength', first: '/errors/session-length-invalid/', kind: 'field' },
  { query: 'expiryTime', first: '/errors/expiry-time-invalid/', kind: 'field' },
  { query: 'callbackUrl', first: '/errors/url-invalid/', kind: 'field' },
  { query: 'documents', first: '/errors/documents-invalid/', kind: 'field' },
  { query: 'dateOfBirth', first: '/errors/date-invalid/', kind: 'field' },
  { query: 'country', first: '/errors/country-invalid/', kind: 'field' },
  { query: 'firstName', first: '/errors/name-invalid/', kind: 'field' },

  // Plain words: the entry they describe (its `aka` words, shown on its page).
  { query: 'credits ran out', first: '/errors/token-limit-reached/', kind: 'words' },
  { query: 'out of credits', first: '/errors/token-limit-reached/', kind: 'words' },
  { query: 'rate limit', first: '/errors/rate-limit-exceeded/', kind: 'words' },
  { query: 'throttled', first: '/errors/rate-limit-exceeded/', kind: 'words' },
  { query: 'account disabled', first: '/errors/partner-inactive/', kind: 'words' },
  { query: 'wrong api key', first: '/errors/invalid-credentials/', kind: 'words' },
  { query: 'sandbox', first: '/errors/wrong-environment/', kind: 'words' },
  { query: 'malformed json', first: '/errors/json-parse-error/', kind: 'words' },
  { query: 'payment required', first: '/errors/insufficient-funds/', kind: 'words' },
  { query: 'passport', first: '/errors/documents-invalid/', kind: 'words' },
  { query: 'webhook', first: '/errors/custom-callback-url-not-enabled/', kind: 'words' },
  { query: 'expired token', first: '/errors/token-not-valid/', kind: 'words' },

  // Only the full text knows these: Pagefind's first result.
  { query: 'order of evaluation', first: '/evaluation/', kind: 'full-text' },
  { query: 'handle errors in code', first: '/guides/handling-errors/', kind: 'full-text' },
  { query: 'exponential backoff', first: '/errors/too-many-requests/', kind: 'full-text' },
];
