/**
 * Syntax highlighting for every code block of the site, at build time.
 *
 * One shiki theme whose colours are CSS variables (`--code-token-*`, set in global.css with
 * `light-dark()`), so each block is tokenised once and serves both colour schemes; the
 * JavaScript regex engine, which needs no WebAssembly and is faster on these grammars; and a
 * cache of lines, since the pages' requests differ in a few lines each. Together they make the
 * code of an entry page many times cheaper than Astro's `<Code>` with two themes, which matters
 * when the catalogue has thousands of pages.
 */
import { createCssVariablesTheme, createHighlighterCore, type GrammarState, type HighlighterCore, type ThemedToken } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { escapeHtml } from './inline.ts';

/** The languages code blocks on pages may use; `text` is always there. */
export const codeLanguages = ['bash', 'python', 'js', 'json', 'http', 'php', 'text'] as const;
export type CodeLanguage = (typeof codeLanguages)[number];

/** How a code block's caption names its language. */
export const codeLanguageNames: Readonly<Record<CodeLanguage, string>> = {
  bash: 'Shell',
  python: 'Python',
  js: 'JavaScript',
  json: 'JSON',
  http: 'HTTP',
  php: 'PHP',
  text: 'Text',
};

/** Also used by Astro's Markdown pipeline (astro.config.mjs), so MDX code looks the same. */
export const codeTheme = createCssVariablesTheme({ name: 'errata', variablePrefix: '--code-' });

let highlighter: Promise<HighlighterCore> | undefined;

function loadHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [codeTheme],
    langs: [
      import('shiki/langs/bash.mjs'),
      import('shiki/langs/python.mjs'),
      import('shiki/langs/javascript.mjs'),
      import('shiki/langs/json.mjs'),
      import('shiki/langs/http.mjs'),
      import('shiki/langs/php.mjs'),
    ],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

// shiki's FontStyle flags.
const italic = 1;
const bold = 2;
const underline = 4;

const plainColor = 'var(--code-foreground)';

/** The inline style of a token; empty for plain text, which needs no span. */
function tokenStyle(color: string | undefined, fontStyle: number | undefined): string {
  const parts: string[] = [];
  if (color && color !== plainColor) parts.push(`color:${color}`);
  if (fontStyle && fontStyle & italic) parts.push('font-style:italic');
  if (fontStyle && fontStyle & bold) parts.push('font-weight:bold');
  if (fontStyle && fontStyle & underline) parts.push('text-decoration:underline');
  return parts.join(';');
}

/** One line of tokens as HTML, neighbours of the same style joined into one span. */
function lineHtml(tokens: readonly ThemedToken[]): string {
  let html = '';
  let style = '';
  let text = '';
  const flush = () => {
    if (text) html += style ? `<span style="${style}">${escapeHtml(text)}</span>` : escapeHtml(text);
  };
  for (const token of tokens) {
    const next = tokenStyle(token.color, token.fontStyle);
    if (next !== style) {
      flush();
      style = next;
      text = '';
    }
    text += token.content;
  }
  flush();
  return `<span class="line">${html}</span>`;
}

/**
 * A grammar's state between two lines: vscode-textmate's rule stack. Its `equals` compares the
 * rules, scopes and end patterns that decide how the next line is read. The unit tests check that
 * lines read one at a time from remembered states colour every sample as a whole-block pass does.
 */
interface LineState {
  equals(other: LineState): boolean;
}

/** The rule stack inside shiki's grammar state: not in shiki's typed API, so checked here. */
function ruleStack(state: GrammarState): LineState {
  const internal = state as unknown as { getInternalStack?: () => LineState | undefined };
  const stack = internal.getInternalStack?.();
  if (!stack || typeof stack.equals !== 'function') {
    throw new Error('shiki no longer exposes its grammar state as before: src/site/highlight.ts needs updating');
  }
  return stack;
}

/**
 * The states each language's lines have started in, so that a state can be named by a number:
 * a line tokenised once from a state gives the same tokens every time it starts from that state.
 */
const knownStates = new Map<string, { state: GrammarState; stack: LineState }[]>();

function stateNumber(lang: string, state: GrammarState): number {
  const stack = ruleStack(state);
  const known = knownStates.get(lang) ?? [];
  knownStates.set(lang, known);
  const index = known.findIndex((each) => each.stack === stack || each.stack.equals(stack));
  if (index >= 0) return index;
  known.push({ state, stack });
  return known.length - 1;
}

function lastState(shiki: HighlighterCore, tokens: ThemedToken[][]): GrammarState {
  const state = shiki.getLastGrammarState(tokens);
  if (!state) throw new Error('shiki kept no grammar state for a line: the line cache cannot go on');
  return state;
}

/** A line's HTML and the number of the state it ends in, by language, start state and text. */
const lines = new Map<string, { html: string; end: number }>();

/**
 * The block as `<pre class="astro-code">` with one `<span class="line">` per line. Lines are
 * tokenised one at a time and remembered with the grammar state they start in: the samples of
 * thousands of pages differ in a few lines each, so most lines are tokenised once for the site.
 * The HTML is written here rather than through shiki's HAST, which costs as much again.
 */
export async function highlightCode(code: string, lang: CodeLanguage): Promise<string> {
  const shiki = await loadHighlighter();
  const html: string[] = [];
  let start = -1; // the grammar's initial state
  for (const text of code.split(/\r?\n/)) {
    const key = `${lang}\u0000${start}\u0000${text}`;
    let line = lines.get(key);
    if (!line) {
      const grammarState = start < 0 ? undefined : knownStates.get(lang)?.[start]?.state;
      const tokens = shiki.codeToTokensBase(text, { lang, theme: codeTheme.name, ...(grammarState ? { grammarState } : {}) });
      const end = lang === 'text' ? -1 : stateNumber(lang, lastState(shiki, tokens));
      line = { html: lineHtml(tokens[0] ?? []), end };
      lines.set(key, line);
    }
    html.push(line.html);
    start = line.end;
  }
  // tabindex: a block that scrolls sideways must be reachable by keyboard.
  return `<pre class="astro-code" data-language="${lang}" tabindex="0"><code>${html.join('\n')}</code></pre>`;
}
