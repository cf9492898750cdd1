/**
 * The business rules, in the reference's table order: fields that are valid alone but not
 * together, or not for this account. A rule reads only fields that passed their own rule; when
 * one of the fields it reads was invalid, the rule is not checked (the field's error comes first).
 */
import type { Account } from '../token/scenario.ts';
import { pointerTo } from './outcome.ts';
import type { Values } from '../catalogue/template.ts';

/** The fields of the request that were sent (not null) and passed their own rule. */
export type ValidFields = ReadonlyMap<string, unknown>;

export interface RuleBreach {
  pointer: string;
  values?: Values;
}

export interface BusinessRule {
  /** The catalogue entry the rule produces. */
  entry: string;
  /** The request fields the rule reads. */
  reads: readonly string[];
  /** Where the rule comes from, in a few words, for the evaluation page. */
  when: string;
  check(fields: ValidFields, account: Account): RuleBreach | null;
}

/** `expiryTime` when the request leaves it out (token documentation, 2018–2021). */
export const defaultExpiryTime = 3600;

export const businessRules: readonly BusinessRule[] = [
  {
    entry: 'country-document-unsupported',
    reads: ['country', 'documents'],
    when: 'both `country` and `documents` are sent, and a listed type is not supported for the country',
    check(fields, account) {
      const country = fields.get('country') as string | undefined;
      const documents = fields.get('documents') as string[] | undefined;
      if (!country || !documents || account.supportedDocuments === null) return null;
      const code = country.toUpperCase();
      const supported = new Set<string>([...(account.supportedDocuments[code] ?? []), ...(account.supportedDocuments.ALL ?? [])]);
      const index = documents.findIndex((document) => !supported.has(document));
      if (index === -1) return null;
      return { pointer: pointerTo('documents', index), values: { document: documents[index] as string, country: code } };
    },
  },
  {
    entry: 'token-type-not-allowed',
    reads: ['tokenType'],
    when: "the token type (sent, or the default) is not in the account's allowed token types",
    check(fields, account) {
      const tokenType = (fields.get('tokenType') as string | undefined) ?? 'IDENTIFICATION';
      if (account.allowedTokenTypes === null) return null;
      if ((account.allowedTokenTypes as readonly string[]).includes(tokenType)) return null;
      return { pointer: fields.has('tokenType') ? pointerTo('tokenType') : '', values: { tokenType } };
    },
  },
  {
    entry: 'custom-callback-url-not-enabled',
    reads: ['callbackUrl'],
    when: '`callbackUrl` is sent and the account lacks the custom callback URL feature',
    check(fields, account) {
      return fields.has('callbackUrl') && !account.customCallbackUrl ? { pointer: pointerTo('callbackUrl') } : null;
    },
  },
  {
    entry: 'additional-steps-not-enabled',
    reads: ['additionalSteps'],
    when: '`additionalSteps` is sent and the account lacks the additional steps feature',
    check(fields, account) {
      return fields.has('additionalSteps') && !account.additionalSteps ? { pointer: pointerTo('additionalSteps') } : null;
    },
  },
  {
    entry: 'utility-bill-with-additional-steps',
    reads: ['utilityBill', 'additionalSteps'],
    when: '`utilityBill: true` is sent with `additionalSteps`',
    check(fields) {
      return fields.get('utilityBill') === true && fields.has('additionalSteps') ? { pointer: pointerTo('utilityBill') } : null;
    },
  },
  {
    entry: 'address-with-additional-data',
    reads: ['address', 'additionalData'],
    when: '`address` is sent with `additionalData`',
    check(fields) {
      return fields.has('address') && fields.has('additionalData') ? { pointer: pointerTo('address') } : null;
    },
  },
  {
    entry: 'additional-data-without-additional-steps',
    reads: ['additionalData', 'additionalSteps'],
    when: '`additionalData` is sent without `additionalSteps`',
    check(fields) {
      return fields.has('additionalData') && !fields.has('additionalSteps') ? { pointer: pointerTo('additionalData') } : null;
    },
  },
  {
    entry: 'digit-string-expiry-too-long',
    reads: ['generateDigitString', 'expiryTime'],
    when: "`generateDigitString: true` and `expiryTime` (sent, or 3600) is over the account's digit-string maximum",
    check(fields, account) {
      if (fields.get('generateDigitString') !== true) return null;
      const expiryTime = (fields.get('expiryTime') as number | undefined) ?? defaultExpiryTime;
      if (expiryTime <= account.digitStringMaxExpiry) return null;
      const pointer = fields.has('expiryTime') ? pointerTo('expiryTime') : pointerTo('generateDigitString');
      return { pointer, values: { maxExpiry: String(account.digitStringMaxExpiry) } };
    },
  },
  {
    entry: 'questionnaire-unknown',
    reads: ['questionnaire'],
    when: "`questionnaire` is not one of the account's questionnaire keys",
    check(fields, account) {
      const key = fields.get('questionnaire') as string | undefined;
      if (key === undefined || account.questionnaires === null || account.questionnaires.includes(key)) return null;
      return { pointer: pointerTo('questionnaire') };
    },
  },
  {
    entry: 'risk-assessment-profile-unknown',
    reads: ['riskAssessmentProfile'],
    when: "`riskAssessmentProfile` is not one of the account's risk assessment profile IDs",
    check(fields, account) {
      const id = fields.get('riskAssessmentProfile') as string | undefined;
      if (id === undefined || account.riskAssessmentProfiles === null) return null;
      const known = account.riskAssessmentProfiles.some((profile) => profile.toLowerCase() === id.toLowerCase());
      return known ? null : { pointer: pointerTo('riskAssessmentProfile') };
    },
  },
];
