/** Numbers written in digits or words, found with their offsets. */
import { matches } from './text.ts';

/** Number words up to nineteen, with "a"/"an" as one. */
export const UNITS: Record<string, number> = {
  zero: 0,
  no: 0,
  one: 1,
  a: 1,
  an: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Vague quantities: only used when a group has no number at all. */
export const VAGUE: Record<string, number> = { dozens: 24, scores: 40, hundreds: 200, tens: 20 };

export interface NumberMention {
  start: number;
  end: number;
  value: number;
  /** "dozens", "scores", "hundreds": a lower bound only. */
  vague: boolean;
}

const WORD_RE =
  /\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+(?:and\s+)?(?:(?:twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?|(?:twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|half\s+a\s+dozen|dozens|scores|hundreds|tens|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+thousand)\b/g;
// "a"/"an" starting a word: the word start is checked in findNumbers (a leading \b is slower).
const SINGLE_RE =
  /(?:a|an)(?=\s+(?:(?:young|little|pregnant|elderly|syrian|local|palestinian)\s+)?(?:woman|man|child|boy|girl|baby|infant|civilian|soldier|fighter|medic|paramedic|journalist|teenager|person|toddler|mother|father)\b)/g;
const WORD_CHAR = /\w/;
const DIGIT_RE = /\b\d{1,3}(?:,\d{3})+\b|\b\d+\b/g;

/** Values of the number phrases seen so far: few distinct phrases recur. */
const wordValues = new Map<string, number | null>();

function wordValue(raw: string): number | null {
  let v = wordValues.get(raw);
  if (v === undefined) {
    v = computeWordValue(raw);
    if (wordValues.size >= 10000) wordValues.clear();
    wordValues.set(raw, v);
  }
  return v;
}

function computeWordValue(raw: string): number | null {
  const w = raw.toLowerCase().replace(/\s+/g, ' ').replace(/-/g, ' ');
  if (w === 'a dozen') return 12;
  if (w === 'half a dozen') return 6;
  if (w in VAGUE) return VAGUE[w]!;
  const parts = w.split(' ').filter((p) => p !== 'and');
  let total = 0;
  let current = 0;
  for (const p of parts) {
    if (p in UNITS) current += UNITS[p]!;
    else if (p in TENS) current += TENS[p]!;
    else if (p === 'hundred') current = (current || 1) * 100;
    else if (p === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else return null;
  }
  return total + current;
}

/** Every number in `text` (already lowercased), in order. Years (1900-2099 after "in"/month) are skipped. */
export function findNumbers(lower: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of matches(DIGIT_RE, lower)) {
    const start = m.index;
    const prev = lower[start - 1];
    const next = lower[start + m[0].length];
    // Parts of times, dates, codes and decimals are not counts.
    if (
      prev === ':' ||
      prev === '.' ||
      prev === '/' ||
      prev === '-' ||
      next === ':' ||
      next === '/' ||
      next === '-'
    )
      continue;
    if (next === '.' && /\d/.test(lower[start + m[0].length + 1] ?? '')) continue;
    const value = Number(m[0].replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    out.push({ start, end: start + m[0].length, value, vague: false });
  }
  for (const m of matches(WORD_RE, lower)) {
    const value = wordValue(m[0]);
    if (value === null) continue;
    const isVague = m[0] in VAGUE;
    out.push({ start: m.index, end: m.index + m[0].length, value, vague: isVague });
  }
  SINGLE_RE.lastIndex = 0;
  for (let m = SINGLE_RE.exec(lower); m !== null; m = SINGLE_RE.exec(lower)) {
    if (m.index > 0 && WORD_CHAR.test(lower[m.index - 1]!)) SINGLE_RE.lastIndex = m.index + 1;
    else out.push({ start: m.index, end: m.index + m[0].length, value: 1, vague: false });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
