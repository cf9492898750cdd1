/**
 * What the predictor answers, by entry, over a fixed set of probe scenarios: the catalogue's
 * version is bound to it (src/catalogue/fingerprint.ts), so that a change to a field rule or a
 * business rule that changes a prediction needs a new version, as a change to an entry does.
 *
 * The probes are every catalogue example (also from two restricted accounts), for every field of
 * the token request the field sent with each of a fixed list of values, and for every business
 * rule the fields it reads sent in pairs of fixed values, from the default and the restricted accounts. The values do not come from the field's rule: probes
 * built from a rule would move with it (a longer length limit, a longer probe) and never notice
 * that it changed.
 */
import { catalogue } from '../catalogue/index.ts';
import { tokenFields } from '../token/fields.ts';
import type { ScenarioInput } from '../token/scenario.ts';
import { businessRules } from './business-rules.ts';
import { predict } from './predict.ts';

/** Values each field is probed with: every JSON type, lengths and numbers near common limits, common formats. */
const probeValues: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  1.5,
  18,
  59,
  60,
  300,
  3600,
  86_400,
  2_592_000,
  2_592_001,
  1e9,
  '',
  ' ',
  'x',
  'x'.repeat(30),
  'x'.repeat(40),
  'x'.repeat(50),
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(255),
  'x'.repeat(256),
  'x'.repeat(1000),
  'LT',
  'lt',
  'LTU',
  'en',
  'M',
  'ID_CARD',
  'IDENTIFICATION',
  'APPROVED',
  '1990-12-24',
  '24/12/1990',
  'https://example.com/a',
  'https://localhost/a',
  'https://example.com/a b',
  'http://example.com/a',
  '0e3c9f5a-2b1d-4c8e-9f7a-1b2c3d4e5f60',
  [],
  ['ID_CARD'],
  ['LT'],
  ['x'],
  [1],
  {},
  { ALL: ['ID_CARD'] },
  { ALL: { ALL: { UTILITY_BILL: {} } } },
];

/**
 * Accounts the business rules' probes are also sent from: the settings a contract restricts, away
 * from their defaults (the default account allows everything, so it tests few of the rules).
 */
const probeAccounts: readonly NonNullable<ScenarioInput['account']>[] = [
  { allowedTokenTypes: ['DOCUMENT'], customCallbackUrl: false, additionalSteps: false, digitStringMaxExpiry: 600 },
  {
    questionnaires: ['onboarding'],
    riskAssessmentProfiles: ['0e3c9f5a-2b1d-4c8e-9f7a-1b2c3d4e5f60'],
    supportedDocuments: { ALL: ['PASSPORT'], LT: ['ID_CARD'] },
    keyEnvironment: 'development',
    endpointEnvironment: 'development',
  },
];

/** Values the fields a business rule reads are sent with, in pairs: what the rules compare, and near misses of it. */
const ruleValues: readonly unknown[] = [
  true,
  false,
  null,
  'LT',
  'DE',
  'IDENTIFICATION',
  'DOCUMENT',
  'onboarding',
  'Onboarding',
  '0e3c9f5a-2b1d-4c8e-9f7a-1b2c3d4e5f60',
  '0E3C9F5A-2B1D-4C8E-9F7A-1B2C3D4E5F60',
  ['ID_CARD'],
  ['PASSPORT'],
  { ALL: { ALL: { UTILITY_BILL: {} } } },
  { street: 'Gedimino 1' },
  600,
  3600,
  'https://example.com/cb',
];

/** Each probe under a name of its own, so that a probe's answer stays tied to it when others are added. */
export function probes(): { name: string; scenario: ScenarioInput }[] {
  const found: { name: string; scenario: ScenarioInput }[] = [];
  for (const entry of catalogue) {
    if (!entry.example) continue;
    found.push({ name: `example:${entry.slug}`, scenario: entry.example.scenario });
    for (const [index, account] of probeAccounts.entries()) {
      const { request } = entry.example.scenario;
      found.push({ name: `account${index + 1}:example:${entry.slug}`, scenario: { ...(request ? { request } : {}), account } });
    }
  }
  for (const rule of businessRules) {
    const [first, second] = rule.reads as [string, string | undefined];
    for (const one of ruleValues) {
      for (const other of second === undefined ? [undefined] : ruleValues) {
        const body = { clientId: 'user-42', [first]: one, ...(second === undefined ? {} : { [second]: other }) };
        const name = `rule:${rule.entry}:${JSON.stringify(body)}`;
        found.push({ name, scenario: { request: { body: body as never } } });
        for (const [index, account] of probeAccounts.entries()) {
          found.push({ name: `account${index + 1}:${name}`, scenario: { request: { body: body as never }, account } });
        }
      }
    }
  }
  for (const field of tokenFields) {
    for (const value of probeValues) {
      found.push({
        name: `field:${field.name}=${JSON.stringify(value)}`,
        scenario: { request: { body: { clientId: 'user-42', [field.name]: value } as never } },
      });
    }
  }
  return found;
}

/** What the predictor holds of an entry: the rules that produce it, as data, and every probe answered with it. */
export interface EntryPredictions {
  /** The fields whose broken rule (or absence, `requiredEntry`) gives the entry: name, rule and default. */
  fieldRules: { name: string; rule: unknown; default: unknown }[];
  /** The business rules that give the entry, by the fields they read (their logic is code: the probes test it). */
  businessRules: { reads: readonly string[] }[];
  /** Each probe's answer (status and body), under the probe's name. */
  answers: Record<string, unknown>;
}

/**
 * By entry, the rules that produce it and every probe's answer given with it. A rule's data is
 * part of it, so that a limit or a list of values that changes between two probes is noticed too.
 */
export function answersByEntry(): Record<string, EntryPredictions> {
  const byEntry: Record<string, EntryPredictions> = {};
  const of = (slug: string) => {
    byEntry[slug] ??= { fieldRules: [], businessRules: [], answers: {} };
    return byEntry[slug];
  };
  for (const field of tokenFields) {
    for (const slug of new Set([field.entry, field.requiredEntry].filter((each) => each !== undefined))) {
      of(slug).fieldRules.push({ name: field.name, rule: field.rule, default: field.default });
    }
  }
  for (const rule of businessRules) of(rule.entry).businessRules.push({ reads: rule.reads });
  for (const { name, scenario } of probes()) {
    const { status, body, entry } = predict(scenario);
    of(entry).answers[name] = { status, body };
  }
  return byEntry;
}
