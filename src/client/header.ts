/**
 * The header's two buttons, in one small module: the theme switch (the choice persists; until one
 * is made the system decides) and, on a phone, the menu that shows and hides the sections and the
 * categories (on wider screens the menu button is not shown and both are always there). Escape
 * closes the menu and gives the focus back to its button.
 */
const root = document.documentElement;

const theme = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
const currentTheme = () => (root.dataset.theme === 'dark' ? 'dark' : 'light');
const showTheme = () => theme?.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
showTheme();
theme?.addEventListener('click', () => {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  root.dataset.theme = next;
  try {
    localStorage.setItem('errata-theme', next);
  } catch {
    // Storage may be blocked: the theme still changes for this page.
  }
  showTheme();
});

const menu = document.querySelector<HTMLButtonElement>('[data-menu]');

function setMenuOpen(open: boolean): void {
  menu?.setAttribute('aria-expanded', String(open));
  if (open) root.dataset.menuOpen = '';
  else delete root.dataset.menuOpen;
}

menu?.addEventListener('click', () => setMenuOpen(menu.getAttribute('aria-expanded') !== 'true'));
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || menu?.getAttribute('aria-expanded') !== 'true') return;
  setMenuOpen(false);
  menu.focus();
});
