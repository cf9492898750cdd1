import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLanguages, highlightCode } from '../../src/site/highlight.ts';

test('a code block is one <pre> that the keyboard can reach, one line span per line', async () => {
  const html = await highlightCode('import os\nprint(os.environ)', 'python');
  assert.match(html, /^<pre class="astro-code" data-language="python" tabindex="0"><code>/);
  assert.equal(html.match(/<span class="line">/g)?.length, 2);
});

test('tokens are coloured with the theme variables that global.css sets for both schemes', async () => {
  const html = await highlightCode('import os', 'python');
  assert.match(html, /<span style="color:var\(--code-token-keyword\)">import<\/span>/);
});

test('plain text needs no span, and neighbouring tokens of one colour share one', async () => {
  const html = await highlightCode('{"a": 1}', 'json');
  assert.doesNotMatch(html, /--code-foreground/);
  // The text survives whole, however it is split into spans.
  assert.equal(html.replace(/<[^>]+>/g, ''), '{&quot;a&quot;: 1}');
  // A Python string is three tokens (its quotes and its text) of one colour: one span.
  assert.match(
    await highlightCode('x = "hello"', 'python'),
    /<span style="color:var\(--code-token-string-expression\)">&quot;hello&quot;<\/span>/,
  );
});

test('Windows line endings make the same lines as Unix ones', async () => {
  assert.equal(await highlightCode('import os\r\nprint(os)', 'python'), await highlightCode('import os\nprint(os)', 'python'));
});

test('code is escaped, never rendered as HTML', async () => {
  const html = await highlightCode('echo "<script>alert(1)</script>" & exit', 'bash');
  assert.doesNotMatch(html, /<script>/);
  assert.match(html.replace(/<[^>]+>/g, ''), /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot; &amp; exit/);
});

test('every language a page may use highlights, text included', async () => {
  for (const lang of codeLanguages) {
    const html = await highlightCode('x = 1', lang);
    assert.match(html, new RegExp(`data-language="${lang}"`), lang);
    assert.equal(html.replace(/<[^>]+>/g, ''), 'x = 1', lang);
  }
});

test('an empty line stays a line, so the block keeps its shape', async () => {
  const html = await highlightCode('a\n\nb', 'text');
  assert.equal(html.match(/<span class="line">/g)?.length, 3);
});

/** Each character of a highlighted block with the style it is shown in, read back from the HTML. */
function styledCharacters(html: string): string[] {
  const out: string[] = [];
  const code = html.replace(/^<pre[^>]*><code>/, '').replace(/<\/code><\/pre>$/, '');
  const unescapeHtml = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const [, style, styled, plain] of code.matchAll(/<span style="([^"]*)">([^<]*)<\/span>|([^<]+)|<[^>]+>/g)) {
    const text = unescapeHtml(styled ?? plain ?? '');
    for (const character of text) out.push(`${style ?? ''}|${character}`);
  }
  return out;
}

test('line by line, with remembered states, colours every sample exactly as tokenising it whole does', async () => {
  const { createHighlighterCore } = await import('shiki/core');
  const { createJavaScriptRegexEngine } = await import('shiki/engine/javascript');
  const { codeTheme } = await import('../../src/site/highlight.ts');
  const { catalogue } = await import('../../src/catalogue/index.ts');
  const { requestSamples } = await import('../../src/site/samples.ts');
  const whole = await createHighlighterCore({
    themes: [codeTheme],
    langs: [import('shiki/langs/bash.mjs'), import('shiki/langs/python.mjs'), import('shiki/langs/javascript.mjs')],
    engine: createJavaScriptRegexEngine(),
  });
  // A heredoc: its end depends on text captured lines before, which a state must remember.
  const blocks: [string, 'bash' | 'python' | 'js'][] = [
    ['cat <<EOF\nEOF2\nEOF\necho done', 'bash'],
    ['s = """\nnot code\n"""\nx = 1', 'python'],
  ];
  for (const entry of catalogue) {
    if (!entry.example) continue;
    const samples = requestSamples(entry.example.scenario);
    blocks.push([samples.curl, 'bash'], [samples.python, 'python'], [samples.javascript, 'js']);
  }
  for (const [code, lang] of blocks) {
    const expected = whole.codeToTokensBase(code, { lang, theme: codeTheme.name }).flatMap((line, index) => [
      ...(index > 0 ? ['|\n'] : []),
      ...line.flatMap((token) => {
        const style = token.color && token.color !== 'var(--code-foreground)' ? `color:${token.color}` : '';
        const font = [
          token.fontStyle && token.fontStyle & 1 ? 'font-style:italic' : '',
          token.fontStyle && token.fontStyle & 2 ? 'font-weight:bold' : '',
        ]
          .filter(Boolean)
          .join(';');
        return [...token.content].map((character) => `${[style, font].filter(Boolean).join(';')}|${character}`);
      }),
    ]);
    assert.deepEqual(styledCharacters(await highlightCode(code, lang)), expected, code.slice(0, 60));
  }
});
