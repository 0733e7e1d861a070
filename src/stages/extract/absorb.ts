/**
 * A strike reported at a broad place (a governorate, or the city that gives the governorate its
 * name) next to one at a specific place inside it is usually the same strike told twice: "jets
 * struck Raqqa province on Saturday ... the raid on the village of Hanida killed 20". This folds
 * such broad events into the specific one when nothing says they differ.
 */
import type { ExtractedEvent } from '../../domain/extraction.ts';
import { distanceKm, precisionRankOf } from '../../domain/geo.ts';
import type { Range } from '../../domain/range.ts';

/** An event with the position of its first sentence, and a way to rebuild it with more sentences. */
export interface Absorbable<T> {
  event: ExtractedEvent;
  /** Offset of the event's first sentence in the text. */
  at: number;
  /** The event's place is the seat of its governorate (Aleppo, Raqqa, Damascus), by any name. */
  seat: boolean;
  /** The event names no place of its own and took the document's first place. */
  placeless?: boolean;
  /** The text tells it as another strike at a place already named ("another raid", "fresh strikes"). */
  separate?: boolean;
  source: T;
}

/** Farther than this from the broad place's point, a specific place is not "inside" it. */
const NEAR_KM = 60;
const DAY = 86_400_000;

/** Consonant skeleton, so that "Deir Az-Zour" and "Deir ez-Zor" compare equal. */
const letters = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')
    .replace(/[aeiouyw]/g, '')
    .replace(/(.)\1+/g, '$1');

/** A governorate, district, or the city named like its governorate ("Raqqa", "Hama", "Idlib"). */
export function isBroad(e: ExtractedEvent, seat = false): boolean {
  if (e.place === null || e.admin1 === null) return false;
  if (e.location_precision === 'governorate' || e.location_precision === 'district') return true;
  if (e.location_precision !== 'city') return false;
  if (seat) return true;
  const name = letters(e.place);
  const admin1 = letters(e.admin1);
  return name === admin1 || admin1.startsWith(name) || name.startsWith(admin1);
}

function eventKm(a: ExtractedEvent, b: ExtractedEvent): number {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return Infinity;
  return distanceKm(a.lat, a.lon, b.lat, b.lon);
}

/** True when `inner` lies within the broad event's area. */
function inside(broad: ExtractedEvent, inner: ExtractedEvent, innerSeat: boolean): boolean {
  if (inner.place === null || isBroad(inner, innerSeat)) return false;
  const innerRank = precisionRankOf(inner.location_precision);
  const broadRank = precisionRankOf(broad.location_precision);
  if (innerRank < broadRank && inner.admin1 !== null && inner.admin1 === broad.admin1) return true;
  // A town near the governorate's capital, or Damascus and its suburbs across the governorate line.
  return innerRank <= broadRank && eventKm(broad, inner) <= NEAR_KM;
}

function datesAgree(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  if (a.length !== 10 || b.length !== 10) return a.startsWith(b) || b.startsWith(a);
  return Math.abs(Date.parse(a) - Date.parse(b)) <= DAY;
}

const hasFigure = (r: Range | null): boolean => r !== null && (r.min !== null || r.max !== null);

function overlaps(a: Range | null, b: Range | null): boolean {
  if (!hasFigure(a) || !hasFigure(b)) return true;
  const lo = (r: Range): number => r.min ?? 0;
  const hi = (r: Range): number => r.max ?? Infinity;
  return lo(a!) <= hi(b!) && lo(b!) <= hi(a!);
}

/** Plan value for a broad event that only totals the specific ones: it is left out. */
export const DROP = -1;

/**
 * Whether the total is the sum of two or more of the parts' exact figures: all of them, or some
 * (a part may be told with a figure of another day or a later update).
 */
function isSumOf(total: Range, parts: Array<Range | null>): boolean {
  const exact = parts.filter((p): p is Range => p !== null && p.min !== null && p.min === p.max);
  if (exact.length < 2 || exact.length > MAX_SUMMED) return false;
  const targets = [total.min, total.max].filter((t): t is number => t !== null);
  for (let mask = 1; mask < 1 << exact.length; mask++) {
    let n = 0;
    let sum = 0;
    for (let i = 0; i < exact.length; i++)
      if (mask & (1 << i)) {
        n++;
        sum += exact[i]!.min!;
      }
    if (n >= 2 && targets.includes(sum)) return true;
  }
  return false;
}

const MAX_SUMMED = 8;

/**
 * Decides which broad events fold into which specific ones. Returns, for each absorbed index, the
 * index it joins (or DROP). A broad event with its own death toll joins only when exactly one specific event
 * fits and the tolls agree; without a toll it joins the nearest fitting event in the text.
 */
export function planAbsorption<T>(items: Absorbable<T>[]): Map<number, number> {
  const plan = new Map<number, number>();
  // The same place on compatible dates, told in two parts of the text, is one strike.
  items.forEach((b, bi) => {
    const e = b.event;
    if (e.place === null) return;
    if (b.separate) return;
    const twin = items.findIndex(
      (o, oi) =>
        oi < bi &&
        !plan.has(oi) &&
        (e.gazetteer_id !== null ? o.event.gazetteer_id === e.gazetteer_id : o.event.place === e.place) &&
        o.event.admin1 === e.admin1 &&
        o.event.background === e.background &&
        (o.event.date === null || e.date === null || o.event.date === e.date) &&
        // A passage that names no place of its own borrowed this one: it joins only when its toll agrees.
        (!(b.placeless || o.placeless) || overlaps(o.event.killed, e.killed)),
    );
    if (twin >= 0) plan.set(bi, twin);
  });
  items.forEach((b, bi) => {
    if (plan.has(bi)) return;
    if (!isBroad(b.event, b.seat)) return;
    const fits = items
      .map((s, si) => ({ s, si }))
      .filter(
        ({ s, si }) =>
          si !== bi &&
          !plan.has(si) &&
          s.event.background === b.event.background &&
          inside(b.event, s.event, s.seat) &&
          datesAgree(b.event.date, s.event.date),
      );
    if (fits.length === 0) return;
    if (hasFigure(b.event.killed)) {
      // A toll that is exactly the sum of the places' own tolls is their total, not another strike.
      if (
        fits.length > 1 &&
        isSumOf(
          b.event.killed!,
          fits.map((f) => f.s.event.killed),
        )
      ) {
        plan.set(bi, DROP);
        return;
      }
      if (fits.length !== 1 || !overlaps(b.event.killed, fits[0]!.s.event.killed)) return;
      plan.set(bi, fits[0]!.si);
      return;
    }
    fits.sort((x, y) => Math.abs(x.s.at - b.at) - Math.abs(y.s.at - b.at));
    plan.set(bi, fits[0]!.si);
  });
  // A chain (a broad event joining one that itself joins another) ends at the last one.
  for (const [from, to] of plan) {
    if (to === DROP) continue;
    let end = to;
    const seen = new Set([from]);
    while (plan.has(end) && !seen.has(end)) {
      seen.add(end);
      end = plan.get(end)!;
    }
    plan.set(from, end);
  }
  return plan;
}
