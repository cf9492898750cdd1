/**
 * The catalogue's prose fields use a small piece of Markdown: `code`, **strong** and
 * [links](/errors/…/). This renders that piece to HTML, escaping everything else, so a record
 * can never inject markup.
 */
import { inlineParts } from '../search/inline-parts.ts';

const htmlEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML and XML, in elements and in quoted attributes: the one escaper of the site. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] as string);
}

/** Inline Markdown to HTML: every piece of text escaped; links only to the site or to https. */
export function inlineMarkdown(text: string): string {
  return inlineParts(text)
    .map((part) => {
      switch (part.kind) {
        case 'code':
          return `<code>${escapeHtml(part.text)}</code>`;
        case 'strong':
          return `<strong>${escapeHtml(part.text)}</strong>`;
        case 'link':
          return /^(\/|https:\/\/)/.test(part.href)
            ? `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`
            : escapeHtml(`[${part.text}](${part.href})`);
        default:
          return escapeHtml(part.text);
      }
    })
    .join('');
}

/** The same prose as plain text, for meta descriptions and search excerpts. */
export function plainText(text: string): string {
  return inlineParts(text)
    .map((part) => part.text)
    .join('');
}
