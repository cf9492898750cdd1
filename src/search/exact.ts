/**
 * The exact answer the search box shows above Pagefind's full-text results: what the engine's
 * matcher found, when it found one thing for sure. An identifier in any spelling, a whole
 * message, a field name or words an entry is known by lead to that entry; a status leads to its
 * one entry, or to its status page when several entries share it; a fragment of a message leads
 * to its entry only when no other entry fits it as well. Otherwise there is no exact match, and
 * the box says so plainly. Pure, so the query set also runs as a unit test.
 */
import type { LookupResult, Match, MatchableEntry, MatchReason } from '../catalogue/match-engine.ts';

export interface SearchFilters {
  status?: number | undefined;
  category?: string | undefined;
}

export type ExactAnswer<E extends MatchableEntry> =
  | { kind: 'entry'; match: Match<E>; why: string }
  | { kind: 'status'; status: number; entries: E[]; why: string };

export interface ExactResult<E extends MatchableEntry> {
  answer: ExactAnswer<E> | null;
  /** When there is no answer: why, in one sentence. */
  none: string | null;
  /** When a fragment fits several messages equally: those entries, best first (at most five). */
  close?: Match<E>[];
}

export const reasonText: Record<MatchReason, string> = {
  message: 'The whole message fits this entry',
  'partial-message': 'This part of the message fits only this entry',
  identifier: 'The identifier',
  status: 'The only entry with this status',
  field: 'The request field whose rule this entry explains',
  words: 'Words this entry is known by',
};

/** Scores closer than this are a tie: the matcher cannot tell the entries apart. */
const tie = 0.005;
/** When there is a tie, entries this close to the top are worth showing as close matches. */
const closeness = 0.05;

function passes(entry: MatchableEntry & { category?: string }, filters: SearchFilters): boolean {
  if (filters.status !== undefined && entry.status !== filters.status) return false;
  if (filters.category !== undefined && entry.category !== filters.category) return false;
  return true;
}

function shorten(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

export function exactAnswer<E extends MatchableEntry & { category?: string }>(
  result: LookupResult<E>,
  filters: SearchFilters = {},
): ExactResult<E> {
  const filtered = filters.status !== undefined || filters.category !== undefined;
  const matches = result.matches.filter((found) => passes(found.entry, filters));
  const top = matches[0];
  const { input } = result;

  if (!top) {
    if (result.matches.length > 0) return { answer: null, none: 'No exact match within these filters.' };
    if (input.status !== undefined && input.message === undefined && input.identifier === undefined) {
      return { answer: null, none: `No exact match: no entry has HTTP status ${input.status}.` };
    }
    if (input.identifier !== undefined && input.message === undefined) {
      return { answer: null, none: `No exact match: ${shorten(input.identifier, 40)} is not an identifier of this API.` };
    }
    return { answer: null, none: 'No exact match.' };
  }

  if (top.reason === 'status') {
    const status = input.status as number;
    const only = top.score >= 0.8 || matches.length === 1;
    if (only)
      return {
        answer: {
          kind: 'entry',
          match: top,
          why: matches.length === 1 && filtered ? 'The only entry with this status here' : reasonText.status,
        },
        none: null,
      };
    return {
      answer: { kind: 'status', status, entries: matches.map((found) => found.entry), why: 'A status that several entries share' },
      none: null,
    };
  }

  if (top.reason === 'partial-message') {
    const second = matches[1];
    if (second && second.entry.slug !== top.entry.slug && top.score - second.score < tie) {
      const close = matches.filter((found) => found.reason === 'partial-message' && top.score - found.score < closeness).slice(0, 5);
      return { answer: null, none: `No exact match: this text is part of ${matches.length} entries' messages.`, close };
    }
  }

  return {
    answer: { kind: 'entry', match: top, why: top.variant ? `${reasonText[top.reason]}, in another form` : reasonText[top.reason] },
    none: null,
  };
}
