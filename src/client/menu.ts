/**
 * The phone's menu: one disclosure button that shows and hides the sections and the categories
 * (on wider screens the button is not shown and both are always there). Escape closes it and
 * gives the focus back to the button.
 */
const button = document.querySelector<HTMLButtonElement>('[data-menu]');
const root = document.documentElement;

function setOpen(open: boolean): void {
  button?.setAttribute('aria-expanded', String(open));
  if (open) root.dataset.menuOpen = '';
  else delete root.dataset.menuOpen;
}

button?.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || button?.getAttribute('aria-expanded') !== 'true') return;
  setOpen(false);
  button.focus();
});
