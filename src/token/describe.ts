/**
 * A field's rule in words, for the field reference and the Markdown exports: the same table the
 * predictor checks, read aloud.
 */
import type { ValueRule } from './fields.ts';

const number = (value: number) => value.toLocaleString('en-US');

/** The JSON type a rule asks for: `string`, `integer`, `array of string`… */
export function jsonType(rule: ValueRule): string {
  return rule.type === 'array' ? `array of ${jsonType(rule.items)}` : rule.type;
}

function lengthRule(min: number | undefined, max: number | undefined): string | null {
  if (min !== undefined && max !== undefined) return `${number(min)} to ${number(max)} characters`;
  if (max !== undefined) return `at most ${number(max)} characters`;
  if (min !== undefined) return `at least ${number(min)} character${min === 1 ? '' : 's'}`;
  return null;
}

export function describeRule(rule: ValueRule): string {
  switch (rule.type) {
    case 'string': {
      const parts: string[] = [];
      if (rule.format === 'https-url') parts.push('an absolute https:// URL with a host');
      else if (rule.format === 'date') parts.push('a real calendar date written YYYY-MM-DD');
      else if (rule.format === 'country')
        parts.push(`an ISO 3166-1 alpha-2 code (${rule.oneOf?.length ?? 0} codes; lower case is read as upper case)`);
      else if (rule.format === 'uuid') parts.push('a UUID');
      else if (rule.oneOf) parts.push(`one of ${rule.oneOf.map((value) => `\`${value}\``).join(', ')}`);
      else parts.push('a string');
      if (rule.nonBlank) parts.push('not blank');
      const length = lengthRule(rule.minLength, rule.maxLength);
      if (length) parts.push(length);
      return parts.join(', ');
    }
    case 'integer': {
      const { minimum, maximum } = rule;
      if (minimum !== undefined && maximum !== undefined) return `a whole number from ${number(minimum)} to ${number(maximum)}`;
      if (minimum !== undefined) return `a whole number of at least ${number(minimum)}`;
      return 'a whole number';
    }
    case 'number':
      return 'a number';
    case 'boolean':
      return '`true` or `false`';
    case 'object':
      return 'a JSON object';
    case 'array': {
      const { items } = rule;
      let what = 'values';
      if (items.type === 'string' && items.format === 'country') what = 'ISO 3166-1 alpha-2 codes';
      else if (items.type === 'string' && items.oneOf) {
        what = items.oneOf.length <= 6 ? items.oneOf.map((value) => `\`${value}\``).join(', ') : `the ${items.oneOf.length} allowed values`;
      } else if (items.type === 'string') what = 'strings';
      return `an array${rule.minItems ? ` of at least ${rule.minItems} item${rule.minItems === 1 ? '' : 's'}` : ''} of ${what}`;
    }
  }
}
