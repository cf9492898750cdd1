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
    this.ring[this.start] = undefined;
    this.bodyBytes -= oldest.body?.length ?? 0;
    this.start = (this.start + 1) % this.ring.length;
    this.size--;
  }
}

/**
 * One thread's journal, when `threads` serve: together they keep what one would, the last 1,000
 * (each keeps 1,000, and the merge keeps the last of them all), within the byte budget (each keeps
 * its share of it, so memory stays bounded however the connections are spread).
 */
export function threadJournal(threads: number): Journal {
  return new Journal(journalCapacity, journalBodyBudget / threads);
}
