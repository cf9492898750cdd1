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
  /** How many exchanges the journal holds, and how many were answered since the start or the last clear. */
  | { kind: 'tally' };

export interface NumberedExchange {
  sequence: number;
  exchange: RecordedExchange;
}

export interface ThreadReplies {
  account: null;
  clear: null;
  journal: NumberedExchange[];
  tally: { journaled: number; answered: number };
}

export type ThreadReply = ThreadReplies[ThreadOp['kind']];

/** Asks every thread, this one included; resolves with their replies, this thread's first. */
export type EveryThread = <Op extends ThreadOp>(op: Op) => Promise<ThreadReplies[Op['kind']][]>;

/** The last `capacity` exchanges of all threads' journals, oldest first. */
export function mergeJournals(journals: NumberedExchange[][], capacity: number): RecordedExchange[] {
  return journals
    .flat()
    .sort((a, b) => a.sequence - b.sequence)
    .slice(-capacity)
    .map((numbered) => numbered.exchange);
}
