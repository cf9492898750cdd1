/**
 * The site's pages that are not generated from the catalogue: one list, which the header's
 * navigation, `/llms.txt`, the home and 404 pages and the accessibility test read (the sitemap lists every page the
 * build wrote, and a test holds this list to the pages under src/pages). A page is added here once; `nav` puts it in
 * the header (with its short label there), in this order.
 */
import { observationRange } from '../catalogue/observations.ts';

export interface SitePage {
  path: string;
  /** The page's title, as `/llms.txt` lists it. */
  title: string;
  /** One line about the page, for `/llms.txt`. */
  summary: string;
  /** The header's label for the page; a page without one is not in the header. */
  nav?: string;
}

export const sitePages = [
  { path: '/', title: 'Errata', summary: "Every error of iDenfy's POST /api/v2/token, explained." },
  { path: '/errors/', title: 'All errors', nav: 'Errors', summary: 'Every entry, by category and status.' },
  {
    path: '/token/',
    title: 'Token request fields',
    nav: 'Fields',
    summary: 'Every request field: type, rule, default, whether it carries personal data, and the error it produces.',
  },
  {
    path: '/evaluation/',
    title: 'Order of evaluation',
    nav: 'Evaluation order',
    summary: 'Which check comes first, so you know which error you will see.',
  },
  {
    path: '/guides/handling-errors/',
    title: 'Handling errors in code',
    nav: 'Handling errors',
    summary: 'Branch on status, then identifier; back off on 429; in three languages.',
  },
  {
    path: '/playground/',
    title: 'Playground',
    nav: 'Playground',
    summary: 'Edit a token request and see the predicted response as you type.',
  },
  {
    path: '/mock/',
    title: 'The mock server',
    nav: 'Mock server',
    summary: 'errata mock: an HTTP server that answers POST /api/v2/token as predicted, for offline integration tests.',
  },
  {
    path: '/triage/',
    title: 'What went wrong?',
    nav: 'What went wrong?',
    summary: 'Paste an error body, message or response and get its entry.',
  },
  {
    path: '/check/',
    title: 'Check real traffic',
    nav: 'Check traffic',
    summary: 'Check recorded HAR or JSON Lines traffic against the predictions; triage a whole log; fail CI on changes.',
  },
  {
    path: '/use/',
    title: 'Use it in your code',
    nav: 'Use it in code',
    summary:
      'The errata npm package: validate requests, explain errors in your error handler, the errata command, and an MCP server for coding assistants.',
  },
  {
    path: '/evidence/',
    title: 'Observed responses',
    summary: `Real answers of the API recorded in public material (${observationRange}), and what each settled.`,
  },
  { path: '/changelog/', title: 'Changelog', summary: 'What changed in each release of the catalogue, and why.' },
] as const satisfies readonly SitePage[];

/** The header's links, in order: every page with a `nav` label. */
export const navPages: readonly { path: string; label: string }[] = (sitePages as readonly SitePage[]).flatMap((page) =>
  page.nav ? [{ path: page.path, label: page.nav }] : [],
);

/** A page of the list by its path; a path not in the list does not type-check. */
export function sitePage(path: (typeof sitePages)[number]['path']): SitePage {
  return sitePages.find((page) => page.path === path)!;
}
