/**
 * Checks a value against the extraction format v1 (docs/extraction-format.md) and returns every
 * problem with its path, so a caller can report them all at once.
 */
import {
  DATE_PRECISIONS,
  LOCATION_PRECISIONS,
  RANGE_FIELDS,
  STANCES,
  STRIKE_TYPES,
  type DatePrecision,
  type LocationPrecision,
  type Stance,
  type StrikeType,
} from './extraction.ts';

export interface ExtractionProblem {
  /** Where the problem is, e.g. `events[0].killed.min`. */
  path: string;
  message: string;
}

const NULLABLE_STRING_FIELDS = [
  'date_text',
  'place',
  'place_text',
  'admin1',
  'country',
  'gazetteer_id',
  'target',
];

/** True for a real calendar day written as YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '...' : value}"`;
  return typeof value === 'object' ? 'an object' : String(value);
}

/**
 * Validates one extracted document. `text` is the plain text the extractor saw; evidence offsets
 * must point into it and cover exactly the quoted text.
 */
export function validateExtraction(value: unknown, text: string): ExtractionProblem[] {
  const problems: ExtractionProblem[] = [];
  const fail = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  if (!isRecord(value)) {
    fail('', `expected an object, got ${describe(value)}`);
    return problems;
  }
  if (typeof value.id !== 'string' || value.id === '')
    fail('id', `expected a non-empty string, got ${describe(value.id)}`);
  if (value.published !== null && !(typeof value.published === 'string' && isIsoDay(value.published))) {
    fail('published', `expected YYYY-MM-DD or null, got ${describe(value.published)}`);
  }
  if (typeof value.language !== 'string' || value.language === '') {
    fail('language', `expected a language code, got ${describe(value.language)}`);
  }
  if (value.title !== null && typeof value.title !== 'string') {
    fail('title', `expected a string or null, got ${describe(value.title)}`);
  }
  if (!Array.isArray(value.events)) {
    fail('events', `expected an array, got ${describe(value.events)}`);
    return problems;
  }
  value.events.forEach((event, i) => validateEvent(event, `events[${i}]`, text, fail));
  return problems;
}

type Fail = (path: string, message: string) => void;

function validateEvent(event: unknown, at: string, text: string, fail: Fail): void {
  if (!isRecord(event)) {
    fail(at, `expected an object, got ${describe(event)}`);
    return;
  }
  validateDate(event, at, fail);
  for (const key of NULLABLE_STRING_FIELDS) {
    if (event[key] !== null && typeof event[key] !== 'string') {
      fail(`${at}.${key}`, `expected a string or null, got ${describe(event[key])}`);
    }
  }
  validateCoordinate(event.lat, -90, 90, `${at}.lat`, fail);
  validateCoordinate(event.lon, -180, 180, `${at}.lon`, fail);
  if ((event.lat === null) !== (event.lon === null))
    fail(`${at}.lat`, 'lat and lon must both be set or both null');
  if (
    event.location_precision !== null &&
    !LOCATION_PRECISIONS.includes(event.location_precision as LocationPrecision)
  ) {
    fail(`${at}.location_precision`, `expected one of ${LOCATION_PRECISIONS.join(', ')} or null`);
  }
  validateAttributions(event.attributed, `${at}.attributed`, fail);
  for (const key of RANGE_FIELDS) validateRange(event[key], `${at}.${key}`, fail);
  if (!STRIKE_TYPES.includes(event.strike_type as StrikeType)) {
    fail(
      `${at}.strike_type`,
      `expected one of ${STRIKE_TYPES.join(', ')}, got ${describe(event.strike_type)}`,
    );
  }
  if (!Array.isArray(event.weapons))
    fail(`${at}.weapons`, `expected an array, got ${describe(event.weapons)}`);
  else {
    event.weapons.forEach((w, i) => {
      if (typeof w !== 'string' || w === '') fail(`${at}.weapons[${i}]`, `expected a non-empty string`);
    });
  }
  if (typeof event.background !== 'boolean') {
    fail(`${at}.background`, `expected true or false, got ${describe(event.background)}`);
  }
  validateEvidence(event.evidence, `${at}.evidence`, text, fail);
}

