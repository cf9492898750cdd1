/**
 * Pagefind's browser API, loaded on first use from the index the build wrote to /pagefind/.
 * The path is a variable so that Vite leaves the import alone. In `astro dev` there is no
 * index: full-text search is then unavailable and the exact lookup still works.
 */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string | null, options?: { filters?: Record<string, string> }, timeout?: number): Promise<PagefindSearch | null>;
}

const bundle = '/pagefind/pagefind.js';
let loading: Promise<Pagefind | null> | undefined;

export function loadPagefind(): Promise<Pagefind | null> {
  loading ??= (async () => {
    try {
      const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
      await pagefind.options({ excerptLength: 22 });
      await pagefind.init();
      return pagefind;
    } catch {
      return null;
    }
  })();
  return loading;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Pagefind's excerpt is HTML: escaped text with the matched words in `<mark>`. Split it into
 * plain text and marked parts, so the page builds it with textContent and never parses HTML.
 */
export function excerptParts(html: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) mark = true;
    else if (/^<\/mark>$/i.test(piece)) mark = false;
    else if (piece) parts.push({ text: decodeEntities(piece.replace(/<[^<>]*>/g, '')), mark });
  }
  return parts;
}
