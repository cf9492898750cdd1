/**
 * The catalogue's prose uses a small piece of Markdown: `code`, **strong** and [links](/…). This
 * splits it into parts, once for every reader: the pages render the parts to HTML (escaping all
 * text, src/site/inline.ts), the browser builds them with textContent, never as HTML.
 *
 * A scanner, not a regular expression: an opening mark without its closing one costs one look
 * ahead, remembered, so no text makes it read the same characters over and over.
 */
export type InlinePart = { kind: 'text' | 'code' | 'strong'; text: string } | { kind: 'link'; text: string; href: string };

/** One construct found at a position: its part and where the text after it starts. */
type Found = { part: InlinePart; end: number } | null;

export function inlineParts(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const pushText = (value: string) => {
    if (value.length === 0) return;
    const previous = parts.at(-1);
    if (previous?.kind === 'text') previous.text += value;
    else parts.push({ kind: 'text', text: value });
  };

  // The next closing mark after a position, remembered: every opening mark before it shares it.
  const next = { tick: -2, star: -2, bracket: -2 };
  const nextOf = (key: keyof typeof next, char: string, from: number): number => {
    if (next[key] === -1 || next[key] >= from) return next[key];
    next[key] = text.indexOf(char, from);
    return next[key];
  };

  const codeAt = (index: number): Found => {
    const close = nextOf('tick', '`', index + 1);
    if (close <= index + 1) return null;
    return { part: { kind: 'code', text: text.slice(index + 1, close) }, end: close + 1 };
  };
  const strongAt = (index: number): Found => {
    if (text[index + 1] !== '*') return null;
    const close = nextOf('star', '*', index + 2);
    if (close <= index + 2 || text[close + 1] !== '*') return null;
    return { part: { kind: 'strong', text: text.slice(index + 2, close) }, end: close + 2 };
  };
  const linkAt = (index: number): Found => {
    const close = nextOf('bracket', ']', index + 1);
    if (close <= index + 1 || text[close + 1] !== '(') return null;
    let end = close + 2;
    while (end < text.length && text[end] !== ')' && !/\s/.test(text[end] as string)) end++;
    if (end === close + 2 || text[end] !== ')') return null;
    return { part: { kind: 'link', text: text.slice(index + 1, close), href: text.slice(close + 2, end) }, end: end + 1 };
  };

  let last = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const found = char === '`' ? codeAt(index) : char === '*' ? strongAt(index) : char === '[' ? linkAt(index) : null;
    if (!found) {
      index++;
      continue;
    }
    pushText(text.slice(last, index));
    parts.push(found.part);
    index = last = found.end;
  }
  pushText(text.slice(last));
  return parts;
}
