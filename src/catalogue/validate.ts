/**
 * Turns record inputs into a checked catalogue. Each record must fit the entry schema, and the
 * records together must hold: unique slugs, links that resolve, templates whose placeholders the
 * example fills. Every problem names the entry and the field, so a bad edit is quick to find.
 */
import { entrySchema, type Entry } from './entry.ts';
import { identifierSlug } from './identifiers.ts';
import { isPredictable, tokenEndpoint } from './endpoints.ts';
import { placeholders } from './template.ts';
import { formatPath } from '../token/scenario.ts';

export interface CatalogueProblem {
  /** The entry's slug, or its position when it has no usable slug. */
  entry: string;
  /** The file that holds the record, when the caller knows it. */
  file?: string;
  field: string;
  message: string;
}

export class CatalogueError extends Error {
  readonly problems: readonly CatalogueProblem[];

  constructor(problems: readonly CatalogueProblem[]) {
    super(
      `The catalogue has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems
          .map(
            (problem) =>
              `  entry "${problem.entry}"${problem.file ? ` (${problem.file})` : ''}, field "${problem.field}": ${problem.message}`,
          )
          .join('\n'),
    );
    this.name = 'CatalogueError';
    this.problems = problems;
  }
}

function nameOf(input: unknown, index: number): string {
  const slug = (input as { slug?: unknown } | null)?.slug;
  return typeof slug === 'string' && slug.length > 0 ? slug : `#${index + 1}`;
}

/** Checks one entry on its own, beyond its schema. */
function entryProblems(entry: Entry): Omit<CatalogueProblem, 'entry'>[] {
  const problems: Omit<CatalogueProblem, 'entry'>[] = [];
  if (entry.kind === 'identifier') {
    if (entry.identifier === null) {
      problems.push({ field: 'identifier', message: 'An identifier entry must name its identifier' });
    } else if (entry.slug !== identifierSlug(entry.identifier)) {
      problems.push({ field: 'slug', message: `An identifier entry's slug must be "${identifierSlug(entry.identifier)}"` });
    }
    if (entry.message !== null) {
      problems.push({ field: 'message', message: 'An identifier entry has no single message: set it to null' });
    }
    return problems;
  }

  if (entry.message === null) {
    problems.push({ field: 'message', message: 'A case entry must give its exact message or message template' });
  }
  // The predictor produces neither a retired entry nor one of another endpoint, so no example could show them.
  if (entry.retired && entry.example) {
    problems.push({ field: 'example', message: 'A retired entry is no longer returned: it can have no example that produces it' });
  } else if (!isPredictable(entry) && entry.example) {
    problems.push({
      field: 'example',
      message: `The predictor models ${tokenEndpoint} alone: an entry of another endpoint can have no example`,
    });
  } else if (!entry.retired && isPredictable(entry) && !entry.example) {
    problems.push({ field: 'example', message: 'A case entry of the token endpoint must have an example scenario that produces it' });
  }
  const names = entry.message === null ? [] : placeholders(entry.message);
  const values = entry.example?.values ?? {};
  // Without an example (a retired entry, one of another endpoint) no values are given to check.
  for (const name of entry.example ? names : []) {
    if (values[name] === undefined) {
      problems.push({ field: 'example.values', message: `The example does not fill the placeholder {${name}}` });
    }
  }
  for (const name of Object.keys(values)) {
    if (!names.includes(name)) {
      problems.push({ field: `example.values.${name}`, message: `The message has no placeholder {${name}}` });
    }
  }
  if (entry.message !== null && names.length !== (entry.message.match(/\{[A-Za-z][A-Za-z0-9_]*\}/g) ?? []).length) {
    problems.push({ field: 'message', message: 'A placeholder appears twice; give each its own name' });
  }
  return problems;
}

/**
 * Validates every record and the links between them; throws a CatalogueError listing all problems.
 * `files`, parallel to `inputs`, names the file of each record for the messages.
 */
export function buildCatalogue(inputs: readonly unknown[], files: readonly (string | undefined)[] = []): Entry[] {
  const problems: CatalogueProblem[] = [];
  const entries: Entry[] = [];
  const fileOf = new Map<string, string>();
  // Every slug a record names, valid or not: a link to a record that failed its own checks is
  // not also reported as a link to nothing.
  const named = new Set<string>();

  inputs.forEach((input, index) => {
    const result = entrySchema.safeParse(input);
    const entry = nameOf(input, index);
    const file = files[index];
    if (file) fileOf.set(entry, file);
    const slug = (input as { slug?: unknown } | null)?.slug;
    if (typeof slug === 'string') named.add(slug);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ entry, ...(file ? { file } : {}), field: formatPath(issue.path) || '(record)', message: issue.message });
      }
      return;
    }
    for (const problem of entryProblems(result.data)) problems.push({ entry, ...(file ? { file } : {}), ...problem });
    entries.push(result.data);
  });

  const slugs = new Set<string>();
  const report = (entry: string, field: string, message: string) => {
    const file = fileOf.get(entry);
    problems.push({ entry, ...(file ? { file } : {}), field, message });
  };
  for (const entry of entries) {
    if (slugs.has(entry.slug)) report(entry.slug, 'slug', 'Another entry has the same slug');
    slugs.add(entry.slug);
  }
  for (const slug of named) slugs.add(slug);
  for (const entry of entries) {
    entry.related.forEach((slug, index) => {
      if (!slugs.has(slug)) report(entry.slug, `related[${index}]`, `No entry has the slug "${slug}"`);
      if (slug === entry.slug) report(entry.slug, `related[${index}]`, 'An entry cannot be related to itself');
    });
    entry.variants.forEach((variant, index) => {
      if (variant.asEntry !== undefined && !slugs.has(variant.asEntry)) {
        report(entry.slug, `variants[${index}].asEntry`, `No entry has the slug "${variant.asEntry}"`);
      }
    });
    const replacedBy = entry.retired?.replacedBy;
    if (replacedBy && !slugs.has(replacedBy)) {
      report(entry.slug, 'retired.replacedBy', `No entry has the slug "${replacedBy}"`);
    }
  }

  if (problems.length > 0) throw new CatalogueError(problems);
  return entries;
}
