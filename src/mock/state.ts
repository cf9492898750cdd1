/**
 * What the mock remembers between requests: the server's account, the requests of the rolling
 * window that feed the rate limit, and the tokens created (for `--tokens N`).
 *
 * The counters live in shared memory, so that the mock's threads (`--threads N`) count as one
 * server: they are read and changed under a lock, a request is counted as if no other thread ran
 * between its reading and its counting (see `decide`), and the rate limit and the token limit are
 * exact however the connections are spread. The account is each thread's own copy, replaced on
 * every thread before `PUT /__errata/account` answers.
 */
import type { Account } from '../token/scenario.ts';
import type { Answer } from '../predict/outcome.ts';
import { evaluationOrder, hourlyRequestLimit, rateLimitReached } from '../predict/stages.ts';
import { RollingWindow } from './rolling-window.ts';
import { SharedLock } from './shared-lock.ts';

/** The entries answered before the rate limit or by it: those requests do not count in the window. */
const refusedByRateLimitOrBefore: ReadonlySet<string> = (() => {
  const through = evaluationOrder.findIndex((stage) => stage.id === 'rate-limit');
  if (through < 0) throw new Error('The evaluation order has no rate-limit stage');
  return new Set(evaluationOrder.slice(0, through + 1).flatMap((stage) => stage.entries));
})();

export interface StateOptions {
  account: Account;
  /** The rolling window's length in seconds (the API's is an hour). */
  windowSeconds: number;
  /** Tokens the account may create before it reaches its token limit; undefined for no limit. */
  tokens?: number;
}

// The shared memory: the lock, then the tokens created and the exchanges numbered (8 bytes
// each, aligned), then the window's ring. The ring need not hold more than the limit (see RollingWindow).
const lockAt = 0;
const tokensCreatedAt = 8;
const sequenceAt = 16;
const windowAt = 24;
const memoryBytes = windowAt + RollingWindow.bytes(hourlyRequestLimit);

/** What the counters make of an account: its requests in the past hour, and the two facts an answer reads of them. */
interface Limits {
  requestsLastHour: number;
  rateLimited: boolean;
  tokenLimitReached: boolean;
}

export class MockState {
  account: Account;
  readonly window: RollingWindow;
  readonly tokens: number | undefined;
  /** Shared with the mock's other threads, each of which builds its state over it. */
  readonly memory: SharedArrayBuffer;
  private readonly lock: SharedLock;
  private readonly created: Float64Array;
  private readonly sequence: BigInt64Array;

  /** A new state, or, given the memory of another thread's, the same state seen from this thread. */
  constructor(options: StateOptions, memory?: SharedArrayBuffer) {
    this.account = options.account;
    this.memory = memory ?? new SharedArrayBuffer(memoryBytes);
    this.lock = new SharedLock(this.memory, lockAt);
    this.created = new Float64Array(this.memory, tokensCreatedAt, 1);
    this.sequence = new BigInt64Array(this.memory, sequenceAt, 1);
    this.window = new RollingWindow(options.windowSeconds * 1000, hourlyRequestLimit, { buffer: this.memory, byteOffset: windowAt });
    this.tokens = options.tokens;
  }

  /**
   * Answers a request as if no other thread ran meanwhile: the account it is answered for (the
   * server's, the header's fields over it, the counters), the answer, and its counting. Returns the
   * answer and the exchange's number, which orders the journals of all threads.
   *
   * The counters reach an answer only through two facts: whether the rate limit is reached and
   * whether the token limit is (the predictor reads `requestsLastHour` only through
   * `rateLimitReached`: a property test in tests/unit/property.test.ts holds it to that). So the
   * answer is worked out outside the lock, and counted under it if those facts still hold; at a
   * limit's edge, where another thread counted meanwhile, it is worked out again under the lock.
   */
  decide(override: Partial<Account> | undefined, now: number, answer: (account: Account) => Answer): { answer: Answer; sequence: number } {
    const account: Account = override ? { ...this.account, ...override } : { ...this.account };
    const { requestsLastHour, tokenLimitReached } = account;
    const answerWith = (limits: Limits) =>
      answer({ ...account, requestsLastHour: limits.requestsLastHour, tokenLimitReached: tokenLimitReached || limits.tokenLimitReached });
    const seen = this.lock.hold(() => this.limits(requestsLastHour, now));
    const first = answerWith(seen);
    return this.lock.hold(() => {
      const limits = this.limits(requestsLastHour, now);
      const sameFacts = limits.rateLimited === seen.rateLimited && limits.tokenLimitReached === seen.tokenLimitReached;
      const final = sameFacts ? first : answerWith(limits);
      this.count(final, now);
      return { answer: final, sequence: this.nextSequence() };
    });
  }

  /** The next exchange's number (the journals' order): atomic, as the mock's own answers take one outside the lock. */
  nextSequence(): number {
    return Number(Atomics.add(this.sequence, 0, 1n));
  }

  /**
   * Forgets the counted requests and tokens (`DELETE /__errata/requests`). Returns the number the
   * next exchange will get: the exchanges numbered before it are the ones to forget.
   */
  reset(): number {
    return this.lock.hold(() => {
      this.window.clear();
      this.created[0] = 0;
      return Number(Atomics.load(this.sequence, 0));
    });
  }

  /** The counters, for `GET /__errata/health` and the journal. */
  counters(now: number): { requestsInWindow: number; windowSeconds: number; tokensCreated: number; tokens: number | null } {
    return this.lock.hold(() => ({
      requestsInWindow: this.window.count(now),
      windowSeconds: this.window.lengthMs / 1000,
      tokensCreated: this.created[0] as number,
      tokens: this.tokens ?? null,
    }));
  }

  /** What the counters add to an account's `requestsLastHour` and `tokenLimitReached`: under the lock. */
  private limits(requestsLastHour: number, now: number): Limits {
    const requests = requestsLastHour + this.window.count(now);
    return {
      requestsLastHour: requests,
      rateLimited: rateLimitReached(requests),
      tokenLimitReached: this.tokens !== undefined && (this.created[0] as number) >= this.tokens,
    };
  }

  /** Counts an answered request: in the window when it passed the rate limit, as a token when one was created. */
  private count(answer: Answer, now: number): void {
    // On a refusal the answer's entry is that of the first problem.
    if (!refusedByRateLimitOrBefore.has(answer.entry)) this.window.add(now);
    if (answer.status >= 200 && answer.status < 300) this.created[0] = (this.created[0] as number) + 1;
  }
}
