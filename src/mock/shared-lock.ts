/**
 * A mutual-exclusion lock in shared memory, for the mock's threads: the counters that decide a
 * request (the rolling window, the tokens created) are read and changed by one thread at a time.
 * The classic futex mutex (Drepper, "Futexes Are Tricky", mutex 2): 0 free, 1 held, 2 held with
 * waiters, so that an uncontended hold costs two atomic operations and no wake-up.
 */
const free = 0;
const held = 1;
const contended = 2;
const spinsBeforeSleeping = 200;

export class SharedLock {
  /** The Int32 bytes a lock takes in shared memory. */
  static readonly bytes = 4;
  private readonly word: Int32Array;

  constructor(memory: SharedArrayBuffer, byteOffset: number) {
    this.word = new Int32Array(memory, byteOffset, 1);
  }

  /** Runs `work` holding the lock, and lets it go however `work` ends. */
  hold<T>(work: () => T): T {
    this.acquire();
    try {
      return work();
    } finally {
      this.release();
    }
  }

  private acquire(): void {
    let seen = Atomics.compareExchange(this.word, 0, free, held);
    if (seen === free) return;
    // What the lock guards takes well under a microsecond: trying a little longer beats sleeping.
    for (let spin = 0; spin < spinsBeforeSleeping; spin++) {
      if (Atomics.load(this.word, 0) !== free) continue;
      seen = Atomics.compareExchange(this.word, 0, free, held);
      if (seen === free) return;
    }
    if (seen !== contended) seen = Atomics.exchange(this.word, 0, contended);
    while (seen !== free) {
      Atomics.wait(this.word, 0, contended);
      seen = Atomics.exchange(this.word, 0, contended);
    }
  }

  private release(): void {
    if (Atomics.sub(this.word, 0, 1) === held) return;
    Atomics.store(this.word, 0, free);
    Atomics.notify(this.word, 0, 1);
  }
}
