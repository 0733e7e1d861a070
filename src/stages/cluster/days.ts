/** ISO days as whole numbers, and the date window a claim allows. */
import type { DateWindow, StoredClaim, WindowPrecision } from '../../domain/incident.ts';

// Day arithmetic without Date objects: clustering converts days for every candidate it checks.
// Days from civil date and back (H. Hinnant's algorithms), proleptic Gregorian calendar.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!;
}

/** Days since 1970-01-01 for `YYYY-MM-DD`, or null when the text is not a valid day. */
export function dayNumber(iso: string): number | null {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

export function isoDay(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
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
      const from = dayNumber(`${month[1]}-${month[2]}-01`);
      if (from !== null)
        return { from, to: from + daysInMonth(Number(month[1]), Number(month[2])) - 1, precision: 'month' };
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
