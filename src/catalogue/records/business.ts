/**
 * Case entries for the business rules (fields valid alone but not together, or not for this
 * account), the token limit and the success.
 */
import type { EntryInput } from '../entry.ts';
import { olderBodyVariant, tokenCaseOf, tokenEndpoint } from './shared.ts';

const businessRules = { source: 'reference', section: 'Business Logic Errors' } as const;

function businessRule(reason: string): EntryInput['provenance'] {
  return {
    kind: 'inferred',
    reason: `The reference names the rule and its 400 status; ${reason}`,
    parts: ['identifier', 'message'],
  };
}

const contractRule = businessRule('the identifier follows its meaning (a contract matter) and the text is inferred.');
const requestRule = businessRule('the identifier follows its meaning (fields that fail together) and the text is inferred.');

/** A business rule's entry: a 400 case of the token endpoint, with the older body form and any `variants` given after it. */
export const businessEntry = tokenCaseOf('business-rules');

/** Dummy sessions are for development only; the answer elsewhere shares its text with the wrong environment's. */
const dummyOutsideDevelopment: EntryInput = {
  slug: 'dummy-outside-development',
  kind: 'case',
  identifier: null,
  status: 403,
  title: 'Dummy session outside development',
  summary: '`dummyStatus` was sent with a key of the sandbox or production environment: dummy sessions work in development only.',
  message: 'This endpoint is not available for TESTING/PRODUCTION partners.',
  category: 'business-rules',
  endpoints: [tokenEndpoint],
  fields: ['dummyStatus'],
  cause:
    '`dummyStatus` asks for a dummy verification with a chosen result, which iDenfy creates only in a development (DEV) environment. With a sandbox (testing) or production key the API refuses the whole request; it names those environments together as `TESTING/PRODUCTION`. Sending `"dummyStatus": null` is the same as not sending it. An invalid `dummyStatus` value is refused by its field rule first.',
  fix: [
    'Drop `dummyStatus` from requests to sandbox or production.',
    'To create dummy verifications, use the API key of a development environment (ask iDenfy for one).',
  ],
  retry: { helps: false, note: 'Not with the same key: the environment decides.' },
  related: ['wrong-environment', 'dummy-status-invalid', 'dummy-token-created'],
  provenance: {
    kind: 'inferred',
    reason:
      "iDenfy's 2026 documentation gives the status, the text and the missing identifier; checking it after the field rules and before the business rules is Errata's reading.",
    parts: ['status', 'message', 'behaviour'],
  },
  evidence: {
    status: { documented: "iDenfy's 2026 documentation (error messages, dummy results)" },
    identifier: { documented: "iDenfy's 2026 documentation (error messages, dummy results)" },
    message: { documented: "iDenfy's 2026 documentation (error messages, dummy results)", observed: ['R12'] },
  },
  sources: [
    { source: 'dummy-results' },
    { source: 'reference', section: 'Authentication Errors' },
    { source: 'observations', observations: ['R12'] },
  ],
  variants: [
    {
      title: "iDenfy's older dummy-session documentation (about 2023) shows the same text as a 400 with `PERMISSIONS_ERROR`",
      status: 400,
      identifier: 'PERMISSIONS_ERROR',
      source: { source: 'dummy-results', section: 'older documentation, integration/DummySession' },
      observed: ['R12'],
      seen: '2023',
    },
  ],
  aka: ['dummy', 'dummyStatus', 'dummy session', 'test verification', 'testing/production', 'development environment'],
  example: {
    scenario: {
      request: { body: { clientId: 'user-42', dummyStatus: 'APPROVED' } },
      account: { keyEnvironment: 'sandbox', endpointEnvironment: 'sandbox' },
    },
  },
};

