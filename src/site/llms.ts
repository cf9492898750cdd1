/**
 * `/llms.txt` (one line per page) and `/llms-full.txt` (every entry in full), from the catalogue.
 */
import { catalogue, entriesInCategory } from '../catalogue/index.ts';
import { categories } from '../catalogue/categories.ts';
import { statusLine } from '../predict/http.ts';
import { entryPath, markdownTwinPath } from './paths.ts';
import { entryMarkdown } from './markdown.ts';
import { sitePages } from './pages.ts';

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
