/**
 * The request body's editor on the page: created in its host with the body it starts from; each
 * edit goes to the form and starts a prediction. Marks and the invalid state are drawn from
 * what main.ts predicted.
 */
import { createEditor, type BodyEditor } from './editor.ts';
import type { Session } from './session.ts';
import { part } from './session.ts';

export interface BodyEditorView {
  editor: BodyEditor;
  /** Outlines the editor while the body is what makes the inputs invalid. */
  markInvalid(invalid: boolean): void;
}

export function createBodyEditor(page: HTMLElement, session: Session, edited: () => void): BodyEditorView {
  const host = part<HTMLElement>(page, '[data-editor]');
  host.replaceChildren();
  const editor = createEditor({
    parent: host,
    text: session.form.body,
    language: session.form.bodyMode === 'base64' ? 'plain' : 'json',
    attributes: {
      'aria-label': 'Request body',
      'aria-describedby': 'pg-body-hint pg-body-error',
    },
    onChange(text) {
      session.form.body = text;
      edited();
    },
  });
  return {
    editor,
    markInvalid: (invalid) => void host.classList.toggle('invalid', invalid),
  };
}
