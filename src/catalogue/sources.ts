import { observationRange } from './observations.ts';

/**
 * The public documents the catalogue cites. An entry names a source by its id and, where it helps,
 * the section it comes from.
 */
export const sources = {
  reference: {
    title: 'iDenfy: ID Error Messages',
    url: 'https://documentation.idenfy.com/kyc/id-error-messages',
    note: 'The source of truth for identifiers, token-endpoint errors and field rules.',
  },
  openapi: {
    title: "iDenfy's OpenAPI description of the KYC API (kyc.yaml)",
    url: 'https://documentation.idenfy.com/openapi/kyc.yaml',
    note: 'Request and 201 response schemas of POST /api/v2/token.',
  },
  'token-docs': {
    title: 'iDenfy: Generating an identification token (documentation history, 2018–2026)',
    url: 'https://documentation.idenfy.com/kyc/generate-token',
    note: 'Field table, defaults, limits and cross-field rules, in the versions published over the years.',
  },
  'older-errors': {
    title: 'iDenfy: Standard error messages (older documentation, pages/StandardErrorMessages.md)',
    url: 'https://github.com/idenfy/Documentation',
    note: 'Every standard error as HTTP 400; example bodies with `documentation` and `severity` keys.',
  },
  'error-handling': {
    title: 'iDenfy: Error handling guide',
    url: 'https://documentation.idenfy.com/guides/error-handling',
    note: 'HTTP status table and back-off advice.',
  },
  'dummy-results': {
    title: 'iDenfy: Dummy results',
    url: 'https://documentation.idenfy.com/kyc/dummy-results',
    note: 'Environment names in the wrong-environment message.',
  },
  'docs-history': {
    title: "iDenfy's documentation repository, history of 2018–2019 (github.com/idenfy/Documentation)",
    url: 'https://github.com/idenfy/Documentation',
    note: 'Response bodies pasted into the pages as they were written: observations R2–R5 and R10.',
  },
  'wordpress-plugin': {
    title: "iDenfy's WordPress plugin (github.com/idenfy/idenfy-wordpress)",
    url: 'https://github.com/idenfy/idenfy-wordpress',
    note: "iDenfy's own client code, which branches on identifiers the API sends: observations R8 and R9.",
  },
  observations: {
    title: `Real responses recorded in public material (Errata's observations ${observationRange})`,
    url: '/evidence/',
    note: "Integrators' commits and code comments, bodies pasted into iDenfy's documentation, iDenfy's own client code; each with its source, date and trust.",
  },
  drf: {
    title: 'Django REST framework: exceptions',
    url: 'https://www.django-rest-framework.org/api-guide/exceptions/',
    note: 'The framework behind the API: default texts and the order of authentication, throttling and method checks.',
  },
} as const satisfies Record<string, { title: string; url: string; note: string }>;

export type SourceId = keyof typeof sources;

export const sourceIds = Object.keys(sources) as [SourceId, ...SourceId[]];
