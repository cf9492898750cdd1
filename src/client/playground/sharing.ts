/**
 * Sharing a scenario: the address bar follows the scenario (in the URL fragment, never sent to a
 * server), "Copy link", "Redact personal data" with its undo, "Copy as" curl, Python or
 * JavaScript, and links opened in place or that could not be read.
 */
import { predict } from '../../predict/predict.ts';
import type { Outcome } from '../../predict/outcome.ts';
import { redactScenario } from '../../share/redact.ts';
import { decodeScenario, encodeScenario, maxLinkLength } from '../../share/scenario-link.ts';
import { requestSamples } from '../../site/samples.ts';
import type { ScenarioInput } from '../../token/scenario.ts';
import { copyText } from '../copy.ts';
import type { Controls } from './controls.ts';
import type { BodyEditor } from './editor.ts';
import { scenarioFromForm, type FormState } from './form.ts';
import { h } from './render.ts';
import { part, type Session } from './session.ts';

/** The scenario in the address, timed for the browser's performance panel (and the tests). */
export function readLink(): ReturnType<typeof decodeScenario> {
  performance.mark('errata:read-link');
  const read = decodeScenario(location.hash);
  performance.measure('errata:read-link', 'errata:read-link');
  return read;
}

export interface Sharing {
  /** Takes the address's fragment as the one shown, so the address bar is not written again. */
  adoptFragment(): void;
  /** After an edit: the address bar follows shortly, and an undo of a redaction goes stale. */
  edited(): void;
  /** After a scenario was loaded in place: the notice and the undo go, the address follows at once. */
  loaded(): void;
  setStatus(text: string, kind?: 'ok' | 'warn' | '', extra?: HTMLElement): void;
  showNotice(text: string): void;
}

export interface SharingNeeds {
  editor: BodyEditor;
  controls: Controls;
  /** Predicts the form as it now is. */
  update(): void;
  /** Opens a scenario from a link followed in place. */
  open(scenario: ScenarioInput): void;
}

