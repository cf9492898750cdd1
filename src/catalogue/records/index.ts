/**
 * Every record of the catalogue, in reading order: the token endpoint's cases, those of other
 * endpoints, then the identifiers.
 */
import type { EntryInput } from '../entry.ts';
import { identifierEntries } from './identifiers.ts';
import { requestEntries } from './request.ts';
import { fieldEntries } from './fields.ts';
import { businessEntries, outcomeEntries } from './business.ts';
import { otherEndpointEntries, partnerErrorEntry } from './other-endpoints.ts';

export const records: readonly EntryInput[] = [
  ...requestEntries,
  ...fieldEntries,
  ...businessEntries,
  ...outcomeEntries,
  ...otherEndpointEntries,
  ...identifierEntries,
  partnerErrorEntry,
];

