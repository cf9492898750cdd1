/**
 * Triage for a whole log: every iDenfy error in an application log or any text (JSON bodies,
 * messages, `Error [ID]: …` lines, status lines), grouped by catalogue entry with its count and
 * its first and last line. Read line by line from bytes, in bounded memory: an anchor scan
 * (./anchor-scanner.ts) skips the lines that hold no phrase of any message, no identifier and no
 * status line, and only the rest are decoded and read by the matcher. The engine is generic over
 * the entries, so the CLI binds it to the catalogue and the triage page's worker to the search
 * index: both find and group the same errors.
 */
import { parseIdentifier } from '../catalogue/identifiers.ts';
import type { Matcher, MatchableEntry, MatchVariant, ReadInput } from '../catalogue/match-engine.ts';
import { readInput } from '../catalogue/read-input.ts';
import { match, parts, type Values } from '../catalogue/template.ts';
import { AnchoredLines, compileAnchors, type AnchorAutomaton } from './anchor-scanner.ts';

export interface LogTriageSource<E extends MatchableEntry> {
  entries: readonly E[];
  variants(entry: E): readonly MatchVariant[];
  matcher: Matcher<E>;
}

/** One group: an entry, or a status that several entries share when nothing else was read. */
export interface LogGroup<E extends MatchableEntry> {
  entry: E | null;
  /** The status of a status-only group; the entry's status otherwise. */
  status: number;
  count: number;
  firstLine: number;
  lastLine: number;
  /** The first message read for it and its placeholder values: what a customer link may carry. */
  message: string | undefined;
  values: Values;
  /** How it was recognised the first time. */
  how: 'message' | 'identifier' | 'status';
}

export interface LogTriageResult<E extends MatchableEntry> {
  /** Most frequent first. */
  groups: LogGroup<E>[];
  lines: number;
  /** Errors found, in all groups. */
  found: number;
}

/** A line longer than this is read from its first 256 KiB: an error body is far shorter. */
export const maxLogLine = 256 * 1024;

/** How far after a status line its body may come (`curl -i`: headers, a blank line, the body). */
const statusReach = 30;

interface Form<E> {
  entry: E;
  template: string;
  /** The longest literal run, lower-cased: the anchor, and where to look for the message. */
  anchor: string;
  first: string;
  last: string;
}

function longestLiteral(template: string): string {
  let best = '';
  for (const part of parts(template)) if (part.kind === 'text' && part.text.trim().length > best.length) best = part.text.trim();
  return best.toLowerCase();
}

function formsOf<E extends MatchableEntry>(source: LogTriageSource<E>): Form<E>[] {
  const forms: Form<E>[] = [];
  for (const entry of source.entries) {
    if (entry.status < 400 || entry.message === null) continue;
    const templates = new Set([entry.message, ...source.variants(entry).map((variant) => variant.message)]);
    for (const template of templates) {
      const split = parts(template);
      const head = split[0];
      const tail = split.at(-1);
      const first = head?.kind === 'text' ? head.text.toLowerCase() : '';
      const last = tail?.kind === 'text' ? tail.text.replace(/\.$/, '').toLowerCase() : '';
      const anchor = longestLiteral(template);
      // A phrase too short to tell an iDenfy message from any other text is no anchor.
      if (anchor.length >= 8) forms.push({ entry, template, anchor, first, last });
    }
  }
  return forms;
}

/** `HTTP/1.1 402 …`, and the form Python's requests prints: `402 Client Error: Payment Required`. */
const statusPattern = /HTTP\/\d(?:\.\d)?\s+(\d{3})\b/i;
const clientErrorPattern = /\b(\d{3}) (?:Client|Server) Error\b/i;

/** Lower case that keeps positions: where full lower-casing changes the length, only ASCII is folded. */
function lowerAscii(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    result += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : text[index];
  }
  return result;
}

export interface LogTriage<E extends MatchableEntry> {
  /** Reads the next bytes of the log. */
  push(chunk: Uint8Array): void;
  /** Reads one recorded response (a HAR entry) as if it were one line numbered `line`. */
  addResponse(line: number, status: number, body: string): void;
  /** Ends the log and gives the groups. */
  finish(): LogTriageResult<E>;
}

