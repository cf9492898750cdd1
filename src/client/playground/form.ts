/**
 * The playground's form ⇄ a scenario. The form holds what the controls show, as text and
 * booleans; a scenario is what the predictor reads. Pure and DOM-free, so both directions are
 * unit-tested: a form made from a scenario gives that scenario back, and every value a control
 * cannot turn into a scenario field comes back as an error for that control, never dropped.
 */
import { jsonTextDepth, limitWords, maxBodyBytes, maxNestingDepth, utf8Length } from '../../limits.ts';
import { defaultBody, isBase64, type ScenarioInput } from '../../token/scenario.ts';
import { countryCodes, documentTypes, tokenTypes, type TokenType } from '../../token/enums.ts';
import { lineColumn, scanJson, type JsonScan } from '../../json/text.ts';
import { base64FromBytes, bytesFromBase64 } from '../../base64.ts';

export type BodyMode = 'json' | 'text' | 'base64';
export type Credentials = 'valid' | 'missing' | 'invalid';
export type Environment = 'development' | 'sandbox' | 'production';

export interface FormState {
  method: string;
  credentials: Credentials;
  bodyMode: BodyMode;
  /** The editor's text: JSON (or any text) in the first two modes, base64 in the third. */
  body: string;
  active: boolean;
  keyEnvironment: Environment;
  endpointEnvironment: Environment;
  fundsAvailable: boolean;
  tokenLimitReached: boolean;
  /** Empty means the default. */
  requestsLastHour: string;
  restrictTokenTypes: boolean;
  allowedTokenTypes: TokenType[];
  customCallbackUrl: boolean;
  additionalSteps: boolean;
  /** Empty means the default. */
  digitStringMaxExpiry: string;
  restrictQuestionnaires: boolean;
  /** Comma-separated keys. */
  questionnaires: string;
  restrictRiskAssessmentProfiles: boolean;
  /** Comma-separated IDs. */
  riskAssessmentProfiles: string;
  /** A JSON object from country (or "ALL") to document types; empty means every type everywhere. */
  supportedDocuments: string;
}

export type Control = keyof FormState;

export interface FormError {
  control: Control;
  message: string;
}

export interface FormRead {
  /** The scenario the form describes, with its valid parts only when `errors` is not empty. */
  scenario: ScenarioInput;
  errors: FormError[];
  /** The body text scanned as JSON (not in base64 mode), for marks in the editor. */
  scan: JsonScan | null;
  /** How the body is sent. */
  sentAs: 'body' | 'rawBody' | 'rawBodyBase64';
}

export const accountDefaults = {
  active: true,
  keyEnvironment: 'production',
  endpointEnvironment: 'production',
  fundsAvailable: true,
  tokenLimitReached: false,
  requestsLastHour: 0,
  allowedTokenTypes: null,
  customCallbackUrl: true,
  additionalSteps: true,
  digitStringMaxExpiry: 3600,
  questionnaires: null,
  riskAssessmentProfiles: null,
  supportedDocuments: null,
} as const;

const booleanFields = ['active', 'fundsAvailable', 'tokenLimitReached', 'customCallbackUrl', 'additionalSteps'] as const;
const environmentFields = ['keyEnvironment', 'endpointEnvironment'] as const;

/** JSON text as the playground writes it: two-space indents. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Whether JSON.stringify gives back exactly the value JSON.parse read (no 1e999 → Infinity). */
function survivesJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(survivesJson);
  return true;
}

/**
 * How JSON mode sends a text: as the JSON value when it parses and the value says all the text
 * says, else as the raw text. A bare number stays text, since the API names its type from the
 * text (`1.0` is a float), and so does a number too large for JSON to write back.
 */
export function jsonModeSends(text: string, scan: JsonScan = scanJson(text)): { as: 'body'; value: unknown } | { as: 'rawBody' } {
  if (scan.error || !scan.root || scan.root.kind === 'number') return { as: 'rawBody' };
  const value: unknown = JSON.parse(text);
  return survivesJson(value) ? { as: 'body', value } : { as: 'rawBody' };
}

/** `"a, b,,c "` → `["a", "b", "c"]`. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function utf8ToBase64(text: string): string {
  return base64FromBytes(new TextEncoder().encode(text));
}

/** Text from base64 bytes; `lossy` when the bytes were not valid UTF-8 (each bad byte became U+FFFD). */
export function base64ToText(base64: string): { text: string; lossy: boolean } | null {
  if (!isBase64(base64)) return null;
  const bytes = bytesFromBase64(base64);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), lossy: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), lossy: true };
  }
}

