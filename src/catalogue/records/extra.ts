/**
 * Entries beyond those of the token endpoint: none today. The scale benchmark (`npm run bench`)
 * builds the site with a module of generated entries in this one's place.
 */
import type { EntryInput } from '../entry.ts';

export const extraRecords: readonly EntryInput[] = [];
