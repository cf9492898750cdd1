/**
 * Triage off the page's main thread: the matcher reads a paste of up to 1 MiB here, so that
 * however large the paste, the page keeps answering keys and clicks while it works. The page
 * (./triage-run.ts) sends `{ id, text }` and gets `{ id, result, ms }` or `{ id, failed }`.
 */
import { triage, withAnswers, type Triage } from '../../search/triage.ts';
import { exactLookup } from '../search/index-loader.ts';

export interface TriageRequest {
  id: number;
  text: string;
}

export type TriageReply = { id: number; result: Triage; ms: number } | { id: number; failed: string };

const scope = self as unknown as { onmessage: ((event: MessageEvent<TriageRequest>) => void) | null; postMessage(reply: TriageReply): void };

scope.onmessage = async ({ data: { id, text } }) => {
  try {
    const lookup = exactLookup();
    const meta = await lookup.meta();
    const started = performance.now();
    const result = await withAnswers(triage(text, await lookup.lookup(text), meta), lookup);
    scope.postMessage({ id, result, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ id, failed: String(error) });
  }
};
