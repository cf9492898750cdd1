/**
 * The search box, loaded on first use (see ./loader.ts). As the reader types, the engine's
 * matcher answers first: its exact match is the first option, or the box says plainly that there
 * is none. Pagefind's full-text results follow, in the header's box only when there is no exact
 * match or a filter is set: an exact match is the answer, and Pagefind's runtime and page table
 * (about 140 KB on a site of 10,000 entries) load only for a search that needs them. The search
 * page (`inline`) always searches the full text too, and the box's last option leads there. The box follows the ARIA combobox pattern with a
 * listbox: the first option is selected as results arrive, arrow keys move, Enter opens, Escape
 * closes. In the /search/ page (`inline`), the search lives in the URL fragment (`#q=…`).
 */
import type { SearchEntry } from '../../search/index-data.ts';
import { exactAnswer, type ExactResult, type SearchFilters } from '../../search/exact.ts';
import { readSearchFragment, searchFragment, searchLink, type SearchState } from '../../search/query-fragment.ts';
import { entryPath, statusPath } from '../../site/paths.ts';
import { h, identifierBadge, inline, statusBadge } from './dom.ts';
import { exactLookup } from './index-loader.ts';
import type { LookupMeta } from '../../search/index-data.ts';
import { excerptParts, loadPagefind, type PagefindResultData } from './pagefind.ts';

interface Option {
  href: string;
  element: HTMLElement;
}

/** Screen readers hear the outcome once typing pauses, not at every key. */
const announceDelay = 700;

