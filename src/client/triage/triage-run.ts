/**
 * Runs triage for the page: in a worker (./triage-worker.ts) where the browser has them, so a
 * large paste never blocks the page, else on the page itself. Either way the answer is the same
 * `Triage`, from the same engine.
 */
import { triage, withAnswers, type Triage } from '../../search/triage.ts';
import { exactLookup } from '../search/index-loader.ts';
import type { FileTriageView } from './file-triage.ts';
import type { TriageReply, TriageRequest } from './triage-worker.ts';

export interface TriageRun {
  result: Triage;
  /** The matcher's time, in milliseconds. */
  ms: number;
}

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve(run: TriageRun): void; reject(error: Error): void }>();
const reading = new Map<number, { resolve(view: FileTriageView): void; reject(error: Error): void; progress(bytes: number): void }>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./triage-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', ({ data }: MessageEvent<TriageReply>) => {
      const file = reading.get(data.id);
      if (file) {
        if ('progress' in data) file.progress(data.progress);
        else {
          reading.delete(data.id);
          if ('failed' in data) file.reject(new Error(data.failed));
          else if ('view' in data) file.resolve(data.view);
        }
        return;
      }
      const pending = waiting.get(data.id);
      waiting.delete(data.id);
      if (!pending) return;
      if ('failed' in data) pending.reject(new Error(data.failed));
      else if ('result' in data) pending.resolve({ result: data.result, ms: data.ms });
    });
    worker.addEventListener('error', () => {
      // A worker that cannot start (a blocked script, say): every waiting run fails, and later
      // runs use the page itself.
      for (const pending of [...waiting.values(), ...reading.values()]) pending.reject(new Error('the triage worker stopped'));
      waiting.clear();
      reading.clear();
      worker = null;
    });
  } catch {
    worker = null;
  }
  return worker;
}

async function onPage(text: string): Promise<TriageRun> {
  const lookup = exactLookup();
  const meta = await lookup.meta();
  const started = performance.now();
  const result = await withAnswers(triage(text, await lookup.lookup(text), meta), lookup);
  return { result, ms: performance.now() - started };
}

export function runTriage(text: string): Promise<TriageRun> {
  const running = typeof Worker === 'undefined' ? null : startWorker();
  if (!running) return onPage(text);
  const id = ++nextId;
  return new Promise<TriageRun>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    const request: TriageRequest = { id, text };
    running.postMessage(request);
  });
}

/**
 * Reads a whole file (a log or a HAR) in the worker, which streams it from the File itself: the
 * page never holds its text. Without workers, the page reads it the same way.
 */
export function runFileTriage(file: File, progress: (bytes: number) => void): Promise<FileTriageView> {
  const running = typeof Worker === 'undefined' ? null : startWorker();
  // The file engine loads only here: the paste's path (and its main-thread work) stays as small as it was.
  if (!running) return import('./file-triage.ts').then(({ triageFile }) => triageFile(file, exactLookup(), progress));
  const id = ++nextId;
  return new Promise<FileTriageView>((resolve, reject) => {
    reading.set(id, { resolve, reject, progress });
    const request: TriageRequest = { id, file };
    running.postMessage(request);
  });
}
