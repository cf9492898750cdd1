/**
 * The long-form prose of each catalogue entry, in MDX under content/errors/<slug>.mdx. The
 * typed record holds the facts; the prose explains them. A test keeps the two one-to-one.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const errors = defineCollection({
  // ERRATA_CONTENT points a benchmark build at the prose of a synthetic catalogue.
  loader: glob({ base: process.env.ERRATA_CONTENT ?? './content/errors', pattern: '**/[^_]*.mdx' }),
  schema: z.object({
    /** One sentence shown under the title when the record's summary is not enough; optional. */
    lede: z.string().optional(),
  }),
});

export const collections = { errors };
