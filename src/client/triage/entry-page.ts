/**
 * Entry pages: a link with `#case=…` opens the "Your case" box, and "Copy link for a customer"
 * copies the entry's link with the case entered (or the one the page was opened with). The
 * code that does either (./entry-case.ts) loads only when one of them is needed.
 */
type EntryCase = typeof import('./entry-case.ts');

let module: Promise<EntryCase> | undefined;
const load = (): Promise<EntryCase> => (module ??= import('./entry-case.ts'));

const button = document.querySelector<HTMLButtonElement>('[data-customer-copy]');
const details = document.querySelector<HTMLDetailsElement>('[data-customer-details]');

function readFragment(): void {
  if (location.hash.startsWith('#case=') || document.querySelector('[data-case-box]:not([hidden]), [data-case-notice]:not([hidden])')) {
    void load().then((entryCase) => entryCase.showFragment());
  }
}

readFragment();
window.addEventListener('hashchange', readFragment);
button?.addEventListener('click', () => void load().then((entryCase) => entryCase.copyLink(button)));
details?.addEventListener('toggle', () => {
  if (details.open) void load().then((entryCase) => entryCase.bindForm());
});
