/**
 * Case entries for what the API checks before it reads any field: credentials, the account,
 * the rate limit, the method, the encoding and the shape of the body.
 */
import type { EntryInput } from '../entry.ts';
import { olderBodyVariant, tokenEndpoint } from './shared.ts';

const identifierlessBody: EntryInput['provenance'] = {
  kind: 'inferred',
  reason:
    "The reference gives the status and message and says the body has no identifier; that the text sits under a `message` key follows the reference's own handling example.",
  parts: ['body'],
};

export const requestEntries: EntryInput[] = [
  {
    slug: 'invalid-credentials',
    kind: 'case',
    identifier: null,
    status: 401,
    title: 'Invalid authorization credentials',
    summary: 'The API key and secret are missing or wrong; checked before anything else.',
    message: 'Invalid authorization credentials',
    category: 'authentication',
    endpoints: [tokenEndpoint],
    cause:
      "The request has no HTTP Basic `Authorization` header, or the key and secret in it do not belong to an iDenfy account. This is checked before any request processing, so the body has no `identifier`. Keys that worked before usually fail because they were rotated in the dashboard, or because stored credentials picked up trailing white space. iDenfy's error-handling guide also lists sandbox keys used against production here; the reference answers that case with a 403 instead (see the wrong-environment entry), and Errata follows the reference.",
    fix: [
      'Check in the dashboard (Settings → API Keys) that the key and secret have not been rotated.',
      'Send HTTP Basic auth: username = API key, password = API secret, `Authorization: Basic base64(API_KEY:API_SECRET)`.',
      'Strip trailing white space and line breaks from the stored key and secret.',
      'Check that the key pair belongs to the environment you call (sandbox or production).',
    ],
    retry: { helps: false, note: 'Not with the same credentials: fix them first.' },
    related: ['unauthorized', 'wrong-environment'],
    provenance: identifierlessBody,
    evidence: {
      identifier: {
        documented: "iDenfy's reference",
        inferred:
          "the reference says this answer has no identifier, and Errata follows it; iDenfy's own WordPress plugin reads `UNAUTHORIZED` from this endpoint (R8), so that form is shown as a variant",
      },
    },
    sources: [
      { source: 'reference', section: 'Authentication Errors; Common Issues' },
      { source: 'wordpress-plugin', observations: ['R8'] },
    ],
    variants: [
      {
        title:
          "Older API versions and other endpoints send the identifier `UNAUTHORIZED` in a standard error body; iDenfy's WordPress plugin (2022, still in 2026) checks this endpoint's answer for it",
        identifier: 'UNAUTHORIZED',
        extra: { documentation: 'https://github.com/idenfy/Documentation', severity: 'NOT_SEVERE' },
        source: { source: 'older-errors' },
        observed: ['R8'],
        seen: '2022-06-05',
      },
      {
        title: "iDenfy's error-handling guide names the same case `Invalid credentials`",
        message: 'Invalid credentials',
        source: { source: 'error-handling' },
      },
    ],
    aka: ['401', 'wrong api key', 'wrong secret', 'authentication failed', 'basic auth', 'credentials'],
    example: { scenario: { request: { credentials: 'invalid' } } },
  },
  {
    slug: 'partner-inactive',
    kind: 'case',
    identifier: null,
    status: 403,
    title: 'Partner inactive',
    summary: 'The partner account is disabled.',
    message: 'Partner inactive',
    category: 'authentication',
    endpoints: [tokenEndpoint],
    cause: 'The credentials are right, but the partner account they belong to has been disabled by iDenfy.',
    fix: ['Contact your iDenfy account manager or support to learn why the account was disabled and to reactivate it.'],
    retry: { helps: false, note: 'Not until iDenfy reactivates the account.' },
    related: ['invalid-credentials', 'insufficient-funds'],
    provenance: identifierlessBody,
    sources: [{ source: 'reference', section: 'Authentication Errors' }],
    aka: ['account disabled', 'account inactive', 'deactivated', 'suspended'],
    example: { scenario: { account: { active: false } } },
  },
  {
    slug: 'wrong-environment',
    kind: 'case',
    identifier: null,
    status: 403,
    title: 'Endpoint not available for this environment',
    summary: 'The key belongs to another environment than the one called, e.g. sandbox keys against production.',
    message: 'This endpoint is not available for {ENV} partners.',
    category: 'authentication',
    endpoints: [tokenEndpoint],
    cause:
      "The API key belongs to one environment and the request goes to another: sandbox (test) credentials against production, development keys against sandbox, or the reverse. `{ENV}` names the key's environment (`DEVELOPMENT`, `SANDBOX`, `PRODUCTION`; iDenfy's pages also show `DEMO`). The same sentence with `TESTING/PRODUCTION` is a different case: a dummy session (`dummyStatus`) asked of an environment other than development.",
    fix: [
      'Use the key pair of the environment you call: sandbox keys for testing, production keys for live traffic.',
      "Keep each environment's keys in its own configuration, so one cannot leak into the other.",
    ],
    retry: { helps: false, note: 'Not with the same key.' },
    related: ['invalid-credentials', 'dummy-outside-development'],
    provenance: {
      kind: 'inferred',
      reason:
        "The reference gives status, message and case; that `{ENV}` is the key's environment in capitals, and the `message` key, are Errata's reading.",
      parts: ['body', 'behaviour'],
    },
    sources: [{ source: 'reference', section: 'Authentication Errors' }, { source: 'dummy-results' }],
    aka: ['sandbox', 'production', 'development', 'test keys', 'live keys', 'demo', 'environment mismatch'],
    example: {
      scenario: { account: { keyEnvironment: 'sandbox', endpointEnvironment: 'production' } },
      values: { ENV: 'SANDBOX' },
    },
  },
  {
    slug: 'insufficient-funds',
    kind: 'case',
    identifier: null,
    status: 402,
    title: 'Lack of funds or exceeded limit',
    summary: 'The balance is too low, or the expense limit is reached, for another verification.',
    message: 'Action not allowed due to lack of funds or exceeded limit.',
    category: 'authentication',
    endpoints: [tokenEndpoint],
    cause:
      "Creating a token costs a verification, and the account's balance is insufficient or its expense limit has been reached. Tokens created for the same `clientId` before the previous one finished also use credits.",
    fix: [
      'Top up the balance or raise the expense limit in the dashboard, or ask your iDenfy account manager.',
      'Avoid creating a new token for a `clientId` whose previous verification has not finished.',
    ],
    retry: { helps: false, note: 'Not until funds are added.' },
    related: ['token-limit-reached', 'partner-inactive'],
    provenance: identifierlessBody,
    evidence: { message: { documented: "iDenfy's reference", observed: ['R7'] } },
    sources: [
      { source: 'reference', section: 'Authentication Errors' },
      { source: 'observations', observations: ['R7'] },
    ],
    aka: ['402', 'payment required', 'no balance', 'expense limit', 'top up', 'no funds', 'billing'],
    example: { scenario: { account: { fundsAvailable: false } } },
  },
  {
    slug: 'rate-limit-exceeded',
    kind: 'case',
    identifier: 'TOO_MANY_REQUESTS',
    status: 429,
    title: 'Requests per hour limit reached',
    summary: 'The account sent 10,000 requests (its default limit) in the past hour.',
    message: 'Requests per hour limit has been reached. Default value is 10000.',
    category: 'rate-limit',
    endpoints: [tokenEndpoint],
    cause:
      'The account has already made as many requests in the past hour as its limit allows: 10,000 by default. Batch jobs and retry loops without back-off are the usual reason. This is not about credits: running out of tokens is a different error.',
    fix: [
      'Wait, then retry with exponential back-off and jitter (for example 1 s, 2 s, 4 s, each plus a random part).',
      'Spread batch work over the hour instead of sending it at once.',
      'If your volume really needs more, ask iDenfy support to raise the limit.',
    ],
    retry: { helps: true, note: 'Yes, after waiting: the limit counts requests in the past hour.' },
    related: ['too-many-requests', 'token-limit-reached'],
    provenance: {
      kind: 'inferred',
      reason:
        "The reference gives the identifier and the 10,000-per-hour limit; 429 comes from iDenfy's error-handling guide and the text from its older description of the identifier (the final period is Errata's).",
      parts: ['status', 'message'],
    },
    evidence: {
      status: { documented: "iDenfy's error-handling guide" },
      message: {
        documented: "iDenfy's older standard-error page",
        inferred: "the final period is Errata's; the older page ends the sentence without one",
      },
    },
    sources: [
      { source: 'reference', section: 'Error Identifiers; Common Issues' },
      { source: 'error-handling' },
      { source: 'older-errors' },
    ],
    variants: [olderBodyVariant],
    aka: ['throttled', 'rate limit', 'rate limited', '429', 'too many requests', 'requests per hour', 'slow down'],
    example: { scenario: { account: { requestsLastHour: 10000 } } },
  },
  {
    slug: 'wrong-http-method',
    kind: 'case',
    identifier: 'METHOD_NOT_ALLOWED',
    status: 405,
    title: 'Method not allowed on the token endpoint',
    summary: 'The token endpoint was called with another method than POST.',
    message: 'Method "{method}" not allowed.',
    category: 'request',
    endpoints: [tokenEndpoint],
    cause:
      'The token endpoint takes `POST` only. `GET` comes from opening the URL in a browser, from a link, or from an HTTP client that follows a redirect and turns the `POST` into a `GET`; methods are case-sensitive, so `post` is refused too.',
    fix: [
      'Send `POST https://ivs.idenfy.com/api/v2/token`, with the method in capitals.',
      'Call the exact URL, so that no redirect turns the POST into a GET.',
    ],
    retry: { helps: false, note: 'Not with the same method.' },
    related: ['method-not-allowed'],
    provenance: {
      kind: 'inferred',
      reason:
        "The reference defines the identifier only; 405 is HTTP's status for it and the text is the default of Django REST framework, on which the API runs.",
      parts: ['status', 'message'],
    },
    sources: [{ source: 'reference', section: 'Error Identifiers' }, { source: 'drf' }],
    variants: [
      {
        title: "iDenfy's older documentation sends every standard error, this one included, as HTTP 400",
        status: 400,
        source: { source: 'older-errors' },
      },
      olderBodyVariant,
    ],
    aka: ['405', 'get', 'wrong method', 'get instead of post'],
    example: { scenario: { request: { method: 'GET' } }, values: { method: 'GET' } },
  },
  {
    slug: 'body-not-utf8',
    kind: 'case',
    identifier: 'ENCODING_ERROR',
    status: 400,
    title: 'Request body is not valid UTF-8',
    summary: 'The body bytes could not be decoded as UTF-8.',
    message: 'Request body could not be decoded as UTF-8.',
    category: 'request',
    endpoints: [tokenEndpoint],
    cause:
      'The body contains bytes that are not UTF-8: usually a name with an accent encoded in Latin-1 or Windows-1252 (`ü` as the single byte `0xFC`), or a body built by concatenating bytes from another encoding.',
    fix: [
      'Serialize the body with a JSON library and send it as UTF-8 (`requests` with `json=`, `fetch` with `JSON.stringify`).',
      'If you read names from a file or a database, decode them with their real encoding first.',
    ],
    retry: { helps: false, note: 'Not until the body is re-encoded.' },
    related: ['encoding-error', 'json-parse-error'],
    provenance: {
      kind: 'inferred',
      reason: 'The reference defines ENCODING_ERROR for bodies that are not UTF-8 but gives no message for it.',
      parts: ['message'],
    },
    sources: [{ source: 'reference', section: 'Error Identifiers' }],
    variants: [olderBodyVariant],
    aka: ['utf-8', 'utf8', 'encoding', 'latin-1', 'charset', 'decode'],
    example: { scenario: { request: { rawBodyBase64: 'eyJjbGllbnRJZCI6ICJK/HJnZW4ifQ==' } } },
  },
  {
    slug: 'json-parse-error',
    kind: 'case',
    identifier: 'JSON_ERROR',
    status: 400,
    title: 'Error while parsing JSON',
    summary: 'The body is empty or is not valid JSON.',
    message: 'An error occurred while parsing/constructing JSON',
    category: 'request',
    endpoints: [tokenEndpoint],
    cause:
      'The body is empty, or it does not parse as JSON: a trailing comma, single quotes, an unquoted key, a comment, or a Python dict printed with `str()` instead of serialized with `json.dumps()`.',
    fix: [
      'Serialize the body with a JSON library (`json.dumps`, `JSON.stringify`) instead of writing it by hand.',
      'Make sure the body is sent at all, with `Content-Type: application/json`.',
    ],
    retry: { helps: false, note: 'Not until the body parses.' },
    related: ['json-error', 'body-not-object', 'body-null'],
    provenance: {
      kind: 'inferred',
      reason:
        'The reference gives this status and message for an empty body; the JSON_ERROR identifier, and the same answer for malformed JSON, are inferred.',
      parts: ['identifier', 'behaviour'],
    },
    sources: [{ source: 'reference', section: 'Request Parsing Errors' }],
    variants: [olderBodyVariant],
    aka: ['malformed json', 'invalid json', 'empty body', 'trailing comma', 'parse error', 'syntax error'],
    example: { scenario: { request: { rawBody: '{"clientId": "user-42",}' } } },
  },
  {
    slug: 'body-not-object',
    kind: 'case',
    identifier: 'VALIDATION_ERROR',
    status: 400,
    title: 'Expected a dictionary',
    summary: 'The body parsed as JSON but is an array, string, number or boolean instead of an object.',
    message: 'Invalid data. Expected a dictionary, but got {type}.',
    category: 'request',
    endpoints: [tokenEndpoint],
    cause:
      'The body is valid JSON but not an object: an array (`list`), a string (`str`), a number (`int` or `float`) or a boolean (`bool`). `{type}` is the Python type name of what arrived. A body encoded twice (a JSON string that contains JSON) arrives as `str`.',
    fix: [
      'Send one JSON object, `{"clientId": "…"}`, not a list of them: create one token per request.',
      'Serialize the payload once: pass the object to your client (`json=payload`), not a string you already serialized.',
    ],
    retry: { helps: false, note: 'Not until the body is an object.' },
    related: ['json-parse-error', 'body-null', 'validation-error'],
    provenance: {
      kind: 'inferred',
      reason:
        'The reference gives this status and message for an array or string body; the VALIDATION_ERROR identifier, the same answer for numbers and booleans, and the Python type names in {type} are inferred.',
      parts: ['identifier', 'behaviour'],
    },
    sources: [{ source: 'reference', section: 'Request Parsing Errors' }, { source: 'drf' }],
    variants: [olderBodyVariant],
    aka: ['expected a dictionary', 'array body', 'list body', 'double encoded', 'got list', 'got str'],
    example: { scenario: { request: { body: [{ clientId: 'user-42' }] } }, values: { type: 'list' } },
  },
  {
    slug: 'body-null',
    kind: 'case',
    identifier: 'MISSING_VALUE',
    status: 400,
    title: 'Some of required values are missing',
    summary: 'The body is the JSON value null.',
    message: 'Some of required values are missing',
    category: 'request',
    endpoints: [tokenEndpoint],
    cause:
      'The body is the JSON literal `null`: the payload variable was empty when it was serialized (`json.dumps(None)`, `JSON.stringify(null)`).',
    fix: ['Check that the payload exists before sending it.', 'Send a JSON object with at least `clientId`.'],
    retry: { helps: false, note: 'Not until a body is sent.' },
    related: ['json-parse-error', 'client-id-missing', 'missing-value'],
    provenance: {
      kind: 'inferred',
      reason: 'The reference gives this status and message; the MISSING_VALUE identifier is inferred.',
      parts: ['identifier'],
    },
    sources: [{ source: 'reference', section: 'Request Parsing Errors' }],
    variants: [olderBodyVariant],
    aka: ['null body', 'body is null', 'required values'],
    example: { scenario: { request: { body: null } } },
  },
];