export function createSharing(page: HTMLElement, session: Session, needs: SharingNeeds): Sharing {
  const { editor, controls } = needs;
  const notice = part<HTMLElement>(page, '[data-link-notice]');
  const shareStatus = part<HTMLElement>(page, '[data-share-status]');
  /** The fragment last written to (or read from) the address bar, without "#". */
  let fragment = '';
  let linkTimer: ReturnType<typeof setTimeout> | undefined;
  let undoRedaction: FormState | null = null;

  function linkOf(scenario: ScenarioInput): { fragment: string; url: string } {
    const encoded = encodeScenario(scenario);
    return { fragment: encoded, url: `${location.origin}${location.pathname}#${encoded}` };
  }

  const tooLong = (length: number) =>
    `The link would be ${length.toLocaleString('en-US')} characters, over the ${maxLinkLength.toLocaleString('en-US')} that chat tools and browsers keep whole. Trim the body (long values, fields you do not need) or redact it, then try again.`;

  /** Keeps the address bar on the current scenario, so a reload or a bookmark restores it. */
  function writeLink(): void {
    if (session.read.errors.length > 0 || !session.outcome) return;
    const link = linkOf(session.read.scenario);
    if (link.url.length > maxLinkLength) {
      setStatus(`${tooLong(link.url.length)} The address bar keeps the last scenario that fitted.`, 'warn');
      return;
    }
    if (shareStatus.dataset.kind === 'warn') setStatus('');
    if (link.fragment === fragment) return;
    fragment = link.fragment;
    history.replaceState(history.state, '', `#${link.fragment}`);
  }

  function setStatus(text: string, kind: 'ok' | 'warn' | '' = '', extra?: HTMLElement): void {
    shareStatus.dataset.kind = kind;
    shareStatus.replaceChildren(text, ...(extra ? [' ', extra] : []));
  }

  function showNotice(text: string): void {
    notice.replaceChildren(h('p', {}, text));
    notice.hidden = false;
  }

  part<HTMLButtonElement>(page, '[data-copy-link]').addEventListener('click', async () => {
    if (session.read.errors.length > 0 || !session.outcome) {
      setStatus('Not copied: fix the inputs marked invalid first, since a link carries a whole scenario.', 'warn');
      return;
    }
    const link = linkOf(session.read.scenario);
    if (link.url.length > maxLinkLength) {
      setStatus(`Not copied. ${tooLong(link.url.length)}`, 'warn');
      return;
    }
    clearTimeout(linkTimer);
    writeLink();
    try {
      await navigator.clipboard.writeText(link.url);
      setStatus('Link copied. The scenario is in the part after "#", which browsers never send to a server.', 'ok');
    } catch {
      setStatus('Could not copy: copy the address from the address bar instead.', 'warn');
    }
  });

  part<HTMLButtonElement>(page, '[data-redact]').addEventListener('click', () => {
    const form = session.form;
    if (session.read.errors.some((error) => error.control === 'body')) {
      setStatus('Not redacted: fix the body first.', 'warn');
      return;
    }
    const base64 = form.bodyMode === 'base64';
    const redacted = redactScenario({ request: base64 ? { rawBodyBase64: form.body } : { rawBody: form.body } }).request;
    const body = (base64 ? redacted?.rawBodyBase64 : redacted?.rawBody) ?? form.body;
    if (body === form.body) {
      setStatus('Nothing to redact: the body has no personal data.', 'ok');
      return;
    }
    const before = session.outcome;
    const previous = { ...form };
    const check = predictOrNull(scenarioFromForm({ ...form, body }).scenario);
    if (!before || !check || !samePrediction(before, check)) {
      setStatus('Not redacted: the placeholders would change the prediction. Please report this.', 'warn');
      return;
    }
    form.body = body;
    editor.setText(body);
    needs.update();
    undoRedaction = previous;
    const undo = h('button', { type: 'button', class: 'button small' }, 'Undo redaction');
    undo.addEventListener('click', () => {
      if (!undoRedaction) return;
      session.form = { ...undoRedaction };
      undoRedaction = null;
      controls.write();
      needs.update();
      setStatus('Redaction undone.', 'ok');
      editor.focus();
    });
    setStatus('Personal data replaced with placeholders of the same shape: the prediction is unchanged.', 'ok', undo);
  });

  // "Copy as": the request being edited, as the entry pages' samples write it.
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-as]')) {
    button.addEventListener('click', () => {
      if (session.read.errors.length > 0) {
        setStatus('Not copied: fix the inputs marked invalid first.', 'warn');
        return;
      }
      const samples = requestSamples(session.read.scenario);
      const language = button.dataset.copyAs as 'curl' | 'python' | 'javascript';
      void copyText(samples[language], button);
    });
  }

  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === fragment) return;
    const opened = readLink();
    if (opened.kind === 'scenario') {
      fragment = location.hash.slice(1);
      needs.open(opened.scenario);
    } else if (opened.kind === 'damaged') {
      showNotice(`This link could not be read: ${opened.reason}. The scenario on the page is unchanged.`);
    }
  });

  return {
    adoptFragment() {
      fragment = location.hash.slice(1);
    },
    edited() {
      clearTimeout(linkTimer);
      linkTimer = setTimeout(writeLink, 250);
      // An edit after a redaction makes its undo stale: offer it no more.
      if (undoRedaction && !shareStatus.contains(document.activeElement)) {
        undoRedaction = null;
        setStatus('');
      }
    },
    loaded() {
      notice.hidden = true;
      undoRedaction = null;
      clearTimeout(linkTimer);
      linkTimer = setTimeout(writeLink, 0);
    },
    setStatus,
    showNotice,
  };
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
    JSON.stringify([
      outcome.status,
      outcome.entry,
      outcome.problems.map((problem) => [problem.entry, problem.pointer]),
      outcome.warnings.map((warning) => [warning.code, warning.pointer]),
    ]);
  return shape(a) === shape(b);
}
