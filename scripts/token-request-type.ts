/**
 * `npm run token:types` (`node scripts/token-request-type.ts` under Node 24): writes src/token/request-type.ts, the token request body
 * as a TypeScript interface, from the field table (src/token/fields.ts). The zod schema is built
 * from the same table at run time, so its inferred type cannot name the fields; this file does,
 * for the package's users. A unit test fails when the file and the table differ.
 */
import { writeFileSync } from 'node:fs';
import { tokenFields, type ValueRule } from '../src/token/fields.ts';

/** Long lists (countries) read better as `string` plus the rule in the comment. */
const longest = 40;

function typeOf(rule: ValueRule): string {
  switch (rule.type) {
    case 'string':
      return rule.oneOf && rule.format !== 'country' && rule.oneOf.length <= longest
        ? rule.oneOf.map((value) => `'${value}'`).join(' | ')
        : 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = typeOf(rule.items);
      return item.includes('|') ? `(${item})[]` : `${item}[]`;
    }
    case 'object':
      return 'Record<string, unknown>';
  }
}

export function requestTypeSource(): string {
  const lines = [
    '// Written by scripts/token-request-type.ts from src/token/fields.ts: do not edit.',
    '',
    '/**',
    ' * The request body of `POST /api/v2/token`, field by field. Only `clientId` is required; `null`',
    ' * means "not sent". Each field\'s rule (lengths, formats, ranges) is checked by',
    " * `tokenRequestSchema` and, with the API's own messages, by `validateTokenRequest`.",
    ' */',
    'export interface TokenRequest {',
  ];
  for (const field of tokenFields) {
    const description = field.description.replaceAll('*/', '* /');
    lines.push(`  /** ${description} */`);
    lines.push(field.requiredEntry ? `  ${field.name}: ${typeOf(field.rule)};` : `  ${field.name}?: ${typeOf(field.rule)} | null;`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

if (import.meta.main) writeFileSync('src/token/request-type.ts', requestTypeSource());
