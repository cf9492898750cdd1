/**
 * The predicted response: drawn in full beside the editor, as a status line under the editor on
 * a phone, and said to screen readers once typing pauses. Its links to a problem's field go back
 * to the editor or the control, and a warning's suggestion can be applied from it.
 */
import type { Outcome } from '../../predict/outcome.ts';
import { statusLine } from '../../predict/http.ts';
import { entry as entryFacts } from '../../catalogue/entry-facts.ts';
import { locate } from '../../json/text.ts';
import { statusBadgeClass } from '../../site/status-kind.ts';
import type { Controls } from './controls.ts';
import type { BodyEditor } from './editor.ts';
import type { FormError } from './form.ts';
import { problemTarget, warningTarget, type Target } from './marks.ts';
import { h, renderInvalid, renderOutcome, type RenderHandlers } from './render.ts';
import { part, type Session } from './session.ts';

export interface Output {
  /** Draws the prediction, or why there is none. */
  show(outcome: Outcome | null, errors: readonly FormError[]): void;
  /** Says something to screen readers after a pause; a newer announcement replaces one not yet said. */
  announce(say: () => string, delayMs: number): void;
}

export function createOutput(page: HTMLElement, session: Session, editor: BodyEditor, controls: Controls): Output {
  const prediction = part<HTMLElement>(page, '[data-prediction]');
  const sticky = document.querySelector<HTMLElement>('[data-sticky-status]');
  const announcer = part<HTMLElement>(page, '[data-announcer]');
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  const handlers: RenderHandlers = {
    problemTarget: (index) => {
      const { outcome, read, form } = session;
      return outcome?.problems[index] ? problemTarget(outcome.problems[index], read.scan, form.bodyMode) : null;
    },
    warningTarget: (index) => {
      const { outcome, read, form } = session;
      return outcome?.warnings[index] ? warningTarget(outcome.warnings[index], read.scan, form.bodyMode) : null;
    },
    controlLabel: controls.label,
    go,
    canFix: (index) => fixRange(index) !== null,
    fix(index) {
      const range = fixRange(index);
      const suggestion = session.outcome?.warnings[index]?.suggestion;
      if (!range || !suggestion) return;
      editor.replace(range.from, range.to, JSON.stringify(suggestion));
      editor.focus();
    },
  };

  function fixRange(index: number) {
    const warning = session.outcome?.warnings[index];
    if (!warning?.suggestion || !session.read.scan || session.form.bodyMode === 'base64') return null;
    const located = locate(session.read.scan.root, warning.pointer);
    return located?.found && located.key ? located.key : null;
  }

  function go(target: Target): void {
    if (target.kind === 'editor') {
      editor.select(target.from, target.to);
      return;
    }
    if (target.control === 'body') {
      editor.focus();
      return;
    }
    controls.focus(target.control);
  }

  /** The phone's status line under the editor: the status and the entry, a tap from the response. */
  function showStickyStatus(shown: Outcome | null): void {
    if (!sticky) return;
    if (!shown) {
      sticky.replaceChildren(h('a', { href: '#pg-prediction' }, 'No prediction: see why'));
      return;
    }
    const own = entryFacts(shown.entry).title;
    sticky.replaceChildren(
      h('a', { href: '#pg-prediction' }, h('span', { class: statusBadgeClass(shown.status) }, statusLine(shown.status)), ' ', own),
    );
  }

  return {
    show(outcome, errors) {
      prediction.replaceChildren(outcome ? renderOutcome(outcome, handlers) : renderInvalid(errors, handlers));
      prediction.dataset.entry = outcome?.entry ?? '';
      showStickyStatus(outcome);
    },
    announce(say, delayMs) {
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => (announcer.textContent = say()), delayMs);
    },
  };
}
