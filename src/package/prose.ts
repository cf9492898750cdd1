/**
 * The long-form prose of each entry (the MDX body of content/errors/<slug>.mdx), for the Markdown
 * twins the MCP server serves. In the repository it is read from content/ when asked; the
 * package's build (scripts/build-package.ts) replaces this module with the prose inlined, as the
 * tarball carries no content/ folder.
 */
import { readFileSync } from 'node:fs';

/** The prose of an entry, without its front matter; '' when it has none. */
export function entryProse(slug: string): string {
  try {
    const text = readFileSync(new URL(`../../content/errors/${slug}.mdx`, import.meta.url), 'utf8');
    return stripFrontMatter(text);
  } catch {
    return '';
  }
}

/** The text after a leading `---` … `---` block. A scan, not a pattern over the whole text. */
export function stripFrontMatter(text: string): string {
  if (!text.startsWith('---')) return text;
  const end = text.indexOf('\n---', 3);
  if (end < 0) return text;
  const after = text.indexOf('\n', end + 4);
  return after < 0 ? '' : text.slice(after + 1);
}
