/**
 * What the mock remembers between requests: the server's account, the requests of the rolling
 * window that feed the rate limit, and the tokens created (for `--tokens N`).
 */
import type { Account } from '../token/scenario.ts';
import type { Answer } from '../predict/outcome.ts';
import { evaluationOrder, hourlyRequestLimit } from '../predict/stages.ts';
import { RollingWindow } from './rolling-window.ts';

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

export class MockState {
  account: Account;
  readonly window: RollingWindow;
  readonly tokens: number | undefined;
  tokensCreated = 0;

  constructor(options: StateOptions) {
    this.account = options.account;
    // The ring need not hold more than the limit: see RollingWindow.
    this.window = new RollingWindow(options.windowSeconds * 1000, hourlyRequestLimit);
    this.tokens = options.tokens;
  }

  /** The account a request is answered for: the server's, the header's fields over it, and the counters. */
  accountFor(override: Partial<Account> | undefined, now: number): Account {
    const merged: Account = override ? { ...this.account, ...override } : { ...this.account };
    merged.requestsLastHour += this.window.count(now);
    if (this.tokens !== undefined && this.tokensCreated >= this.tokens) merged.tokenLimitReached = true;
    return merged;
  }

  /** Counts an answered request: in the window when it passed the rate limit, as a token when one was created. */
  count(answer: Answer, now: number): void {
    // On a refusal the answer's entry is that of the first problem.
    if (!refusedByRateLimitOrBefore.has(answer.entry)) this.window.add(now);
    if (answer.status >= 200 && answer.status < 300) this.tokensCreated++;
  }

  /** Forgets the counted requests and tokens (`DELETE /__errata/requests`). */
  reset(): void {
    this.window.clear();
    this.tokensCreated = 0;
  }

  /** The counters, for `GET /__errata/health` and the journal. */
  counters(now: number): { requestsInWindow: number; windowSeconds: number; tokensCreated: number; tokens: number | null } {
    return {
      requestsInWindow: this.window.count(now),
      windowSeconds: this.window.lengthMs / 1000,
      tokensCreated: this.tokensCreated,
      tokens: this.tokens ?? null,
    };
  }
}
