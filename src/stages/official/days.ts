/** ISO days as numbers and back, for windows and the reconcile index. */
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO day (YYYY-MM-DD...). */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
}

export function isoOfDay(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return isoOfDay(dayNumber(iso) + n);
}