/**
 * The body text when the body mode changes, so that the same body is sent where it can be:
 * text ↔ base64 converts; an invalid base64 text is kept as it is.
 */
export function convertBody(body: string, from: BodyMode, to: BodyMode): { body: string; note?: string } {
  if (from === to || (from !== 'base64' && to !== 'base64')) return { body };
  if (to === 'base64') return { body: utf8ToBase64(body) };
  const decoded = base64ToText(body);
  if (!decoded) return { body, note: 'The base64 text did not decode, so it is kept as it was.' };
  return decoded.lossy
    ? { body: decoded.text, note: 'The bytes were not valid UTF-8: each invalid byte became "�".' }
    : { body: decoded.text };
}

/** The form that shows a scenario. */
export function formFromScenario(input: ScenarioInput): FormState {
  const request = input.request ?? {};
  const account = input.account ?? {};
  let bodyMode: BodyMode = 'json';
  let body = formatJson(defaultBody);
  if (request.rawBodyBase64 !== undefined) {
    bodyMode = 'base64';
    body = request.rawBodyBase64;
  } else if (request.rawBody !== undefined) {
    body = request.rawBody;
    // JSON mode sends text that does not parse as it is: only text it would send as a value needs raw mode.
    bodyMode = jsonModeSends(body).as === 'body' ? 'text' : 'json';
  } else if (request.body !== undefined) {
    body = formatJson(request.body);
  }
  const list = (value: readonly string[] | null | undefined) => (value ? value.join(', ') : '');
  return {
    method: request.method ?? 'POST',
    credentials: request.credentials ?? 'valid',
    bodyMode,
    body,
    active: account.active ?? accountDefaults.active,
    keyEnvironment: account.keyEnvironment ?? accountDefaults.keyEnvironment,
    endpointEnvironment: account.endpointEnvironment ?? accountDefaults.endpointEnvironment,
    fundsAvailable: account.fundsAvailable ?? accountDefaults.fundsAvailable,
    tokenLimitReached: account.tokenLimitReached ?? accountDefaults.tokenLimitReached,
    requestsLastHour: account.requestsLastHour === undefined ? '' : String(account.requestsLastHour),
    restrictTokenTypes: Array.isArray(account.allowedTokenTypes),
    allowedTokenTypes: tokenTypes.filter((type) => account.allowedTokenTypes?.includes(type)),
    customCallbackUrl: account.customCallbackUrl ?? accountDefaults.customCallbackUrl,
    additionalSteps: account.additionalSteps ?? accountDefaults.additionalSteps,
    digitStringMaxExpiry: account.digitStringMaxExpiry === undefined ? '' : String(account.digitStringMaxExpiry),
    restrictQuestionnaires: Array.isArray(account.questionnaires),
    questionnaires: list(account.questionnaires),
    restrictRiskAssessmentProfiles: Array.isArray(account.riskAssessmentProfiles),
    riskAssessmentProfiles: list(account.riskAssessmentProfiles),
    supportedDocuments: account.supportedDocuments ? formatJson(account.supportedDocuments) : '',
  };
}

export const defaultForm = (): FormState => formFromScenario({});

const methodPattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A whole number from a text field: empty → undefined (the default), else the number or an error. */
function wholeNumber(text: string, minimum: number): number | undefined | { error: true } {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) return { error: true };
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= minimum ? value : { error: true };
}

const countries: ReadonlySet<string> = new Set(countryCodes);
const documents: ReadonlySet<string> = new Set(documentTypes);

/** The supported-documents map from its JSON text, or the first thing wrong with it. */
export function readSupportedDocuments(text: string): { value: Record<string, string[]> | null } | { error: string } {
  if (text.trim() === '') return { value: null };
  const scan = scanJson(text);
  if (scan.error) {
    const { line, column } = lineColumn(text, scan.error.from);
    return { error: `Not valid JSON (line ${line}, column ${column}): ${scan.error.message}.` };
  }
  const value: unknown = JSON.parse(text);
  if (value === null) return { value: null };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'Give a JSON object such as {"LT": ["ID_CARD", "PASSPORT"]}, or leave it empty.' };
  }
  for (const [key, types] of Object.entries(value)) {
    if (key !== 'ALL' && !countries.has(key)) {
      return { error: `"${key}" is not a country: use "ALL" or an upper-case ISO 3166-1 alpha-2 code such as "LT".` };
    }
    if (!Array.isArray(types)) return { error: `The value of "${key}" must be a list of document types, such as ["ID_CARD"].` };
    const unknown = types.find((type) => typeof type !== 'string' || !documents.has(type));
    if (unknown !== undefined) {
      return { error: `${JSON.stringify(unknown)} in "${key}" is not a document type (for example ID_CARD, PASSPORT, DRIVER_LICENSE).` };
    }
  }
  return { value: value as Record<string, string[]> };
}

