/**
 * The only search code a page loads before anyone uses search: `/` and Ctrl+K (⌘K) focus the
 * box, and the first focus, keystroke or submit loads the search itself (./ui.ts, the matcher
 * index and Pagefind). On /search/, a `#q=` link loads it at once.
 */
type Ui = typeof import('./ui.ts');

let ui: Promise<Ui> | undefined;
const load = (): Promise<Ui> => (ui ??= import('./ui.ts'));

const roots = [...document.querySelectorAll<HTMLElement>('[data-search]')];

function start(root: HTMLElement): Promise<void> {
  return load().then((module) => void module.mount(root));
}

for (const root of roots) {
  const input = root.querySelector<HTMLInputElement>('input');
  const form = root.querySelector('form');
  if (!input || !form) continue;
  const wake = () => void start(root);
  input.addEventListener('focus', wake, { once: true });
  input.addEventListener('input', wake, { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Once mounted, the search handles Enter itself; before that, open the search page.
    start(root).then(
      () => load().then((module) => module.submit(root)),
      () => location.assign(`/search/#q=${encodeURIComponent(input.value)}`),
    );
  });
  if (root.dataset.search === 'inline' && /(?:^#|&)q=/.test(location.hash)) wake();
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (event) => {
  const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
  if (!shortcut && !slash) return;
  const root = roots.find((each) => each.dataset.search === 'inline') ?? roots[0];
  const input = root?.querySelector<HTMLInputElement>('input');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});
