/**
 * The catalogue's prose fields use a small piece of Markdown: `code`, **strong** and
 * [links](/errors/…/). This renders that piece to HTML, escaping everything else, so a record
 * can never inject markup.
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const inlinePattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function inlineMarkdown(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    html += escapeHtml(text.slice(last, match.index));
    const [, code, strong, label, href] = match;
    if (code !== undefined) html += `<code>${escapeHtml(code)}</code>`;
    else if (strong !== undefined) html += `<strong>${escapeHtml(strong)}</strong>`;
    else if (label !== undefined && href !== undefined && /^(\/|https:\/\/)/.test(href)) {
      html += `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
    } else html += escapeHtml(match[0]);
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** The same prose as plain text, for meta descriptions and search excerpts. */
export function plainText(text: string): string {
  return text.replace(inlinePattern, (_, code, strong, label) => code ?? strong ?? label ?? '');
}
