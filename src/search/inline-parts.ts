/**
 * The catalogue's prose uses a small piece of Markdown (`code`, **strong**, [links](/…)). In the
 * browser, search results and the triage page show it as text and `<code>` elements built with
 * textContent, never as HTML: this splits it into those parts.
 */
export type InlinePart = { kind: 'text' | 'code' | 'strong'; text: string };

const inlinePattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function inlineParts(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let last = 0;
  const push = (kind: InlinePart['kind'], value: string) => {
    if (value.length === 0) return;
    const previous = parts.at(-1);
    if (previous && previous.kind === kind && kind === 'text') previous.text += value;
    else parts.push({ kind, text: value });
  };
  for (const match of text.matchAll(inlinePattern)) {
    push('text', text.slice(last, match.index));
    const [, code, strong, label] = match;
    if (code !== undefined) push('code', code);
    else if (strong !== undefined) push('strong', strong);
    else push('text', label ?? match[0]);
    last = match.index + match[0].length;
  }
  push('text', text.slice(last));
  return parts;
}
