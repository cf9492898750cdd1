/**
 * The triage page's file reader: a chosen or dropped file (a log or a HAR) is read in the worker
 * (./triage-run.ts), with its progress shown, and its errors shown as one table grouped by
 * entry: count, first and last line, the entry's page and the customer's link. Built with
 * textContent only; the file itself never leaves the page.
 */
import { h } from '../search/dom.ts';
import type { FileTriageRow, FileTriageView } from './file-triage.ts';
import { runFileTriage } from './triage-run.ts';

let generation = 0;

function parts(page: Document) {
  return {
    section: page.querySelector('[data-file-results]') as HTMLElement,
    title: page.querySelector('[data-file-title]') as HTMLElement,
    status: page.querySelector('[data-file-status]') as HTMLElement,
    table: page.querySelector('[data-file-table]') as HTMLElement,
  };
}

const count = (n: number) => n.toLocaleString('en-US');

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function row(item: FileTriageRow, unit: FileTriageView['unit']): HTMLElement {
  const where = (n: number) => (unit === 'line' ? `line ${count(n)}` : `entry ${count(n)}`);
  return h(
    'tr',
    {},
    h(
      'th',
      { scope: 'row' },
      h('a', { href: item.href }, item.title),
      item.slug ? h('span', { class: 'file-slug' }, ` ${item.slug}`) : null,
    ),
    h('td', {}, item.statusLine, item.identifier ? h('span', { class: 'file-identifier' }, ` ${item.identifier}`) : null),
    h('td', { class: 'number' }, count(item.count)),
    h('td', {}, where(item.firstLine)),
    h('td', {}, where(item.lastLine)),
    h('td', {}, item.customerHref ? h('a', { href: item.customerHref }, 'Customer link') : '—'),
  );
}

function render(view: FileTriageView, out: ReturnType<typeof parts>): void {
  const units = `${count(view.lines)} ${view.unit === 'line' ? (view.lines === 1 ? 'line' : 'lines') : view.lines === 1 ? 'HAR entry' : 'HAR entries'}`;
  if (view.found === 0) {
    out.title.textContent = 'No iDenfy error in the file';
    out.status.textContent = `Read ${units} of ${view.name}: no iDenfy error body, message, identifier or status line.`;
    out.table.replaceChildren();
    return;
  }
  out.title.textContent = `Errors in ${view.name}`;
  out.status.textContent = `${count(view.found)} iDenfy ${view.found === 1 ? 'error' : 'errors'} in ${units}, ${view.rows.length} ${view.rows.length === 1 ? 'kind' : 'kinds'}, most frequent first.`;
  out.table.replaceChildren(
    h(
      'table',
      { class: 'file-triage-table' },
      h('caption', {}, `iDenfy errors in ${view.name}, grouped by entry`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Error', 'Status', 'Count', 'First seen', 'Last seen', 'For your customer'].map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h('tbody', {}, ...view.rows.map((item) => row(item, view.unit))),
    ),
  );
}

/** Reads a file and shows its table; a newer file replaces an older one still being read. */
export async function readFile(file: File): Promise<void> {
  const run = ++generation;
  const out = parts(document);
  out.section.hidden = false;
  out.title.textContent = `Reading ${file.name}`;
  out.table.replaceChildren();
  out.status.textContent = `Reading ${file.name} (${size(file.size)}) in this page…`;
  try {
    const view = await runFileTriage(file, (bytes) => {
      if (run !== generation) return;
      const percent = file.size > 0 ? Math.floor((bytes / file.size) * 100) : 100;
      out.status.textContent = `Reading ${file.name} (${size(file.size)}) in this page… ${percent}%`;
    });
    if (run !== generation) return;
    render(view, out);
  } catch (error) {
    if (run !== generation) return;
    out.title.textContent = 'The file could not be read';
    out.status.textContent = `${file.name}: ${(error as Error).message.replace(/^\w*Error: /, '')}`;
  }
}
