/**
 * The shape of a catalogue entry: one typed record per distinct error (or the success) of the
 * iDenfy API, from which every page, the predictor, the matcher and the exports derive.
 */
import { z } from 'zod';
import { categoryIds } from './categories.ts';
import { identifiers } from './identifiers.ts';
import { sourceIds } from './sources.ts';
import { evidenceSchema } from './evidence.ts';
import { observationIds } from './observations.ts';
import { scenarioSchema, type ScenarioInput } from '../token/scenario.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Must be kebab case: lower-case letters and digits joined by "-"');

const httpStatus = z
  .int('Must be a whole number')
  .min(100, 'Must be an HTTP status from 100 to 599')
  .max(599, 'Must be an HTTP status from 100 to 599');

const nonEmpty = (what: string) => z.string().trim().min(1, `Must not be empty: give the ${what}`);

/** Which parts of an entry go beyond what the reference states. */
export const inferablePart = z.enum(['status', 'identifier', 'message', 'body', 'behaviour']);

/**
 * The published summary of what goes beyond iDenfy's reference: `documented` when nothing does,
 * else `inferred` naming the parts that are not in the reference (inferred, observed or documented
 * elsewhere). The per-part detail, observations included, is the entry's `evidence`.
 */
export const provenanceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('documented') }),
  z.strictObject({
    kind: z.literal('inferred'),
    /** One line: why Errata believes this, since the reference does not say it. */
    reason: nonEmpty('one-line reason for the inference'),
    /** The parts that are inferred; the rest is documented. */
    parts: z.array(inferablePart).min(1, 'Name at least one inferred part'),
  }),
]);

const observationId = z.enum(observationIds, { error: `Must be an observation id: ${observationIds.join(', ')}` });

export const sourceRefSchema = z.strictObject({
  source: z.enum(sourceIds, { error: `Must be one of the known sources: ${sourceIds.join(', ')}` }),
  /** The section or table of the source. */
  section: z.string().optional(),
  /** The observations of this source that the entry or variant rests on. */
  observations: z.array(observationId).optional(),
});

/**
 * A response that another source shows for the same case. Omitted parts are the entry's own;
 * `asEntry` says the body is exactly that of another entry (the older and newer answers to
 * running out of credits, say), so that no message text is written twice.
 */
export const variantSchema = z.strictObject({
  /** What differs, in one sentence. */
  title: nonEmpty('title of the variant'),
  status: httpStatus.optional(),
  identifier: z.enum(identifiers).nullable().optional(),
  /** The message template of the variant. */
  message: z.string().min(1, 'Must not be empty').optional(),
  asEntry: slug.optional(),
  /** Keys the variant body carries besides identifier and message. */
  extra: z.record(z.string(), z.string()).default({}),
  /** For a success: body fields whose value differs from the prediction's, as the source shows them. */
  echoes: z.record(z.string(), z.json()).optional(),
  source: sourceRefSchema,
  /** The observations that show this form of the response. */
  observed: z.array(observationId).default([]),
  /** When the source showed it (ISO date, or a year). */
  seen: z.string().optional(),
});

const identifierSchema = z.enum(identifiers, {
  error: (issue) => `Unknown identifier ${JSON.stringify(issue.input)}: must be one of ${identifiers.join(', ')}`,
});

/** An example scenario is kept as written (defaults not filled in) but must be valid. */
const exampleScenario = z.unknown().transform((value, context): ScenarioInput => {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
  }
  return value as ScenarioInput;
});

export const exampleSchema = z.strictObject({
  /** A scenario that produces this entry. */
  scenario: exampleScenario,
  /** The values the example fills into the message's placeholders. */
  values: z.record(z.string(), z.string()).default({}),
});

export const entrySchema = z.strictObject({
  /** Permanent: the entry's URL is `/errors/<slug>/`. Never change it. */
  slug,
  kind: z.enum(['identifier', 'case']),
  identifier: identifierSchema.nullable(),
  status: httpStatus,
  /** Says briefly what happened. */
  title: nonEmpty('title'),
  /** One line that explains the entry, for search results and triage. */
  summary: nonEmpty('one-line summary'),
  /** The exact message, with `{name}` placeholders; null for an identifier entry, which has many. */
  message: z.string().min(1, 'Must not be empty').nullable(),
  category: z.enum(categoryIds),
  /** Where this response appears. */
  endpoints: z.array(z.string()).min(1, 'Name at least one endpoint or place where it appears'),
  /** The request fields the entry is about. */
  fields: z.array(z.string()).default([]),
  /** When and why it happens. */
  cause: nonEmpty('cause'),
  /** What to do, in order. */
  fix: z.array(nonEmpty('fix step')).min(1, 'Must have at least one step: give the fix'),
  retry: z.strictObject({
    helps: z.boolean(),
    /** When a retry helps, or why it does not. */
    note: nonEmpty('retry note'),
  }),
  related: z.array(slug).default([]),
  provenance: provenanceSchema,
  /** What the status, identifier and message each rest on; parts left out follow `provenance`. */
  evidence: evidenceSchema.optional(),
  sources: z.array(sourceRefSchema).min(1, 'Name at least one source'),
  /** What other sources show for the same case. */
  variants: z.array(variantSchema).default([]),
  /** Words people use for this entry ("credits", "throttled"); shown on the page and searched. */
  aka: z.array(z.string()).default([]),
  example: exampleSchema.optional(),
  /** A retired entry keeps its page; this names what replaced it. */
  retired: z.strictObject({ since: z.string(), replacedBy: slug.nullable(), note: z.string() }).optional(),
});

export type EntryInput = z.input<typeof entrySchema>;
export type Entry = z.output<typeof entrySchema>;
export type Variant = z.output<typeof variantSchema>;
export type Provenance = z.output<typeof provenanceSchema>;
