/**
 * Entries beyond those of the token endpoint: none today. The scale benchmark (`npm run bench`)
 * fills this module with generated entries for the pages' build only; the browser's bundles keep
 * it empty, because the predictor can produce only the entries its own code names.
 */
import type { EntryInput } from '../entry.ts';

export const extraRecords: readonly EntryInput[] = [];
