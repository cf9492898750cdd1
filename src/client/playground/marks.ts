/**
 * Where each predicted problem and warning belongs: a range of the request body in the editor, or
 * the form control that causes it (credentials, the account's state …). Pure, so it is tested
 * without a browser; the editor turns these marks into lint diagnostics.
 */
import { findEntry } from '../../catalogue/entry-facts.ts';
import type { Outcome, Problem, Warning } from '../../predict/outcome.ts';
import type { BodyMode, Control } from './form.ts';
import { lineColumn, locate, type JsonScan } from '../../json/text.ts';

export type Target =
  | { kind: 'editor'; from: number; to: number }
  /** A form control; `body` means the editor as a whole (in base64 mode, say). */
  | { kind: 'control'; control: Control };

/** Problems about the request's setting rather than its body, and the control that sets it. */
const controlOf: Readonly<Record<string, Control>> = {
  'invalid-credentials': 'credentials',
  'partner-inactive': 'active',
  'wrong-environment': 'keyEnvironment',
  'insufficient-funds': 'fundsAvailable',
  'rate-limit-exceeded': 'requestsLastHour',
  'wrong-http-method': 'method',
  'token-limit-reached': 'tokenLimitReached',
  // With no tokenType sent, the default type is the one the contract lacks.
  'token-type-not-allowed': 'restrictTokenTypes',
};

/** Problems about the body as a whole. */
const wholeBody: ReadonlySet<string> = new Set(['body-null', 'body-not-object', 'body-not-utf8', 'json-parse-error']);

function inEditor(scan: JsonScan | null, mode: BodyMode, pointer: string, key = false): Target | null {
  if (!scan || mode === 'base64') return { kind: 'control', control: 'body' };
  const located = locate(scan.root, pointer);
  if (!located) return null;
  if (!located.found) return { kind: 'editor', from: located.parent.from, to: located.parent.from + 1 };
  const span = key && located.key ? located.key : located.value;
  return { kind: 'editor', from: span.from, to: span.to };
}

/** Where a problem belongs, or null when it has no place of its own. */
export function problemTarget(problem: Problem, scan: JsonScan | null, mode: BodyMode): Target | null {
  if (problem.entry === 'json-parse-error' && scan?.error) return { kind: 'editor', from: scan.error.from, to: scan.error.to };
  if (problem.pointer === '') {
    const control = controlOf[problem.entry];
    if (control) return { kind: 'control', control };
    if (wholeBody.has(problem.entry)) return inEditor(scan, mode, '');
    return null;
  }
  return inEditor(scan, mode, problem.pointer);
}

/** Where a warning belongs: an unknown field at its key, the others at their value. */
export function warningTarget(warning: Warning, scan: JsonScan | null, mode: BodyMode): Target | null {
  return inEditor(scan, mode, warning.pointer, warning.code === 'unknown-field');
}

export interface Mark {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
  /** The entry's title, shown with the message. */
  source?: string;
  /** For a "did you mean" warning: the text that fixes it (the key in quotes). */
  fix?: { label: string; text: string };
}

/** The identifier or status a problem is answered with, as the response shows it. */
export function answerOf(problem: Problem): string {
  const found = findEntry(problem.entry);
  return found ? (found.identifier ?? String(found.status)) : '';
}

/** The editor marks of an outcome: each problem and warning that has a place in the body text. */
export function marksFor(outcome: Outcome, scan: JsonScan | null, mode: BodyMode, text: string): Mark[] {
  const marks: Mark[] = [];
  outcome.problems.forEach((problem, index) => {
    const target = problemTarget(problem, scan, mode);
    if (target?.kind !== 'editor') return;
    const order = index === 0 ? 'The API answers with this' : `Problem ${index + 1}: the API reports it once the ones before are fixed`;
    let message = `${answerOf(problem)}: ${problem.message} (${order}.)`;
    if (problem.entry === 'json-parse-error' && scan?.error) {
      const { line, column } = lineColumn(text, scan.error.from);
      message = `Line ${line}, column ${column}: ${scan.error.message}. The API answers ${answerOf(problem)}: ${problem.message}.`;
    }
    const entryTitle = findEntry(problem.entry)?.title;
    marks.push({ ...target, severity: 'error', message, ...(entryTitle ? { source: entryTitle } : {}) });
  });
  for (const warning of outcome.warnings) {
    const target = warningTarget(warning, scan, mode);
    if (target?.kind !== 'editor') continue;
    marks.push({
      from: target.from,
      to: target.to,
      severity: 'warning',
      message: warning.message,
      ...(warning.suggestion ? { fix: { label: `Rename to "${warning.suggestion}"`, text: JSON.stringify(warning.suggestion) } } : {}),
    });
  }
  return marks;
}
