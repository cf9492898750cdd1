/**
 * "Was this helpful?" on entry pages: the answer stays in this browser (a static site has no
 * server to count it), says thanks, and on "No" points to the problem report. "Copy a problem
 * report" copies the prefilled report when no tracker is named.
 */
import { copyText } from './copy.ts';

const section = document.querySelector<HTMLElement>('[data-feedback]');
const thanks = section?.querySelector<HTMLElement>('[data-helpful-thanks]');
const key = `errata-helpful:${section?.dataset.feedback ?? ''}`;

function show(answer: string): void {
  for (const button of section?.querySelectorAll<HTMLButtonElement>('[data-helpful]') ?? []) {
    button.setAttribute('aria-pressed', String(button.dataset.helpful === answer));
  }
  if (thanks) {
    thanks.textContent =
      answer === 'yes' ? 'Thank you.' : 'Thank you. What was missing or wrong? The report below goes to the maintainers.';
  }
}

section?.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const answer = target.closest<HTMLButtonElement>('[data-helpful]')?.dataset.helpful;
  if (answer) {
    try {
      localStorage.setItem(key, answer);
    } catch {
      // Storage may be blocked: the thanks still shows.
    }
    show(answer);
  }
  const report = target.closest<HTMLButtonElement>('[data-copy-report]');
  if (report) void copyText(report.dataset.copyReport ?? '', report);
});

try {
  const earlier = localStorage.getItem(key);
  if (earlier === 'yes' || earlier === 'no') show(earlier);
} catch {
  // No storage: nothing remembered.
}
