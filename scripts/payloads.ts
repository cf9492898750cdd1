/**
 * A typical full token request, valid, with two dozen fields: shared by the engine benchmark and
 * the playground measurement, so both time the same work.
 */
import type { ScenarioInput } from '../src/token/scenario.ts';

export const manyFieldsScenario: ScenarioInput = {
  request: {
    body: {
      clientId: 'user-42',
      firstName: 'Jonas',
      lastName: 'Jonaitis',
      dateOfBirth: '1990-12-24',
      nationality: 'LT',
      country: 'lt',
      documents: ['ID_CARD', 'PASSPORT', 'DRIVER_LICENSE'],
      expiryTime: 86_400,
      sessionLength: 900,
      tokenType: 'IDENTIFICATION',
      successUrl: 'https://example.com/kyc/success?session=abc',
      errorUrl: 'https://example.com/kyc/error?session=abc',
      unverifiedUrl: 'https://example.com/kyc/unverified?session=abc',
      callbackUrl: 'https://example.com/idenfy/webhook',
      locale: 'lt',
      externalRef: 'order-2026-0001',
      personalNumber: '39012240000',
      documentNumber: 'AB1234567',
      sex: 'M',
      showInstructions: true,
      checkLiveness: true,
      checkAml: true,
      questionnaire: 'onboarding',
      registryCentersCountries: ['LT', 'HU'],
      faceMatchingThresholdModifier: 1.1,
      ageLimit: 18,
    },
  },
  account: { questionnaires: ['onboarding'], supportedDocuments: { ALL: ['ID_CARD', 'PASSPORT', 'DRIVER_LICENSE'] } },
};

/** A body in Latin-1: not UTF-8. */
const latin1 = Buffer.from([...Buffer.from('{"clientId": "J'), 0xfc, ...Buffer.from('rgen"}')]).toString('base64');

/**
 * The engine benchmark's mixed workload, one payload of each kind, in turn: also what
 * `npm run bench:compare` times against an earlier revision.
 */
export const mixedPayloads: { name: string; scenario: ScenarioInput }[] = [
  { name: 'valid minimal', scenario: { request: { body: { clientId: 'user-42' } } } },
  {
    name: 'valid, many fields',
    scenario: manyFieldsScenario,
  },
  {
    name: 'several problems',
    scenario: {
      request: {
        credentials: 'invalid',
        method: 'GET',
        body: {
          clientId: '',
          expiryTime: 0,
          country: 'LTU',
          documents: ['PASSPORT', 'DRIVING_LICENSE'],
          successUrl: 'http://localhost:3000/done',
          dateOfBirth: '24/12/1990',
          callbackUrl: 'https://example.com/cb',
          utilityBill: true,
          additionalSteps: { ALL: { ALL: { UTILITY_BILL: {} } } },
        },
      },
      account: { active: false, requestsLastHour: 10_000, customCallbackUrl: false, tokenLimitReached: true },
    },
  },
  { name: 'malformed JSON raw body', scenario: { request: { rawBody: '{"clientId": "user-42", "expiryTime": 3600,}' } } },
  { name: 'non-UTF-8 bytes', scenario: { request: { rawBodyBase64: latin1 } } },
  {
    name: 'unknown keys',
    scenario: {
      request: { body: { clientID: 'user-42', client_id: 'x', clientld: 'y', expirytime: 60, callback_url: 'https://x', foo: 1, bar: 2 } },
    },
  },
];
