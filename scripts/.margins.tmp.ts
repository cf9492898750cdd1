import { lookup } from '../src/catalogue/matcher.ts';
const texts = [
  'You are not allowed to use a custom callback url.',
  'Action not allowed due to lack of funds or exceeded limit.',
  'This endpoint is not available for TESTING/PRODUCTION partners.',
  '{"message": "This endpoint is not available for TESTING/PRODUCTION partners.", "identifier": "PERMISSIONS_ERROR"}',
  'Token has not expired yet. Scan-ref: b586d982-8c31-11e9-9758-309c231b1bac.',
  JSON.stringify({message:'Token has not expired yet. Scan-ref: b586d982-8c31-11e9-9758-309c231b1bac.',identifier:'PARTNER_ERROR',documentation:'https://github.com/idenfy/Documentation',severity:'NOT_SEVERE'}),
  JSON.stringify({message:"No image provided for step 'BACK'",identifier:'MISSING_VALUE',documentation:'https://github.com/idenfy/Documentation',severity:'NOT_SEVERE'}),
  "No image provided for step 'BACK'",
  'KYB session creation is not enabled',
  'Dummy token and verification created successfully',
  'Token created successfully',
  'Partner reached token limit.',
  'Incorrect request: data length must be 1',
  'You are not allowed to use custom callback url',
  'This endpoint is not available for SANDBOX partners.',
  '{"identifier": "UNAUTHORIZED"}',
  '{"identifier": "PARTNER_CONTRACT_ERROR"}',
];
for (const t of texts) {
  const m = lookup(t).matches.slice(0, 3).map((x) => `${x.entry.slug} ${x.score.toFixed(2)} ${x.reason}${x.variant ? ' (variant)' : ''}`);
  console.log(t.slice(0, 70), '\n   ', m.join(' | '));
}
for (const t of ['{"identifier":"BAD_VALUE","message":"Field \'clientId\' is required."}', '{"identifier":"NOPE","message":"Partner inactive"}', '{"identifier":"UNAUTHORIZED","message":"Invalid authorization credentials"}']) {
  const m = lookup(t).matches.slice(0, 4).map((x) => `${x.entry.slug} ${x.score.toFixed(2)} ${x.reason}${x.variant ? ' (variant)' : ''}`);
  console.log(t.slice(0, 80), '\n   ', m.join(' | '));
}
