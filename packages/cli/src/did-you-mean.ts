/** The edit distance between two words: insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[] = Array.from({ length: rows * columns }, (_, index) => (index < columns ? index : index % columns === 0 ? index / columns : 0));
  const at = (row: number, column: number): number => distance[row * columns + column] as number;
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(at(row - 1, column) + 1, at(row, column - 1) + 1, at(row - 1, column - 1) + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) best = Math.min(best, at(row - 2, column - 2) + 1);
      distance[row * columns + column] = best;
    }
  }
  return at(rows - 1, columns - 1);
}

/**
 * The candidate a mistyped word most likely meant: the only one it begins, or the nearest
 * within a typo's reach (one edit for short words, two from five characters); undefined
 * when none is close or two are equally close.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const extending = candidates.filter((candidate) => candidate.startsWith(word) && candidate !== word);
  if (word.length >= 3 && extending.length === 1) return extending[0];
  const reach = word.length >= 5 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = reach + 1;
  let tie = false;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return best !== undefined && !tie ? best : undefined;
}

/** ` (did you mean X?)` when a candidate is close, else nothing. */
export function suggestion(word: string, candidates: readonly string[]): string {
  const meant = didYouMean(word, candidates);
  return meant === undefined ? "" : ` (did you mean ${meant}?)`;
}
