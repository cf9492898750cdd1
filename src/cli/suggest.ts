/** Close matches for something mistyped: a slug, a command. */
import { editDistance } from '../edit-distance.ts';

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
      return { candidate, distance: prefix ? 0 : editDistance(word, candidate, allowed) };
    })
    .filter((scored) => scored.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((scored) => scored.candidate);
}