function validateDate(event: Record<string, unknown>, at: string, fail: Fail): void {
  const precision = event.date_precision as DatePrecision;
  if (!DATE_PRECISIONS.includes(precision)) {
    fail(`${at}.date_precision`, `expected one of ${DATE_PRECISIONS.join(', ')}, got ${describe(precision)}`);
  }
  const date = event.date;
  if (date === null) return;
  if (typeof date !== 'string') {
    fail(`${at}.date`, `expected a string or null, got ${describe(date)}`);
    return;
  }
  const shapes: Record<DatePrecision, (d: string) => boolean> = {
    day: isIsoDay,
    month: (d) => /^\d{4}-(0[1-9]|1[0-2])$/.test(d),
    year: (d) => /^\d{4}$/.test(d),
    range: (d) => isIsoDay(d) || /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(d),
    unknown: (d) => isIsoDay(d) || /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(d),
  };
  const fits = shapes[precision];
  if (fits && !fits(date)) fail(`${at}.date`, `${describe(date)} does not fit date_precision "${precision}"`);
}

function validateCoordinate(value: unknown, min: number, max: number, at: string, fail: Fail): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(at, `expected a number from ${min} to ${max} or null, got ${describe(value)}`);
  }
}

function validateAttributions(value: unknown, at: string, fail: Fail): void {
  if (!Array.isArray(value)) {
    fail(at, `expected an array, got ${describe(value)}`);
    return;
  }
  value.forEach((a, i) => {
    const here = `${at}[${i}]`;
    if (!isRecord(a)) {
      fail(here, `expected an object, got ${describe(a)}`);
      return;
    }
    // Codes live in data/lexicon, so only their shape is checked here.
    if (typeof a.belligerent !== 'string' || !/^[a-z][a-z0-9-]*$/.test(a.belligerent)) {
      fail(`${here}.belligerent`, `expected a lowercase code, got ${describe(a.belligerent)}`);
    }
    if (!STANCES.includes(a.stance as Stance)) {
      fail(`${here}.stance`, `expected one of ${STANCES.join(', ')}, got ${describe(a.stance)}`);
    }
    if (typeof a.by !== 'string') fail(`${here}.by`, `expected a string, got ${describe(a.by)}`);
    if (typeof a.quote !== 'string') fail(`${here}.quote`, `expected a string, got ${describe(a.quote)}`);
  });
}

function validateRange(value: unknown, at: string, fail: Fail): void {
  if (value === null) return;
  if (!isRecord(value)) {
    fail(at, `expected {min, max} or null, got ${describe(value)}`);
    return;
  }
  for (const bound of ['min', 'max'] as const) {
    const n = value[bound];
    if (n !== null && !(typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
      fail(`${at}.${bound}`, `expected a whole number >= 0 or null, got ${describe(n)}`);
    }
  }
  if (typeof value.min === 'number' && typeof value.max === 'number' && value.min > value.max) {
    fail(at, `min ${value.min} is above max ${value.max}`);
  }
}

function validateEvidence(value: unknown, at: string, text: string, fail: Fail): void {
  if (!Array.isArray(value)) {
    fail(at, `expected an array, got ${describe(value)}`);
    return;
  }
  value.forEach((e, i) => {
    const here = `${at}[${i}]`;
    if (!isRecord(e)) {
      fail(here, `expected an object, got ${describe(e)}`);
      return;
    }
    if (typeof e.field !== 'string' || e.field === '') fail(`${here}.field`, 'expected a field name');
    const { start, end } = e;
    if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) {
      fail(`${here}.start`, `expected an offset >= 0, got ${describe(start)}`);
      return;
    }
    if (typeof end !== 'number' || !Number.isInteger(end) || end < start || end > text.length) {
      fail(`${here}.end`, `expected an offset from ${start} to ${text.length}, got ${describe(end)}`);
      return;
    }
    if (e.text !== text.slice(start, end)) {
      fail(`${here}.text`, `${describe(e.text)} is not the document text at ${start}-${end}`);
    }
  });
}
