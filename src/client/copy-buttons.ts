/**
 * Copy buttons of code blocks: each `[data-copy]` button copies the code of the figure it heads.
 * Imported by every component that draws one; as a module it runs once per page however many do.
 */
import { copyText } from './copy.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  button.addEventListener('click', () => {
    const code = button.closest('figure')?.querySelector('pre')?.textContent ?? '';
    void copyText(code, button);
  });
}
