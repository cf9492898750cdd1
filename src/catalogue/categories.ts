/**
 * The categories that group entries on the index pages and in the sidebar, in reading order:
 * the order in which the API checks a request, identifiers last.
 */
export const categories = [
  {
    id: 'authentication',
    title: 'Authentication and account',
    summary: 'Credentials, account state, environment and funds: checked before anything else.',
  },
  {
    id: 'rate-limit',
    title: 'Rate limit',
    summary: 'Too many requests in the past hour.',
  },
  {
    id: 'request',
    title: 'Request method and body',
    summary: 'The HTTP method, the encoding of the body and whether it parses as a JSON object.',
  },
  {
    id: 'fields',
    title: 'Field validation',
    summary: 'A field of the token request is missing or breaks its rule.',
  },
  {
    id: 'business-rules',
    title: 'Business rules',
    summary: 'Fields that are valid alone but not together, or not for this account.',
  },
  {
    id: 'limits',
    title: 'Token limit',
    summary: 'The account has no verification tokens left.',
  },
  {
    id: 'success',
    title: 'Success',
    summary: 'The token was created.',
  },
  {
    id: 'other-endpoints',
    title: 'Other endpoints',
    summary: 'Errors of other endpoints of the API, seen in real responses: listed for lookup, never predicted.',
  },
  {
    id: 'identifiers',
    title: 'Error identifiers',
    summary: 'The constant codes in the `identifier` key of an error body, across the whole API.',
  },
] as const;

export type CategoryId = (typeof categories)[number]['id'];
export type Category = (typeof categories)[number];

export const categoryIds = categories.map((category) => category.id) as [CategoryId, ...CategoryId[]];
