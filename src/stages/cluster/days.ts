/** ISO days as whole numbers, and the date window a claim allows. */
import type { DateWindow, StoredClaim, WindowPrecision } from '../../domain/incident.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for `YYYY-MM-DD`, or null when the text is not a valid day. */
export function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2016-02-31 over into March; such a day is not valid.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

export function isoDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** A date window as day numbers. */
export interface DaySpan {
  from: number;
  to: number;
  precision: WindowPrecision;
}

export function toSpan(w: DateWindow): DaySpan {
  return { from: dayNumber(w.from) ?? 0, to: dayNumber(w.to) ?? 0, precision: w.precision };
}

export function toWindow(s: DaySpan): DateWindow {
  return { from: isoDay(s.from), to: isoDay(s.to), precision: s.precision };
}

/** Finer first: a finer window replaces a coarser one when claims join. */
export const WINDOW_ORDER: Record<WindowPrecision, number> = {
  day: 0,
  range: 1,
  month: 2,
  year: 3,
  report: 4,
};

/** Days a "report" window reaches back before publication: undated news is about the past week. */
export const REPORT_LOOKBACK_DAYS = 6;
/** An extracted date range gives only its first day; ranges in the news rarely pass three days. */
const RANGE_DAYS = 3;

/**
 * The days a claim's strike can have happened on: its day; its range, month or year; or, with no
 * date, the week up to the report's publication. Null when neither the claim nor its report is dated.
 */
export function claimSpan(claim: StoredClaim): DaySpan | null {
  const { date, date_precision: precision } = claim.event;
  if (date !== null) {
    if (precision === 'day' || precision === 'range') {
      const d = dayNumber(date.slice(0, 10));
      if (d !== null)
        return precision === 'day'
          ? { from: d, to: d, precision: 'day' }
          : { from: d, to: d + RANGE_DAYS - 1, precision: 'range' };
    }
    const month = /^(\d{4})-(\d{2})/.exec(date);
    if (precision === 'month' && month) {
      const y = Number(month[1]);
      const mo = Number(month[2]);
      const from = dayNumber(`${month[1]}-${month[2]}-01`);
      const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      if (from !== null) return { from, to: from + last - 1, precision: 'month' };
    }
    const year = /^(\d{4})/.exec(date);
    if (precision === 'year' && year) {
      const from = dayNumber(`${year[1]}-01-01`);
      const to = dayNumber(`${year[1]}-12-31`);
      if (from !== null && to !== null) return { from, to, precision: 'year' };
    }
  }
  const published = claim.published === null ? null : dayNumber(claim.published.slice(0, 10));
  if (published === null) return null;
  return { from: published - REPORT_LOOKBACK_DAYS, to: published, precision: 'report' };
}
