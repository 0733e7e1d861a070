/**
 * Date finder for English news text: explicit dates, weekdays, relative and vague time words.
 *
 * A hand-written scanner (no chrono): every form is one regular expression run over the whole text,
 * the candidates are then reduced to the longest non-overlapping ones. Resolution is biased to the
 * past: a weekday is the latest such day on or before `published`, a date without a year takes the
 * year that puts it on or before `published`. Text may have its punctuation stripped ("Apr 092017",
 * "Syrias", "Thursdays bombardment"), so the patterns do not rely on commas or apostrophes.
 */
import type { DatePrecision } from '../../domain/extraction.ts';
import { UNITS } from './numbers.ts';

export interface DateMention {
  /** Offsets into the text given (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  text: string;
  /** 'YYYY-MM-DD' when one day is known, 'YYYY-MM' or 'YYYY' for coarser mentions, null if unresolvable. */
  date: string | null;
  precision: DatePrecision;
  /** Last day of a range ("February 6th-8th", "between Saturday and Monday"). */
  end_date?: string;
  kind: 'explicit' | 'weekday' | 'relative' | 'vague';
  /**
   * What the day is known to be besides a time: `report` when it is the day a source spoke
   * ("the monitor said on Sunday", "media reported Saturday"), which need not be the day of what
   * was reported; `caption` for a dated photo caption ("... on June 5 2016 (AFP)").
   */
  role?: 'report' | 'caption';
}

// ---------------------------------------------------------------------------------------------
// Denylist: phrases whose weekday or "today" is part of a name, never a date.
// ---------------------------------------------------------------------------------------------

/** Names containing a weekday or a date: newspapers, named days and events that are not dates. */
const NAME_DENYLIST: readonly string[] = [
  'Sunday Times',
  'Sunday Telegraph',
  'Sunday Express',
  'Sunday Mirror',
  'Sunday People',
  'Sunday Post',
  'Sunday Herald',
  'Sunday Star',
  'Sunday Independent',
  'Sunday Tribune',
  'Sunday Observer',
  'Sunday Business Post',
  'Sunday Morning Post',
  'Sunday Zaman',
  'Mail on Sunday',
  'Independent on Sunday',
  'Bloody Sunday',
  'Black Sunday',
  'Palm Sunday',
  'Easter Sunday',
  'Holy Saturday',
  'Good Friday',
  'Black Friday',
  'Ash Wednesday',
  'Maundy Thursday',
  'Friday of',
  'September 11 attacks',
  'September 11th attacks',
  'Sept. 11 attacks',
  'Sept 11 attacks',
];

/** Words after a day and month that make them a name: "April 7th Street", "March 14 Alliance". */
const NAMES_AFTER_DATE: readonly string[] = [
  'Street',
  'St',
  'Square',
  'Avenue',
  'Road',
  'Bridge',
  'Alliance',
  'Movement',
  'Coalition',
  'Brigade',
  'Brigades',
  'Division',
  'Battalion',
  'Revolution',
  'Hospital',
  'Stadium',
  'University',
  'School',
  'Camp',
  'Martyrs',
  'Forces',
  'Group',
  'Front',
];

/** Words that, before a capitalised "Today", still read as a time word ("And Today ..."). */
const TODAY_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'And',
  'But',
  'As',
  'So',
  'Yet',
  'Even',
  'Only',
  'Just',
  'Also',
  'Still',
  'Until',
  'Since',
  'From',
  'By',
  'For',
  'Of',
  'On',
  'Up',
  'Than',
  'That',
  'Then',
  'Now',
  'Is',
  'Was',
  'Are',
  'Were',
  'Here',
  'There',
  'I',
  'We',
  'It',
]);

/** Verbs and prepositions that cite an outlet: "reported by USA Today.", "told Russia Today.". */
const CITING_BEFORE_OUTLET =
  /\b(?:by|to|from|including|told|said|says|of|on|in|with|via|like)\s+[A-Z][\w-]*\s$/;

// ---------------------------------------------------------------------------------------------
// Calendar helpers (UTC, ISO strings)
// ---------------------------------------------------------------------------------------------

const MONTH_NUMBER: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const WEEKDAY_NUMBER: Readonly<Record<string, number>> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};

