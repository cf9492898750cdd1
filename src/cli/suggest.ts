/** Close matches for something mistyped: a slug, a command. */

/** Levenshtein distance, in one row of memory. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * The candidates that start with the word (or it with them) or are a few edits away, closest
 * first. The allowed distance grows with the word, so short typos do not match everything.
 */
export function closest(word: string, candidates: readonly string[], limit = 5): string[] {
  if (word.length === 0) return [];
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return candidates
    .map((candidate) => {
      const prefix = candidate.startsWith(word) || (word.startsWith(candidate) && candidate.length >= 3);
      return { candidate, distance: prefix ? 0 : editDistance(word, candidate) };
    })
    .filter((scored) => scored.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((scored) => scored.candidate);
}