/**
 * The scenario a form describes. Account fields at their default and left alone are left out, so
 * links stay short; a number typed in a field is kept even when it equals the default, so that
 * the form comes back exactly as it was.
 */
export function scenarioFromForm(form: FormState): FormRead {
  const errors: FormError[] = [];
  const request: NonNullable<ScenarioInput['request']> = {};
  const account: NonNullable<ScenarioInput['account']> = {};

  if (form.method === '') errors.push({ control: 'method', message: 'Give a method name, such as POST.' });
  else if (!methodPattern.test(form.method)) {
    errors.push({ control: 'method', message: "A method name is one word: letters, digits and !#$%&'*+.^_`|~- only, no spaces." });
  } else if (form.method !== 'POST') request.method = form.method;
  if (form.credentials !== 'valid') request.credentials = form.credentials;

  let scan: JsonScan | null = null;
  let sentAs: FormRead['sentAs'];
  if (form.bodyMode === 'base64') {
    sentAs = 'rawBodyBase64';
    if (isBase64(form.body)) request.rawBodyBase64 = form.body;
    else
      errors.push({ control: 'body', message: 'Not base64 of whole bytes: use A–Z, a–z, 0–9, + and /, with = padding only at the end.' });
  } else if (utf8Length(form.body) > maxBodyBytes) {
    // The limits first: a body past them is never scanned, parsed or walked.
    sentAs = 'rawBody';
    errors.push({ control: 'body', message: `The body is larger than ${limitWords.body}, the most Errata reads: trim it.` });
  } else if (jsonTextDepth(form.body) > maxNestingDepth) {
    sentAs = 'rawBody';
    errors.push({
      control: 'body',
      message: `The body is nested more than ${maxNestingDepth} levels deep (arrays and objects), the most Errata reads: a token request needs 3.`,
    });
  } else {
    scan = scanJson(form.body);
    const sends = form.bodyMode === 'json' ? jsonModeSends(form.body, scan) : ({ as: 'rawBody' } as const);
    sentAs = sends.as;
    if (sends.as === 'body') request.body = sends.value as NonNullable<ScenarioInput['request']>['body'];
    else request.rawBody = form.body;
  }

  for (const name of booleanFields) if (form[name] !== accountDefaults[name]) account[name] = form[name];
  for (const name of environmentFields) if (form[name] !== accountDefaults[name]) account[name] = form[name];

  const requests = wholeNumber(form.requestsLastHour, 0);
  if (typeof requests === 'object') {
    errors.push({ control: 'requestsLastHour', message: 'Give a whole number, 0 or more, or leave it empty for 0.' });
  } else if (requests !== undefined) account.requestsLastHour = requests;

  if (form.restrictTokenTypes) account.allowedTokenTypes = tokenTypes.filter((type) => form.allowedTokenTypes.includes(type));

  const maxExpiry = wholeNumber(form.digitStringMaxExpiry, 1);
  if (typeof maxExpiry === 'object') {
    errors.push({ control: 'digitStringMaxExpiry', message: 'Give a whole number of seconds, 1 or more, or leave it empty for 3600.' });
  } else if (maxExpiry !== undefined) account.digitStringMaxExpiry = maxExpiry;

  if (form.restrictQuestionnaires) account.questionnaires = splitList(form.questionnaires);
  if (form.restrictRiskAssessmentProfiles) account.riskAssessmentProfiles = splitList(form.riskAssessmentProfiles);

  const supported = readSupportedDocuments(form.supportedDocuments);
  if ('error' in supported) errors.push({ control: 'supportedDocuments', message: supported.error });
  else if (supported.value !== null) {
    account.supportedDocuments = supported.value as NonNullable<ScenarioInput['account']>['supportedDocuments'];
  }

  const scenario: ScenarioInput = { request };
  if (Object.keys(account).length > 0) scenario.account = account;
  return { scenario, errors, scan, sentAs };
}