interface Day {
  y: number;
  m: number;
  d: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDay(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function toUtc(day: Day): number {
  return Date.UTC(day.y, day.m - 1, day.d);
}

function fromUtc(ms: number): Day {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * 86_400_000);
}

function weekdayOf(day: Day): number {
  return new Date(toUtc(day)).getUTCDay();
}

function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function parsePublished(published: string | null): Day | null {
  if (published === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return validDay(day.y, day.m, day.d) ? day : null;
}

/** The latest day with this weekday on or before `ref` (strictly before when `strict`). */
function weekdayOnOrBefore(ref: Day, weekday: number, strict: boolean): Day {
  let back = (weekdayOf(ref) - weekday + 7) % 7;
  if (strict && back === 0) back = 7;
  return addDays(ref, -back);
}

/** The earliest day with this weekday after `ref` ("next Sunday"). */
function weekdayAfter(ref: Day, weekday: number): Day {
  const ahead = (weekday - weekdayOf(ref) + 7) % 7 || 7;
  return addDays(ref, ahead);
}

/** A month and day without a year: the year that puts it on or before `ref`. */
function pastYearFor(ref: Day, m: number, d: number): number {
  return m > ref.m || (m === ref.m && d > ref.d) ? ref.y - 1 : ref.y;
}

// ---------------------------------------------------------------------------------------------
// Pattern building blocks
// ---------------------------------------------------------------------------------------------

/** `word` with a first letter of either case: "On" and "on". */
function anyCase(word: string): string {
  const first = word.charAt(0);
  return `[${first.toUpperCase()}${first}]${word.slice(1)}`;
}

function words(list: string[]): string {
  return `(?:${list.map(anyCase).join('|')})`;
}

const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_ABBR = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
/** A capitalised month name or abbreviation, optionally with a full stop. */
const MONTH = `(?:(?:${MONTH_FULL})(?![A-Za-z])|(?:${MONTH_ABBR})(?![A-Za-z])\\.?)`;
const WEEKDAY_FULL = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const WEEKDAY_ANY = `(?:${WEEKDAY_FULL}|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun|Mon)(?![A-Za-z])\\.?`;
/** Optional weekday in front of an explicit date: "Tuesday 4 Apr 2017", "Thu Oct 6 2016". */
const WEEKDAY_LEAD = `(?:(?<wd>${WEEKDAY_ANY}),?\\s+(?:the\\s+)?)?`;
/** "between" or "from" before a range, "since" before the start of a span, "on" before a day. */
const RANGE_LEAD = `(?:(?<btw>${anyCase('between')}\\s+)|(?<since>${anyCase('since')}\\s+)|${anyCase('from')}\\s+|${anyCase('on')}\\s+)?`;
const DAY_NUM = '(?:3[01]|[12]\\d|0?[1-9])(?!\\d)(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d\\d(?!\\d)';
const RANGE_SEP = '(?<sep>\\s*[-–—]\\s*|\\s+(?:to|through|until|till|and)\\s+)';
const PARTS_OF_DAY = '(?:morning|afternoon|evening|night|nights|overnight|midday|noon|dawn)';
const POSSESSIVE = "(?:['’]s|s)?";

const NAME_AFTER_DATE = new RegExp(`^\\s+(?:${NAMES_AFTER_DATE.join('|')})\\b`);

/** Words after "October 20" that show the number is a count, not a day ("In October 20 people ..."). */
const COUNT_WORD_AFTER =
  /^\s+(?:people|persons|civilians|children|women|men|soldiers|troops|fighters|militants|rebels|jihadists|members|killed|dead|died|wounded|injured|were|are|have|had|more|others|other|of|percent|per|km|kilometres|kilometers|miles|metres|meters|air|airstrikes|strikes|raids|times|bodies|villages|towns|people's|hours|minutes|days|weeks|months|years|tonnes|tons)\b/;

// ---------------------------------------------------------------------------------------------
// Candidates
// ---------------------------------------------------------------------------------------------

interface Context {
  text: string;
  ref: Day | null;
}

type Build = (m: RegExpExecArray, ctx: Context) => DateMention | null;

interface Form {
  re: RegExp;
  /** Words every match of `re` holds: a segment without them is not matched with `re`, a longer scan. */
  needs: RegExp;
  /**
   * The characters that may not come right before a match, checked by hand rather than by a
   * lookbehind at the start of `re`, which would keep the engine from skipping ahead quickly.
   */
  notAfter: (code: number) => boolean;
  build: Build;
}

/** 1 for the UTF-16 code units of `[\w]`: read by table, so that no branch is first taken once optimised. */
const WORD_CODE = ((): Uint8Array => {
  const t = new Uint8Array(65536);
  for (let c = 97; c <= 122; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) t[c] = 1;
  for (let c = 48; c <= 57; c++) t[c] = 1;
  t[95] = 1;
  return t;
})();

/** `[\w]`: an ASCII letter, digit or underscore (so also with the `i` flag, without `u`). */
function isWordCode(code: number): boolean {
  return WORD_CODE[code] === 1;
}

/** `[\w,.\-–/]`: what may not come before a day-month date. */
function isWordOrDateJoinerCode(code: number): boolean {
  return isWordCode(code) || code === 44 || code === 46 || code === 45 || code === 0x2013 || code === 47;
}

/** `[\d\w.\-/]`: what may not come before a numeric day-first date. */
function isWordOrNumberJoinerCode(code: number): boolean {
  return isWordCode(code) || code === 46 || code === 45 || code === 47;
}

function mention(
  ctx: Context,
  start: number,
  end: number,
  date: string | null,
  precision: DatePrecision,
  kind: DateMention['kind'],
  endDate?: string,
): DateMention {
  // Every property from the start, in one order, so that all mentions share one shape.
  return {
    start,
    end,
    text: ctx.text.slice(start, end),
    date,
    precision,
    end_date: endDate,
    kind,
    role: undefined,
  };
}

function monthOf(name: string): number {
  return MONTH_NUMBER[name.replace('.', '').toLowerCase()] ?? 0;
}

function weekdayNumber(name: string): number {
  return WEEKDAY_NUMBER[name.replace('.', '').toLowerCase()] ?? -1;
}

function dayNum(s: string): number {
  return parseInt(s, 10);
}

/**
 * An explicit day (or day range) from its parts. Without a year it takes the year of `ref`, one
 * year back if that would be after `ref`; without `ref` it cannot be resolved.
 */
function explicitDay(
  ctx: Context,
  start: number,
  end: number,
  y: number | null,
  m: number,
  d1: number,
  d2: number | null,
  since = false,
): DateMention | null {
  const endMonth = m;
  if (y === null) {
    if (!validDay(2000, m, d1) || (d2 !== null && !validDay(2000, endMonth, d2))) return null;
    if (ctx.ref === null) return mention(ctx, start, end, null, 'unknown', 'explicit');
    y = pastYearFor(ctx.ref, m, d1);
  }
  if (!validDay(y, m, d1)) return null;
  const first = { y, m, d: d1 };
  if (d2 === null) {
    // "since 30 September": a span from that day up to publication.
    if (since && ctx.ref !== null && compareDays(first, ctx.ref) < 0) {
      return mention(ctx, start, end, isoDay(first), 'range', 'explicit', isoDay(ctx.ref));
    }
    return mention(ctx, start, end, isoDay(first), 'day', 'explicit');
  }
  const y2 = endMonth < m ? y + 1 : y;
  if (!validDay(y2, endMonth, d2)) return null;
  const last = { y: y2, m: endMonth, d: d2 };
  if (compareDays(last, first) <= 0) return mention(ctx, start, end, isoDay(first), 'day', 'explicit');
  return mention(ctx, start, end, isoDay(first), 'range', 'explicit', isoDay(last));
}

/** A month's name (every month form needs one; case as in MONTH). */
const NEEDS_MONTH = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const NEEDS_YEAR = /(?:19|20)\d\d/;
const NEEDS_WEEKDAY = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/;

/** Month-day-year: "Feb. 7, 2017", "September 25 2016", "February 6th-8th", "on March 22". */
const MDY_SINGLE = new RegExp(
  `${RANGE_LEAD}${WEEKDAY_LEAD}(?<mon>${MONTH})\\s+(?<d1>${DAY_NUM})(?:,?\\s+(?<y>${YEAR}))?`,
  'y',
);
const mdy: Form = {
  notAfter: isWordCode,
  needs: NEEDS_MONTH,
  re: new RegExp(
    `${RANGE_LEAD}${WEEKDAY_LEAD}(?<mon>${MONTH})\\s+(?<d1>${DAY_NUM})(?:${RANGE_SEP}(?<d2>${DAY_NUM}))?(?:,?\\s+(?<y>${YEAR}))?`,
    'g',
  ),
  build(m, ctx) {
    let g = m.groups ?? {};
    let end = m.index + m[0].length;
    if (g.sep !== undefined && g.sep.trim() === 'and' && g.btw === undefined) {
      // "on March 3 and 5": two days, not a range; keep the first.
      MDY_SINGLE.lastIndex = m.index;
      const single = MDY_SINGLE.exec(ctx.text);
      if (!single) return null;
      g = single.groups ?? {};
      end = single.index + single[0].length;
    }
    const after = ctx.text.slice(end, end + 24);
    if (g.y === undefined && g.d2 === undefined && COUNT_WORD_AFTER.test(after)) return null;
    if (g.y === undefined && NAME_AFTER_DATE.test(after)) return null;
    const y = g.y === undefined ? null : Number(g.y);
    const d2 = g.d2 === undefined ? null : dayNum(g.d2);
    const since = g.since !== undefined;
    return explicitDay(ctx, m.index, end, y, monthOf(g.mon ?? ''), dayNum(g.d1 ?? ''), d2, since);
  },
};

/** Day-month-year: "7 February 2017", "on 30 September", "6-8 February", "4 Apr 2017". */
const DMY_SINGLE = new RegExp(
  `${WEEKDAY_LEAD}(?<d1>${DAY_NUM})\\s+(?:of\\s+)?(?<mon>${MONTH})(?:,?\\s+(?<y>${YEAR}))?`,
  'y',
);
const dmy: Form = {
  notAfter: isWordOrDateJoinerCode,
  needs: NEEDS_MONTH,
  re: new RegExp(
    `${RANGE_LEAD}${WEEKDAY_LEAD}(?:the\\s+)?(?<d1>${DAY_NUM})(?:${RANGE_SEP}(?<d2>${DAY_NUM}))?\\s+(?:of\\s+)?(?<mon>${MONTH})(?:,?\\s+(?<y>${YEAR}))?`,
    'g',
  ),
  build(m, ctx) {
    let g = m.groups ?? {};
    let start = m.index;
    let end = m.index + m[0].length;
    if (g.sep !== undefined && g.sep.trim() === 'and' && g.btw === undefined) {
      // "on 3 and 5 March" without "between": only the second number carries the month.
      const at = m[0].lastIndexOf(g.d2 ?? '', m[0].indexOf(g.mon ?? ''));
      DMY_SINGLE.lastIndex = m.index + at;
      const single = DMY_SINGLE.exec(ctx.text);
      if (!single) return null;
      g = single.groups ?? {};
      start = single.index;
      end = single.index + single[0].length;
    }
    if (g.y === undefined && NAME_AFTER_DATE.test(ctx.text.slice(end, end + 24))) return null;
    const y = g.y === undefined ? null : Number(g.y);
    const d2 = g.d2 === undefined ? null : dayNum(g.d2);
    const since = g.since !== undefined;
    return explicitDay(ctx, start, end, y, monthOf(g.mon ?? ''), dayNum(g.d1 ?? ''), d2, since);
  },
};

/** Day and year run together after the month: "Apr 092017" (9 April 2017). */
const glued: Form = {
  notAfter: isWordCode,
  needs: NEEDS_MONTH,
  re: new RegExp(`${WEEKDAY_LEAD}(?<mon>${MONTH})\\s+(?<d1>[0-3]?\\d)(?<y>(?:19|20)\\d\\d)(?!\\d)`, 'g'),
  build(m, ctx) {
    const g = m.groups ?? {};
    return explicitDay(
      ctx,
      m.index,
      m.index + m[0].length,
      Number(g.y),
      monthOf(g.mon ?? ''),
      dayNum(g.d1 ?? ''),
      null,
    );
  },
};

/** Year first: "2017-02-07", "2017/02/07". */
const isoForm: Form = {
  notAfter: isWordCode,
  needs: NEEDS_YEAR,
  re: /(?<y>(?:19|20)\d\d)(?<sep>[-/.])(?<m>[01]\d)\k<sep>(?<d>[0-3]\d)(?!\d)/g,
  build(m, ctx) {
    const g = m.groups ?? {};
    return explicitDay(ctx, m.index, m.index + m[0].length, Number(g.y), Number(g.m), Number(g.d), null);
  },
};

/** Numeric day first: "26-01-2016", "28.05.2017", "07/02/2017" (month first only when the day cannot be). */
const numericDmy: Form = {
  notAfter: isWordOrNumberJoinerCode,
  needs: NEEDS_YEAR,
  re: new RegExp(
    `${WEEKDAY_LEAD}(?<d>\\d{1,2})(?<sep>[-/.])(?<m>\\d{1,2})\\k<sep>(?<y>(?:19|20)\\d\\d)(?![\\d]|[-/.]\\d)`,
    'g',
  ),
  build(m, ctx) {
    const g = m.groups ?? {};
    let d = Number(g.d);
    let mo = Number(g.m);
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    return explicitDay(ctx, m.index, m.index + m[0].length, Number(g.y), mo, d, null);
  },
};

const PERIOD_PREPOSITIONS = [
  'in',
  'since',
  'during',
  'until',
  'till',
  'by',
  'from',
  'throughout',
  'before',
  'after',
  'early',
  'late',
  'mid',
  'end of',
  'the end of',
  'beginning of',
  'the beginning of',
  'start of',
  'the start of',
  'middle of',
  'the middle of',
];
const PERIOD_PREFIX = `(?:${words(PERIOD_PREPOSITIONS)}(?:\\s+(?:early|late|mid))?(?:\\s+|-))`;

/** Month and year: "in March 2016", "September 2015", "Sept. 2015". */
const monthYear: Form = {
  notAfter: isWordCode,
  needs: NEEDS_MONTH,
  re: new RegExp(`${PERIOD_PREFIX}?(?<mon>${MONTH})(?:,?\\s+of)?,?\\s+(?<y>${YEAR})`, 'g'),
  build(m, ctx) {
    const g = m.groups ?? {};
    const mo = monthOf(g.mon ?? '');
    return mention(ctx, m.index, m.index + m[0].length, isoMonth(Number(g.y), mo), 'month', 'explicit');
  },
};

/** Month relative to the publication year: "September last year", "last September". */
const monthRelative: Form = {
  notAfter: isWordCode,
  needs: NEEDS_MONTH,
  re: new RegExp(
    `(?:(?<mon>${MONTH_FULL})\\s+(?<rel>last|this|next)\\s+year|(?<rel2>${words(['last', 'this', 'next'])})\\s+(?<mon2>${MONTH_FULL}))(?![\\w])(?!\\s*\\d)`,
    'g',
  ),
  build(m, ctx) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = m.index + m[0].length;
    if (ctx.ref === null) return mention(ctx, start, end, null, 'unknown', 'relative');
    if (g.mon !== undefined) {
      const shift = g.rel === 'last' ? -1 : g.rel === 'next' ? 1 : 0;
      return mention(ctx, start, end, isoMonth(ctx.ref.y + shift, monthOf(g.mon)), 'month', 'relative');
    }
    const mo = monthOf(g.mon2 ?? '');
    const rel = (g.rel2 ?? '').toLowerCase();
    let y = ctx.ref.y;
    if (rel === 'last' && mo >= ctx.ref.m) y -= 1;
    if (rel === 'next' && mo <= ctx.ref.m) y += 1;
    return mention(ctx, start, end, isoMonth(y, mo), 'month', 'relative');
  },
};

/** A month on its own after a preposition: "in May", "late October", "mid-March" (vague). */
const monthAlone: Form = {
  notAfter: isWordCode,
  needs: NEEDS_MONTH,
  re: new RegExp(`${PERIOD_PREFIX}(?<mon>${MONTH_FULL})(?![\\w])(?!,?\\s*(?:\\d|of\\s+\\d))`, 'g'),
  build(m, ctx) {
    return mention(ctx, m.index, m.index + m[0].length, null, 'unknown', 'vague');
  },
};

/** A year after a preposition: "in 2013", "since 2011". */
const yearAlone: Form = {
  notAfter: isWordCode,
  needs: NEEDS_YEAR,
  re: new RegExp(`${PERIOD_PREFIX}(?<y>${YEAR})(?![\\w]|[.,]\\d)`, 'g'),
  build(m, ctx) {
    const y = Number(m.groups?.y);
    if (y < 1950 || y > 2049) return null;
    return mention(ctx, m.index, m.index + m[0].length, pad(y, 4), 'year', 'explicit');
  },
};

const WEEKDAY_PREFIX = `(?<pre>(?:${words(['late', 'early', 'earlier', 'later'])}\\s+(?:on\\s+)?|${words(['on'])}\\s+(?:the\\s+night\\s+of\\s+)?|${words(['last', 'next', 'since', 'until', 'till', 'overnight', 'from'])}\\s+(?:(?:on|into|early|late)\\s+)?|${words(['this'])}\\s+(?:past\\s+)?|${words(['in'])}\\s+the\\s+early\\s+hours\\s+of\\s+|${words(['the'])}\\s+night\\s+of\\s+|${words(['between'])}\\s+))?`;

/** Weekdays: "on Sunday evening", "Wednesday's attack", "late Tuesday", "between Saturday and Monday". */
const weekday: Form = {
  notAfter: isWordCode,
  needs: NEEDS_WEEKDAY,
  re: new RegExp(
    `${WEEKDAY_PREFIX}(?<wd>${WEEKDAY_FULL})${POSSESSIVE}(?![\\w])(?:\\s+${PARTS_OF_DAY}(?![\\w]))?` +
      `(?:(?<sep>\\s+(?:and|to|through|until|till|or|into)\\s+|\\s*[-–]\\s*)(?:(?:on|early|late)\\s+)?(?<wd2>${WEEKDAY_FULL})${POSSESSIVE}(?![\\w])(?:\\s+${PARTS_OF_DAY}(?![\\w]))?` +
      `|(?<night>\\s+and\\s+(?:(?:during|through|into|in)\\s+)?the\\s+night|\\s+and\\s+overnight))?`,
    'g',
  ),
  build(m, ctx) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = m.index + m[0].length;
    const pre = (g.pre ?? '').trim().toLowerCase();
    const first = pre.split(/\s+/)[0] ?? '';
    if (first === 'since' || first === 'until' || first === 'till') {
      return mention(ctx, start, end, null, 'unknown', 'vague');
    }
    const wd = weekdayNumber(g.wd ?? '');
    if (ctx.ref === null) return mention(ctx, start, end, null, 'unknown', 'weekday');
    if (g.night !== undefined) {
      // "on Thursday and during the night": the day and the night after it.
      const day = weekdayOnOrBefore(ctx.ref, wd, false);
      return mention(ctx, start, end, isoDay(day), 'range', 'weekday', isoDay(addDays(day, 1)));
    }
    if (g.wd2 !== undefined) {
      const last = weekdayOnOrBefore(ctx.ref, weekdayNumber(g.wd2), false);
      const back = (weekdayNumber(g.wd2) - wd + 7) % 7;
      const firstDay = addDays(last, -back);
      if (back === 0) return mention(ctx, start, end, isoDay(last), 'day', 'weekday');
      return mention(ctx, start, end, isoDay(firstDay), 'range', 'weekday', isoDay(last));
    }
    let day: Day;
    if (first === 'last') day = weekdayOnOrBefore(ctx.ref, wd, true);
    else if (first === 'next') day = weekdayAfter(ctx.ref, wd);
    else day = weekdayOnOrBefore(ctx.ref, wd, false);
    return mention(ctx, start, end, isoDay(day), 'day', 'weekday');
  },
};

/** Whether a capitalised "Today" is the end of an outlet name ("Halab Today", "USA Today"). */
function isOutletToday(text: string, wordStart: number, wordEnd: number): boolean {
  if (text.charCodeAt(wordStart) !== 84 /* T */) return false;
  const before = text.slice(Math.max(0, wordStart - 40), wordStart);
  const prev = /([A-Z][\w-]*) $/.exec(before);
  if (!prev || TODAY_FUNCTION_WORDS.has(prev[1] ?? '')) return false;
  const sentenceEnd = /^\s*(?:[.!?]|\n|$)/.test(text.slice(wordEnd, wordEnd + 3));
  if (!sentenceEnd) return true;
  return CITING_BEFORE_OUTLET.test(before);
}

/** "today", "earlier today", "tonight", "this morning": the publication day. */
const today: Form = {
  notAfter: isWordCode,
  needs: /today|tonight|morning|afternoon|evening/i,
  re: /(?<since>since\s+)?(?:(?:earlier|later|early|late)\s+)?(?:(?<w>today|tonight)(?:['’]s|s)?|this\s+(?:morning|afternoon|evening))(?![\w])/gi,
  build(m, ctx) {
    const start = m.index;
    const end = m.index + m[0].length;
    const w = m.groups?.w;
    if (w !== undefined) {
      const at = start + m[0].toLowerCase().lastIndexOf(w.toLowerCase());
      if (isOutletToday(ctx.text, at, at + w.length)) return null;
    }
    if (m.groups?.since !== undefined) return mention(ctx, start, end, null, 'unknown', 'vague');
    if (ctx.ref === null) return mention(ctx, start, end, null, 'unknown', 'relative');
    return mention(ctx, start, end, isoDay(ctx.ref), 'day', 'relative');
  },
};

/** "yesterday", "last night", "the day before yesterday", "two days ago". */
const yesterday: Form = {
  notAfter: isWordCode,
  needs: /yesterday|night|ago/i,
  re: /(?<since>since\s+)?(?:(?<before>the\s+day\s+before\s+)?yesterday(?:['’]s|s)?(?:\s+(?:morning|afternoon|evening|night))?|(?:(?:late|early)\s+)?last\s+night|(?<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+ago)(?![\w])/gi,
  build(m, ctx) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = m.index + m[0].length;
    if (g.since !== undefined) return mention(ctx, start, end, null, 'unknown', 'vague');
    let back = 1;
    if (g.before !== undefined) back = 2;
    if (g.n !== undefined) back = UNITS[g.n.toLowerCase()] ?? Number(g.n);
    if (!Number.isFinite(back) || back < 1 || back > 31) return null;
    if (ctx.ref === null) return mention(ctx, start, end, null, 'unknown', 'relative');
    return mention(ctx, start, end, isoDay(addDays(ctx.ref, -back)), 'day', 'relative');
  },
};

/** "last month", "earlier this month", "last year", "this year". */
const periodRelative: Form = {
  notAfter: isWordCode,
  needs: /month|year/i,
  re: /(?:(?:earlier|later)\s+(?:this|in\s+the)\s+|(?<rel>this|last|the\s+previous|the\s+past)\s+)(?<unit>month|year)(?![\w])/gi,
  build(m, ctx) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = m.index + m[0].length;
    if (ctx.ref === null) return mention(ctx, start, end, null, 'unknown', 'relative');
    const rel = (g.rel ?? 'this').toLowerCase();
    const shift = rel === 'this' ? 0 : -1;
    if ((g.unit ?? '').toLowerCase() === 'year') {
      return mention(ctx, start, end, pad(ctx.ref.y + shift, 4), 'year', 'relative');
    }
    let y = ctx.ref.y;
    let mo = ctx.ref.m + shift;
    if (mo < 1) {
      mo = 12;
      y -= 1;
    }
    return mention(ctx, start, end, isoMonth(y, mo), 'month', 'relative');
  },
};

/** Vague spans that name no single day. */
const vague: Form = {
  // Every alternative has the same check before it.
  notAfter: isWordCode,
  needs: /overnight|hour|day|week|month|year/i,
  re: new RegExp(
    [
      '(?:(?:late|early)\\s+)?overnight',
      '(?:(?:over|during|in|within|for)\\s+)?(?:the\\s+)?(?:past|last|previous|preceding)\\s+(?:24|48|72|twenty-four|forty-eight|seventy-two|few|several|couple\\s+of|two|three|four|five|\\d{1,2})\\s+(?:hours|days|weeks|months)',
      '(?:(?:over|during|at|on|in)\\s+)?(?:the|this|last|past)\\s+weekend',
      '(?:(?:over|during|in)\\s+)?(?:(?:earlier|later)\\s+)?(?:this|last|past|next|the\\s+previous|the\\s+past|the\\s+last)\\s+week',
      '(?:earlier|later)\\s+in\\s+the\\s+week',
      '(?:(?:in|over|during)\\s+)?(?:recent|the\\s+past\\s+few|the\\s+last\\s+few|the\\s+coming)\\s+(?:days|weeks|months)',
      '(?:a\\s+few|several|a\\s+couple\\s+of|some|(?:a|one|two|three|four|\\d{1,2})\\s+)\\s*(?:weeks?|months?|years?)\\s+ago',
      // "two days after the convoy was hit": a day counted from an undated event.
      `(?:a\\s+few|several|a\\s+couple\\s+of|(?:a|one|two|three|four|five|six|seven|\\d{1,2})\\s+)\\s*(?:days?|weeks?)\\s+(?:after|before|earlier|later)(?!\\s+(?:the\\s+)?(?:\\d|${MONTH_FULL}|${WEEKDAY_FULL}))`,
      '(?:(?:towards|toward|at|by|until|in)\\s+)?the\\s+(?:end|beginning|start|middle)\\s+of\\s+(?:the|this|last)\\s+(?:month|week|year)',
    ]
      .map((s) => `(?:${s})(?![\\w])`)
      .join('|'),
    'gi',
  ),
  build(m, ctx) {
    return mention(ctx, m.index, m.index + m[0].length, null, 'unknown', 'vague');
  },
};

const FORMS: readonly Form[] = [
  mdy,
  dmy,
  glued,
  isoForm,
  numericDmy,
  monthYear,
  monthRelative,
  monthAlone,
  yearAlone,
  weekday,
  today,
  yesterday,
  periodRelative,
  vague,
];

const NAME_DENY_RE = new RegExp(
  NAME_DENYLIST.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|'),
  'g',
);

/**
 * Every word a form needs (month, weekday, time word, year, digit-separator-digit). Only windows
 * around these are scanned, which skips about three quarters of a news text.
 */
const ANCHOR =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?s?)\b|\d[-./]\d|\b(?:19|20)\d\d\b|today|tonight|yesterday|night|morning|afternoon|evening|week|month|year|hours|days|ago\b/gi;
/** Characters scanned before and after an anchor: longer than any prefix or tail a form reads. */
const WINDOW_BEFORE = 60;
const WINDOW_AFTER = 50;

/** One match of one form, its index already into the whole text. */
interface Hit {
  form: Form;
  m: RegExpExecArray;
}

/**
 * Segments already matched, by where they start, with their hits: what the forms match depends
 * only on the segment's text, so a segment met again with the same text need not be matched again.
 */
type SegmentMemo = Map<number, { segment: string; hits: Hit[] }>;

function matchForms(offset: number, segment: string): Hit[] {
  const hits: Hit[] = [];
  for (const form of FORMS) {
    if (!form.needs.test(segment)) continue;
    form.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = form.re.exec(segment)) !== null) {
      const rejected = m[0].length === 0 || (m.index > 0 && form.notAfter(segment.charCodeAt(m.index - 1)));
      const next = m.index + 1;
      // Where the check fails, the next match can only start further on; set for every match, so
      // that the first rejection deoptimises nothing.
      form.re.lastIndex = rejected ? next : form.re.lastIndex;
      if (rejected) continue;
      m.index += offset;
      hits.push({ form, m });
    }
  }
  return hits;
}

function runForms(
  ctx: Context,
  offset: number,
  segment: string,
  found: DateMention[],
  memo: SegmentMemo | undefined,
): void {
  const known = memo?.get(offset);
  let hits: Hit[];
  if (known !== undefined && known.segment === segment) hits = known.hits;
  else {
    hits = matchForms(offset, segment);
    memo?.set(offset, { segment, hits });
  }
  for (const { form, m } of hits) {
    const c = form.build(m, ctx);
    if (c !== null) found.push(c);
  }
}

/** Start of the word at or before `i` (segments never begin inside a word). */
function wordStartBefore(text: string, i: number): number {
  while (i > 0 && !/\s/.test(text.charAt(i - 1))) i--;
  return i;
}

function wordEndAfter(text: string, i: number): number {
  while (i < text.length && !/\s/.test(text.charAt(i))) i++;
  return i;
}

function collect(ctx: Context, windowed: boolean, memo?: SegmentMemo): DateMention[] {
  const found: DateMention[] = [];
  const text = ctx.text;
  if (!windowed) {
    runForms(ctx, 0, text, found, memo);
    return found;
  }
  ANCHOR.lastIndex = 0;
  let segStart = -1;
  let segEnd = -1;
  const flush = (): void => {
    const end = wordEndAfter(text, Math.min(text.length, segEnd));
    runForms(ctx, segStart, text.slice(segStart, end), found, memo);
  };
  let m: RegExpExecArray | null;
  while ((m = ANCHOR.exec(text)) !== null) {
    const s = m.index - WINDOW_BEFORE;
    const e = m.index + m[0].length + WINDOW_AFTER;
    if (segEnd >= 0 && s <= segEnd) {
      segEnd = Math.max(segEnd, e);
      continue;
    }
    if (segEnd >= 0) flush();
    segStart = wordStartBefore(text, Math.max(0, s));
    segEnd = e;
  }
  if (segEnd >= 0) flush();
  return found;
}

/** Whether a mention is part of a denylisted name ("Sunday Times", "Good Friday"). */
function inDeniedName(text: string, c: DateMention): boolean {
  if (c.kind === 'relative') return false;
  const from = Math.max(0, c.start - 24);
  const around = text.slice(from, c.end + 24);
  NAME_DENY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_DENY_RE.exec(around)) !== null) {
    if (from + m.index < c.end && c.start < from + m.index + m[0].length) return true;
  }
  return false;
}

