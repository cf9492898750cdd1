/**
 * The gap report: each distinct unknown or differing response of a checked file as a ready-made
 * Markdown section a user can send to the catalogue's maintainers, with the exchange redacted
 * (credentials, personal fields and tokens removed, the shape kept) and the scenario that
 * reproduces the prediction. Responses that repeat are reported once, with their count, so the
 * report of 100,000 exchanges stays as short as the number of distinct gaps.
 */
import { catalogueVersion } from '../catalogue/index.ts';
import { redactScenario } from '../share/redact.ts';
import type { ScenarioInput } from '../token/scenario.ts';
import { partsOf } from './catalogued.ts';
import type { Judgement } from './judge.ts';
import { redactResponseBody, scrubText, scrubValue } from './redact-exchange.ts';

/** More distinct gaps than this are counted, not written out. */
export const maxReportSections = 100;

interface Section {
  verdict: 'differ' | 'unknown';
  first: number;
  count: number;
  text: string;
}

function fenced(language: string, text: string): string {
  // A fence longer than any run of backticks inside, so no body can close it.
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = char === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined';
}

/** The request body as the report shows it: redacted in place, parsed when it is JSON. */
function requestBodyText(scenario: ScenarioInput): string {
  const request = redactScenario(scenario).request ?? {};
  if (request.rawBodyBase64 !== undefined) return `(not UTF-8; base64) ${request.rawBodyBase64}`;
  return request.rawBody ?? '';
}

export class GapReport {
  private readonly sections = new Map<string, Section>();
  private omitted = 0;
  private readonly started = new Date().toISOString();

  /** Adds an exchange; only differences and unknown responses are kept. */
  add(index: number, judgement: Judgement, path: string, secrets: readonly string[]): void {
    if (judgement.verdict !== 'differ' && judgement.verdict !== 'unknown') return;
    const observed = judgement.observed;
    if (!observed) return;
    const { identifier, message } = partsOf(observed.body);
    const key = JSON.stringify([
      judgement.verdict,
      observed.status,
      identifier ?? null,
      message ?? (typeof observed.body === 'string' ? observed.body.slice(0, 200) : null),
      judgement.predicted?.entry,
    ]);
    const known = this.sections.get(key);
    if (known) {
      known.count++;
      return;
    }
    if (this.sections.size >= maxReportSections) {
      this.omitted++;
      return;
    }
    this.sections.set(key, { verdict: judgement.verdict, first: index, count: 1, text: this.render(index, judgement, path, secrets) });
  }

  private render(index: number, judgement: Judgement, path: string, secrets: readonly string[]): string {
    const observed = judgement.observed as NonNullable<Judgement['observed']>;
    const predicted = judgement.predicted;
    const scenario = judgement.scenario ?? {};
    const method = scenario.request?.method ?? '?';
    const reproduce = { ...redactScenario(scenario), ...(judgement.account ? { account: judgement.account } : {}) };
    const lines = [
      `- Exchange: index ${index} of the file`,
      `- Why: ${scrubText(judgement.why, secrets)}`,
      '',
      `Request: \`${method} ${path}\`${scenario.request?.credentials === 'missing' ? ' without credentials' : ' with credentials (removed)'}`,
      '',
      fenced('json', scrubText(requestBodyText(scenario), secrets)),
      '',
      `Recorded response: ${observed.status}${observed.entry ? ` (catalogued as \`${observed.entry}\`)` : ' (not in the catalogue)'}`,
      '',
      fenced('json', json(scrubValue(redactResponseBody(observed.body), secrets))),
    ];
    if (predicted) {
      lines.push(
        '',
        `Errata predicts: ${predicted.status} (\`${predicted.entry}\`)`,
        '',
        fenced('json', json(scrubValue(redactResponseBody(predicted.body), secrets))),
        '',
        'The scenario of that prediction (`npm run errata -- predict FILE`):',
        '',
        fenced('json', scrubText(json(reproduce), secrets)),
      );
    }
    return lines.join('\n');
  }

  /** The whole report. */
  markdown(summary: { exchanges: number; agree: number; differ: number; unknown: number; skipped: number }, file: string): string {
    const sections = [...this.sections.values()];
    const heading = (section: Section, number: number) => {
      const what = section.verdict === 'unknown' ? 'A response the catalogue does not know' : 'A response that differs from the prediction';
      const more = section.count > 1 ? ` (${section.count} exchanges like it)` : '';
      return `## ${number}. ${what}${more}`;
    };
    const parts = [
      '# Errata check: responses for the catalogue',
      '',
      `Checked ${summary.exchanges.toLocaleString('en-US')} exchanges of \`${file}\` on ${this.started} against catalogue ${catalogueVersion}:`,
      `${summary.agree} agree, ${summary.differ} differ, ${summary.unknown} unknown, ${summary.skipped} skipped.`,
      '',
      'Credentials, tokens and personal fields are removed from every exchange below (each value replaced by one of',
      'the same shape), so this report can be sent to the maintainers as it is. Read it before you send it.',
      '',
    ];
    if (sections.length === 0) parts.push('Nothing to report: every response was known and agreed.', '');
    for (const [index, section] of sections.entries()) parts.push(heading(section, index + 1), '', section.text, '');
    if (this.omitted > 0)
      parts.push(
        `${this.omitted} more exchanges with other responses are not written out: check a smaller part of the file to see them.`,
        '',
      );
    return parts.join('\n');
  }
}
