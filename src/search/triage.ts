/**
 * "What went wrong?": from what a person pasted to the entries it most likely is, each with what
 * the triage page shows: why it matched, the values read from the message, how the entry's
 * example differs, the request field and the value the paste sent in it, and the case a
 * customer link may carry. Pure: the page renders this with textContent only.
 */
import type { LookupResult, Match, MatchReason, ReadInput } from '../catalogue/match-engine.ts';
import { maxInput } from '../catalogue/match-engine.ts';
import type { CustomerCase } from './case-link.ts';
import type { EntryAnswer, LookupMeta, SearchEntry } from './index-data.ts';
import type { ShardedLookup } from './sharded-lookup.ts';
import { inlineParts } from './inline-parts.ts';
import { caseFix, type FixPart } from './case-fix.ts';
import { retryAnswerOf, retryQuestion } from '../site/retry-words.ts';

export interface TriageCandidate {
  entry: SearchEntry;
  score: number;
  reason: MatchReason;
  why: string;
  /** The placeholder values read from the message, in the template's order. */
  values: [name: string, value: string][];
  /** Placeholders whose value in the paste differs from the one the entry's example uses. */
  exampleDiffers: { name: string; yours: string; example: string }[];
  /** The title of the other form of the response that the paste is in, if it is one. */
  variant: string | undefined;
  field: string | undefined;
  /** The value the paste's request sent in that field, when the paste shows the request. */
  value: string | undefined;
  /** Only the matched case: what a customer link may carry. */
  customerCase: CustomerCase;
  /** What to do, once loaded (see `withAnswers`). */
  answer?: EntryAnswer;
}

export interface Triage {
  /** What was read, one phrase per part: `status 400 Bad Request`, `identifier BAD_VALUE` … */
  read: string[];
  candidates: TriageCandidate[];
  /** How many more matched than are shown. */
  more: number;
  /** The one status that every candidate was matched on, when it was only a status. */
  statusOnly: number | undefined;
}

export const triageReasonText: Record<MatchReason, string> = {
  message: 'The whole message fits',
  'partial-message': 'Part of the message fits',
  identifier: 'The identifier',
  status: 'The status',
  field: 'A request field this entry is about',
  words: 'Words this entry is known by',
};

