/**
 * The compatibility rules between a claim and an incident: dates, places, casualty scale and
 * reports. Each rule answers with a verdict, a strength and a sentence an analyst can read.
 */
import type { IncidentFootprint, IncidentPlace, StoredClaim } from '../../domain/incident.ts';
import type { Range } from '../../domain/range.ts';
import { isoDay, type DaySpan } from './days.ts';
import {
  describePlace,
  distanceKm,
  hasPoint,
  isSettlement,
  nameKey,
  precisionRank,
  REACH_KM,
} from './places.ts';

export type DateMatch = 'same' | 'adjacent' | 'coarse';
export type PlaceMatch = 'same' | 'within' | 'area';

/** A rule's answer; the sentence is written only if someone reads it (most candidates are dropped unread). */
export type Verdict<T> = { ok: true; match: T; reason: string } | { ok: false; rule: string; reason: string };

/** Days a report may shift a strike by: "late Monday" in one outlet is "on Tuesday" in the next. */
export const DAY_TOLERANCE = 1;
/** Two day-precision claims never stretch one incident past this many days. */
const MAX_DAY_SPAN = 3;
/** With a range on either side, up to this many days. */
const MAX_RANGE_SPAN = 4;
/** Same-named places this close are one place spelled or resolved differently. */
const SAME_NAME_KM = 15;
/** Different gazetteer entries this close at the same level are duplicates of one place. */
const DUPLICATE_ENTRY_KM = 1;
/** A toll this many times the other's, and this many deaths apart, is a different event. */
const SCALE_FACTOR = 5;
const SCALE_GAP = 20;

function showSpan(s: DaySpan): string {
  return s.from === s.to ? isoDay(s.from) : `${isoDay(s.from)}..${isoDay(s.to)}`;
}

const FINE_DATES = new Set(['day', 'range']);

/** Date rule: fine dates within a day of each other; a coarse date only where it covers the other. */
export function compareDates(claim: DaySpan, incident: DaySpan, explain = true): Verdict<DateMatch> {
  const gap = Math.max(claim.from - incident.to, incident.from - claim.to, 0);
  const fine = FINE_DATES.has(claim.precision) && FINE_DATES.has(incident.precision);
  if (gap > DAY_TOLERANCE)
    return {
      ok: false,
      rule: 'date-apart',
      reason: explain ? `dates ${showSpan(claim)} and ${showSpan(incident)} are ${gap} days apart` : '',
    };
  if (!fine)
    return gap === 0
      ? {
          ok: true,
          match: 'coarse',
          reason: explain
            ? `a ${claim.precision}-level date ${showSpan(claim)} overlaps the incident's ${incident.precision}-level ${showSpan(incident)}`
            : '',
        }
      : {
          ok: false,
          rule: 'date-apart',
          reason: explain ? `coarse dates ${showSpan(claim)} and ${showSpan(incident)} do not overlap` : '',
        };
  const span = Math.max(claim.to, incident.to) - Math.min(claim.from, incident.from) + 1;
  const limit = claim.precision === 'day' && incident.precision === 'day' ? MAX_DAY_SPAN : MAX_RANGE_SPAN;
  if (span > limit)
    return {
      ok: false,
      rule: 'date-drift',
      reason: explain
        ? `joining would stretch the incident over ${span} days (${showSpan(claim)} with ${showSpan(incident)})`
        : '',
    };
  if (gap === 0)
    return { ok: true, match: 'same', reason: explain ? `dates agree (${showSpan(claim)})` : '' };
  return {
    ok: true,
    match: 'adjacent',
    reason: explain
      ? `dates a day apart (${showSpan(claim)} and ${showSpan(incident)}), as a report day and a strike day can be`
      : '',
  };
}

/** How a place is known: with a point, as a governorate, as a name the gazetteer did not resolve, or not at all. */
type PlaceLevel = 'point' | 'governorate' | 'unresolved' | 'none';

export function placeLevel(p: IncidentPlace): PlaceLevel {
  if (hasPoint(p)) return 'point';
  if (p.precision === 'governorate' || (p.precision === null && p.name === null && p.admin1 !== null))
    return p.admin1 === null ? 'none' : 'governorate';
  // A country alone ("in Syria") cannot tell two strikes apart.
  if (p.precision === 'country') return 'none';
  return p.name !== null ? 'unresolved' : 'none';
}

function sameName(a: IncidentPlace, b: IncidentPlace): boolean {
  const ka = nameKey(a.name);
  return ka !== null && ka === nameKey(b.name);
}

/**
 * Place rule. Two places with points: the same gazetteer entry or the same name nearby; two
 * different places at the same level, or two different settlements (a village beside a town),
 * are different places; otherwise the finer (a neighbourhood, a landmark) must lie within the
 * coarser's reach (its town, city or district). A governorate-level place matches anything in
 * its governorate, weakly, and never moves the incident off its point.
 */
