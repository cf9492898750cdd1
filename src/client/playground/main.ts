/**
 * The playground page: the form and the editor feed the predictor on every change, the result is
 * drawn at once, the editor marks each problem at its field, screen readers hear the new status
 * once typing pauses, and the whole scenario lives in the URL fragment (never sent to a server).
 */
// First: before any schema is defined (see the module).
import '../zod-jitless.ts';
import { predict } from '../../predict/predict.ts';
import type { Outcome } from '../../predict/outcome.ts';
import { ScenarioError, type ScenarioInput } from '../../token/scenario.ts';
import { decodeScenario, encodeScenario, maxLinkLength } from '../../share/scenario-link.ts';
import { redactScenario } from '../../share/redact.ts';
import { createEditor, type BodyEditor } from './editor.ts';
import {
  convertBody,
  defaultForm,
  formFromScenario,
  scenarioFromForm,
  type BodyMode,
  type Control,
  type FormError,
  type FormRead,
  type FormState,
} from './form.ts';
import { locate } from '../../json/text.ts';
import { marksFor, problemTarget, warningTarget, type Target } from './marks.ts';
import { announcement, h, renderInvalid, renderOutcome, type RenderHandlers } from './render.ts';
import { accountNotes, requestSamples } from '../../site/samples.ts';
import { statusBadgeClass } from '../../site/status-kind.ts';
import { statusLine } from '../../predict/http.ts';
import { copyText } from '../copy.ts';
import { entry as findEntryRecord } from '../../catalogue/entry-facts.ts';

const findEntryTitle = (slug: string): string => findEntryRecord(slug).title;

const root = document.querySelector<HTMLElement>('[data-playground]');
if (root) start(root);

