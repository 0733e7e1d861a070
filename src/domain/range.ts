/** A min-max range; either bound may be unknown (null). */
export interface Range {
  min: number | null;
  max: number | null;
}

export function exact(n: number): Range {
  return { min: n, max: n };
}

/** Envelope of several ranges: lowest stated min, highest stated max (null if any max is open). */
export function envelope(ranges: Range[]): Range | null {
  if (ranges.length === 0) return null;
  let min: number | null = null;
  let max: number | null = null;
  let openMax = false;
  for (const r of ranges) {
    const lo = r.min ?? r.max;
    if (lo !== null && (min === null || lo < min)) min = lo;
    if (r.max === null) openMax = true;
    else if (max === null || r.max > max) max = r.max;
  }
  if (openMax) {
    // A loop, not a spread of a mapped list: that list's shape would change with its length.
    let highestMin = -Infinity;
    for (const r of ranges) if (r.max === null) highestMin = Math.max(highestMin, r.min ?? -1);
    if (max === null || highestMin >= max) max = null;
  }
  // A range given only as "up to N" has no min.
  if (ranges.every((r) => r.min === null)) min = null;
  return { min, max };
}
