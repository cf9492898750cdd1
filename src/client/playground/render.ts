/**
 * The "Predicted response" region, built with DOM calls and textContent only: no HTML is ever
 * parsed from the request or the response, so nothing typed in the playground can inject markup.
 */
import { statusBadgeClass } from '../../site/status-kind.ts';
import { entry, findEntry } from '../../catalogue/entry-facts.ts';
import { statusLine } from '../../predict/http.ts';
import type { Outcome } from '../../predict/outcome.ts';
import { entryPath } from '../../site/paths.ts';
import { contentLength, responseHead } from '../../site/response-text.ts';
import type { FormError } from './form.ts';
import type { Target } from './marks.ts';

import { h } from '../dom.ts';

export { h } from '../dom.ts';

export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'space';

/** JSON text (as JSON.stringify writes it) in tokens, for highlighting. Pure. */
export function jsonTokens(text: string): { kind: JsonTokenKind; text: string }[] {
  const tokens: { kind: JsonTokenKind; text: string }[] = [];
  const pattern = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:])|(\s+)|(.)/gsy;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) {
      tokens.push({ kind: match[2] ? 'key' : 'string', text: match[1] });
      if (match[2]) tokens.push({ kind: 'punctuation', text: match[2] });
    } else if (match[3] !== undefined) tokens.push({ kind: 'number', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'literal', text: match[4] });
    else if (match[5] !== undefined) tokens.push({ kind: 'punctuation', text: match[5] });
    else tokens.push({ kind: 'space', text: match[0] });
  }
  return tokens;
}

/** A highlighted JSON block; with a status, the response as it arrives: the status line and headers, then the body. */
function jsonBlock(value: unknown, label: string, status?: number): HTMLElement {
  const code = h('code');
  if (status !== undefined) code.append(h('span', { class: 'pg-http-head' }, responseHead(status, [contentLength(value)])));
  for (const token of jsonTokens(JSON.stringify(value, null, 2))) {
    code.append(token.kind === 'space' ? token.text : h('span', { class: `pg-json-${token.kind}` }, token.text));
  }
  return h('pre', { class: 'pg-response-body', tabindex: '0', 'aria-label': label }, code);
}

export interface RenderHandlers {
  /** Where a problem or warning is, for its "Show" button; null when it has no place. */
  problemTarget(index: number): Target | null;
  warningTarget(index: number): Target | null;
  /** The accessible name of a control, for button labels. */
  controlLabel(control: string): string;
  go(target: Target): void;
  /** Applies a warning's "did you mean" fix; false when it cannot (the key is not in the editor). */
  canFix(index: number): boolean;
  fix(index: number): void;
}

function statusClass(status: number): string {
  return statusBadgeClass(status);
}

function showButton(target: Target | null, what: string, handlers: RenderHandlers): HTMLElement | null {
  if (!target) return null;
  const where = target.kind === 'editor' || target.control === 'body' ? 'in the editor' : `at “${handlers.controlLabel(target.control)}”`;
  const button = h(
    'button',
    { type: 'button', class: 'button small' },
    `Show ${where}`,
    h('span', { class: 'visually-hidden' }, `: ${what}`),
  );
  button.addEventListener('click', () => handlers.go(target));
  return button;
}