export const businessEntries: EntryInput[] = [
  dummyOutsideDevelopment,
  businessEntry({
    slug: 'country-document-unsupported',
    identifier: 'VALIDATION_ERROR',
    title: 'Country and document type combination not supported',
    summary: 'A document type in `documents` is not supported for the `country` sent.',
    message: "Document type '{document}' is not supported for country '{country}'.",
    fields: ['country', 'documents'],
    cause:
      "The request pins the country and lists document types, and one of those types is not accepted for that country in your account's settings (countries do not issue every type: many have no ID card, and the dashboard can narrow the list further).",
    fix: [
      'Check which document types your account accepts for the country in the dashboard.',
      'Remove the unsupported type from `documents`, or leave `documents` out to offer every type allowed for the country.',
    ],
    retry: { helps: false, note: 'Not until the combination is supported.' },
    related: ['country-invalid', 'documents-invalid'],
    provenance: requestRule,
    sources: [businessRules],
    aka: ['unsupported document', 'document not supported', 'country not supported', 'allowed documents'],
    example: {
      scenario: {
        request: { body: { clientId: 'user-42', country: 'LT', documents: ['ID_CARD', 'DRIVER_LICENSE'] } },
        account: { supportedDocuments: { LT: ['ID_CARD', 'PASSPORT'] } },
      },
      values: { document: 'DRIVER_LICENSE', country: 'LT' },
    },
  }),
  businessEntry({
    slug: 'token-type-not-allowed',
    identifier: 'PARTNER_CONTRACT_ERROR',
    title: 'Partner is not allowed to generate this token type',
    summary: 'The contract does not include the requested `tokenType`, such as video calls.',
    message: "Partner is not allowed to generate tokens of type '{tokenType}'.",
    fields: ['tokenType'],
    cause: 'The token type (sent, or the default `IDENTIFICATION` when none is sent) is valid, but your contract does not allow it.',
    fix: ['Request a token type that your contract includes.', 'Ask your iDenfy account manager to add the token type to your contract.'],
    retry: { helps: false, note: 'Not until the contract includes the type.' },
    related: ['token-type-invalid', 'partner-contract-error'],
    provenance: {
      kind: 'inferred',
      reason:
        'The reference names the rule and its 400 status; the identifier, the text, and checking the default type when none is sent are inferred.',
      parts: ['identifier', 'message', 'behaviour'],
    },
    sources: [businessRules],
    aka: ['token type not allowed', 'video call not enabled', 'contract'],
    example: {
      scenario: {
        request: { body: { clientId: 'user-42', tokenType: 'VIDEO_CALL' } },
        account: { allowedTokenTypes: ['IDENTIFICATION', 'DOCUMENT'] },
      },
      values: { tokenType: 'VIDEO_CALL' },
    },
  }),
  businessEntry({
    slug: 'custom-callback-url-not-enabled',
    identifier: 'PARTNER_CONTRACT_ERROR',
    title: 'Custom callback URL not enabled',
    summary: '`callbackUrl` was sent but the account may not override its webhook per session.',
    message: 'You are not allowed to use a custom callback url.',
    fields: ['callbackUrl'],
    cause:
      'A per-session `callbackUrl` overrides the webhook address set in the dashboard, and iDenfy enables that only on request. Sending `null` is the same as not sending it.',
    fix: [
      'Leave `callbackUrl` out and set the webhook address in the dashboard.',
      'Or ask iDenfy support (through the dashboard) to enable custom callback URLs.',
    ],
    retry: { helps: false, note: 'Not until the feature is enabled or the field dropped.' },
    related: ['url-invalid', 'partner-contract-error'],
    provenance: {
      kind: 'inferred',
      reason:
        'The reference names the rule and its 400 status; the message is the text an integrator recorded (R6), and the identifier follows its meaning (a contract matter).',
      parts: ['identifier', 'message'],
    },
    evidence: {
      status: { documented: "iDenfy's reference (every business-logic error is a 400)" },
      identifier: {
        inferred:
          'the identifier follows its meaning, a contract matter; the recorded answer kept only its text, so neither its identifier nor its status was seen',
      },
      message: { observed: ['R6'] },
    },
    sources: [businessRules, { source: 'token-docs' }, { source: 'observations', observations: ['R6'] }],
    aka: ['callback url', 'webhook', 'custom callback'],
    example: {
      scenario: {
        request: { body: { clientId: 'user-42', callbackUrl: 'https://example.com/idenfy/webhook' } },
        account: { customCallbackUrl: false },
      },
    },
  }),
  businessEntry({
    slug: 'additional-steps-not-enabled',
    identifier: 'PARTNER_CONTRACT_ERROR',
    title: 'Additional steps not enabled',
    summary: '`additionalSteps` was sent but the account does not have the additional steps feature.',
    message: 'Additional steps are not enabled for this partner.',
    fields: ['additionalSteps'],
    cause:
      'Additional steps (utility bills, extra photos, data to compare) need the feature, additional-step credits, and token generation through the API enabled by iDenfy.',
    fix: ['Leave `additionalSteps` out.', 'Or ask your iDenfy account manager to enable additional steps.'],
    retry: { helps: false, note: 'Not until the feature is enabled or the field dropped.' },
    related: ['utility-bill-with-additional-steps', 'partner-contract-error'],
    provenance: contractRule,
    sources: [businessRules, { source: 'token-docs' }],
    aka: ['additional steps', 'utility bill', 'proof of address'],
    example: {
      scenario: {
        request: { body: { clientId: 'user-42', additionalSteps: { ALL: { ALL: { UTILITY_BILL: {} } } } } },
        account: { additionalSteps: false },
      },
    },
  }),
  businessEntry({
    slug: 'utility-bill-with-additional-steps',
    identifier: 'VALIDATION_ERROR',
    title: 'utilityBill and additionalSteps used together',
    summary: '`utilityBill: true` and `additionalSteps` cannot be sent together: use `additionalSteps` only.',
    message: "Fields 'utilityBill' and 'additionalSteps' cannot be used together; use 'additionalSteps' only.",
    fields: ['utilityBill', 'additionalSteps'],
    cause:
      "Both ask for extra document steps: `utilityBill` for a utility bill, `additionalSteps` for steps you describe, a utility bill among them. iDenfy's documentation says the two keys cannot be used in the same request; Errata flags `utilityBill: true` with `additionalSteps`, since `false` asks for nothing.",
    fix: ['Drop `utilityBill` and describe the bill as a step: `"additionalSteps": {"ALL": {"ALL": {"UTILITY_BILL": {…}}}}`.'],
    retry: { helps: false, note: 'Not until one of the two is dropped.' },
    related: ['additional-steps-not-enabled', 'address-with-additional-data'],
    provenance: {
      kind: 'inferred',
      reason:
        'The reference names the rule and its 400 status; the identifier, the text, and letting `utilityBill: false` pass are inferred.',
      parts: ['identifier', 'message', 'behaviour'],
    },
    sources: [businessRules, { source: 'token-docs' }],
    aka: ['utility bill', 'proof of address'],
    example: {
      scenario: {
        request: {
          body: { clientId: 'user-42', utilityBill: true, additionalSteps: { ALL: { ALL: { UTILITY_BILL: {} } } } },
        },
      },
    },
  }),
  businessEntry({
    slug: 'address-with-additional-data',
    identifier: 'VALIDATION_ERROR',
    title: 'address and additionalData used together',
    summary: '`address` and `additionalData` cannot be sent in the same request.',
    message: "Fields 'address' and 'additionalData' cannot be used together.",
    fields: ['address', 'additionalData'],
    cause:
      "The reference says `address` and `additionalData` cannot be used together. Both carry data to compare with what the person uploads, which is likely why (Errata's reading; iDenfy gives no reason).",
    fix: ['Send the address inside `additionalData` for the step that compares it, and drop `address`.', 'Or drop `additionalData`.'],
    retry: { helps: false, note: 'Not until one of the two is dropped.' },
    related: ['additional-data-without-additional-steps', 'address-invalid'],
    provenance: requestRule,
    sources: [businessRules],
    aka: ['address', 'additional data', 'proof of address'],
    example: {
      scenario: {
        request: {
          body: {
            clientId: 'user-42',
            address: 'Main St 1, Vilnius',
            additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'COMPARE', fields: ['address'] } } } },
            additionalData: { UTILITY_BILL: { address: 'Main St 1, Vilnius' } },
          },
        },
      },
    },
  }),
  businessEntry({
    slug: 'additional-data-without-additional-steps',
    identifier: 'VALIDATION_ERROR',
    title: 'additionalData without additionalSteps',
    summary: '`additionalData` was sent without the `additionalSteps` it belongs to.',
    message: "Field 'additionalData' can only be used together with 'additionalSteps'.",
    fields: ['additionalData', 'additionalSteps'],
    cause:
      '`additionalData` holds values for the COMPARE steps that `additionalSteps` declares; without the steps there is nothing to compare them with.',
    fix: ['Send the `additionalSteps` that the data belongs to.', 'Or drop `additionalData`.'],
    retry: { helps: false, note: 'Not until the request changes.' },
    related: ['address-with-additional-data', 'object-field-invalid'],
    provenance: {
      kind: 'inferred',
      reason: "The reference does not list this rule; iDenfy's token documentation states it, and its identifier and text are inferred.",
      parts: ['identifier', 'message', 'behaviour'],
    },
    sources: [{ source: 'token-docs' }],
    aka: ['additional data', 'compare step'],
    example: {
      scenario: { request: { body: { clientId: 'user-42', additionalData: { UTILITY_BILL: { address: 'Main St 1' } } } } },
    },
  }),
  businessEntry({
    slug: 'digit-string-expiry-too-long',
    identifier: 'VALIDATION_ERROR',
    title: 'expiryTime too long for a digit string',
    summary: 'With `generateDigitString: true`, `expiryTime` exceeds the mobile code maximum.',
    message: "Field 'expiryTime' must not exceed {maxExpiry} seconds when 'generateDigitString' is true.",
    fields: ['generateDigitString', 'expiryTime'],
    cause:
      "iDenfy's documentation says that with `generateDigitString: true`, `expiryTime` must not exceed the digit string's maximum, which equals the environment's default expiry time and is raised through iDenfy. Errata takes 3,600 seconds as that maximum unless the account says otherwise, and an absent `expiryTime` as 3,600; the sources disagree on the default (3,600, 86,400, or the dashboard's). The documented requirement that the contract allows digit strings is not modelled.",
    fix: [
      'Send an `expiryTime` of at most the maximum (the message gives it), or leave it out.',
      'If you need longer-lived codes, ask iDenfy sales or support to raise the maximum.',
    ],
    retry: { helps: false, note: 'Not until the expiry time fits.' },
    related: ['expiry-time-invalid'],
    provenance: requestRule,
    sources: [businessRules, { source: 'token-docs' }],
    aka: ['digit string', 'mobile code', 'generateDigitString'],
    example: {
      scenario: { request: { body: { clientId: 'user-42', generateDigitString: true, expiryTime: 86400 } } },
      values: { maxExpiry: '3600' },
    },
  }),
  businessEntry({
    slug: 'questionnaire-unknown',
    identifier: 'BAD_VALUE',
    title: 'Questionnaire not found',
    summary: '`questionnaire` is not the key of one of your questionnaires.',
    message: "Field 'questionnaire' must be the key of one of the partner's questionnaires.",
    fields: ['questionnaire'],
    cause:
      "`questionnaire` takes the key of one of your account's questionnaires, as a string. A typo, or a title instead of a key, is refused.",
    fix: ["Check the questionnaire's key in your account and send it exactly.", 'Send `null` or leave the field out for no questionnaire.'],
    retry: { helps: false, note: 'Not until the key exists.' },
    related: ['risk-assessment-profile-unknown'],
    provenance: {
      kind: 'inferred',
      reason: 'The reference names the rule and its 400 status; the BAD_VALUE identifier and the text are inferred.',
      parts: ['identifier', 'message'],
    },
    sources: [businessRules, { source: 'openapi' }],
    aka: ['questionnaire', 'questionnaire key', 'survey'],
    example: {
      scenario: {
        request: { body: { clientId: 'user-42', questionnaire: 'onboardng' } },
        account: { questionnaires: ['onboarding'] },
      },
    },
  }),
  businessEntry({
    slug: 'risk-assessment-profile-unknown',
    identifier: 'BAD_VALUE',
    title: 'Risk assessment profile not found',
    summary: '`riskAssessmentProfile` is not the ID of one of your risk assessment profiles.',
    message: "Field 'riskAssessmentProfile' must be the ID of one of the partner's risk assessment profiles.",
    fields: ['riskAssessmentProfile'],
    cause:
      "`riskAssessmentProfile` takes the ID (a UUID) of one of your account's risk assessment profiles. A profile name or a malformed UUID is refused.",
    fix: ["Check the profile's ID in your account and send it exactly.", 'Send `null` or leave the field out for no profile.'],
    retry: { helps: false, note: 'Not until the ID exists.' },
    related: ['questionnaire-unknown'],
    provenance: {
      kind: 'inferred',
      reason: 'The reference names the rule and its 400 status; the BAD_VALUE identifier and the text are inferred.',
      parts: ['identifier', 'message'],
    },
    sources: [businessRules, { source: 'openapi' }],
    aka: ['risk profile', 'risk assessment'],
    example: {
      scenario: {
        request: { body: { clientId: 'user-42', riskAssessmentProfile: '3f1c2a9e-8b7d-4c6e-9a51-0d2e4f6a8b1c' } },
        account: { riskAssessmentProfiles: ['9b2d7c41-5e3a-4f80-8c19-6a7e2d4b0f35'] },
      },
    },
  }),
];

