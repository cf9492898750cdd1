/**
 * A search as a link: `/search/#q=<query>&status=<code>&category=<id>`. The query lives in the
 * fragment, which browsers never send, so a pasted message never reaches a server log.
 */
import type { SearchFilters } from './exact.ts';

export const searchPath = '/search/';

/** A search is a message or a few words: the box takes at most this many characters, and so does a link. */
export const maxSearchCharacters = 2000;

export interface SearchState extends SearchFilters {
  query: string;
}

/** Reads a fragment (with or without `#`); anything unreadable is ignored, never an error. */
export function readSearchFragment(fragment: string): SearchState | null {
  const text = fragment.replace(/^#/, '');
  if (!/^(?:q|status|category)=/.test(text) && !/&(?:q|status|category)=/.test(text)) return null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return null;
  }
  const state: SearchState = { query: (params.get('q') ?? '').slice(0, maxSearchCharacters) };
  const status = Number(params.get('status'));
  if (Number.isInteger(status) && status >= 100 && status <= 599) state.status = status;
  const category = params.get('category');
  if (category && /^[a-z-]{1,40}$/.test(category)) state.category = category;
  return state;
}

/** The fragment (without `#`) of a search. */
export function searchFragment(state: SearchState): string {
  const params = new URLSearchParams();
  params.set('q', state.query);
  if (state.status !== undefined) params.set('status', String(state.status));
  if (state.category !== undefined) params.set('category', state.category);
  return params.toString().replaceAll('+', '%20');
}

export function searchLink(state: SearchState): string {
  return `${searchPath}#${searchFragment(state)}`;
}