/** Keeps the longest candidates that do not overlap (ties: the earlier one). */
function select(text: string, cands: DateMention[]): DateMention[] {
  const order = cands
    .filter((c) => !inDeniedName(text, c))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DateMention[] = [];
  for (const c of order) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return mergeRanges(
    text,
    kept.sort((a, b) => a.start - b.start),
  );
}

const RANGE_GAP = /^\s*(?:[-–—]|to|until|till|through|and)\s*$/;
const HAS_YEAR = /(?:19|20)\d\d(?!\d)/;

/** Joins two explicit days across months into a range: "from 28 February to 2 March 2017". */
function mergeRanges(text: string, mentions: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (const c of mentions) {
    const prev = out[out.length - 1];
    if (
      prev === undefined ||
      prev.kind !== 'explicit' ||
      c.kind !== 'explicit' ||
      prev.precision !== 'day' ||
      c.precision !== 'day' ||
      prev.date === null ||
      c.date === null
    ) {
      out.push(c);
      continue;
    }
    const gap = text.slice(prev.end, c.start);
    if (!RANGE_GAP.test(gap) || (gap.trim() === 'and' && !/^between\s/i.test(prev.text))) {
      out.push(c);
      continue;
    }
    let first = prev.date;
    if (!HAS_YEAR.test(prev.text) && HAS_YEAR.test(c.text)) {
      // The year written once at the end covers both days.
      const y = Number(c.date.slice(0, 4));
      first = `${first.slice(5) > c.date.slice(5) ? y - 1 : y}${first.slice(4)}`;
    }
    if (first >= c.date) {
      out.push(c);
      continue;
    }
    out[out.length - 1] = {
      start: prev.start,
      end: c.end,
      text: text.slice(prev.start, c.end),
      date: first,
      precision: 'range',
      end_date: c.date,
      kind: 'explicit',
      role: undefined,
    };
  }
  return out;
}

