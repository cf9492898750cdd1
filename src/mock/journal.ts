/**
 * The last exchanges, oldest first, for `GET /__errata/requests`: a ring of 1,000 by default, so
 * that memory stays flat however long the server runs. Request bodies may reach 1 MiB each, so the
 * ring also drops its oldest exchanges while the bodies it holds add up to more than a byte budget.
 */
import type { Exchange } from './exchange.ts';

export const journalCapacity = 1000;
export const journalBodyBudget = 64 * 1024 * 1024;

export class Journal {
  private readonly ring: (Exchange | undefined)[];
  private start = 0;
  private size = 0;
  private bodyBytes = 0;
  private readonly budget: number;
  /** The number of the last exchange dropped for room (-1 before any): the threads' journals are merged after it. */
  droppedThrough = -1;

  constructor(capacity = journalCapacity, budget = journalBodyBudget) {
    this.ring = new Array<Exchange | undefined>(capacity).fill(undefined);
    this.budget = budget;
  }

  get length(): number {
    return this.size;
  }

  add(exchange: Exchange): void {
    if (this.size === this.ring.length) this.dropOldest();
    this.ring[(this.start + this.size) % this.ring.length] = exchange;
    this.size++;
    this.bodyBytes += exchange.body?.length ?? 0; // characters or bytes: near enough for a budget
    while (this.bodyBytes > this.budget && this.size > 1) this.dropOldest();
  }

  /** The exchanges kept, oldest first. */
  list(): Exchange[] {
    const exchanges: Exchange[] = [];
    for (let index = 0; index < this.size; index++) exchanges.push(this.ring[(this.start + index) % this.ring.length] as Exchange);
    return exchanges;
  }

  /** Forgets the exchanges numbered before `sequence` (all of them by default). */
  clear(sequence = Number.POSITIVE_INFINITY): void {
    const kept = this.list().filter((exchange) => exchange.sequence >= sequence);
    this.ring.fill(undefined);
    this.start = 0;
    this.size = 0;
    this.bodyBytes = 0;
    for (const exchange of kept) this.add(exchange);
  }

  private dropOldest(): void {
    const oldest = this.ring[this.start] as Exchange;
    this.droppedThrough = Math.max(this.droppedThrough, oldest.sequence);
    this.ring[this.start] = undefined;
    this.bodyBytes -= oldest.body?.length ?? 0;
    this.start = (this.start + 1) % this.ring.length;
    this.size--;
  }
}

/**
 * One thread's journal, when `threads` serve. Each keeps up to 1,000 exchanges and a 1/N share of
 * the byte budget, so that memory stays bounded however the connections are spread; the merge
 * (thread-ops.ts) lists the exchanges after the last one any thread dropped, so it has no gaps, and
 * of those the last 1,000. With large bodies on one thread it may hold fewer than one thread would.
 */
export function threadJournal(threads: number): Journal {
  return new Journal(journalCapacity, journalBodyBudget / threads);
}
