/**
 * `/llms.txt` (one line per page) and `/llms-full.txt` (every entry in full), from the catalogue.
 */
import { catalogue, entriesInCategory } from '../catalogue/index.ts';
import { categories } from '../catalogue/categories.ts';
import { statusLine } from '../predict/http.ts';
import { entryPath, markdownTwinPath } from './paths.ts';
import { entryMarkdown } from './markdown.ts';

/** The pages that are not entries, with one line each. */
export const sitePages = [
  { path: '/', title: 'Errata', summary: "Every error of iDenfy's POST /api/v2/token, explained." },
  { path: '/errors/', title: 'All errors', summary: 'Every entry, by category and status.' },
  { path: '/token/', title: 'Token request fields', summary: 'Every request field: type, rule, default and the error it produces.' },
  { path: '/evaluation/', title: 'Order of evaluation', summary: 'Which check comes first, so you know which error you will see.' },
  { path: '/guides/handling-errors/', title: 'Handling errors in code', summary: 'Branch on status, then identifier; back off on 429; in three languages.' },
  { path: '/playground/', title: 'Playground', summary: 'Edit a token request and see the predicted response as you type.' },
  { path: '/mock/', title: 'The mock server', summary: 'errata mock: an HTTP server that answers POST /api/v2/token as predicted, for offline integration tests.' },
  { path: '/triage/', title: 'What went wrong?', summary: 'Paste an error body, message or response and get its entry.' },
  { path: '/evidence/', title: 'Observed responses', summary: 'Real answers of the API recorded in public material (R1–R14), and what each settled.' },
  { path: '/changelog/', title: 'Changelog', summary: "What changed in each release of the catalogue, and why." },
  { path: '/use/', title: 'Use it in your code', summary: 'The errata npm package: validate requests, explain errors in your error handler, the errata command, and an MCP server for coding assistants.' },
  { path: '/check/', title: 'Check real traffic', summary: 'Check recorded HAR or JSON Lines traffic against the predictions; triage a whole log; fail CI on changes.' },
] as const;

export function llmsIndex(site: URL): string {
  const link = (path: string) => new URL(path, site).href;
  const lines = [
    '# Errata',
    '',
    "> The error reference for iDenfy's identity-verification API, POST /api/v2/token: what each error means, why it happens and how to fix it. Facts trace to iDenfy's error reference; anything beyond it is marked as observed (a recorded real response) or inferred.",
    '',
    '## Pages',
    '',
    ...sitePages.map((page) => `- [${page.title}](${link(page.path)}): ${page.summary}`),
  ];
  for (const category of categories) {
    const entries = entriesInCategory(category.id);
    if (entries.length === 0) continue;
    lines.push('', `## ${category.title}`, '');
    for (const entry of entries) {
      const what = `${statusLine(entry.status)}${entry.identifier ? `, ${entry.identifier}` : ''}${entry.retired ? `, no longer returned since ${entry.retired.since}` : ''}`;
      lines.push(`- [${entry.title}](${link(markdownTwinPath(entry.slug))}): ${what}. ${entry.summary}`);
    }
  }
  lines.push('', '## Data', '', `- [catalogue.json](${link('/catalogue.json')}): every entry as JSON, with a version and changelog.`);
  return `${lines.join('\n')}\n`;
}

export function llmsFull(site: URL, prose: ReadonlyMap<string, string>): string {
  const parts = catalogue.map((entry) => entryMarkdown(entry, site, prose.get(entry.slug) ?? ''));
  return `# Errata: every entry\n\nSource: ${new URL(entryPath(''), site).href}\n\n${parts.join('\n---\n\n')}`;
}