/** The prediction: status line, body, entry link, every problem and warning. */
export function renderOutcome(outcome: Outcome, handlers: RenderHandlers): DocumentFragment {
  const own = entry(outcome.entry);
  const fragment = document.createDocumentFragment();
  const line = statusLine(outcome.status);

  fragment.append(
    h(
      'div',
      { class: 'pg-status' },
      h('span', { class: statusClass(outcome.status), 'data-status': String(outcome.status) }, line),
      own.identifier ? h('span', { class: 'badge identifier' }, own.identifier) : null,
      h('a', { href: entryPath(own.slug), class: 'pg-entry-link', 'data-entry-link': own.slug }, own.title),
    ),
    jsonBlock(outcome.body, `Response, ${line}`, outcome.status),
  );

  if (outcome.problems.length === 0) {
    fragment.append(
      h(
        'p',
        { class: 'pg-note' },
        'No problems: the token is created. ',
        h('code', {}, 'authToken'),
        ', ',
        h('code', {}, 'scanRef'),
        ' and ',
        h('code', {}, 'digitString'),
        ' are sample values (the same scenario always gives the same ones); every field you did not send is echoed with its default.',
      ),
    );
  } else {
    const list = h('ol', { class: 'pg-problems' });
    outcome.problems.forEach((problem, index) => {
      const found = findEntry(problem.entry);
      const answer = found?.identifier ?? '';
      list.append(
        h(
          'li',
          { class: index === 0 ? 'pg-problem returned' : 'pg-problem', 'data-entry': problem.entry },
          h(
            'div',
            { class: 'pg-problem-head' },
            found ? h('span', { class: statusClass(found.status) }, String(found.status)) : null,
            answer ? h('span', { class: 'badge identifier' }, answer) : null,
            h('a', { href: entryPath(problem.entry) }, found?.title ?? problem.entry),
            index === 0 ? h('span', { class: 'pg-returned' }, 'returned') : null,
          ),
          h('p', { class: 'pg-problem-message' }, problem.message),
          h(
            'p',
            { class: 'pg-problem-where' },
            problem.pointer === '' ? 'The whole request' : h('code', {}, problem.pointer),
            ' ',
            showButton(handlers.problemTarget(index), `problem ${index + 1}, ${found?.title ?? problem.entry}`, handlers),
          ),
        ),
      );
    });
    const count = outcome.problems.length;
    fragment.append(
      h('h3', { id: 'pg-problems-heading' }, count === 1 ? 'The problem' : `Every problem (${count})`),
      count > 1 ? h('p', { class: 'pg-note' }, 'The API answers with the first; fix it and it answers with the next.') : '',
      list,
    );
  }

  if (outcome.warnings.length > 0) {
    const list = h('ul', { class: 'pg-warnings' });
    outcome.warnings.forEach((warning, index) => {
      let fix: HTMLElement | null = null;
      if (warning.suggestion && handlers.canFix(index)) {
        const key = warning.pointer.slice(1).replaceAll('~1', '/').replaceAll('~0', '~');
        fix = h('button', { type: 'button', class: 'button small primary' }, `Rename “${key}” to “${warning.suggestion}”`);
        fix.addEventListener('click', () => handlers.fix(index));
      }
      list.append(
        h(
          'li',
          { class: 'pg-warning', 'data-code': warning.code },
          h('p', {}, warning.message),
          h(
            'p',
            { class: 'pg-problem-where' },
            fix,
            ' ',
            showButton(handlers.warningTarget(index), `warning ${index + 1}`, handlers),
            warning.entry
              ? h('a', { href: entryPath(warning.entry), class: 'pg-warning-entry' }, findEntry(warning.entry)?.title ?? warning.entry)
              : null,
          ),
        ),
      );
    });
    fragment.append(h('h3', {}, outcome.warnings.length === 1 ? 'Warning' : `Warnings (${outcome.warnings.length})`), list);
  }
  return fragment;
}

/** Instead of a prediction: the controls whose values cannot make a scenario. */
export function renderInvalid(errors: readonly FormError[], handlers: RenderHandlers): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const list = h('ul', { class: 'pg-invalid' });
  for (const error of errors) {
    const label = handlers.controlLabel(error.control);
    const button = h('button', { type: 'button', class: 'button small' }, `Go to “${label}”`);
    button.addEventListener('click', () => handlers.go({ kind: 'control', control: error.control }));
    list.append(h('li', {}, h('strong', {}, `${label}: `), error.message, ' ', button));
  }
  fragment.append(
    h('div', { class: 'pg-status' }, h('span', { class: 'badge', 'data-status': '' }, 'No prediction')),
    h(
      'p',
      {},
      errors.length === 1
        ? 'One input needs fixing before the predictor can answer:'
        : `${errors.length} inputs need fixing before the predictor can answer:`,
    ),
    list,
  );
  return fragment;
}

/** What the live region says about an outcome, once typing pauses. */
export function announcement(outcome: Outcome): string {
  const own = entry(outcome.entry);
  const first = outcome.problems[0];
  const what = first ? `${own.identifier ? `${own.identifier}: ` : ''}${first.message}` : own.title;
  const more = outcome.problems.length > 1 ? ` ${outcome.problems.length} problems in all.` : '';
  const warned = outcome.warnings.length > 0 ? ` ${outcome.warnings.length} warning${outcome.warnings.length === 1 ? '' : 's'}.` : '';
  return `Predicted response: ${statusLine(outcome.status)}. ${what}${more}${warned}`;
}
