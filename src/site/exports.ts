/**
 * The machine-readable exports, built from the same modules as the pages: the catalogue as JSON
 * and the JSON Schemas of the token request and of a scenario.
 */
import { z } from 'zod';
import { catalogue, catalogueVersion, changelog, resolveVariant } from '../catalogue/index.ts';
import { categories } from '../catalogue/categories.ts';
import { sources } from '../catalogue/sources.ts';
import { scenarioSchema } from '../token/scenario.ts';
import { tokenRequestSchema } from '../token/schema.ts';
import { entryPath } from './paths.ts';
import { evidenceSentences, resolveEvidence } from '../catalogue/evidence.ts';
import { observations } from '../catalogue/observations.ts';
import { isPredictable } from '../catalogue/endpoints.ts';

export function catalogueExport(site: URL) {
  return {
    version: catalogueVersion,
    changelog,
    endpoint: 'POST /api/v2/token',
    categories,
    // Every source address absolute, this site's own pages included.
    sources: Object.fromEntries(Object.entries(sources).map(([id, source]) => [id, { ...source, url: new URL(source.url, site).href }])),
    observations,
    entries: catalogue.map((entry) => {
      const evidence = resolveEvidence(entry);
      return {
        ...entry,
        url: new URL(entryPath(entry.slug), site).href,
        variants: entry.variants.map((variant) => resolveVariant(entry, variant)),
        // Added in 1.1.0, beside `provenance`: what each part rests on, and in plain words.
        evidence: { ...evidence, sentences: evidenceSentences(entry) },
        predicted: isPredictable(entry),
      };
    }),
  };
}

export function tokenRequestJsonSchema(site: URL) {
  return {
    ...z.toJSONSchema(tokenRequestSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: new URL('/schemas/token-request.schema.json', site).href,
    title: 'iDenfy POST /api/v2/token request body',
    description:
      'Every documented field of the token request. x-errata-entry names the Errata entry a broken rule produces. Lengths count Unicode code points.',
  };
}

export function scenarioJsonSchema(site: URL) {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: new URL('/schemas/scenario.schema.json', site).href,
    title: 'Errata scenario',
    description: 'A request to POST /api/v2/token and the state of the account that sends it; every field optional.',
  };
}