export const outcomeEntries: EntryInput[] = [
  {
    slug: 'token-limit-reached',
    kind: 'case',
    identifier: 'PERMISSIONS_ERROR',
    status: 400,
    title: 'Partner reached token limit',
    summary: 'The account has run out of verification credits. Not a rate limit.',
    message: 'Partner reached token limit.',
    category: 'limits',
    endpoints: [tokenEndpoint],
    cause:
      'Every token uses a verification credit, and the account has none left. It is not a rate-limit issue: waiting does not help. The request itself is valid, which is why this is checked last.',
    fix: [
      'Contact your iDenfy account manager to buy more credits or upgrade the plan.',
      'Watch your remaining credits so that you top up before they run out.',
    ],
    retry: { helps: false, note: 'Not until credits are added: waiting does not help.' },
    related: ['insufficient-funds', 'rate-limit-exceeded', 'permissions-error'],
    provenance: {
      kind: 'inferred',
      reason:
        "The reference's common issues document the text (without its final period); the status, identifier and period come from iDenfy's older documentation.",
      parts: ['status', 'identifier', 'message'],
    },
    evidence: {
      status: {
        documented: "iDenfy's older standard-error page",
        inferred: 'the 2026 reference gives this case no status, and answers a lack of funds with a 402 instead; the older 400 is kept',
      },
      identifier: { documented: "iDenfy's older standard-error page" },
      message: { documented: "iDenfy's reference (common issues, without the final period) and its older standard-error page" },
    },
    sources: [{ source: 'reference', section: 'Common Issues' }, { source: 'older-errors' }],
    variants: [
      olderBodyVariant,
      {
        title:
          "Errata's reading: the reference's 402 for an insufficient balance may be what running out of credits returns today; both answers may exist",
        asEntry: 'insufficient-funds',
        source: { source: 'reference', section: 'Authentication Errors' },
      },
    ],
    aka: ['credits', 'credits ran out', 'out of credits', 'no credits', 'no tokens left', 'token limit', 'quota', 'buy credits'],
    example: { scenario: { account: { tokenLimitReached: true } } },
  },
  {
    slug: 'token-created',
    kind: 'case',
    identifier: null,
    status: 201,
    title: 'Token created',
    summary: 'Success: the token was created. 201, not 200.',
    message: 'Token created successfully',
    category: 'success',
    endpoints: [tokenEndpoint],
    cause:
      "Every check passed. The body carries the `authToken` for the verification UI or SDK, the `scanRef` that identifies the verification in webhooks, a `redirectUrl`, and every request field with its effective value. The status is 201 Created: code that treats anything but 200 as an error (as the reference's own handling example does) treats this success as a failure.",
    fix: [
      'Treat any 2xx status as success (`response.ok`, `raise_for_status()`), not only 200.',
      'Store `scanRef` to match webhooks to the person; send `authToken` (never your API secret) to the front end.',
    ],
    retry: { helps: false, note: 'Nothing to retry: a new request creates another token and uses another credit.' },
    related: ['token-limit-reached'],
    provenance: {
      kind: 'inferred',
      reason: "The reference documents errors only; the 201 status and the message come from iDenfy's OpenAPI description.",
      parts: ['status', 'message'],
    },
    evidence: {
      status: { documented: "iDenfy's OpenAPI description", observed: ['R1'] },
      identifier: { documented: "iDenfy's OpenAPI description" },
      message: { documented: "iDenfy's OpenAPI description", observed: ['R2', 'R3', 'R4'] },
    },
    sources: [
      { source: 'openapi', section: "responses '201'" },
      { source: 'token-docs' },
      { source: 'observations', observations: ['R1', 'R2', 'R3', 'R4'] },
    ],
    variants: [
      {
        title:
          'A success body of 2019 echoed `null` for the URLs that were not sent, where iDenfy documents (and Errata predicts) the ui.idenfy.com defaults',
        echoes: { successUrl: null, errorUrl: null },
        source: { source: 'docs-history', section: 'pages/GeneratingIdentificationToken.md, 2019-06-11' },
        observed: ['R3'],
        seen: '2019-06-11',
      },
      {
        title:
          'A success body of 2019 echoed `country` and `nationality` in lower case as sent, where newer documentation says they are converted to upper case (as Errata predicts)',
        echoes: { country: 'lt', nationality: 'lt' },
        source: { source: 'docs-history', section: 'pages/GeneratingIdentificationToken.md, 2019-06-11' },
        observed: ['R2'],
        seen: '2019-06-11',
      },
      {
        title:
          'A success body of 2018 echoed `clientId` as a JSON number; the request behind it is unknown, and Errata refuses a numeric clientId (types are strict)',
        echoes: { clientId: 100000 },
        source: { source: 'docs-history', section: 'README.md, 2018-11-22' },
        observed: ['R4'],
        seen: '2018-11-22',
      },
    ],
    aka: ['success', '201', 'created', 'auth token', 'authToken', 'scanRef'],
    example: { scenario: {} },
  },
  {
    slug: 'dummy-token-created',
    kind: 'case',
    identifier: null,
    status: 201,
    title: 'Dummy token created',
    summary: 'Success in a development environment: a token and a dummy verification with the `dummyStatus` result were created.',
    message: 'Dummy token and verification created successfully',
    category: 'success',
    endpoints: [tokenEndpoint],
    fields: ['dummyStatus'],
    cause:
      'Every check passed and the request asked for a dummy verification (`dummyStatus`) with a development key. The body is that of any created token, with its own message; the verification gets the chosen result without anyone verifying.',
    fix: [
      'Treat any 2xx status as success, and read `message` if you need to tell a dummy session from a real one.',
      'Use dummy sessions to test how your integration handles each result; never send `dummyStatus` from production code.',
    ],
    retry: { helps: false, note: 'Nothing to retry: each request creates another dummy session.' },
    related: ['token-created', 'dummy-outside-development', 'dummy-status-invalid'],
    provenance: {
      kind: 'inferred',
      reason:
        "iDenfy's dummy-session documentation gives the message; the 201 status and the rest of the body are those of any created token.",
      parts: ['status', 'message'],
    },
    evidence: {
      status: { inferred: 'the documentation gives only the message; a dummy token is created like any other, with 201' },
      identifier: { documented: "iDenfy's OpenAPI description (a success has no identifier)" },
      message: { documented: "iDenfy's dummy-session documentation" },
    },
    sources: [{ source: 'dummy-results' }, { source: 'openapi', section: "responses '201'" }],
    aka: ['dummy token', 'dummy session', 'dummy success', 'test verification'],
    example: {
      scenario: {
        request: { body: { clientId: 'user-42', dummyStatus: 'APPROVED' } },
        account: { keyEnvironment: 'development', endpointEnvironment: 'development' },
      },
    },
  },
];
