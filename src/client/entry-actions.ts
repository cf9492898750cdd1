/**
 * The actions at the end of an entry page ("Copy as Markdown", "Was this helpful?", "Copy a problem
 * report"): one listener, and the code behind them (./entry-feedback.ts) loads on the first click.
 */
document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-helpful], [data-copy-report], [data-copy-markdown]');
  if (target) void import('./entry-feedback.ts').then(({ act }) => act(target));
});
