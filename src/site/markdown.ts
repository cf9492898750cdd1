/**
 * The Markdown twin of an entry page, and the llms.txt files: the same facts as the pages, for
 * readers that prefer plain text (people pasting into a chat, and language models).
 */
import type { Entry } from '../catalogue/index.ts';
import { entry as entryBySlug, casesOf, resolveVariant } from '../catalogue/index.ts';
import { sources } from '../catalogue/sources.ts';
import { statusLine } from '../predict/http.ts';
import { exampleOf, type ShownExample } from './example.ts';
import { entryPath } from './paths.ts';
import { entrySections, provenanceLabel, reproduceLead, retryAnswer, retryQuestion, variantBody, type SectionId } from './entry-view.ts';
import { responseText } from './response-text.ts';
import { mockCurl } from './mock-command.ts';
import { evidenceSentences, inferredParts, resolveEvidence } from '../catalogue/evidence.ts';
import { observation, observationUrl } from '../catalogue/observations.ts';
import { isPredictable, tokenEndpoint } from '../catalogue/endpoints.ts';
import { observationShows, observationTrustText } from './evidence.ts';

/** A source's address: absolute as given, or a page of this site. */
export function sourceUrl(url: string, site: URL): string {
  return new URL(url, site).href;
}

function fence(lang: string, code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${code}\n${ticks}`;
}

/**
 * The entry as one Markdown document; `prose` is the MDX body of its long-form page. Its sections
 * are the page's, in the page's order and with the page's titles (src/site/entry-view.ts).
 */
export function entryMarkdown(entry: Entry, site: URL, prose = ''): string {
  const lines: string[] = [];
  const url = new URL(entryPath(entry.slug), site).href;
  lines.push(`# ${entry.title}`, '');
  lines.push(`- Status: ${statusLine(entry.status)}`);
  lines.push(`- Identifier: ${entry.identifier ?? 'none (the body has only a message)'}`);
  lines.push(
    `- Kind: ${entry.kind === 'identifier' ? 'identifier entry' : `case of ${isPredictable(entry) ? tokenEndpoint : entry.endpoints.join(', ')}`}`,
  );
  if (!isPredictable(entry)) {
    lines.push(
      `- Never predicted: Errata's predictor models ${tokenEndpoint} alone; this entry is catalogued for lookup, search and triage.`,
    );
  }
  lines.push(`- Page: ${url}`);
  if (entry.retired) {
    const { since, note, replacedBy } = entry.retired;
    const replacement = replacedBy ? ` Replaced by [${entryBySlug(replacedBy).title}](${new URL(entryPath(replacedBy), site).href}).` : '';
    lines.push(`- No longer returned since ${since}: ${note}${replacement}`);
  }
  lines.push('', entry.summary, '');

  const body = prose
    .trim()
    .replace(/^---\s*\n---\s*\n/, '')
    .trim();
  const sections: Record<SectionId, () => string[]> = {
    fix: () => [...entry.fix.map((step, index) => `${index + 1}. ${step}`), '', `${retryQuestion} ${retryAnswer(entry)}`],
    message: () => [fence('text', entry.message ?? '')],
    when: () => [
      entry.cause,
      '',
      `Appears in: ${entry.endpoints.join('; ')}.`,
      ...(entry.fields.length > 0 ? ['', `Fields: ${entry.fields.map((field) => `\`${field}\``).join(', ')}.`] : []),
      ...(entry.aka.length > 0 ? ['', `Also known as: ${entry.aka.join(', ')}.`] : []),
    ],
    cases: () =>
      (entry.identifier ? casesOf(entry.identifier) : []).map(
        (each) => `- [${each.title}](${new URL(entryPath(each.slug), site).href}) (${each.status})`,
      ),
    example: () => {
      const { samples, outcome } = exampleOf(entry) as ShownExample;
      return [
        ...(samples.account.length > 0 ? [`Account state assumed: ${samples.account.join(', ')}.`, ''] : []),
        fence('bash', samples.curl),
        '',
        'Predicted response:',
        '',
        fence('http', responseText(outcome.status, outcome.body)),
      ];
    },
    reproduce: () => [reproduceLead, '', fence('bash', mockCurl(entry.example?.scenario ?? {}))],
    'in-depth': () => [body],
    variants: () =>
      entry.variants.flatMap((variant) => {
        const resolved = resolveVariant(entry, variant);
        const seen = [resolved.seen && `seen ${resolved.seen}`, resolved.observed.length > 0 && `observed: ${resolved.observed.join(', ')}`]
          .filter(Boolean)
          .join('; ');
        return [
          `- ${resolved.title}${seen ? ` (${seen})` : ''}: ${statusLine(resolved.status)}, identifier ${resolved.identifier ?? 'none'}, message \`${resolved.message}\`.`,
          ...(resolved.echoes || Object.keys(resolved.extra).length > 0 ? [`  Body: \`${JSON.stringify(variantBody(resolved))}\``] : []),
        ];
      }),
    related: () => entry.related.map((slug) => `- [${entryBySlug(slug).title}](${new URL(entryPath(slug), site).href})`),
    provenance: () => provenanceLines(entry, site),
  };
  for (const section of entrySections(entry, { prose: body !== '' })) lines.push(`## ${section.title}`, '', ...sections[section.id](), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function provenanceLines(entry: Entry, site: URL): string[] {
  const lines: string[] = [];
  const inferred = inferredParts(entry);
  const evidence = resolveEvidence(entry);
  lines.push(
    entry.provenance.kind === 'documented' || inferred.length === 0
      ? `${provenanceLabel(evidence.kinds)} Nothing here is inferred.`
      : `${provenanceLabel(evidence.kinds)} Inferred parts: ${inferred.join(', ')}. ${entry.provenance.reason}`,
    '',
  );
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
    lines.push(
      `- [${sources[ref.source].title}](${sourceUrl(sources[ref.source].url, site)})${ref.section ? `, ${ref.section}` : ''}${cites}`,
    );
  }
  return lines;
}
