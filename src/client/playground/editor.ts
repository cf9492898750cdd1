/**
 * The request-body editor: CodeMirror 6 with the JSON language, line numbers, bracket matching,
 * undo, and lint diagnostics set straight from each prediction (no lint delay). Colours come from
 * CSS variables, so the editor follows the site's light and dark themes.
 *
 * Tab indents; Escape then Tab leaves the editor (CodeMirror's own escape hatch), so the keyboard
 * is never trapped. F8 goes to the next problem and Mod-Shift-M lists them all (lint keymap).
 */
import { Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { json } from '@codemirror/lang-json';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import type { Mark } from './marks.ts';

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--pg-syntax-key)' },
  { tag: tags.string, color: 'var(--pg-syntax-string)' },
  { tag: tags.number, color: 'var(--pg-syntax-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--pg-syntax-literal)' },
  { tag: [tags.separator, tags.brace, tags.squareBracket, tags.punctuation], color: 'var(--pg-syntax-punctuation)' },
  { tag: tags.invalid, color: 'var(--error)' },
]);

const theme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--bg-code)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    fontSize: '0.9rem',
  },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55', minHeight: '14rem', maxHeight: '32rem' },
  '.cm-content': { caretColor: 'var(--fg)', padding: '0.5rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)', borderLeftWidth: '2px' },
  '.cm-gutters': {
    backgroundColor: 'var(--bg-soft)',
    color: 'var(--fg-soft)',
    borderRight: '1px solid var(--border)',
    borderRadius: 'var(--radius) 0 0 var(--radius)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--pg-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--pg-active-line)', color: 'var(--fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--pg-selection) !important',
  },
  // Matching brackets are shown only while the editor has focus, so that a page at rest is quiet.
  '.cm-matchingBracket, .cm-nonmatchingBracket': { backgroundColor: 'transparent', color: 'inherit' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--pg-bracket)', outline: '1px solid var(--fg-soft)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--error-soft)', color: 'var(--error)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--error)',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '3px',
  },
  '.cm-lintRange-warning': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--warn)',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '3px',
  },
  '.cm-lintPoint-error:after': { borderBottomColor: 'var(--error)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--bg)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    boxShadow: '0 6px 20px rgb(0 0 0 / 0.18)',
    maxWidth: 'min(36rem, 90vw)',
  },
  '.cm-diagnostic': { padding: '0.35rem 0.6rem', fontFamily: 'var(--font)', fontSize: '0.9rem', whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--error)' },
  '.cm-diagnostic-warning': { borderLeft: '4px solid var(--warn)' },
  '.cm-diagnosticSource': { color: 'var(--fg-soft)', opacity: '1' },
  '.cm-diagnosticAction': {
    backgroundColor: 'var(--accent)',
    color: 'var(--bg)',
    borderRadius: '4px',
    padding: '0.1rem 0.5rem',
    font: 'inherit',
  },
  '.cm-panels': { backgroundColor: 'var(--bg-soft)', color: 'var(--fg)' },
});

export interface BodyEditor {
  readonly view: EditorView;
  text(): string;
  /** Replaces the whole text (undoable), without telling onChange. */
  setText(text: string): void;
  /** JSON highlighting for JSON and raw text, none for base64. */
  setLanguage(kind: 'json' | 'plain'): void;
  setMarks(marks: readonly Mark[]): void;
  /** Selects a range, scrolls to it and focuses the editor. */
  select(from: number, to: number): void;
  /** Replaces a range (a "did you mean" fix) as if typed: onChange runs. */
  replace(from: number, to: number, text: string): void;
  focus(): void;
}

export interface EditorOptions {
  parent: HTMLElement;
  text: string;
  language: 'json' | 'plain';
  /** Extra attributes of the editable element (its accessible name and description). */
  attributes: Record<string, string>;
  /** After every change of the text made by the person (typing, pasting, undo, a fix). */
  onChange(text: string): void;
}

const dark = () => document.documentElement.dataset.theme === 'dark';

export function createEditor(options: EditorOptions): BodyEditor {
  const language = new Compartment();
  const darkness = new Compartment();
  const languageOf = (kind: 'json' | 'plain'): Extension => (kind === 'json' ? json() : []);
  let quiet = false;
  let lastMarks = '';

  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        lintGutter(),
        syntaxHighlighting(highlight),
        keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of(options.attributes),
        language.of(languageOf(options.language)),
        darkness.of(EditorView.darkTheme.of(dark())),
        theme,
      ],
    }),
    dispatchTransactions(transactions, editor) {
      editor.update(transactions);
      if (!quiet && transactions.some((transaction) => transaction.docChanged)) options.onChange(editor.state.doc.toString());
    },
  });

  // The site's theme toggle sets html[data-theme]: tooltips and other built-in parts follow it.
  new MutationObserver(() => view.dispatch({ effects: darkness.reconfigure(EditorView.darkTheme.of(dark())) })).observe(
    document.documentElement,
    { attributes: true, attributeFilter: ['data-theme'] },
  );

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      quiet = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: EditorSelection.cursor(0) });
      } finally {
        quiet = false;
      }
    },
    setLanguage(kind) {
      view.dispatch({ effects: language.reconfigure(languageOf(kind)) });
    },
    setMarks(marks) {
      // The same marks as last time (the text changed away from them): CodeMirror has already moved them.
      const key = JSON.stringify(marks);
      if (key === lastMarks) return;
      lastMarks = key;
      const length = view.state.doc.length;
      const diagnostics: Diagnostic[] = marks.map((mark) => {
        const from = Math.min(mark.from, length);
        const diagnostic: Diagnostic = {
          from,
          to: Math.max(from, Math.min(mark.to, length)),
          severity: mark.severity,
          message: mark.message,
          ...(mark.source ? { source: mark.source } : {}),
        };
        const { fix } = mark;
        if (fix) {
          diagnostic.actions = [
            { name: fix.label, apply: (editor, start, end) => editor.dispatch({ changes: { from: start, to: end, insert: fix.text } }) },
          ];
        }
        return diagnostic;
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    select(from, to) {
      const length = view.state.doc.length;
      view.dispatch({
        selection: EditorSelection.range(Math.min(from, length), Math.min(to, length)),
        effects: EditorView.scrollIntoView(Math.min(from, length), { y: 'center' }),
      });
      view.focus();
    },
    replace(from, to, text) {
      view.dispatch({ changes: { from, to, insert: text }, selection: EditorSelection.cursor(from + text.length) });
    },
    focus: () => view.focus(),
  };
}
