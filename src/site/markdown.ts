/**
 * The Markdown twin of an entry page, and the llms.txt files: the same facts as the pages, for
 * readers that prefer plain text (people pasting into a chat, and language models).
 */
import type { Entry } from '../catalogue/index.ts';
import { entry as entryBySlug, casesOf, resolveVariant } from '../catalogue/index.ts';
import { sources } from '../catalogue/sources.ts';
import { statusLine } from '../predict/http.ts';
import { exampleOf } from './example.ts';
import { entryPath } from './paths.ts';
import { retryAnswer } from './retry.ts';
import { evidenceSentences, inferredParts, resolveEvidence } from '../catalogue/evidence.ts';
import { observation, observationUrl } from '../catalogue/observations.ts';
import { isPredictable, tokenEndpoint } from '../catalogue/endpoints.ts';
import { observationShows, observationTrustText } from './evidence.ts';
import { variantBody } from './variant-body.ts';

/** A source's address: absolute as given, or a page of this site. */
export function sourceUrl(url: string, site: URL): string {
  return new URL(url, site).href;
}

function fence(lang: string, code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${code}\n${ticks}`;
}

/** The entry as one Markdown document; `prose` is the MDX body of its long-form page. */
export function entryMarkdown(entry: Entry, site: URL, prose = ''): string {
  const lines: string[] = [];
  const url = new URL(entryPath(entry.slug), site).href;
  lines.push(`# ${entry.title}`, '');
  lines.push(`- Status: ${statusLine(entry.status)}`);
  lines.push(`- Identifier: ${entry.identifier ?? 'none (the body has only a message)'}`);
  lines.push(`- Kind: ${entry.kind === 'identifier' ? 'identifier entry' : `case of ${isPredictable(entry) ? tokenEndpoint : entry.endpoints.join(', ')}`}`);
  if (!isPredictable(entry)) {
    lines.push(`- Never predicted: Errata's predictor models ${tokenEndpoint} alone; this entry is catalogued for lookup, search and triage.`);
  }
  lines.push(`- Page: ${url}`);
  if (entry.retired) {
    const { since, note, replacedBy } = entry.retired;
    const replacement = replacedBy ? ` Replaced by [${entryBySlug(replacedBy).title}](${new URL(entryPath(replacedBy), site).href}).` : '';
    lines.push(`- No longer returned since ${since}: ${note}${replacement}`);
  }
  lines.push('', entry.summary, '');
  if (entry.message !== null) lines.push('## Message', '', fence('text', entry.message), '');
  lines.push(entry.kind === 'identifier' ? '## What it means and where it appears' : '## When it happens', '', entry.cause, '');
  lines.push(`Appears in: ${entry.endpoints.join('; ')}.`, '');
  if (entry.fields.length > 0) lines.push(`Fields: ${entry.fields.map((field) => `\`${field}\``).join(', ')}.`, '');
  if (entry.aka.length > 0) lines.push(`Also known as: ${entry.aka.join(', ')}.`, '');
  lines.push('## How to fix it', '', ...entry.fix.map((step, index) => `${index + 1}. ${step}`), '');
  lines.push(`Does retrying help? ${retryAnswer(entry)}`, '');

  if (entry.kind === 'identifier' && entry.identifier) {
    const cases = casesOf(entry.identifier);
    if (cases.length > 0) {
      lines.push(`## Cases that carry ${entry.identifier}`, '');
      for (const each of cases) lines.push(`- [${each.title}](${new URL(entryPath(each.slug), site).href}) (${each.status})`);
      lines.push('');
    }
  }

  const example = exampleOf(entry);
  if (example) {
    const { samples, outcome } = example;
    lines.push('## Example', '');
    if (samples.account.length > 0) lines.push(`Account state assumed: ${samples.account.join(', ')}.`, '');
    lines.push(fence('bash', samples.curl), '');
    lines.push(`Predicted response: ${statusLine(outcome.status)}`, '', fence('json', JSON.stringify(outcome.body, null, 2)), '');
  }

  if (prose.trim()) lines.push('## In depth', '', prose.trim().replace(/^---\s*\n---\s*\n/, ''), '');

  if (entry.variants.length > 0) {
    lines.push('## You may also see', '');
    for (const variant of entry.variants) {
      const resolved = resolveVariant(entry, variant);
      const seen = [resolved.seen && `seen ${resolved.seen}`, resolved.observed.length > 0 && `observed: ${resolved.observed.join(', ')}`].filter(Boolean).join('; ');
      lines.push(
        `- ${resolved.title}${seen ? ` (${seen})` : ''}: ${statusLine(resolved.status)}, identifier ${resolved.identifier ?? 'none'}, message \`${resolved.message}\`.`,
      );
      if (resolved.echoes || Object.keys(resolved.extra).length > 0) lines.push(`  Body: \`${JSON.stringify(variantBody(resolved))}\``);
    }
    lines.push('');
  }
  if (entry.related.length > 0) {
    lines.push('## Related', '');
    for (const slug of entry.related) lines.push(`- [${entryBySlug(slug).title}](${new URL(entryPath(slug), site).href})`);
    lines.push('');
  }
  lines.push('## Provenance', '');
  const inferred = inferredParts(entry);
  lines.push(
    entry.provenance.kind === 'documented' || inferred.length === 0
      ? 'Nothing here is inferred: every part is documented or observed.'
      : `Partly inferred (${inferred.join(', ')}): ${entry.provenance.reason}`,
    '',
  );
  const evidence = resolveEvidence(entry);
  lines.push(`Evidence (${evidence.kinds.join(', ')}):`, '', ...evidenceSentences(entry).map((sentence) => `- ${sentence}`), '');
  const cited = [...new Set([...evidence.observations, ...entry.variants.flatMap((variant) => variant.observed)])].map(observation);
  if (cited.length > 0) {
    lines.push('Observations:', '');
    for (const found of cited) {
      const url = observationUrl(found);
      lines.push(
        `- ${found.id} (${found.date ?? 'undated'}; ${observationTrustText[found.trust]}): ${found.endpoint}; ${observationShows(found)}${url ? ` ${url}` : ''} ${found.note}`,
      );
    }
    lines.push('');
  }
  for (const ref of entry.sources) {
    const cites = ref.observations ? ` (${ref.observations.join(', ')})` : '';
    lines.push(`- [${sources[ref.source].title}](${sourceUrl(sources[ref.source].url, site)})${ref.section ? `, ${ref.section}` : ''}${cites}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
