/**
 * Declared strikes from a strike log: "For June 14th-15th, the Coalition reported: “Near Raqqah,
 * 11 strikes engaged eight ISIS tactical units; destroyed nine fighting positions”", "On November
 * 20, ... 18 cruise missiles against 7 targets in the Raqqah, Idlib and Aleppo provinces", and
 * declared absences ("did not report any strikes near Al Qa'im").
 */
import type { DayWindow, DeclaredStrike } from '../../domain/official.ts';
import type { PlaceResolver } from '../../domain/place.ts';
import { COUNT, countOf } from './numbers.ts';
import type { CompiledPhrases } from './official-phrases.ts';
import { plain } from './official-phrases.ts';
import { namedPlaces, resolvePlace } from './places.ts';
import { findDates, type FoundDate } from './statement-dates.ts';

const ABBREVIATION = /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|St|No|[A-Z])\.$/;

/** Sentences with their offsets; quotes end a sentence too, so a release quoted inside a framing line stands alone. */
function sentences(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  const cut = /[.!?]+(?=[\s"“”‘’']|$)|["“”]/g;
  let from = 0;
  const push = (to: number): void => {
    const piece = text.slice(from, to);
    const last = out.at(-1);
    // "Oct." or "U.S." ends no sentence: the next piece belongs to it.
    if (last !== undefined && ABBREVIATION.test(last.text) && last.start + last.text.length === from)
      last.text += piece;
    else if (piece.trim().length > 3) out.push({ start: from, text: piece });
    from = to;
  };
  for (let m = cut.exec(text); m !== null; m = cut.exec(text)) push(m.index + m[0].length);
  if (from < text.length) push(text.length);
  return out;
}

/** What follows the first strike verb, cut into the things engaged, destroyed or damaged. */
function targetsOf(sentence: string, verb: RegExp): string[] {
  const m = verb.exec(sentence);
  if (m === null) return [];
  const tail = sentence.slice(m.index + m[0].length);
  return tail
    .split(
      new RegExp(
        `[,;]|\\band\\b(?= (?:${COUNT}|the|several|multiple)\\b)|\\b(?:${verb.source.replace(/^\\b|\\b$/g, '')})\\b`,
        'i',
      ),
    )
    .map((t) =>
      t
        .replace(/^[\s,;:]*(?:and )?/i, '')
        .replace(/(?:\s+and)?[\s.”"'’]*$/i, '')
        .trim(),
    )
    .filter((t) => t.length > 1 && t.length < 80 && !/^(?:and|the|while|with)$/i.test(t))
    .slice(0, 12);
}

/** The date in force for a sentence: its own first date, else the last told before it, else the report's own day. */
function dateAt(dates: FoundDate[], start: number, end: number, reference: string | null): DayWindow | null {
  const own = dates.find((d) => d.start >= start && d.start < end);
  if (own !== undefined) return own.window;
  let current: DayWindow | null = null;
  for (const d of dates) if (d.start <= start) current = d.window;
  return current ?? (reference === null ? null : { from: reference, to: reference });
}

/** Every declared strike and declared absence in a strike log. */
export function readStrikeLog(
  text: string,
  belligerent: string,
  reference: string | null,
  phrases: CompiledPhrases,
  resolver: PlaceResolver,
  offset = 0,
): DeclaredStrike[] {
  const dates = findDates(text, reference);
  const strikeNoun = new RegExp(`\\b(${COUNT}) (?:[\\w-]+ ){0,2}?${phrases.strikeWord}\\b`, 'i');
  const verb = new RegExp(`\\b${phrases.strikeVerb}\\b`, 'i');
  const out: DeclaredStrike[] = [];
  for (const s of sentences(text)) {
    const lower = plain(s.text);
    const absence = phrases.absence.exec(lower);
    const counted = strikeNoun.exec(s.text);
    if (absence === null && counted === null && !verb.test(s.text)) continue;
    const places = namedPlaces(s.text, phrases.placeLeads);
    const date = dateAt(dates, s.start, s.start + s.text.length, reference);
    const evidence = { start: offset + s.start, end: offset + s.start + s.text.length, text: s.text.trim() };
    if (absence !== null) {
      if (places.length === 0)
        out.push({ belligerent, date, place: null, strikes: 0, targets: [], evidence });
      for (const p of places)
        out.push({ belligerent, date, place: resolvePlace(p, resolver), strikes: 0, targets: [], evidence });
      continue;
    }
    if (places.length === 0) continue;
    const count = counted === null ? null : countOf(counted[1]!);
    const targets = targetsOf(s.text, verb);
    for (const p of places)
      out.push({
        belligerent,
        date,
        place: resolvePlace(p, resolver),
        strikes: places.length === 1 ? count : null,
        targets,
        evidence,
      });
  }
  return out;
}
