/**
 * The home page's paste box: hands the paste to /triage/ in sessionStorage (never in the URL,
 * so it reaches no server log and no history) and opens the triage page.
 */
const form = document.querySelector<HTMLFormElement>('[data-home-paste]');

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = form.querySelector('textarea')?.value ?? '';
  try {
    if (text.trim() !== '') sessionStorage.setItem(form.dataset.pasteKey ?? '', text);
  } catch {
    // Blocked or full storage: the triage page opens empty, ready for the paste.
  }
  location.assign(form.action);
});