class SearchBox {
  readonly root: HTMLElement;
  readonly inline: boolean;
  readonly input: HTMLInputElement;
  readonly panel: HTMLElement;
  readonly listbox: HTMLElement;
  readonly note: HTMLElement;
  readonly live: HTMLElement;
  readonly status: HTMLSelectElement;
  readonly category: HTMLSelectElement;
  options: Option[] = [];
  active = -1;
  generation = 0;
  announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(root: HTMLElement) {
    this.root = root;
    this.inline = root.dataset.search === 'inline';
    this.input = root.querySelector('input') as HTMLInputElement;
    this.panel = root.querySelector('[data-search-panel]') as HTMLElement;
    this.listbox = root.querySelector('[role="listbox"]') as HTMLElement;
    this.note = root.querySelector('[data-search-note]') as HTMLElement;
    this.status = root.querySelector('select[data-filter="status"]') as HTMLSelectElement;
    this.category = root.querySelector('select[data-filter="category"]') as HTMLSelectElement;
    // The visible note changes as you type; this region speaks once typing pauses.
    this.note.removeAttribute('aria-live');
    this.live = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this.panel.append(this.live);

    this.input.addEventListener('input', () => void this.run());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    // Escape from a filter closes the popup too, and brings the focus back to the box.
    this.panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || this.inline) return;
      event.preventDefault();
      this.close();
      this.input.focus();
    });
    this.input.addEventListener('focus', () => {
      if (this.input.value.trim() !== '' || this.filters().status !== undefined || this.filters().category !== undefined) this.open();
    });
    for (const select of [this.status, this.category]) select.addEventListener('change', () => void this.run());
    this.root.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node) || !this.root.contains(next)) this.close();
    });
    document.addEventListener('pointerdown', (event) => {
      if (event.target instanceof Node && !this.root.contains(event.target)) this.close();
    });
    // Keep the focus in the box while an option is clicked.
    this.listbox.addEventListener('mousedown', (event) => event.preventDefault());
    this.listbox.addEventListener('click', (event) => {
      const option = (event.target as Element | null)?.closest('[role="option"]');
      const index = this.options.findIndex((each) => each.element === option);
      if (index !== -1) this.go(index);
    });
    this.listbox.addEventListener('mousemove', (event) => {
      const option = (event.target as Element | null)?.closest('[role="option"]');
      const index = this.options.findIndex((each) => each.element === option);
      if (index !== -1 && index !== this.active) this.select(index, false);
    });

    // Whatever was typed before this module arrived.
    if (this.input.value.trim() !== '') void this.run();
    void exactLookup()
      .meta()
      .then(
        (meta) => {
          this.fillFilters(meta);
          if (this.inline) {
            window.addEventListener('hashchange', () => this.fromFragment());
            this.fromFragment();
          }
        },
        () => undefined,
      );
    if (this.inline) void loadPagefind();
  }

  /** The filters' options, from the index: every status and category. */
  fillFilters(meta: LookupMeta): void {
    if (this.status.options.length > 1) return;
    this.status.append(...meta.statuses.map((status) => new Option(status.line, String(status.code))));
    this.category.append(...meta.categories.map((category) => new Option(category.title, category.id)));
  }

  fromFragment(): void {
    const state = readSearchFragment(location.hash);
    if (!state) return;
    this.input.value = state.query;
    this.status.value = state.status === undefined ? '' : String(state.status);
    this.category.value = state.category ?? '';
    void this.run();
  }

  filters(): SearchFilters {
    const status = Number(this.status.value);
    return {
      status: this.status.value !== '' && Number.isInteger(status) ? status : undefined,
      category: this.category.value !== '' ? this.category.value : undefined,
    };
  }

  state(): SearchState {
    return { query: this.input.value.trim(), ...this.filters() };
  }

  open(): void {
    if (this.inline) return;
    this.panel.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    if (this.inline) return;
    this.panel.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  get expanded(): boolean {
    return this.inline || !this.panel.hidden;
  }

  onKey(event: KeyboardEvent): void {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.expanded) {
          this.open();
          if (this.input.value.trim() !== '') void this.run();
          return;
        }
        if (this.options.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next =
          this.active === -1
            ? step === 1
              ? 0
              : this.options.length - 1
            : (this.active + step + this.options.length) % this.options.length;
        this.select(next, true);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        this.submit();
        return;
      }
      case 'Escape': {
        if (this.expanded && !this.inline) {
          event.preventDefault();
          this.close();
        } else if (this.input.value !== '') {
          event.preventDefault();
          this.input.value = '';
          void this.run();
        }
        return;
      }
      default:
    }
  }

  /** Enter: open the selected option, or else the search page with this search. */
  submit(): void {
    if (this.expanded && this.active !== -1 && this.options[this.active]) {
      this.go(this.active);
      return;
    }
    const state = this.state();
    if (state.query === '' && state.status === undefined && state.category === undefined) return;
    location.assign(searchLink(state));
  }

  go(index: number): void {
    const option = this.options[index];
    if (!option) return;
    this.close();
    location.assign(option.href);
  }

  select(index: number, scroll: boolean): void {
    this.options[this.active]?.element.setAttribute('aria-selected', 'false');
    this.active = index;
    const option = this.options[index];
    if (!option) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    option.element.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.element.id);
    if (scroll) option.element.scrollIntoView({ block: 'nearest' });
  }

  async run(): Promise<void> {
    const generation = ++this.generation;
    const state = this.state();
    const filters = this.filters();
    const hasFilter = filters.status !== undefined || filters.category !== undefined;
    if (this.inline)
      history.replaceState(history.state, '', state.query === '' && !hasFilter ? location.pathname : `#${searchFragment(state)}`);
    if (state.query === '' && !hasFilter) {
      this.render(null, [], state, 'done');
      this.setNote('', '');
      if (!this.inline && document.activeElement !== this.status && document.activeElement !== this.category) this.close();
      return;
    }
    this.open();
    this.listbox.setAttribute('aria-busy', 'true');

    const searchFullText = () =>
      (async () => {
        const pagefind = await loadPagefind();
        if (!pagefind) return undefined;
        const pagefindFilters: Record<string, string> = {};
        if (filters.status !== undefined) pagefindFilters.status = String(filters.status);
        if (filters.category !== undefined) pagefindFilters.category = filters.category;
        return pagefind.debouncedSearch(state.query === '' ? null : state.query, { filters: pagefindFilters }, 120);
      })().catch(() => undefined);
    // On the search page, or with a filter, the full text is searched at once, while the exact
    // lookup loads what it needs; in the header's box, only once the exact lookup found nothing.
    let fullTextSearch = this.inline || hasFilter ? searchFullText() : undefined;

    let meta: LookupMeta;
    let exact: ExactResult<SearchEntry> | null;
    try {
      const lookup = exactLookup();
      meta = await lookup.meta();
      exact = state.query === '' ? null : exactAnswer(await lookup.lookup(state.query), filters);
    } catch {
      if (generation === this.generation) this.setNote('Search could not load. Check your connection and try again.', '');
      this.listbox.removeAttribute('aria-busy');
      return;
    }
    if (generation !== this.generation) return;
    if (!fullTextSearch && exact?.answer) {
      this.render(exact, [], state, 'done', meta, 'deferred');
      return;
    }
    this.render(exact, [], state, 'exact', meta);

    fullTextSearch ??= searchFullText();
    const search = await fullTextSearch;
    // null: a later keystroke superseded this search.
    if (search === null || generation !== this.generation) return;
    let pages: PagefindResultData[] = [];
    let total = 0;
    if (search) {
      total = search.results.length;
      pages = await Promise.all(search.results.slice(0, this.inline ? 25 : 8).map((result) => result.data()));
      if (generation !== this.generation) return;
    }
    this.render(exact, pages, state, 'done', meta, search !== undefined ? 'searched' : 'unavailable', total);
  }

  setNote(text: string, spoken: string): void {
    this.note.textContent = text;
    this.note.hidden = text === '';
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.live.textContent = spoken;
    }, announceDelay);
  }

  render(
    exact: ExactResult<SearchEntry> | null,
    pages: PagefindResultData[],
    state: SearchState,
    phase: 'exact' | 'done',
    meta?: LookupMeta,
    /** Whether Pagefind searched, was not needed (an exact match in the header's box), or is missing. */
    fullText: 'searched' | 'deferred' | 'unavailable' = 'searched',
    total = pages.length,
  ): void {
    const id = this.listbox.id;
    const groups: HTMLElement[] = [];
    const options: Option[] = [];
    const option = (href: string, kind: string, ...children: Node[]): HTMLElement => {
      const element = h(
        'div',
        { role: 'option', id: `${id}-${options.length}`, 'aria-selected': 'false', class: `search-option ${kind}`, 'data-href': href },
        ...children,
      );
      options.push({ href, element });
      return element;
    };
    const group = (label: string, members: HTMLElement[]) => {
      const labelId = `${id}-group-${groups.length}`;
      groups.push(
        h(
          'div',
          { role: 'group', 'aria-labelledby': labelId, class: 'search-group' },
          h('div', { role: 'presentation', id: labelId, class: 'search-group-label' }, label),
          ...members,
        ),
      );
    };

    let exactHref: string | undefined;
    const answer = exact?.answer;
    if (answer && meta) {
      if (answer.kind === 'entry') {
        const entry = answer.match.entry;
        exactHref = entryPath(entry.slug);
        group('Exact match', [
          option(
            exactHref,
            'exact',
            head(entry.status, entry.identifier, entry.title),
            h('span', { class: 'search-excerpt' }, ...inline(entry.summary)),
            h('span', { class: 'search-why' }, answer.why),
          ),
        ]);
      } else {
        exactHref = statusPath(answer.status);
        const status = meta.statuses.find((each) => each.code === answer.status);
        const line = status?.line ?? String(answer.status);
        const count = status?.count ?? answer.entries.length;
        group('Exact match', [
          option(
            exactHref,
            'exact',
            head(answer.status, null, `HTTP ${line}`),
            h('span', { class: 'search-excerpt' }, `${count} entries have this status. Their page lists them all, cases first.`),
            h('span', { class: 'search-why' }, answer.why),
          ),
        ]);
      }
    }

    const closeHrefs = new Set<string>();
    if (!answer && exact?.close && exact.close.length > 0) {
      group(
        'Messages that contain it',
        exact.close.map((found) => {
          const href = entryPath(found.entry.slug);
          closeHrefs.add(href);
          return option(
            href,
            'close',
            head(found.entry.status, found.entry.identifier, found.entry.title),
            h('span', { class: 'search-excerpt message-excerpt' }, found.entry.message ?? ''),
          );
        }),
      );
    }

    const shown = pages.filter((page) => page.url !== exactHref && !closeHrefs.has(page.url));
    if (shown.length > 0) {
      group(
        answer ? 'Also found' : 'Full-text results',
        shown.map((page) => {
          const status = Number(page.meta.status);
          return option(
            page.url,
            'page',
            head(Number.isInteger(status) && status > 0 ? status : null, page.meta.identifier ?? null, page.meta.title ?? page.url),
            h(
              'span',
              { class: 'search-excerpt' },
              ...excerptParts(page.excerpt).map((part) => (part.mark ? h('mark', {}, part.text) : document.createTextNode(part.text))),
            ),
          );
        }),
      );
    }
    if (!this.inline && state.query !== '' && phase === 'done') {
      group('More', [
        option(searchLink(state), 'all', h('span', { class: 'search-title' }, `All results for “${shorten(state.query, 40)}”`)),
      ]);
    }

    this.listbox.replaceChildren(...groups);
    this.options = options;
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    if (options.length > 0 && (answer || phase === 'done')) this.select(0, false);
    this.listbox.dataset.state = phase;
    this.listbox.dataset.query = state.query;
    if (phase === 'done') this.listbox.removeAttribute('aria-busy');

    if (state.query === '' && phase === 'done' && (state.status !== undefined || state.category !== undefined)) {
      this.setNote(`${total} ${total === 1 ? 'page' : 'pages'} in these filters.`, `${total} results.`);
      return;
    }
    if (state.query === '') return;
    const searching = phase === 'exact' ? ' Searching the full text…' : '';
    const unavailable = fullText === 'unavailable' ? ' Full-text search is unavailable here (it is built with the site).' : '';
    const count = Math.max(shown.length, total - (pages.length - shown.length));
    const found = `${count} full-text ${count === 1 ? 'result' : 'results'}`;
    const title = answer?.kind === 'entry' ? answer.match.entry.title : `status ${answer?.status}`;
    if (answer && fullText === 'deferred') {
      this.setNote('Exact match. The last option searches the full text too.', `Exact match: ${title}.`);
    } else if (answer) {
      this.setNote(`Exact match.${phase === 'done' ? ` ${found} below.` : searching}${unavailable}`, `Exact match: ${title}. ${found}.`);
    } else if (exact?.none) {
      const tail = phase === 'exact' ? searching : shown.length > 0 ? ` ${found} below.` : ' No full-text results either.';
      this.setNote(`${exact.none}${tail}${unavailable}`, `${exact.none} ${found}.`);
    }
  }
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function head(status: number | null, identifier: string | null, title: string): HTMLElement {
  return h(
    'span',
    { class: 'search-head' },
    status === null ? null : statusBadge(status),
    identifier ? identifierBadge(identifier) : null,
    h('span', { class: 'search-title' }, title),
  );
}

const boxes = new WeakMap<HTMLElement, SearchBox>();

export function mount(root: HTMLElement): void {
  if (!boxes.has(root)) boxes.set(root, new SearchBox(root));
}

export function submit(root: HTMLElement): void {
  boxes.get(root)?.submit();
}