const NAMES_MONTH_OR_YEAR = new RegExp(`(?:${MONTH_FULL})|${YEAR}`);
const MONTHS_AGO = /\b(?:months?|years?)\s+ago\b/i;
const NAMES_OCCASION = new RegExp(`overnight|hours|weekend|night|${WEEKDAY_FULL}`, 'i');
const NAMES_SPAN =
  /\b(?:the\s+(?:past|last|previous|preceding|coming)|recent)\s+(?:(?:few|several|couple\s+of|\w+)\s+)?(?:days|weeks|months|week|month)\b/i;

/**
 * What a vague mention leaves open: `month` for a month or year without a day ("in late June",
 * "since 2011", "two years ago"); `occasion` for one unnamed time ("overnight", "over the past 24 hours", "over the
 * weekend", "since Sunday"); `span` for the stretch of days or weeks up to now ("for the past
 * week", "in recent days"), which frames rather than dates what is told; `period` for another
 * time without a day ("last week", "earlier this week", "two weeks ago"). Null when not vague.
 */
export function vagueness(m: DateMention): 'month' | 'occasion' | 'span' | 'period' | null {
  if (m.kind !== 'vague') return null;
  if (NAMES_MONTH_OR_YEAR.test(m.text) || MONTHS_AGO.test(m.text)) return 'month';
  if (NAMES_OCCASION.test(m.text)) return 'occasion';
  return NAMES_SPAN.test(m.text) ? 'span' : 'period';
}

