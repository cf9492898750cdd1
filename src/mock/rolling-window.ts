/**
 * The requests of the past window (an hour by default) that feed the rate limit: a ring of
 * timestamps, oldest first. It never holds more than `capacity` of them: the API refuses a request
 * once the count reaches its hourly limit, and refused requests are not counted, so a full ring
 * means the limit is reached whatever is dropped.
 *
 * The ring may live in memory shared by the mock's threads (see MockState): its bounds are then
 * read and changed only under the state's lock.
 */
export class RollingWindow {
  readonly lengthMs: number;
  private readonly times: Float64Array;
  /** [start, size] */
  private readonly bounds: Int32Array;

  /** The bytes a window of `capacity` takes in shared memory (a multiple of 8). */
  static bytes(capacity: number): number {
    return 8 + 8 * Math.max(1, capacity);
  }

  constructor(lengthMs: number, capacity: number, memory?: { buffer: SharedArrayBuffer; byteOffset: number }) {
    this.lengthMs = lengthMs;
    const slots = Math.max(1, capacity);
    const buffer = memory?.buffer ?? new ArrayBuffer(RollingWindow.bytes(capacity));
    const offset = memory?.byteOffset ?? 0;
    this.bounds = new Int32Array(buffer, offset, 2);
    this.times = new Float64Array(buffer, offset + 8, slots);
  }

  /** Requests counted within the window that ends at `now`. */
  count(now: number): number {
    const oldestKept = now - this.lengthMs;
    const bounds = this.bounds;
    let start = bounds[0] as number;
    let size = bounds[1] as number;
    while (size > 0 && (this.times[start] as number) <= oldestKept) {
      start = (start + 1) % this.times.length;
      size--;
    }
    bounds[0] = start;
    bounds[1] = size;
    return size;
  }

  /**
   * Counts a request made at `now` (a full ring drops its oldest). Threads read the clock before
   * they take the lock, so a time may come in behind a later one: it is counted at the later, a
   * matter of microseconds, so that the ring stays in order.
   */
  add(now: number): void {
    if (this.lengthMs <= 0) return;
    const bounds = this.bounds;
    let start = bounds[0] as number;
    let size = bounds[1] as number;
    const latest = size > 0 ? (this.times[(start + size - 1) % this.times.length] as number) : now;
    if (size === this.times.length) {
      start = (start + 1) % this.times.length;
      size--;
    }
    this.times[(start + size) % this.times.length] = Math.max(now, latest);
    bounds[0] = start;
    bounds[1] = size + 1;
  }

  clear(): void {
    this.bounds[0] = 0;
    this.bounds[1] = 0;
  }
}
