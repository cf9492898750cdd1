/**
 * The form's controls beside the editor: the request's method, credentials and body mode, and the
 * account folded under "Simulate your account". It writes the form to the controls, reads each
 * change back into it, shows each control's error, and counts what differs from a healthy account.
 */
import { accountNotes } from '../../site/samples.ts';
import type { BodyEditor } from './editor.ts';
import { convertBody, type BodyMode, type Control, type FormError, type FormState } from './form.ts';
import { part, type Session } from './session.ts';

export interface Controls {
  /** Shows the whole form: after a scenario was loaded or a redaction undone. */
  write(): void;
  /** What the page calls a control, for messages. */
  label(name: string): string;
  showErrors(errors: readonly FormError[]): void;
  showAccountCount(): void;
  /** A scenario that sets the account opens its form: what it changed is part of what it shows. */
  openAccountIfChanged(): void;
  /** Brings a control into view and focuses it (the first unticked token type for that list). */
  focus(name: Control): void;
}

export function createControls(page: HTMLElement, session: Session, editor: BodyEditor, edited: () => void): Controls {
  const control = <T extends HTMLElement>(name: Control) => document.getElementById(`pg-${name}`) as T | null;
  const accountFold = document.querySelector<HTMLDetailsElement>('[data-account-fold]');
  const accountCount = document.querySelector<HTMLElement>('[data-account-count]');
  const examples = part<HTMLSelectElement>(page, '#pg-example');
  const bodyModeNote = part<HTMLElement>(page, '[data-body-mode-note]');
  const tokenTypeBoxes = [...page.querySelectorAll<HTMLInputElement>('input[name="allowedTokenTypes"]')];

  page.addEventListener('input', (event) => onControl(event.target));
  page.addEventListener('change', (event) => onControl(event.target));

  function onControl(target: EventTarget | null): void {
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return;
    if (target === examples) return;
    const form = session.form;
    if (target.name === 'allowedTokenTypes') {
      form.allowedTokenTypes = tokenTypeBoxes
        .filter((box) => box.checked)
        .map((box) => box.value as FormState['allowedTokenTypes'][number]);
      edited();
      return;
    }
    const name = target.id.replace(/^pg-/, '') as Control;
    if (!(name in form) || name === 'body') return;
    if (name === 'bodyMode') {
      const mode = target.value as BodyMode;
      if (mode === form.bodyMode) return;
      const converted = convertBody(form.body, form.bodyMode, mode);
      form.bodyMode = mode;
      form.body = converted.body;
      editor.setText(converted.body);
      editor.setLanguage(mode === 'base64' ? 'plain' : 'json');
      bodyModeNote.textContent = converted.note ?? '';
      showModeHint();
      edited();
      return;
    }
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    if (form[name] === value) return;
    (form as unknown as Record<string, unknown>)[name] = value;
    if (name.startsWith('restrict')) enableLists();
    edited();
  }

  function write(): void {
    const form = session.form;
    for (const [name, value] of Object.entries(form)) {
      const element = control<HTMLInputElement>(name as Control);
      if (!element || name === 'body') continue;
      if (element.type === 'checkbox') element.checked = value as boolean;
      else element.value = value as string;
    }
    for (const box of tokenTypeBoxes) box.checked = form.allowedTokenTypes.includes(box.value as never);
    if (editor.text() !== form.body) editor.setText(form.body);
    editor.setLanguage(form.bodyMode === 'base64' ? 'plain' : 'json');
    bodyModeNote.textContent = '';
    showModeHint();
    enableLists();
  }

  function showModeHint(): void {
    page.querySelectorAll<HTMLElement>('[data-mode-hint]').forEach((hint) => {
      hint.hidden = hint.dataset.modeHint !== session.form.bodyMode;
    });
  }

  /** A list is edited only while it restricts; its text is kept either way. */
  function enableLists(): void {
    const form = session.form;
    for (const box of tokenTypeBoxes) box.disabled = !form.restrictTokenTypes;
    const questionnaires = control<HTMLInputElement>('questionnaires');
    const profiles = control<HTMLInputElement>('riskAssessmentProfiles');
    if (questionnaires) questionnaires.disabled = !form.restrictQuestionnaires;
    if (profiles) profiles.disabled = !form.restrictRiskAssessmentProfiles;
  }

  return {
    write,
    label(name) {
      if (name === 'body') return 'Request body';
      const label = document.querySelector(`label[for="pg-${name}"]`);
      return label?.textContent?.trim().replace(/\s+/g, ' ') ?? name;
    },
    showErrors(errors) {
      page.querySelectorAll<HTMLElement>('[data-error-for]').forEach((slot) => {
        const error = errors.find((each) => each.control === slot.dataset.errorFor);
        slot.textContent = error?.message ?? '';
        slot.hidden = !error;
        const element = control(slot.dataset.errorFor as Control);
        if (element && slot.dataset.errorFor !== 'body') {
          if (error) element.setAttribute('aria-invalid', 'true');
          else element.removeAttribute('aria-invalid');
        }
      });
    },
    /** How many account settings differ from a healthy account, on the folded form's summary. */
    showAccountCount() {
      const changed = accountNotes({ account: session.read.scenario.account }).length;
      if (accountCount) {
        accountCount.textContent =
          changed === 0
            ? '(a healthy production account)'
            : `(${changed} ${changed === 1 ? 'setting differs' : 'settings differ'} from a healthy account)`;
      }
      accountFold?.toggleAttribute('data-changed', changed > 0);
    },
    openAccountIfChanged() {
      if (accountFold && accountNotes({ account: session.read.scenario.account }).length > 0) accountFold.open = true;
    },
    focus(name) {
      const element =
        name === 'restrictTokenTypes' && session.form.restrictTokenTypes
          ? (tokenTypeBoxes.find((box) => !box.checked) ?? control('restrictTokenTypes'))
          : control(name);
      element?.closest('details')?.setAttribute('open', '');
      element?.scrollIntoView({ block: 'center' });
      element?.focus();
    },
  };
}
