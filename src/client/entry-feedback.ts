/**
 * What the end of an entry page does when used (loaded by ./entry-actions.ts on the first click):
 * "Was this helpful?" keeps the answer in this browser (a static site has no server to count it)
 * and says thanks, on "No" pointing to the problem report; "Copy a problem report" copies the
 * prefilled report when no tracker is named; "Copy as Markdown" fetches the entry's twin.
 */
import { copyText } from './copy.ts';

function answer(button: HTMLButtonElement): void {
  const section = button.closest<HTMLElement>('[data-feedback]');
  const given = button.dataset.helpful as string;
  try {
    localStorage.setItem(`errata-helpful:${section?.dataset.feedback ?? ''}`, given);
  } catch {
    // Storage may be blocked: the thanks still shows.
  }
  for (const each of section?.querySelectorAll<HTMLButtonElement>('[data-helpful]') ?? []) {
    each.setAttribute('aria-pressed', String(each === button));
  }
  const thanks = section?.querySelector<HTMLElement>('[data-helpful-thanks]');
  if (thanks) {
    thanks.textContent = given === 'yes' ? 'Thank you.' : 'Thank you. What was missing or wrong? The report below goes to the maintainers.';
  }
}

export async function act(button: HTMLButtonElement): Promise<void> {
  if (button.dataset.helpful) answer(button);
  else if (button.dataset.copyReport !== undefined) await copyText(button.dataset.copyReport, button);
  else if (button.dataset.copyMarkdown) {
    // The Markdown twin is fetched only when asked for, so the page stays light.
    const response = await fetch(button.dataset.copyMarkdown);
    await copyText(response.ok ? await response.text() : '', button);
  }
}
