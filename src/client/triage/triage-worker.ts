/**
 * Triage off the page's main thread: the matcher reads a paste of up to 1 MiB here, and a chosen
 * or dropped file of any size is streamed here line by line (./file-triage.ts), so that the page
 * keeps answering keys and clicks while it works. The page (./triage-run.ts) sends
 * `{ id, text }` or `{ id, file }` and gets `{ id, result, ms }`, `{ id, progress }` while a file
 * is read, `{ id, view }` at its end, or `{ id, failed }`.
 */
import { triage, withAnswers, type Triage } from '../../search/triage.ts';
import { exactLookup } from '../search/index-loader.ts';
import { triageFile, type FileTriageView } from './file-triage.ts';

export type TriageRequest = { id: number; text: string } | { id: number; file: File };

export type TriageReply =
  | { id: number; result: Triage; ms: number }
  | { id: number; progress: number }
  | { id: number; view: FileTriageView }
  | { id: number; failed: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TriageRequest>) => void) | null;
  postMessage(reply: TriageReply): void;
};

/** Progress at most ten times a second: the page has nothing to gain from more. */
const progressEvery = 100;

scope.onmessage = async ({ data }) => {
  const { id } = data;
  try {
    const lookup = exactLookup();
    if ('file' in data) {
      let last = 0;
      const view = await triageFile(data.file, lookup, (bytes) => {
        const now = performance.now();
        if (now - last < progressEvery) return;
        last = now;
        scope.postMessage({ id, progress: bytes });
      });
      scope.postMessage({ id, view });
      return;
    }
    const meta = await lookup.meta();
    const started = performance.now();
    const result = await withAnswers(triage(data.text, await lookup.lookup(data.text), meta), lookup);
    scope.postMessage({ id, result, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ id, failed: String(error) });
  }
};
