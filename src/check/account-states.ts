/**
 * The account states that could explain a response: every way an account may differ from the
 * defaults, derived from the scenario's account schema (a boolean flipped, each other value of an
 * enumeration, an empty list or map where null means "any", the smallest number, a number the
 * response itself names), so that a field added to the account is searched without a change
 * here. Each state says, in words, what it means: "the account had no funds".
 */
import { catalogue } from '../catalogue/index.ts';
import { accountSchema, type Account } from '../token/scenario.ts';

/** One account setting that differs from the default. */
export interface AccountChange {
  field: string;
  value: unknown;
}

/** What the schema says of a field, read through its default and nullable wrappers. */
interface FieldShape {
  type: string;
  options: readonly unknown[];
  minimum: number | undefined;
  nullable: boolean;
}

interface SchemaLike {
  def: { type: string; innerType?: SchemaLike };
  options?: readonly unknown[];
  minValue?: number | null;
}

function shapeOf(schema: SchemaLike): FieldShape {
  let inner = schema;
  let nullable = false;
  while (inner.def.innerType && (inner.def.type === 'default' || inner.def.type === 'nullable' || inner.def.type === 'optional')) {
    if (inner.def.type === 'nullable') nullable = true;
    inner = inner.def.innerType;
  }
  return { type: inner.def.type, options: inner.options ?? [], minimum: inner.minValue ?? undefined, nullable };
}

const defaults: Account = accountSchema.parse({});
const fields = Object.entries(accountSchema.shape as unknown as Record<string, SchemaLike>).map(
  ([field, schema]) => [field, shapeOf(schema)] as const,
);

/** Whole numbers the response names (`… must not exceed 1800 seconds`): the account's own limits. */
function numbersIn(text: string): number[] {
  const found: number[] = [];
  let digits = '';
  for (const char of `${text} `) {
    if (char >= '0' && char <= '9') digits += char;
    else if (char === ',' && digits !== '') continue;
    else {
      if (digits !== '' && digits.length <= 9) found.push(Number(digits));
      digits = '';
    }
  }
  return [...new Set(found)];
}

/** A number big enough to pass any limit the account model counts against. */
const large = 2 ** 31 - 1;

/** Every single change to the default account, most telling first; `hint` is the response's text. */
export function singleChanges(hint: string): AccountChange[] {
  const changes: AccountChange[] = [];
  const named = numbersIn(hint);
  for (const [field, shape] of fields) {
    const current = (defaults as Record<string, unknown>)[field];
    const values: unknown[] = [];
    if (shape.type === 'boolean') values.push(!current);
    else if (shape.type === 'enum') values.push(...shape.options);
    else if (shape.type === 'number') values.push(...(shape.minimum === undefined ? [] : [shape.minimum]), ...named, large);
    else if (shape.type === 'array' && shape.nullable) values.push([]);
    else if (shape.type === 'record' && shape.nullable) values.push({});
    for (const value of values) {
      if (JSON.stringify(value) === JSON.stringify(current)) continue;
      if (typeof value === 'number' && shape.minimum !== undefined && value < shape.minimum) continue;
      if (changes.some((change) => change.field === field && JSON.stringify(change.value) === JSON.stringify(value))) continue;
      changes.push({ field, value });
    }
  }
  return changes;
}

/**
 * Changes that only work together: enumerations with the same values (the key's environment and
 * the endpoint's) set to the same other value, as a development key calling the development
 * endpoint. Other states need one change: the API answers with the first failure, so one account
 * setting explains it.
 */
export function groupedChanges(): AccountChange[][] {
  const groups: AccountChange[][] = [];
  const enums = fields.filter(([, shape]) => shape.type === 'enum');
  const seen = new Set<string>();
  for (const [field, shape] of enums) {
    const options = JSON.stringify(shape.options);
    if (seen.has(options)) continue;
    seen.add(options);
    const same = enums.filter(([, other]) => JSON.stringify(other.options) === options).map(([name]) => name);
    if (same.length < 2) continue;
    for (const value of shape.options) {
      if (same.every((name) => (defaults as Record<string, unknown>)[name] === value)) continue;
      groups.push(same.map((name) => ({ field: name, value })));
    }
    void field;
  }
  return groups;
}

/**
 * The accounts of the catalogue's own examples (the entry that needs a development key calling the
 * development endpoint, a contract that allows two token types …), as changes from the defaults:
 * an entry added with an example brings the state it needs.
 */
export function exampleChanges(): AccountChange[][] {
  const found = new Map<string, AccountChange[]>();
  for (const entry of catalogue) {
    const account = (entry.example?.scenario as { account?: Record<string, unknown> } | undefined)?.account;
    if (!account) continue;
    const parsed = accountSchema.safeParse(account);
    if (!parsed.success) continue;
    const changes = Object.entries(parsed.data)
      .filter(([field, value]) => JSON.stringify(value) !== JSON.stringify((defaults as Record<string, unknown>)[field]))
      .map(([field, value]) => ({ field, value }));
    if (changes.length > 0) found.set(JSON.stringify(changes), changes);
  }
  return [...found.values()];
}

/** The account settings as the JSON report lists them: only those that differ from the defaults. */
export function accountOf(changes: readonly AccountChange[]): Record<string, unknown> | null {
  return changes.length === 0 ? null : Object.fromEntries(changes.map((change) => [change.field, change.value]));
}

const inWords: Readonly<Record<string, (value: unknown) => string | undefined>> = {
  active: (value) => (value === false ? 'the account was inactive' : undefined),
  fundsAvailable: (value) => (value === false ? 'the account had no funds' : undefined),
  tokenLimitReached: (value) => (value === true ? 'the account had reached its token limit' : undefined),
  keyEnvironment: (value) => `the API key was a ${String(value)} key`,
  endpointEnvironment: (value) => `the request went to the ${String(value)} environment`,
  requestsLastHour: (value) => `the account had made ${Number(value).toLocaleString('en-US')} requests in the past hour (the rate limit)`,
  allowedTokenTypes: (value) => (Array.isArray(value) && value.length === 0 ? 'the contract did not allow this token type' : undefined),
  customCallbackUrl: (value) => (value === false ? 'the contract had custom callback URLs off' : undefined),
  additionalSteps: (value) => (value === false ? 'the contract had additional steps off' : undefined),
  digitStringMaxExpiry: (value) => `the account allowed digit strings at most ${Number(value).toLocaleString('en-US')} seconds`,
  questionnaires: (value) => (Array.isArray(value) && value.length === 0 ? 'the account did not have this questionnaire' : undefined),
  riskAssessmentProfiles: (value) =>
    Array.isArray(value) && value.length === 0 ? 'the account did not have this risk assessment profile' : undefined,
  supportedDocuments: (value) =>
    typeof value === 'object' && value !== null && Object.keys(value).length === 0
      ? 'the account did not support this document for this country'
      : undefined,
};

/** A change in words; a field without words of its own is named with its value. */
export function describeChange(change: AccountChange): string {
  return inWords[change.field]?.(change.value) ?? `the account's ${change.field} was ${JSON.stringify(change.value)}`;
}

/** `agrees if the account had no funds and …`. */
export function describeState(changes: readonly AccountChange[]): string {
  return changes.map(describeChange).join(' and ');
}
