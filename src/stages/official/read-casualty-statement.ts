/**
 * A belligerent's verdict on one civilian-casualty allegation: "assessed that no Coalition
 * strikes were conducted in the geographical area" (non-credible, no strikes in that area),
 * "assessed that two civilians were unintentionally killed" (credible, 2 conceded).
 */
import type { BelligerentVerdict } from '../../domain/grading.ts';
import type { CasualtyStatement, Span, VerdictReason } from '../../domain/official.ts';
import type { Range } from '../../domain/range.ts';
import { COUNT, countOf } from './numbers.ts';
import type { CompiledPhrases } from './official-phrases.ts';
import { plain } from './official-phrases.ts';

/** The verdict and reason a statement's words give, or null when it states no verdict. */
export function classifyStatement(
  text: string,
  phrases: CompiledPhrases,
): { verdict: BelligerentVerdict; reason: VerdictReason | null } | null {
  const lower = plain(text);
  const hit = phrases.verdicts.find((v) => v.re.test(lower));
  if (hit === undefined) return null;
  const verdict = hit.verdict;
  for (const r of phrases.reasons) {
    if (r.verdict !== verdict) continue;
    const m = r.re.exec(lower);
    if (m === null) continue;
    return {
      verdict,
      reason: { code: r.code, words: r.words, evidence: spanOf(text, m.index, m.index + m[0].length) },
    };
  }
  return { verdict, reason: { code: phrases.noReason.code, words: phrases.noReason.words, evidence: null } };
}

function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

const FIGHTERS =
  /^(?:\w+ )?(?:isis|isil|daesh|fighters?|militants?|combatants?|terrorists?|insurgents?|enemy)\b/;
const MONTH_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? $/;
const HARMED = /(?:civilian|people|person|bystander|driver|passenger|child|woman|women|men|man|were|was)/;
const PERSON = /^(?:\w+ )?(?:civilian|person|child|woman|man|bystander|driver|passenger)/;
const OTHER_COUNT = new RegExp(`\\b(?!an?\\b|single\\b)${COUNT}\\b`);
const CONCEDED = new RegExp(
  `\\b(?:up to |nearly |approximately |about |at least )?(${COUNT})\\b((?: [\\w-]+){0,8}?) (?:(?:was|were|had been|have been|are|is) )?(?:\\w+ )?(killed|injured|wounded|died)\\b`,
  'g',
);

/** Deaths and injuries a credible statement concedes: the largest figure told of each, as an exact range. */
export function concededHarm(text: string): { killed: Range | null; injured: Range | null } {
  const lower = plain(text);
  let killed: number | null = null;
  let injured: number | null = null;
  CONCEDED.lastIndex = 0;
  for (let m = CONCEDED.exec(lower); m !== null; m = CONCEDED.exec(lower)) {
    const between = m[2]!.trim();
    const n = countOf(m[1]!);
    // A figure with a month before it is a date; one told of fighters is not civilian harm.
    const before = lower.slice(Math.max(0, m.index - 10), m.index);
    const rejected =
      n === null ||
      FIGHTERS.test(between) ||
      (MONTH_BEFORE.test(before) && /\d/.test(m[1]!)) ||
      !HARMED.test(`${between} ${m[0]}`) ||
      // Another figure between the count and the verb: the count is not the one harmed.
      OTHER_COUNT.test(between) ||
      (/^an?$/.test(m[1]!) && !PERSON.test(between));
    if (rejected) {
      // Look again from the next word: a later figure may be the one.
      CONCEDED.lastIndex = m.index + m[1]!.length;
      continue;
    }
    if (m[3] === 'killed' || m[3] === 'died') killed = Math.max(killed ?? 0, n);
    else injured = Math.max(injured ?? 0, n);
  }
  const exact = (n: number | null): Range | null => (n === null ? null : { min: n, max: n });
  return { killed: exact(killed), injured: exact(injured) };
}

/** A casualty statement read from one allegation's text; null when the text states no verdict. */
export function readCasualtyStatement(
  text: string,
  belligerent: string,
  phrases: CompiledPhrases,
  offset = 0,
): Omit<CasualtyStatement, 'date' | 'place'> | null {
  const classified = classifyStatement(text, phrases);
  if (classified === null) return null;
  const harm = classified.verdict === 'credible' ? concededHarm(text) : { killed: null, injured: null };
  const shift = (s: Span | null): Span | null =>
    s === null ? null : { ...s, start: s.start + offset, end: s.end + offset };
  return {
    belligerent,
    verdict: classified.verdict,
    reason:
      classified.reason === null
        ? null
        : { ...classified.reason, evidence: shift(classified.reason.evidence) },
    killedConceded: harm.killed,
    injuredConceded: harm.injured,
    evidence: { start: offset, end: offset + text.length, text },
  };
}
