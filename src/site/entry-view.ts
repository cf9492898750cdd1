/**
 * One view of a catalogue entry, which every rendering of it reads: the entry page, its Markdown
 * twin (and so llms-full.txt and the MCP server's resources), `errata explain` and the MCP tools.
 * The sections, their order and titles, the answer to "Does retrying help?" and the body of a
 * variant are written here once, so the views cannot drift apart (the text of an HTTP response is
 * `response-text.ts`, which browser code loads too).
 */
import { casesOf, type Entry, type ResolvedVariant } from '../catalogue/index.ts';
import { fill, placeholders } from '../catalogue/template.ts';
import { exampleOf } from './example.ts';
import { retryAnswerOf } from './retry-words.ts';

export type SectionId = 'fix' | 'message' | 'when' | 'cases' | 'example' | 'reproduce' | 'in-depth' | 'variants' | 'related' | 'provenance';

export interface EntrySection {
  /** The section's anchor on the page. */
  id: SectionId;
  title: string;
}

/** The title of one section of an entry, shown or not. */
export function sectionTitle(entry: Entry, id: SectionId): string {
  switch (id) {
    case 'fix':
      return entry.status < 400 ? 'What to do with it' : 'How to fix it';
    case 'message':
      return 'Message';
    case 'when':
      return entry.kind === 'identifier' ? 'What it means and where it appears' : 'When it happens';
    case 'cases':
      return `Errors that carry ${entry.identifier ?? 'this identifier'}`;
    case 'example':
      return 'Example';
    case 'reproduce':
      return 'Reproduce with the mock server';
    case 'in-depth':
      return 'In depth';
    case 'variants':
      return 'You may also see';
    case 'related':
      return 'Related';
    case 'provenance':
      return 'Where this comes from';
  }
}

/**
 * The sections an entry shows, in order. The answer comes first, so that on a phone it is on the
 * first screen; `prose` says whether the entry has long-form prose (every entry of the site does).
 */
export function entrySections(entry: Entry, options: { prose: boolean } = { prose: true }): EntrySection[] {
  const shown: Record<SectionId, boolean> = {
    fix: true,
    message: entry.message !== null,
    when: true,
    cases: entry.kind === 'identifier' && entry.identifier !== null && casesOf(entry.identifier).length > 0,
    example: exampleOf(entry) !== undefined,
    reproduce: entry.example !== undefined,
    'in-depth': options.prose,
    variants: entry.variants.length > 0,
    related: entry.related.length > 0,
    provenance: true,
  };
  return (Object.keys(shown) as SectionId[]).filter((id) => shown[id]).map((id) => ({ id, title: sectionTitle(entry, id) }));
}

export { retryQuestion } from './retry-words.ts';

/** An entry's answer to the retry question, in one line (inline Markdown). */
export function retryAnswer(entry: Entry): string {
  return retryAnswerOf(entry.retry);
}

/**
 * The body a "you may also see" variant shows: an error's identifier, message and extra keys, or
 * a success's message with the fields whose echo differs from the prediction. Placeholders keep
 * their names, since a variant has no values of its own.
 */
export function variantBody(variant: ResolvedVariant): Record<string, unknown> {
  const message = fill(variant.message, Object.fromEntries(placeholders(variant.message).map((name) => [name, `{${name}}`])));
  return {
    ...(variant.identifier ? { identifier: variant.identifier } : {}),
    message,
    ...variant.extra,
    ...(variant.echoes ?? {}),
  };
}

/** What "Reproduce with the mock server" says before its curl command (inline Markdown). */
export const reproduceLead =
  'Start the mock server (`npx errata mock`, or `npm run errata -- mock` in the repository) and send this request: it answers with exactly the predicted response, the account state set by the `Errata-Account` header.';

/** The headline of "Where this comes from": which kinds of evidence the entry rests on. */
export function provenanceLabel(kinds: readonly string[]): string {
  if (kinds.includes('inferred')) return 'Partly inferred.';
  return kinds.includes('observed') ? 'Documented and observed.' : 'Documented.';
}
