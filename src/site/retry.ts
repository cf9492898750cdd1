/** "Does retrying help?" answered in one line, without saying "Yes. Yes, …" when the note already answers. */
import type { Entry } from '../catalogue/index.ts';

export function retryAnswer(entry: Entry): string {
  const answered = /^(yes|no|not)\b/i.test(entry.retry.note);
  return answered ? entry.retry.note : `${entry.retry.helps ? 'Yes' : 'No'}. ${entry.retry.note}`;
}