export function createLogTriage<E extends MatchableEntry>(source: LogTriageSource<E>): LogTriage<E> {
  const forms = formsOf(source);
  const identifiers = [
    ...new Set(source.entries.flatMap((entry) => [entry.identifier, ...source.variants(entry).map((variant) => variant.identifier)])),
  ].filter((identifier): identifier is NonNullable<E['identifier']> => identifier !== null);
  const automaton: AnchorAutomaton = compileAnchors([
    ...new Set([
      ...forms.map((form) => form.anchor),
      ...identifiers.map((identifier) => identifier.toLowerCase()),
      'http/',
      'client error',
      'server error',
    ]),
  ]);
  const lines = new AnchoredLines(automaton, maxLogLine);
  const decoder = new TextDecoder();
  const groups = new Map<string, LogGroup<E>>();
  let found = 0;
  let pending: { line: number; status: number } | undefined;

  const record = (
    key: string,
    entry: E | null,
    status: number,
    line: number,
    message: string | undefined,
    values: Values,
    how: LogGroup<E>['how'],
  ) => {
    found++;
    const group = groups.get(key);
    if (group) {
      group.count++;
      group.lastLine = line;
      return;
    }
    groups.set(key, { entry, status, count: 1, firstLine: line, lastLine: line, message, values, how });
  };

  const flushStatus = () => {
    if (!pending) return;
    const { line, status } = pending;
    pending = undefined;
    const best = source.matcher.lookupInput({ status }).matches[0];
    // A status that only one entry has names it; a shared one is a group of its own.
    if (best && best.score >= 0.8) record(best.entry.slug, best.entry, status, line, undefined, {}, 'status');
    else record(`status ${status}`, null, status, line, undefined, {}, 'status');
  };

  /** The message of a catalogued form inside a longer line, with its values. */
  const formIn = (text: string): { form: Form<E>; message: string; values: Values } | undefined => {
    const lower = lowerAscii(text);
    let best: { form: Form<E>; message: string; values: Values } | undefined;
    for (const form of forms) {
      if (!lower.includes(form.anchor)) continue;
      const start = form.first === '' ? 0 : lower.indexOf(form.first);
      if (start === -1) continue;
      let end = text.length;
      if (form.last !== '') {
        const at = lower.lastIndexOf(form.last);
        if (at < start) continue;
        end = at + form.last.length;
        if (text[end] === '.') end++;
      }
      const message = text.slice(start, end).trim();
      const values = match(form.template, message);
      if (values && (!best || message.length > best.message.length)) best = { form, message, values };
    }
    return best;
  };

  /** What a JSON body, a label or a bare identifier in the line says, through the matcher. */
  const viaMatcher = (input: ReadInput): { entry: E; values: Values; how: 'message' | 'identifier' } | undefined => {
    if (input.message === undefined && input.identifier === undefined) return undefined;
    const best = source.matcher.lookupInput(input).matches[0];
    if (!best || best.entry.status < 400) return undefined;
    if (best.reason === 'message') return { entry: best.entry, values: best.values, how: 'message' };
    // Any match that agrees with the identifier the line names is that error: a label such as
    // `Error [TOO_MANY_REQUESTS]` before a shortened message is read by words, not as a template.
    if (input.identifier !== undefined && parseIdentifier(input.identifier) === best.entry.identifier) {
      return { entry: best.entry, values: best.reason === 'partial-message' ? best.values : {}, how: 'identifier' };
    }
    return undefined;
  };

  const readLine = (text: string, line: number): void => {
    if (pending && line - pending.line > statusReach) flushStatus();
    const status = statusPattern.exec(text) ?? clientErrorPattern.exec(text);
    let result: { entry: E; values: Values; how: 'message' | 'identifier'; message: string | undefined } | undefined;
    const brace = text.indexOf('{');
    if (brace !== -1) {
      const input = readInput(text.slice(brace));
      if (input.body) {
        const read = viaMatcher(input);
        if (read) result = { ...read, message: input.message };
      }
    }
    if (!result) {
      const inLine = formIn(text);
      if (inLine) result = { entry: inLine.form.entry, values: inLine.values, how: 'message', message: inLine.message };
    }
    if (!result) {
      // `Error [BAD_VALUE]: …`, `BAD_VALUE: …` or a bare identifier, read from where it starts.
      const lower = lowerAscii(text);
      const label = lower.indexOf('error [');
      const at =
        label !== -1
          ? label
          : identifiers
              .map((identifier) => text.indexOf(identifier))
              .filter((index) => index !== -1)
              .sort((a, b) => a - b)[0];
      if (at !== undefined) {
        const input = readInput(text.slice(at));
        const read = viaMatcher(input);
        if (read) result = { ...read, message: input.message };
      }
    }
    if (result) {
      // A status line followed by the body it belongs to is one error, not two.
      if (pending && pending.status === result.entry.status) pending = undefined;
      else flushStatus();
      record(result.entry.slug, result.entry, result.entry.status, line, result.message, result.values, result.how);
      return;
    }
    if (status) {
      const code = Number(status[1]);
      flushStatus();
      if (code >= 400 && source.entries.some((entry) => entry.status === code)) pending = { line, status: code };
    }
  };

  return {
    push(chunk) {
      lines.push(chunk, (bytes, line) => readLine(decoder.decode(bytes), line));
    },
    addResponse(line, status, body) {
      const text = body.length > maxLogLine ? body.slice(0, maxLogLine) : body;
      readLine(
        `HTTP/1.1 ${status} ${text
          .split('\n')
          .map((part) => part.trim())
          .join(' ')}`,
        line,
      );
    },
    finish() {
      lines.end((bytes, line) => readLine(decoder.decode(bytes), line));
      flushStatus();
      const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.firstLine - b.firstLine);
      return { groups: sorted, lines: lines.lines, found };
    },
  };
}
