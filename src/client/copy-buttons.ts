/**
 * Copy buttons of code blocks: a click on a `[data-copy]` button copies the code of the figure it
 * heads. One listener for the page, and the copying code loads on the first click, so that a page
 * pays nothing for its copy buttons before they are used.
 */
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-copy]');
  if (!button) return;
  const code = button.closest('figure')?.querySelector('pre')?.textContent ?? '';
  void import('./copy.ts').then(({ copyText }) => copyText(code, button));
});
