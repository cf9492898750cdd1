/** How the benchmarks write their figures: shared by bench, bench:mock and bench:compare. */

/** A whole number with thousands separators: 118,826. */
export function format(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** The middle value (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
