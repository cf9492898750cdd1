/**
 * The one edit distance of Errata: the predictor's suggestions for misspelt keys, the CLI's for
 * misspelt commands and flags, and the customer's one-sentence fix for a misspelt value.
 */
// Two rows reused across calls: suggestions run for every unknown key of every prediction.
let previousRow = new Uint16Array(64);
let currentRow = new Uint16Array(64);

/**
 * Levenshtein distance, giving up (returning limit + 1) once it is over the limit. Only the band
 * of cells within `limit` of the diagonal is computed (a cheaper path never leaves it), so a
 * comparison costs a few cells a letter rather than a row.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  if (b.length + 2 > previousRow.length) {
    previousRow = new Uint16Array(b.length + 2);
    currentRow = new Uint16Array(b.length + 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length + 1; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // Cells just outside the band count as over the limit.
    current[from - 1] = from === 1 ? Math.min(i, over) : over;
    current[to + 1] = over;
    let rowMin = current[from - 1] as number;
    const letter = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let value = (previous[j - 1] as number) + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      const up = (previous[j] as number) + 1;
      const left = (current[j - 1] as number) + 1;
      if (up < value) value = up;
      if (left < value) value = left;
      if (value > over) value = over;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return over;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[b.length] as number, over);
}
