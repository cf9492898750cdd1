/**
 * What this site's search index is built from: the real catalogue, its field table and its
 * categories. Node only (the build's `/search/lookup/` files and the tests that read them); the
 * browser fetches the files, never this module.
 */
import { catalogue, catalogueVersion, resolveVariant } from '../catalogue/index.ts';
import { categories } from '../catalogue/categories.ts';
import { statusLine } from '../predict/http.ts';
import { scenarioLink } from '../share/scenario-link.ts';
import { tokenFields } from '../token/fields.ts';
import type { IndexSources } from './index-data.ts';

export const siteIndexSources: IndexSources = {
  version: catalogueVersion,
  catalogue,
  resolveVariant,
  fields: tokenFields,
  categories,
  statusLine,
  scenarioLink,
};