function shorten(text: string, length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/**
 * A key and its value in a request the paste shows: `"key": value`, the value a JSON string, a
 * quoted string, a number, a literal, or a short flat list or object. Bounded repeats, each
 * alternative starting with its own character: linear on any text.
 */
const keyedValue =
  /(["'])([A-Za-z][A-Za-z0-9_]{0,99})\1\s*:\s*("(?:[^"\\\n]|\\.){0,500}"|'[^'\n]{0,500}'|-?\d[\d.eE+-]{0,40}|true|false|null|\[[^\]\n]{0,500}\]|\{[^}\n]{0,500}\})/g;

/**
 * The value a request sent in a field, when the paste shows the request (a `curl -d` body, a
 * logged request): the first `"field": value` in it, a string without its quotes.
 */
export function findFieldValue(text: string, field: string): string | undefined {
  const source = text.length > maxInput ? text.slice(text.length - maxInput) : text;
  keyedValue.lastIndex = 0;
  for (let found = keyedValue.exec(source); found; found = keyedValue.exec(source)) {
    if (found[2] !== field) {
      // Another key's value may hold this field (`"a": {"clientId": …}`): read on from after the key.
      keyedValue.lastIndex = found.index + (found[2] as string).length + 2;
      continue;
    }
    const literal = found[3] as string;
    if (literal.startsWith('"')) {
      try {
        return JSON.parse(literal) as string;
      } catch {
        return literal.slice(1, -1);
      }
    }
    if (literal.startsWith("'")) return literal.slice(1, -1);
    return literal;
  }
  return undefined;
}

function statusText(index: LookupMeta, code: number): string {
  return index.statuses.find((status) => status.code === code)?.line ?? String(code);
}

/**
 * The form a matched body comes in: the variant the matcher matched through, or else the variant
 * whose extra keys (an older body's `documentation` and `severity`) the body carries.
 */
function formOf(found: Match<SearchEntry>, body: Record<string, unknown> | undefined): string | undefined {
  if (found.variant) return found.variant;
  if (!body || (found.reason !== 'message' && found.reason !== 'partial-message')) return undefined;
  return found.entry.variants.find((variant) => variant.extra.length > 0 && variant.extra.every((key) => Object.hasOwn(body, key)))?.title;
}

function candidate(found: Match<SearchEntry>, raw: string, input: ReadInput): TriageCandidate {
  const { entry } = found;
  const message = input.message;
  const values = Object.entries(found.values);
  const example = entry.example?.values ?? {};
  const exampleDiffers = values
    .filter(([name, value]) => example[name] !== undefined && example[name] !== value)
    .map(([name, yours]) => ({ name, yours, example: example[name] as string }));

  const fields = found.values.field !== undefined ? [found.values.field] : entry.fields;
  let field: string | undefined;
  let value: string | undefined;
  for (const name of fields) {
    const sent = findFieldValue(raw, name);
    if (sent !== undefined) {
      field = name;
      value = sent;
      break;
    }
  }
  if (field === undefined && fields.length === 1) field = fields[0];

  const customerCase: CustomerCase = {};
  if (message !== undefined && (found.reason === 'message' || found.reason === 'partial-message')) customerCase.message = message;
  if (values.length > 0) customerCase.values = Object.fromEntries(values);
  if (field !== undefined) customerCase.field = field;
  if (value !== undefined) customerCase.value = value;

  return {
    entry,
    score: found.score,
    reason: found.reason,
    why: found.variant ? `${triageReasonText[found.reason]} (another form of this response)` : triageReasonText[found.reason],
    values,
    exampleDiffers,
    variant: formOf(found, input.body),
    field,
    value,
    customerCase,
  };
}

export function triage(raw: string, result: LookupResult<SearchEntry>, index: LookupMeta, limit = 5): Triage {
  const { input } = result;
  const read: string[] = [];
  if (input.status !== undefined) read.push(`status ${statusText(index, input.status)}`);
  if (input.identifier !== undefined) read.push(`identifier ${shorten(input.identifier, 60)}`);
  if (input.message !== undefined) read.push(`message “${shorten(input.message)}”`);
  if (read.length === 0 && input.body) read.push(`a JSON body with the keys ${Object.keys(input.body).slice(0, 8).join(', ') || '(none)'}`);

  const shown = result.matches.slice(0, limit);
  const statusOnly = shown.length > 0 && shown.every((found) => found.reason === 'status') ? input.status : undefined;
  // A status alone: the index knows how many entries have it, though only the first were loaded.
  const total =
    statusOnly === undefined
      ? result.matches.length
      : (index.statuses.find((each) => each.code === statusOnly)?.count ?? result.matches.length);
  return {
    read,
    candidates: shown.map((found) => candidate(found, raw, input)),
    more: Math.max(0, total - shown.length),
    statusOnly,
  };
}

/** The home page's paste box hands the paste to /triage/ under this sessionStorage key, never in the URL. */
export const triagePasteKey = 'errata-triage-paste';

/**
 * A support agent's reply to a customer about a matched case: plain text, short, with the fix and
 * the link that opens the entry at the customer's own case. No Markdown survives into it.
 */
export function replyText(candidate: TriageCandidate, statusText: string, link: string): string {
  const { entry, answer } = candidate;
  const plain = (text: string) =>
    inlineParts(text)
      .map((part) => part.text)
      .join('');
  const lines = [`The error is "${entry.title}" (${statusText}${entry.identifier ? `, ${entry.identifier}` : ''}).`];
  if (candidate.field !== undefined && candidate.value !== undefined)
    lines.push(`Your request's ${candidate.field} was ${candidate.value}.`);
  const sentence = candidateFix(candidate);
  if (sentence) lines.push(sentence.map((part) => part.text).join(''));
  if (answer) {
    lines.push('', answer.fix.length === 1 ? 'What to do:' : 'What to do, in order:');
    for (const [index, step] of answer.fix.entries()) lines.push(answer.fix.length === 1 ? plain(step) : `${index + 1}. ${plain(step)}`);
    lines.push('', `${retryQuestion} ${plain(retryAnswerOf(answer.retry))}`);
  }
  lines.push('', `Your case, explained: ${link}`);
  return lines.join('\n');
}

/**
 * The fix for the value the paste sent, in one sentence ("Send `LT`, not `Lithuania`."), from the
 * rules in the candidate's answer; null until the answer is loaded, or when the value says nothing more.
 */
export function candidateFix(candidate: TriageCandidate): FixPart[] | null {
  const fields = candidate.answer?.fields;
  return fields ? caseFix({ field: candidate.field, value: candidate.value }, fields) : null;
}

/** The triage with what to do filled in on each card, from the few answer files its cards need. */
export async function withAnswers(result: Triage, lookup: Pick<ShardedLookup, 'answers'>): Promise<Triage> {
  const answers = await lookup.answers(result.candidates.map((candidate) => candidate.entry.id));
  return {
    ...result,
    candidates: result.candidates.map((candidate) => {
      const answer = answers.get(candidate.entry.id);
      return answer ? { ...candidate, answer } : candidate;
    }),
  };
}
