/**
 * The requests of the past window (an hour by default) that feed the rate limit: a ring of
 * timestamps, oldest first. It never holds more than `capacity` of them: the API refuses a request
 * once the count reaches its hourly limit, and refused requests are not counted, so a full ring
 * means the limit is reached whatever is dropped.
 */
export class RollingWindow {
  readonly lengthMs: number;
  private readonly times: Float64Array;
  private start = 0;
  private size = 0;

  constructor(lengthMs: number, capacity: number) {
    this.lengthMs = lengthMs;
    this.times = new Float64Array(Math.max(1, capacity));
  }

  /** Requests counted within the window that ends at `now`. */
  count(now: number): number {
    const oldestKept = now - this.lengthMs;
    while (this.size > 0 && (this.times[this.start] as number) <= oldestKept) {
      this.start = (this.start + 1) % this.times.length;
      this.size--;
    }
    return this.size;
  }

  /** Counts a request made at `now` (a full ring drops its oldest). */
  add(now: number): void {
    if (this.lengthMs <= 0) return;
    if (this.size === this.times.length) {
      this.start = (this.start + 1) % this.times.length;
      this.size--;
    }
    this.times[(this.start + this.size) % this.times.length] = now;
    this.size++;
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
  }
}
