/**
 * The triage page's loader: the matcher and the page's logic (./triage-page.ts) load on the
 * first paste, keystroke, example or submit, or at once when the home page handed a paste over
 * in sessionStorage.
 */
type TriagePage = typeof import('./triage-page.ts');

const form = document.querySelector<HTMLFormElement>('[data-triage]');
const input = form?.querySelector('textarea');
let module: Promise<TriagePage> | undefined;
const load = (): Promise<TriagePage> => (module ??= import('./triage-page.ts'));

if (form && input) {
  const key = form.dataset.pasteKey ?? '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load().then((page) => page.explain(form, true));
  });
  input.addEventListener('input', () => void load().then((page) => page.explainSoon(form)));
  for (const button of form.querySelectorAll<HTMLButtonElement>('[data-example]')) {
    button.addEventListener('click', () => {
      input.value = button.dataset.example ?? '';
      void load().then((page) => page.explain(form, false));
    });
  }
  form.querySelector('[data-triage-clear]')?.addEventListener('click', () => {
    input.value = '';
    input.focus();
    void load().then((page) => page.explain(form, false));
  });
  let handed: string | null = null;
  try {
    handed = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
  } catch {
    // Storage may be blocked; the box is still there to paste into.
  }
  if (handed) {
    input.value = handed;
    void load().then((page) => page.explain(form, true));
  }
}

// A chosen or dropped file: read by ./file-page.ts, loaded only then.
type FilePage = typeof import('./file-page.ts');
let fileModule: Promise<FilePage> | undefined;
const readFile = (file: File): void => {
  fileModule ??= import('./file-page.ts');
  void fileModule.then((page) => page.readFile(file));
};
const fileInput = document.querySelector<HTMLInputElement>('[data-triage-file]');
const dropZone = document.querySelector<HTMLElement>('[data-triage-drop]');
fileInput?.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) readFile(file);
});
if (dropZone) {
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
  // Anywhere on the page: a file dropped beside the box must not make the browser open it.
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) dropZone.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    dropZone.classList.remove('dragging');
    if (!file) return;
    event.preventDefault();
    readFile(file);
  });
}
