/** Date comparisons for scoring; dates are ISO days, or "YYYY-MM"/"YYYY" at coarser precision. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/**
 * Null on either side, or at most one day apart. A coarser date ("2016-09") is compatible with
 * any date inside it, and with a coarser date that contains it or is contained in it.
 */
export function datesCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  if (DAY.test(a) && DAY.test(b)) {
    const diff = Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`));
    return Number.isFinite(diff) && diff <= MS_PER_DAY;
  }
  return a.startsWith(b) || b.startsWith(a);
}
