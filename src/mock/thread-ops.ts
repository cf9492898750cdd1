/**
 * What a request on one of the mock's threads asks of every thread: the server's account, the
 * journal and the tallies are each thread's own, so `PUT /__errata/account`, `DELETE` and `GET
 * /__errata/requests` and `GET /__errata/health` ask them all, and answer once all have replied.
 * With one thread, that is itself alone.
 */
import type { Account } from '../token/scenario.ts';
import type { RecordedExchange } from './exchange.ts';

export type ThreadOp =
  /** Replace the server's account. */
  | { kind: 'account'; account: Account }
  /** Forget the exchanges numbered before `before` (the counters' reset), and start the tally again. */
  | { kind: 'clear'; before: number }
  /** The journal, oldest first, in the exchange format. */
  | { kind: 'journal' }
  /** The numbers of the exchanges the journal holds, and how many were answered since the start or the last clear. */
  | { kind: 'tally' };

export interface NumberedExchange {
  sequence: number;
  exchange: RecordedExchange;
}

/** What a thread's journal holds, and the number of the last exchange it dropped for room. */
export interface JournalReply {
  exchanges: NumberedExchange[];
  droppedThrough: number;
}

export interface TallyReply {
  /** The numbers of the exchanges its journal holds. */
  sequences: number[];
  droppedThrough: number;
  /** Exchanges answered since the start or the last clear. */
  answered: number;
}

export interface ThreadReplies {
  account: null;
  clear: null;
  journal: JournalReply;
  tally: TallyReply;
}

export type ThreadReply = ThreadReplies[ThreadOp['kind']];

/** Asks every thread, this one included; resolves with their replies, this thread's first. */
export type EveryThread = <Op extends ThreadOp>(op: Op) => Promise<ThreadReplies[Op['kind']][]>;

/**
 * The threads' journals as one, oldest first: the exchanges numbered after the last one any thread
 * dropped for room (so that none is missing between the first and the last), of those the last
 * `capacity`. With one thread, its journal as it is.
 */
export function mergeJournals(journals: JournalReply[], capacity: number): RecordedExchange[] {
  const after = Math.max(...journals.map((journal) => journal.droppedThrough));
  return journals
    .flatMap((journal) => journal.exchanges)
    .filter((numbered) => numbered.sequence > after)
    .sort((a, b) => a.sequence - b.sequence)
    .slice(-capacity)
    .map((numbered) => numbered.exchange);
}

/** How many exchanges `mergeJournals` would list. */
export function mergedLength(tallies: TallyReply[], capacity: number): number {
  const after = Math.max(...tallies.map((tally) => tally.droppedThrough));
  let kept = 0;
  for (const tally of tallies) for (const sequence of tally.sequences) if (sequence > after) kept++;
  return Math.min(kept, capacity);
}

/** Questions sent to another thread, each under an id, waiting for the reply that carries it. */
export class PendingReplies<Reply> {
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: Reply) => void>();

  /** Sends a question under a new id; resolves with the reply settled for that id. */
  ask(send: (id: number) => void): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      send(id);
    });
  }

  settle(id: number, reply: Reply): void {
    this.waiting.get(id)?.(reply);
    this.waiting.delete(id);
  }

  /** Settles every question still waiting with `reply` (its thread is gone). */
  settleAll(reply: Reply): void {
    for (const resolve of this.waiting.values()) resolve(reply);
    this.waiting.clear();
  }
}
