/**
 * The zod schema of the token request body, built from the field table. Each field's schema
 * carries, as metadata, its default and the catalogue entry that a broken rule produces, so
 * that the JSON Schema export and the field reference say the same as the predictor.
 */
import { z } from 'zod';
import { tokenFields, type TokenField, type ValueRule } from './fields.ts';

/** Length in Unicode code points, as the API counts it (an emoji is one character, not two). */
export function codePointLength(text: string): number {
  if (!/[\uD800-\uDFFF]/.test(text)) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** `YYYY-MM-DD` naming a day that exists: `2024-02-29` does, `2023-02-30` does not. */
export function isCalendarDate(text: string): boolean {
  const found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!found) return false;
  const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])];
  // Year 0 does not exist in the calendar the API's framework (Python's date) uses.
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= daysInMonth;
}

/** An absolute `https://` URL with a host, and nothing the URL parser would quietly trim. */
export function isHttpsUrl(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the URL parser would trim
  if (!/^https:\/\/[^\s/?#]/i.test(text) || /[\s\u0000-\u001f\u007f]/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function stringSchema(rule: Extract<ValueRule, { type: 'string' }>): z.ZodType<string> {
  let schema: z.ZodType<string> = z.string();
  const { minLength, maxLength, oneOf, format } = rule;
  if (rule.nonBlank) schema = schema.refine((text) => text.trim().length > 0, 'Must not be blank');
  if (minLength !== undefined) {
    schema = schema.refine((text) => codePointLength(text) >= minLength, `At least ${minLength} characters`);
  }
  if (maxLength !== undefined) {
    schema = schema.refine((text) => codePointLength(text) <= maxLength, `At most ${maxLength} characters`);
  }
  if (format === 'country' && oneOf) {
    // Lower case is accepted and read as upper case, as iDenfy's own examples send "lt".
    const codes = new Set(oneOf);
    schema = schema.refine((text) => codes.has(text.toUpperCase()), 'An ISO 3166-1 alpha-2 code');
  } else if (oneOf) {
    const values = new Set(oneOf);
    schema = schema.refine((text) => values.has(text), `One of ${oneOf.join(', ')}`);
  }
  if (format === 'https-url') schema = schema.refine(isHttpsUrl, 'An https:// URL with a host');
  if (format === 'date') schema = schema.refine(isCalendarDate, 'A real date as YYYY-MM-DD');
  if (format === 'uuid') schema = schema.refine((text) => uuidPattern.test(text), 'A UUID');
  return schema.meta(jsonSchemaHints(rule));
}

/** JSON Schema keywords for checks written as refinements, so that the export keeps them. */
function jsonSchemaHints(rule: ValueRule): Record<string, unknown> {
  switch (rule.type) {
    case 'string': {
      const hints: Record<string, unknown> = {};
      if (rule.minLength !== undefined) hints.minLength = rule.minLength;
      else if (rule.nonBlank) hints.pattern = '\\S';
      if (rule.maxLength !== undefined) hints.maxLength = rule.maxLength;
      if (rule.oneOf && rule.format !== 'country') hints.enum = [...rule.oneOf];
      if (rule.format === 'country') hints.pattern = '^[A-Za-z]{2}$';
      if (rule.format === 'https-url') hints.format = 'uri';
      if (rule.format === 'https-url') hints.pattern = '^https://';
      if (rule.format === 'date') hints.format = 'date';
      if (rule.format === 'uuid') hints.format = 'uuid';
      return hints;
    }
    case 'integer':
      return { type: 'integer', minimum: rule.minimum, maximum: rule.maximum };
    default:
      return {};
  }
}

/** The zod schema of one value, without null (null means "not sent" and is handled by the caller). */
export function valueSchema(rule: ValueRule): z.ZodType {
  switch (rule.type) {
    case 'string':
      return stringSchema(rule);
    case 'integer': {
      const { minimum, maximum } = rule;
      let schema: z.ZodType<number> = z.number().refine(Number.isInteger, 'A whole number');
      if (minimum !== undefined) schema = schema.refine((n) => n >= minimum, `At least ${minimum}`);
      if (maximum !== undefined) schema = schema.refine((n) => n <= maximum, `At most ${maximum}`);
      return schema.meta(jsonSchemaHints(rule));
    }
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'array': {
      const schema = z.array(valueSchema(rule.items));
      return rule.minItems === undefined ? schema : schema.min(rule.minItems);
    }
    case 'object':
      return z.record(z.string(), z.unknown());
  }
}

/** Each field's value schema, by field name, for the predictor's field stage. */
export const fieldSchemas: ReadonlyMap<string, z.ZodType> = new Map(tokenFields.map((field) => [field.name, valueSchema(field.rule)]));

function fieldSchema(field: TokenField): z.ZodType {
  const value = fieldSchemas.get(field.name) as z.ZodType;
  const meta = {
    description: field.description,
    ...(field.default === null ? {} : { default: field.default }),
    'x-errata-entry': field.entry,
    ...(field.requiredEntry ? { 'x-errata-missing-entry': field.requiredEntry } : {}),
  };
  // `.meta()` makes a copy that would drop the value's own JSON Schema hints, so merge them.
  return field.requiredEntry ? value.meta({ ...z.globalRegistry.get(value), ...meta }) : value.nullable().optional().meta(meta);
}

/**
 * The request body of `POST /api/v2/token`. Unknown keys pass through: the API ignores them,
 * and the predictor warns about each.
 */
export const tokenRequestSchema = z.looseObject(Object.fromEntries(tokenFields.map((field) => [field.name, fieldSchema(field)])));

export type TokenRequest = z.infer<typeof tokenRequestSchema>;
