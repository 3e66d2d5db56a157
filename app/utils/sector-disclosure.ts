// Shared by the sector model and its tests: which figures may be shown without letting anyone
// single out an enterprise, directly or by subtracting one shown figure from another.

/** No figure is shown for fewer rated enterprises than this. */
export const MIN_GROUP = 5;

/**
 * The groups of a breakdown (by country, by region) to withhold: those under MIN_GROUP and,
 * when the selection's total is shown and they add up to fewer than MIN_GROUP, the next
 * smallest shown groups too, so the withheld ones cannot be worked out from the total.
 */
export function withheldGroups(counts: readonly number[]): Set<number> {
  const withheld = new Set(counts.flatMap((count, i) => (count > 0 && count < MIN_GROUP ? [i] : [])));
  let hidden = [...withheld].reduce((sum, i) => sum + counts[i]!, 0);
  if (withheld.size === 0) return withheld;
  const shown = counts
    .map((count, i) => ({ count, i }))
    .filter(({ count, i }) => count > 0 && !withheld.has(i))
    .sort((a, b) => a.count - b.count || a.i - b.i);
  for (const { count, i } of shown) {
    if (hidden >= MIN_GROUP) break;
    withheld.add(i);
    hidden += count;
  }
  return withheld;
}

/**
 * Whether a selection's figures would let someone work out a smaller group: when removing one
 * filter (a wider selection, also shown) adds between 1 and MIN_GROUP - 1 rated enterprises,
 * the difference of the two would describe those few.
 */
export function revealsSmallRemainder(rated: number, widerRated: readonly number[]): boolean {
  return widerRated.some((wider) => wider - rated > 0 && wider - rated < MIN_GROUP);
}
