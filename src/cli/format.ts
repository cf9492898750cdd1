/**
 * Catalogue entries as readable terminal text: the whole entry for `explain`, or one line each
 * for a list.
 */
import { resolveVariant, type Entry } from '../catalogue/index.ts';
import type { Variant } from '../catalogue/entry.ts';
import { sources } from '../catalogue/sources.ts';
import { statusLine } from '../predict/http.ts';
import { evidenceSentences, inferredParts, resolveEvidence } from '../catalogue/evidence.ts';
import { retryAnswer, retryQuestion, sectionTitle, variantBody } from '../site/entry-view.ts';

/** Terminals are rarely narrower; long text is wrapped here so that indents stay readable. */
const width = 88;

/** Word-wraps text, starting the first line with `first` and the rest with `rest`. */
export function wrap(text: string, first: string, rest = ' '.repeat(first.length)): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

export function pagePath(entry: Entry): string {
  return `/errors/${entry.slug}/`;
}

function identifierText(identifier: string | null): string {
  return identifier ?? 'none (the body has no identifier)';
}

export function provenanceText(entry: Entry): string {
  const { provenance } = entry;
  const inferred = inferredParts(entry);
  if (provenance.kind === 'documented' || inferred.length === 0)
    return resolveEvidence(entry).kinds.includes('observed') ? 'documented and observed' : 'documented';
  return `inferred: ${provenance.reason} (inferred parts: ${inferred.join(', ')})`;
}

function sourcesText(entry: Entry): string {
  return entry.sources.map((ref) => (ref.section ? `${sources[ref.source].title} (${ref.section})` : sources[ref.source].title)).join('; ');
}

/** A variant as the title, then the status and the body it shows. */
function variantText(entry: Entry, variant: Variant): string {
  const resolved = resolveVariant(entry, variant);
  const body = variantBody(resolved);
  const same = resolved.asEntry ? ` (the response of ${resolved.asEntry})` : '';
  // The body is not wrapped, so that it can be copied as JSON.
  return [
    wrap(variant.title, '  - ', '    '),
    `    ${statusLine(resolved.status)}${same}`,
    `    ${JSON.stringify(body)}`,
    wrap(
      `Source: ${sources[variant.source.source].title}${variant.observed.length > 0 ? `; observed: ${variant.observed.join(', ')}` : ''}`,
      '    ',
    ),
  ].join('\n');
}

function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

/** The whole entry, as `explain` prints it. */
export function formatEntry(entry: Entry): string {
  const facts: [string, string][] = [
    ['slug', entry.slug],
    ['kind', entry.kind],
    ['status', statusLine(entry.status)],
    ['identifier', identifierText(entry.identifier)],
    ['message', entry.message ?? '(none of its own: each case has its message)'],
    ['page', pagePath(entry)],
  ];
  const blocks = [
    [entry.title, ...facts.map(([label, value]) => wrap(value, `  ${label.padEnd(12)}`))].join('\n'),
    section('Summary', wrap(entry.summary, '  ')),
    section(sectionTitle(entry, 'when'), wrap(entry.cause, '  ')),
    section(sectionTitle(entry, 'fix'), entry.fix.map((step, index) => wrap(step, `  ${index + 1}. `)).join('\n')),
    section(retryQuestion, wrap(retryAnswer(entry), '  ')),
  ];
  if (entry.related.length > 0) blocks.push(section(sectionTitle(entry, 'related'), wrap(entry.related.join(', '), '  ')));
  blocks.push(
    section(
      sectionTitle(entry, 'provenance'),
      [
        wrap(provenanceText(entry), '  '),
        ...evidenceSentences(entry).map((sentence) => wrap(sentence, '  - ', '    ')),
        wrap(`Sources: ${sourcesText(entry)}`, '  '),
      ].join('\n'),
    ),
  );
  if (entry.variants.length > 0) {
    blocks.push(section(sectionTitle(entry, 'variants'), entry.variants.map((variant) => variantText(entry, variant)).join('\n')));
  }
  if (entry.retired) {
    const replaced = entry.retired.replacedBy ? ` Replaced by ${entry.retired.replacedBy}.` : '';
    blocks.push(section('Retired', wrap(`Since ${entry.retired.since}.${replaced} ${entry.retired.note}`, '  ')));
  }
  return `${blocks.join('\n\n')}\n`;
}

export type Column = 'slug' | 'kind' | 'status' | 'identifier' | 'title';

function cell(entry: Entry, column: Column): string {
  if (column === 'status') return statusLine(entry.status);
  if (column === 'identifier') return entry.identifier ?? '—';
  return entry[column];
}

/** One line per entry, in aligned columns; the last column is not padded. */
export function formatEntryList(entries: readonly Entry[], columns: readonly Column[]): string {
  const rows = entries.map((entry) => columns.map((column) => cell(entry, column)));
  const widths = columns.map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  const line = (row: string[]) =>
    row.map((text, column) => (column === row.length - 1 ? text : text.padEnd(widths[column] as number))).join('  ');
  return rows.map((row) => `  ${line(row)}\n`).join('');
}
