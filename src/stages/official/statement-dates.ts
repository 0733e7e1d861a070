/**
 * Dates as belligerents' reports write them: "For March 8th-9th", "On Sept. 17", "July 11,
 * 2015", "Sunday 18 June", "between June 1st – 31st 2017". A date without a year takes the year
 * that puts it on or before the reference day (the statement's own date), as reports look back.
 */
import type { DayWindow } from '../../domain/official.ts';
import { addDays, dayNumber } from './days.ts';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s*(\\d{4}))?';
const TO = '\\s*(?:-|–|—|to|and|until|through)\\s*';

/** Month day - [month] day [year]; month day [year]; day month [year]; ISO day. */
const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Parts | null }> = [
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY}${TO}(?:${MONTH}\\s+)?${DAY}\\b${YEAR}`, 'gi'),
    read: (m) => ({ m1: m[1]!, d1: m[2]!, m2: m[3] ?? m[1]!, d2: m[4]!, year: m[5] }),
  },
  {
    re: new RegExp(`\\b${DAY}${TO}${DAY}\\s+${MONTH}${YEAR}`, 'gi'),
    read: (m) => ({ m1: m[3]!, d1: m[1]!, m2: m[3]!, d2: m[2]!, year: m[4] }),
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b${YEAR}`, 'gi'),
    read: (m) => ({ m1: m[1]!, d1: m[2]!, m2: m[1]!, d2: m[2]!, year: m[3] }),
  },
  {
    re: new RegExp(`\\b${DAY}\\s+${MONTH}\\b${YEAR}`, 'gi'),
    read: (m) => ({ m1: m[2]!, d1: m[1]!, m2: m[2]!, d2: m[1]!, year: m[3] }),
  },
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => ({ m1: m[2]!, d1: m[3]!, m2: m[2]!, d2: m[3]!, year: m[1] }),
  },
];

interface Parts {
  m1: string;
  d1: string;
  m2: string;
  d2: string;
  year: string | undefined;
}

/** A date found in a text: where it stands and the days it covers. */
export interface FoundDate {
  start: number;
  end: number;
  window: DayWindow;
}

const monthOf = (s: string): number | null =>
  /^\d+$/.test(s) ? Number(s) : (MONTHS[s.toLowerCase()] ?? null);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  const d = Math.min(day, daysIn(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function windowOf(p: Parts, reference: string | null): DayWindow | null {
  const m1 = monthOf(p.m1);
  const m2 = monthOf(p.m2);
  const d1 = Number(p.d1);
  const d2 = Number(p.d2);
  if (m1 === null || m2 === null || m1 > 12 || m2 > 12 || d1 < 1 || d1 > 31 || d2 < 1 || d2 > 31) return null;
  let year = p.year === undefined ? null : Number(p.year);
  const refYear = reference === null ? null : Number(reference.slice(0, 4));
  // A year far from the statement's own is a typing slip ("2106"): the reference year stands in.
  if (year !== null && refYear !== null && Math.abs(year - refYear) > 15) year = null;
  if (year === null) {
    if (reference === null || refYear === null) return null;
    year = refYear;
    if (dayNumber(iso(year, m1, d1)) > dayNumber(reference) + 1) year--;
  }
  // "December 30th - January 2nd": the end falls in the next year.
  const endYear = m2 < m1 ? year + 1 : year;
  const from = iso(year, m1, d1);
  const to = iso(endYear, m2, d2);
  if (dayNumber(to) < dayNumber(from) || dayNumber(to) - dayNumber(from) > 62) return null;
  return { from, to };
}

/** Every date in the text, in order, resolved against the reference day (ISO) when the year is missing. */
export function findDates(text: string, reference: string | null): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const parts = read(m);
      const window = parts === null ? null : windowOf(parts, reference);
      if (window === null) continue;
      taken.push([start, end]);
      found.push({ start, end, window });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The window widened by `days` on each side. */
export function widen(w: DayWindow, days: number): DayWindow {
  return { from: addDays(w.from, -days), to: addDays(w.to, days) };
}
