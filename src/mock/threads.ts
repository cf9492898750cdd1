/**
 * `--threads N`: the mock's other threads, each a listener of its own on the same port (the
 * system spreads the connections among them, SO_REUSEPORT), all counting in one MockState's shared
 * memory. This module is the first thread's side: it starts the others, passes on what they ask
 * of every thread, writes their log lines and recorded exchanges, and stops them.
 *
 * Sharing a port between threads needs Node 22.12 or later (23.1 on the 23 line) and a system
 * that balances SO_REUSEPORT (Linux, FreeBSD); elsewhere the mock serves on one thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Account } from '../token/scenario.ts';
import type { Timeouts } from './listener.ts';
import { type LogFormat, warnOfBug } from './log.ts';
import { threadEntry } from './thread-entry.ts';
import { PendingReplies, type ThreadOp, type ThreadReply } from './thread-ops.ts';

/** The most threads `--threads` takes. */
export const maxThreads = 64;

/** What a thread needs to serve: plain data, as a worker's data must be. */
export interface ThreadData {
  /** How many threads serve, the first included. */
  threads: number;
  memory: SharedArrayBuffer;
  host: string;
  port: number;
  key: string;
  secret: string;
  account: Account;
  windowSeconds: number;
  tokens: number | undefined;
  timeouts: Timeouts;
  log: { format: LogFormat; site: string } | undefined;
  record: boolean;
}

/** Messages from a thread to the first. */
export type FromThread =
  | { type: 'listening' }
  | { type: 'failed'; message: string; code: string | undefined }
  | { type: 'log'; text: string }
  | { type: 'record'; line: string }
  | { type: 'every'; id: number; op: ThreadOp }
  | { type: 'reply'; id: number; reply: ThreadReply | undefined };

/** Messages from the first thread to the others. */
export type ToThread =
  | { type: 'op'; id: number; op: ThreadOp }
  | { type: 'replies'; id: number; replies: ThreadReply[] }
  | { type: 'stop' };

/** Why this Node cannot serve on several threads, or null when it can. */
export function threadsUnsupported(version = process.versions.node, platform: string = process.platform): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const sharesPorts = major >= 24 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12);
  if (!sharesPorts) return `Node ${version} cannot share a port between threads (Node 22.12 or later can)`;
  if (platform !== 'linux' && platform !== 'freebsd')
    return `${platform} does not spread a shared port's connections among threads (Linux and FreeBSD do)`;
  return null;
}

/** `--threads auto`: one per core this process may use. */
export function autoThreads(): number {
  return Math.min(maxThreads, availableParallelism());
}

export interface PoolHooks {
  /** Does what a thread asks of every thread on this one. */
  apply(op: ThreadOp): ThreadReply;
  log(text: string): void;
  record(line: string): void;
}

class Thread {
  readonly worker: Worker;
  private readonly replies = new PendingReplies<ThreadReply | undefined>();
  readonly stopped: Promise<void>;

  constructor(data: ThreadData, onMessage: (thread: Thread, message: FromThread) => void) {
    this.worker = new Worker(threadEntry, { workerData: data });
    this.worker.on('message', (message: FromThread) => {
      if (message.type === 'reply') this.replies.settle(message.id, message.reply);
      else onMessage(this, message);
    });
    this.stopped = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // A thread that is gone answers nothing more: what waits on it goes on without it.
    void this.stopped.then(() => this.replies.settleAll(undefined));
  }

  /** What the thread replies; undefined when it is gone. */
  ask(op: ThreadOp): Promise<ThreadReply | undefined> {
    return this.replies.ask((id) => this.send({ type: 'op', id, op }));
  }

  send(message: ToThread): void {
    this.worker.postMessage(message);
  }
}

export class ThreadPool {
  private readonly threads: Thread[];
  private readonly hooks: PoolHooks;
  private readonly alive: Set<Thread>;
  /** Settles once every thread listens (or one could not): a thread is asked nothing before. */
  private readonly ready: Promise<void>;
  private readonly stopGraceMs: number;

  private constructor(threads: Thread[], hooks: PoolHooks, ready: Promise<void>, stopGraceMs: number) {
    this.threads = threads;
    this.hooks = hooks;
    this.alive = new Set(threads);
    this.ready = ready;
    this.stopGraceMs = stopGraceMs;
  }

  /** Starts `count` threads listening on the first's port; resolves once all listen, rejects if one cannot. */
  static async start(count: number, data: ThreadData, hooks: PoolHooks): Promise<ThreadPool> {
    const listening: Promise<void>[] = [];
    let pool: ThreadPool | undefined;
    const threads = Array.from({ length: count }, () => {
      let started: (() => void) | undefined;
      let refused: ((error: Error) => void) | undefined;
      listening.push(
        new Promise<void>((resolve, reject) => {
          started = resolve;
          refused = reject;
        }),
      );
      const thread = new Thread(data, (from, message) => {
        if (message.type === 'listening') started?.();
        else if (message.type === 'failed') refused?.(Object.assign(new Error(message.message), { code: message.code }));
        else pool?.receive(from, message);
      });
      thread.worker.once('error', (error: Error) => refused?.(error));
      thread.worker.once('exit', () => refused?.(new Error('A thread of the mock stopped before it listened')));
      return thread;
    });
    const allListening = Promise.all(listening);
    pool = new ThreadPool(
      threads,
      hooks,
      allListening.then(
        () => {},
        () => {},
      ),
      data.timeouts.stopGraceMs,
    );
    try {
      await allListening;
    } catch (error) {
      await pool.stop();
      throw error;
    }
    for (const thread of threads) {
      thread.worker.on('error', (error: Error) => process.emitWarning(`errata mock: a thread failed: ${error.stack ?? error.message}`));
      void thread.stopped.then(() => pool?.alive.delete(thread));
    }
    return pool;
  }

  /** Threads serving, the first included. */
  get size(): number {
    return this.alive.size + 1;
  }

  /** Asks every thread, the first (this one) first. */
  async every(op: ThreadOp): Promise<ThreadReply[]> {
    await this.ready;
    const mine = this.hooks.apply(op);
    const others = await Promise.all([...this.alive].map((thread) => thread.ask(op)));
    return [mine, ...others.filter((reply) => reply !== undefined)];
  }

  /**
   * Stops every other thread: each lets its requests in flight finish (closing them after the
   * grace), then exits. One that has not exited a little after the grace is terminated: by then the
   * first thread has closed its connections too, so none can be waiting on the lock it might hold.
   */
  async stop(): Promise<void> {
    for (const thread of this.threads) thread.send({ type: 'stop' });
    const overdue = setTimeout(() => {
      for (const thread of this.threads) void thread.worker.terminate();
    }, this.stopGraceMs + 2000);
    await Promise.all(this.threads.map((thread) => thread.stopped));
    clearTimeout(overdue);
  }

  private receive(from: Thread, message: FromThread): void {
    switch (message.type) {
      case 'log':
        return this.hooks.log(message.text);
      case 'record':
        return this.hooks.record(message.line);
      case 'every':
        // A failure here is a bug: the asking thread still gets an answer (no replies), so its request does not hang.
        void this.every(message.op)
          .catch((error: unknown) => {
            warnOfBug(error);
            return [];
          })
          .then((replies) => from.send({ type: 'replies', id: message.id, replies }));
        return;
      default:
        return;
    }
  }
}
