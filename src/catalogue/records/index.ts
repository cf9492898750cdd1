/** Every record of the catalogue, in reading order: the token endpoint's cases, then the identifiers. */
import type { EntryInput } from '../entry.ts';
import { identifierEntries } from './identifiers.ts';
import { requestEntries } from './request.ts';
import { fieldEntries } from './fields.ts';
import { businessEntries, outcomeEntries } from './business.ts';

export const records: readonly EntryInput[] = [
  ...requestEntries,
  ...fieldEntries,
  ...businessEntries,
  ...outcomeEntries,
  ...identifierEntries,
];
