/**
 * Every record of the catalogue, in reading order: the token endpoint's cases, those of other
 * endpoints, then the identifiers.
 */
import type { EntryInput } from '../entry.ts';
import { identifierEntries } from './identifier-entries.ts';
import { requestEntries } from './request.ts';
import { fieldEntries } from './field-rules.ts';
import { businessEntries, outcomeEntries } from './business.ts';
import { otherEndpointEntries, partnerErrorEntry } from './other-endpoints.ts';

/** The records by the file that holds them, in reading order, so that a bad record is reported with its file. */
export const recordFiles: readonly { file: string; records: readonly EntryInput[] }[] = [
  { file: 'src/catalogue/records/request.ts', records: requestEntries },
  { file: 'src/catalogue/records/field-rules.ts', records: fieldEntries },
  { file: 'src/catalogue/records/business.ts', records: [...businessEntries, ...outcomeEntries] },
  { file: 'src/catalogue/records/other-endpoints.ts', records: otherEndpointEntries },
  { file: 'src/catalogue/records/identifier-entries.ts', records: identifierEntries },
  // The identifier seen on another endpoint comes last among the identifiers.
  { file: 'src/catalogue/records/other-endpoints.ts', records: [partnerErrorEntry] },
];

export const records: readonly EntryInput[] = recordFiles.flatMap((source) => source.records);