export function comparePlaces(
  claim: IncidentPlace,
  incident: IncidentPlace,
  explain = true,
): Verdict<PlaceMatch> {
  const lc = placeLevel(claim);
  const li = placeLevel(incident);
  if (lc === 'none' || li === 'none')
    return {
      ok: false,
      rule: 'place-unknown',
      reason: explain ? `${describePlace(lc === 'none' ? claim : incident)} names no usable place` : '',
    };
  if (lc === 'point' && li === 'point') {
    const d = distanceKm(claim.lat!, claim.lon!, incident.lat!, incident.lon!);
    if (claim.gazetteerId !== null && claim.gazetteerId === incident.gazetteerId)
      return { ok: true, match: 'same', reason: explain ? `same place (${describePlace(claim)})` : '' };
    if (sameName(claim, incident) && d <= SAME_NAME_KM)
      return {
        ok: true,
        match: 'same',
        reason: explain
          ? `same place name (${describePlace(claim)}; ${describePlace(incident)}; ${d.toFixed(1)} km apart)`
          : '',
      };
    const rc = precisionRank(claim.precision);
    const ri = precisionRank(incident.precision);
    if (rc === ri || (isSettlement(claim.precision) && isSettlement(incident.precision))) {
      if (d <= DUPLICATE_ENTRY_KM)
        return {
          ok: true,
          match: 'same',
          reason: explain
            ? `${describePlace(claim)} and ${describePlace(incident)} are ${d.toFixed(1)} km apart: one place`
            : '',
        };
      return {
        ok: false,
        rule: 'place-different',
        reason: explain
          ? `different places: ${describePlace(claim)} and ${describePlace(incident)} are ${d.toFixed(1)} km apart`
          : '',
      };
    }
    const coarser = rc > ri ? claim : incident;
    const reach = REACH_KM[coarser.precision!];
    if (d <= reach)
      return {
        ok: true,
        match: 'within',
        reason: explain
          ? `${describePlace(rc > ri ? incident : claim)} lies ${d.toFixed(1)} km from ${describePlace(coarser)}, within its ${reach} km`
          : '',
      };
    return {
      ok: false,
      rule: 'place-far',
      reason: explain
        ? `${describePlace(rc > ri ? incident : claim)} is ${d.toFixed(1)} km from ${describePlace(coarser)}, beyond its ${reach} km`
        : '',
    };
  }
  if (lc === 'unresolved' || li === 'unresolved') {
    if (sameName(claim, incident))
      return {
        ok: true,
        match: 'same',
        reason: explain ? `same place name (${describePlace(claim)}; ${describePlace(incident)})` : '',
      };
    return {
      ok: false,
      rule: 'place-different',
      reason: explain ? `place names differ (${describePlace(claim)}; ${describePlace(incident)})` : '',
    };
  }
  // One side or both known only to the governorate.
  if (claim.admin1 !== null && claim.admin1 === incident.admin1)
    return {
      ok: true,
      match: 'area',
      reason: explain
        ? `${describePlace(lc === 'governorate' ? claim : incident)} is governorate-level and ${describePlace(lc === 'governorate' ? incident : claim)} is in ${claim.admin1}`
        : '',
    };
  return {
    ok: false,
    rule: 'place-governorate',
    reason: explain
      ? `${describePlace(claim)} and ${describePlace(incident)} are not known to be in one governorate`
      : '',
  };
}

function showToll(r: Range): string {
  return `${r.min ?? '?'}-${r.max ?? '?'}`;
}

function scaleApart(low: number, high: number | null): boolean {
  return high !== null && low > SCALE_FACTOR * high && low - high >= SCALE_GAP;
}

function lowOf(r: Range): number {
  return r.min ?? 0;
}

/**
 * Casualty-scale rule: tolls may differ (early and late counts, partial counts), but one several
 * times the other and far apart describes a different strike.
 */
export function compareScale(
  claim: Range | null,
  incident: Range | null,
  explain = true,
): Verdict<'agree' | 'differ' | 'unknown'> {
  if (claim === null || incident === null)
    return { ok: true, match: 'unknown', reason: 'no tolls to compare' };
  if (scaleApart(lowOf(claim), incident.max) || scaleApart(lowOf(incident), claim.max))
    return {
      ok: false,
      rule: 'scale-contradiction',
      reason: explain ? `tolls contradict (${showToll(claim)} killed against ${showToll(incident)})` : '',
    };
  const overlap =
    (incident.max === null || lowOf(claim) <= incident.max) &&
    (claim.max === null || lowOf(incident) <= claim.max);
  return overlap
    ? {
        ok: true,
        match: 'agree',
        reason: explain ? `tolls agree (${showToll(claim)} killed against ${showToll(incident)})` : '',
      }
    : {
        ok: true,
        match: 'differ',
        reason: explain
          ? `tolls differ but not in scale (${showToll(claim)} killed against ${showToll(incident)})`
          : '',
      };
}

/** Report rule: a report's separate events are separate strikes, so it adds one claim per incident. */
export function compareReport(
  claim: StoredClaim,
  incident: IncidentFootprint,
  explain = true,
): Verdict<'other'> {
  if (incident.reportIds.includes(claim.reportId))
    return {
      ok: false,
      rule: 'same-report',
      reason: explain
        ? `report ${claim.reportId} already has a claim in ${incident.id}; its events are separate strikes`
        : '',
    };
  return { ok: true, match: 'other', reason: 'another report' };
}
