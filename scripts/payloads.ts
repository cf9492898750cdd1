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
