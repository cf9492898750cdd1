/**
 * How long a page's main thread is kept busy, as the end-to-end tests measure it: a heartbeat every
 * few milliseconds records the longest gap between its beats, which is the longest task that ran in
 * between. (The browser's long-task entries are not delivered in headless Chromium; a heartbeat is.)
 */
import type { Page } from '@playwright/test';

/** The heartbeat, as a function the page runs: from now on, or (with `fromLoad`) from its load event. */
function heartbeat(fromLoad: boolean): void {
  const record = { longest: 0, last: performance.now() };
  (window as unknown as { __tasks: typeof record }).__tasks = record;
  const beat = () => {
    const now = performance.now();
    record.longest = Math.max(record.longest, now - record.last);
    record.last = now;
    setTimeout(beat, 4);
  };
  const start = () => {
    record.longest = 0;
    record.last = performance.now();
    setTimeout(beat, 4);
  };
  if (fromLoad) addEventListener('load', start);
  else start();
}

/** Starts measuring now, on the page as it is. */
export async function watchMainThread(page: Page): Promise<void> {
  await page.evaluate(heartbeat, false);
}

/** Starts measuring on the next page the tab opens, from its load event on. */
export async function watchMainThreadFromLoad(page: Page): Promise<void> {
  await page.addInitScript(heartbeat, true);
}

/** The longest task so far, read after the heartbeat has beaten again, so the last task counts. */
export function longestTask(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        setTimeout(() => resolve((window as unknown as { __tasks: { longest: number } }).__tasks.longest), 30);
      }),
  );
}