// ---------------------------------------------------------------------------------------------
// Roles: the day a source spoke, a photo caption's date
// ---------------------------------------------------------------------------------------------

/** Verbs of saying (and their nouns) directly before a day: "said on Sunday", "told AFP Monday". */
const SPEECH_BEFORE = new RegExp(
  `\\b(?:${[
    'said',
    'says',
    'reported',
    'reports',
    'announced',
    'stated',
    'added',
    'claimed',
    'confirmed',
    'denied',
    'declared',
    'warned',
    'noted',
    'tweeted',
    'wrote',
    'quoted',
    'statement',
    'told(?:\\s+[A-Z][\\w.-]*){1,3}',
  ].join('|')})\\s+(?:(?:on|late|early|earlier|later)\\s+)*$`,
);
/** A verb of saying right after the day, with at most a pronoun between: "on Sunday said". */
const SPEECH_AFTER =
  /^\s+(?:(?:it|he|she|they|that)\s+)?(?:said|says|reported|announced|stated|added|claimed|confirmed|denied|declared|warned|told)\b/;
/** A photo credit closing a caption: "(AFP)", "(TRT World and Agencies)". */
const CAPTION_CREDIT = /^\s*\.?\s*\([A-Z][A-Za-z&.' -]{1,40}\)/;

function roleOf(text: string, m: DateMention): DateMention['role'] {
  if (m.kind === 'vague' || m.date === null) return undefined;
  const before = text.slice(Math.max(0, m.start - 48), m.start);
  if (SPEECH_BEFORE.test(before) || SPEECH_AFTER.test(text.slice(m.end, m.end + 24))) return 'report';
  if (m.kind === 'explicit' && HAS_YEAR.test(m.text) && CAPTION_CREDIT.test(text.slice(m.end, m.end + 48)))
    return 'caption';
  return undefined;
}

function withRoles(text: string, mentions: DateMention[]): DateMention[] {
  for (const m of mentions) {
    const role = roleOf(text, m);
    if (role !== undefined) m.role = role;
  }
  return mentions;
}

/**
 * Every date mention in `text`, sorted by start. Weekdays, relative words and dates without a year
 * resolve against `published` (ISO day); with `published` null they are reported with date null.
 */
export function findDates(text: string, published: string | null): DateMention[] {
  return datesIn(text, published, undefined);
}

function datesIn(text: string, published: string | null, memo: SegmentMemo | undefined): DateMention[] {
  const ctx: Context = { text, ref: parsePublished(published) };
  return withRoles(text, select(text, collect(ctx, true, memo)));
}

/**
 * The same as findDates but scanning the whole text instead of the windows around anchor words:
 * slower, kept as the reference that tests compare findDates with.
 */
export function findDatesFullScan(text: string, published: string | null): DateMention[] {
  const ctx: Context = { text, ref: parsePublished(published) };
  return withRoles(text, select(text, collect(ctx, false)));
}

/** How far into a plain-text article the dateline is looked for. */
const DATELINE_WINDOW = 400;

/**
 * The publication date printed near the start of a plain-text article ("Tuesday 4 Apr 2017",
 * "Date of publication 10 July 2016", "Last updated at Apr 092017", "26-01-2016"), or null.
 */
export function findDateline(text: string): string | null {
  return datelineIn(text, undefined);
}

function datelineIn(text: string, memo: SegmentMemo | undefined): string | null {
  const head = text.slice(0, DATELINE_WINDOW + 40);
  // As datesIn, without the roles: the dateline does not depend on them.
  const ctx: Context = { text: head, ref: parsePublished(null) };
  for (const m of select(head, collect(ctx, true, memo))) {
    if (m.start >= DATELINE_WINDOW) break;
    if (m.kind === 'explicit' && m.precision === 'day' && m.date !== null) return m.date;
  }
  return null;
}

/**
 * The day a document was published (`published`, else its dateline as findDateline reads it) and
 * its date mentions as findDates finds them against that day. The same as calling the two in turn,
 * but the start of the text, read for the dateline, is not matched twice.
 */
export function datesWithDateline(
  text: string,
  published: string | null,
): { published: string | null; dates: DateMention[] } {
  if (published !== null) return { published, dates: findDates(text, published) };
  const memo: SegmentMemo = new Map();
  const dateline = datelineIn(text, memo);
  return { published: dateline, dates: datesIn(text, dateline, memo) };
}