function start(page: HTMLElement): void {
  const $ = <T extends HTMLElement>(selector: string) => page.querySelector<T>(selector) as T;
  const control = <T extends HTMLElement>(name: Control) => document.getElementById(`pg-${name}`) as T | null;

  const prediction = $<HTMLElement>('[data-prediction]');
  const sticky = document.querySelector<HTMLElement>('[data-sticky-status]');
  const accountFold = document.querySelector<HTMLDetailsElement>('[data-account-fold]');
  const accountCount = document.querySelector<HTMLElement>('[data-account-count]');
  const announcer = $<HTMLElement>('[data-announcer]');
  const notice = $<HTMLElement>('[data-link-notice]');
  const shareStatus = $<HTMLElement>('[data-share-status]');
  const examples = $<HTMLSelectElement>('#pg-example');
  const bodyModeNote = $<HTMLElement>('[data-body-mode-note]');
  const tokenTypeBoxes = [...page.querySelectorAll<HTMLInputElement>('input[name="allowedTokenTypes"]')];

  let form: FormState = defaultForm();
  let read: FormRead = scenarioFromForm(form);
  let outcome: Outcome | null = null;
  /** The fragment last written to (or read from) the address bar, without "#". */
  let fragment = '';
  let firstShown = false;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let linkTimer: ReturnType<typeof setTimeout> | undefined;
  let undoRedaction: FormState | null = null;

  // ── Controls ────────────────────────────────────────────────────────────────

  page.addEventListener('input', (event) => onControl(event.target));
  page.addEventListener('change', (event) => onControl(event.target));

  function onControl(target: EventTarget | null): void {
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return;
    if (target === examples) return;
    if (target.name === 'allowedTokenTypes') {
      form.allowedTokenTypes = tokenTypeBoxes.filter((box) => box.checked).map((box) => box.value as FormState['allowedTokenTypes'][number]);
      update();
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
      update();
      return;
    }
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    if (form[name] === value) return;
    (form as unknown as Record<string, unknown>)[name] = value;
    if (name.startsWith('restrict')) enableLists();
    update();
  }

  function writeControls(): void {
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
      hint.hidden = hint.dataset.modeHint !== form.bodyMode;
    });
  }

  /** A list is edited only while it restricts; its text is kept either way. */
  function enableLists(): void {
    for (const box of tokenTypeBoxes) box.disabled = !form.restrictTokenTypes;
    const questionnaires = control<HTMLInputElement>('questionnaires');
    const profiles = control<HTMLInputElement>('riskAssessmentProfiles');
    if (questionnaires) questionnaires.disabled = !form.restrictQuestionnaires;
    if (profiles) profiles.disabled = !form.restrictRiskAssessmentProfiles;
  }

  function controlLabel(name: string): string {
    if (name === 'body') return 'Request body';
    const label = document.querySelector(`label[for="pg-${name}"]`);
    return label?.textContent?.trim().replace(/\s+/g, ' ') ?? name;
  }

  function showErrors(errors: readonly FormError[]): void {
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
    editorHost.classList.toggle('invalid', errors.some((error) => error.control === 'body'));
  }

  // ── Predicting ──────────────────────────────────────────────────────────────

  const handlers: RenderHandlers = {
    problemTarget: (index) => (outcome?.problems[index] ? problemTarget(outcome.problems[index], read.scan, form.bodyMode) : null),
    warningTarget: (index) => (outcome?.warnings[index] ? warningTarget(outcome.warnings[index], read.scan, form.bodyMode) : null),
    controlLabel,
    go,
    canFix: (index) => fixRange(index) !== null,
    fix(index) {
      const range = fixRange(index);
      const suggestion = outcome?.warnings[index]?.suggestion;
      if (!range || !suggestion) return;
      editor.replace(range.from, range.to, JSON.stringify(suggestion));
      editor.focus();
    },
  };

  function fixRange(index: number) {
    const warning = outcome?.warnings[index];
    if (!warning?.suggestion || !read.scan || form.bodyMode === 'base64') return null;
    const located = locate(read.scan.root, warning.pointer);
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
    const element =
      target.control === 'restrictTokenTypes' && form.restrictTokenTypes
        ? (tokenTypeBoxes.find((box) => !box.checked) ?? control('restrictTokenTypes'))
        : control(target.control);
    element?.closest('details')?.setAttribute('open', '');
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  }

  function update(options: { quiet?: boolean } = {}): void {
    const started = performance.now();
    read = scenarioFromForm(form);
    let errors = read.errors;
    outcome = null;
    if (errors.length === 0) {
      try {
        const started = performance.now();
        outcome = predict(read.scenario);
        // Only the latest timing is kept, for scripts/measure-playground.ts.
        performance.clearMeasures('playground:predict');
        performance.measure('playground:predict', { start: started, end: performance.now() });
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        errors = error.issues.map((issue) => ({ control: 'body', message: `${issue.path}: ${issue.message}` }));
      }
    }
    showErrors(errors);
    prediction.replaceChildren(outcome ? renderOutcome(outcome, handlers) : renderInvalid(errors, handlers));
    prediction.dataset.entry = outcome?.entry ?? '';
    showStickyStatus(outcome);
    showAccountCount();
    editor.setMarks(outcome ? marksFor(outcome, read.scan, form.bodyMode, form.body) : []);
    performance.clearMeasures('playground:update');
    performance.measure('playground:update', { start: started, end: performance.now() });
    if (!firstShown) {
      firstShown = true;
      performance.mark('playground:first-prediction');
    }
    if (!options.quiet) {
      // The menu names what is loaded; once it is edited, choosing it again reloads it.
      examples.value = '';
      clearTimeout(announceTimer);
      const said = outcome ? announcement(outcome) : `No prediction: ${errors.map((error) => `${controlLabel(error.control)}: ${error.message}`).join(' ')}`;
      announceTimer = setTimeout(() => (announcer.textContent = said), 500);
      clearTimeout(linkTimer);
      linkTimer = setTimeout(writeLink, 250);
      // An edit after a redaction makes its undo stale: offer it no more.
      if (undoRedaction && !shareStatus.contains(document.activeElement)) {
        undoRedaction = null;
        setShareStatus('');
      }
    }
  }

  // ── Sharing ─────────────────────────────────────────────────────────────────

  function linkOf(scenario: ScenarioInput): { fragment: string; url: string } {
    const encoded = encodeScenario(scenario);
    return { fragment: encoded, url: `${location.origin}${location.pathname}#${encoded}` };
  }

  const tooLong = (length: number) =>
    `The link would be ${length.toLocaleString('en-US')} characters, over the ${maxLinkLength.toLocaleString('en-US')} that chat tools and browsers keep whole. Trim the body (long values, fields you do not need) or redact it, then try again.`;

  /** Keeps the address bar on the current scenario, so a reload or a bookmark restores it. */
  function writeLink(): void {
    if (read.errors.length > 0 || !outcome) return;
    const link = linkOf(read.scenario);
    if (link.url.length > maxLinkLength) {
      setShareStatus(`${tooLong(link.url.length)} The address bar keeps the last scenario that fitted.`, 'warn');
      return;
    }
    if (shareStatus.dataset.kind === 'warn') setShareStatus('');
    if (link.fragment === fragment) return;
    fragment = link.fragment;
    history.replaceState(history.state, '', `#${link.fragment}`);
  }

  function setShareStatus(text: string, kind: 'ok' | 'warn' | '' = '', extra?: HTMLElement): void {
    shareStatus.dataset.kind = kind;
    shareStatus.replaceChildren(text, ...(extra ? [' ', extra] : []));
  }

  $<HTMLButtonElement>('[data-copy-link]').addEventListener('click', async () => {
    if (read.errors.length > 0 || !outcome) {
      setShareStatus('Not copied: fix the inputs marked invalid first, since a link carries a whole scenario.', 'warn');
      return;
    }
    const link = linkOf(read.scenario);
    if (link.url.length > maxLinkLength) {
      setShareStatus(`Not copied. ${tooLong(link.url.length)}`, 'warn');
      return;
    }
    clearTimeout(linkTimer);
    writeLink();
    try {
      await navigator.clipboard.writeText(link.url);
      setShareStatus('Link copied. The scenario is in the part after "#", which browsers never send to a server.', 'ok');
    } catch {
      setShareStatus('Could not copy: copy the address from the address bar instead.', 'warn');
    }
  });

  $<HTMLButtonElement>('[data-redact]').addEventListener('click', () => {
    if (read.errors.some((error) => error.control === 'body')) {
      setShareStatus('Not redacted: fix the body first.', 'warn');
      return;
    }
    const base64 = form.bodyMode === 'base64';
    const redacted = redactScenario({ request: base64 ? { rawBodyBase64: form.body } : { rawBody: form.body } }).request;
    const body = (base64 ? redacted?.rawBodyBase64 : redacted?.rawBody) ?? form.body;
    if (body === form.body) {
      setShareStatus('Nothing to redact: the body has no personal data.', 'ok');
      return;
    }
    const before = outcome;
    const previous = { ...form };
    const check = predictOrNull(scenarioFromForm({ ...form, body }).scenario);
    if (!before || !check || !samePrediction(before, check)) {
      setShareStatus('Not redacted: the placeholders would change the prediction. Please report this.', 'warn');
      return;
    }
    form.body = body;
    editor.setText(body);
    update();
    undoRedaction = previous;
    const undo = h('button', { type: 'button', class: 'button small' }, 'Undo redaction');
    undo.addEventListener('click', () => {
      if (!undoRedaction) return;
      form = { ...undoRedaction };
      undoRedaction = null;
      writeControls();
      update();
      setShareStatus('Redaction undone.', 'ok');
      editor.focus();
    });
    setShareStatus('Personal data replaced with placeholders of the same shape: the prediction is unchanged.', 'ok', undo);
  });

  // ── Examples and links opened in place ──────────────────────────────────────

  examples.addEventListener('change', () => {
    const option = examples.selectedOptions[0];
    const scenario = exampleScenario(option);
    if (!option || !scenario) return;
    load(scenario);
    const title = option.value === 'default' ? 'the default request' : `the example of “${option.textContent}”`;
    setShareStatus('');
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      announcer.textContent = `Loaded ${title}. ${outcome ? announcement(outcome) : ''}`;
    }, 100);
  });

  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === fragment) return;
    const opened = readLink();
    if (opened.kind === 'scenario') {
      fragment = location.hash.slice(1);
      load(opened.scenario);
      markExample(opened.scenario);
    } else if (opened.kind === 'damaged') {
      showNotice(`This link could not be read: ${opened.reason}. The scenario on the page is unchanged.`);
    }
  });

  function load(scenario: ScenarioInput): void {
    form = formFromScenario(scenario);
    notice.hidden = true;
    undoRedaction = null;
    writeControls();
    update({ quiet: true });
    openAccountIfChanged();
    clearTimeout(linkTimer);
    linkTimer = setTimeout(writeLink, 0);
  }

  /** A scenario that sets the account opens its form: what it changed is part of what it shows. */
  function openAccountIfChanged(): void {
    if (accountFold && accountNotes({ account: read.scenario.account }).length > 0) accountFold.open = true;
  }

  /** Selects the example a scenario is, if it is one, so the menu says what is loaded. */
  function markExample(scenario: ScenarioInput | null): void {
    if (!scenario) return;
    const text = JSON.stringify(scenario);
    // Not "Default request": its scenario is empty, like the example of "Token created", which
    // is the option an empty scenario selects (the menu then names the response it gets).
    const option = [...examples.options].find((each) => each.value !== 'default' && each.dataset.scenario === text);
    examples.value = option?.value ?? '';
  }

  /** The scenario an examples menu option carries, written by the page at build time. */
  function exampleScenario(option: HTMLOptionElement | undefined): ScenarioInput | undefined {
    const text = option?.dataset.scenario;
    return text ? (JSON.parse(text) as ScenarioInput) : undefined;
  }

  /** The scenario in the address, timed for the browser's performance panel (and the tests). */
  function readLink(): ReturnType<typeof decodeScenario> {
    performance.mark('errata:read-link');
    const read = decodeScenario(location.hash);
    performance.measure('errata:read-link', 'errata:read-link');
    return read;
  }

  /** How many account settings differ from a healthy account, on the folded form's summary. */
  function showAccountCount(): void {
    const changed = accountNotes({ account: read.scenario.account }).length;
    if (accountCount) {
      accountCount.textContent =
        changed === 0 ? '(a healthy production account)' : `(${changed} ${changed === 1 ? 'setting differs' : 'settings differ'} from a healthy account)`;
    }
    accountFold?.toggleAttribute('data-changed', changed > 0);
  }

  /** The phone's status line under the editor: the status and the entry, a tap from the response. */
  function showStickyStatus(shown: Outcome | null): void {
    if (!sticky) return;
    if (!shown) {
      sticky.replaceChildren(h('a', { href: '#pg-prediction' }, 'No prediction: see why'));
      return;
    }
    const own = findEntryTitle(shown.entry);
    sticky.replaceChildren(h('a', { href: '#pg-prediction' }, h('span', { class: statusBadgeClass(shown.status) }, statusLine(shown.status)), ' ', own));
  }

  // "Copy as": the request being edited, as the entry pages' samples write it.
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-as]')) {
    button.addEventListener('click', () => {
      if (read.errors.length > 0) {
        setShareStatus('Not copied: fix the inputs marked invalid first.', 'warn');
        return;
      }
      const samples = requestSamples(read.scenario);
      const language = button.dataset.copyAs as 'curl' | 'python' | 'javascript';
      void copyText(samples[language], button);
    });
  }

  function showNotice(text: string): void {
    notice.replaceChildren(h('p', {}, text));
    notice.hidden = false;
  }

  // ── Loading a scenario ──────────────────────────────────────────────────────

  const fromLink = readLink();
  if (fromLink.kind === 'scenario') {
    form = formFromScenario(fromLink.scenario);
    fragment = location.hash.slice(1);
  } else if (fromLink.kind === 'damaged') {
    showNotice(`This link could not be read: ${fromLink.reason}. The default request is shown instead.`);
  }

  const editorHost = $<HTMLElement>('[data-editor]');
  editorHost.replaceChildren();
  const editor: BodyEditor = createEditor({
    parent: editorHost,
    text: form.body,
    language: form.bodyMode === 'base64' ? 'plain' : 'json',
    attributes: {
      'aria-label': 'Request body',
      'aria-describedby': 'pg-body-hint pg-body-error',
    },
    onChange(text) {
      form.body = text;
      update();
    },
  });

  writeControls();
  markExample(fromLink.kind === 'scenario' ? fromLink.scenario : null);
  update({ quiet: true });
  openAccountIfChanged();
  if (fromLink.kind === 'scenario' && location.href.length > maxLinkLength) {
    setShareStatus(
      `This link is ${location.href.length.toLocaleString('en-US')} characters long, over the ${maxLinkLength.toLocaleString('en-US')} that chat tools and browsers keep whole, so it may not reach others intact. Trim the body or redact it before sharing it again.`,
      'warn',
    );
  }
}

function predictOrNull(scenario: ScenarioInput): Outcome | null {
  try {
    return predict(scenario);
  } catch {
    return null;
  }
}

function samePrediction(a: Outcome, b: Outcome): boolean {
  const shape = (outcome: Outcome) =>
    JSON.stringify([outcome.status, outcome.entry, outcome.problems.map((problem) => [problem.entry, problem.pointer]), outcome.warnings.map((warning) => [warning.code, warning.pointer])]);
  return shape(a) === shape(b);
}
