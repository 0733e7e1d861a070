/** An incident's footprint grows claim by claim: the finest date and place win, tolls widen. */
import type { IncidentFootprint, IncidentPlace, StoredClaim } from '../../domain/incident.ts';
import { envelope } from '../../domain/range.ts';
import { claimSpan, toSpan, toWindow, WINDOW_ORDER, type DaySpan } from './days.ts';
import { precisionRank } from './places.ts';

export function claimPlace(claim: StoredClaim): IncidentPlace {
  const e = claim.event;
  // A governorate or country named as the place has no point of its own: its seat's
  // coordinates must not pin the incident to a town.
  const area = e.location_precision === 'governorate' || e.location_precision === 'country';
  const point = !area && e.lat !== null && e.lon !== null;
  return {
    name: e.place,
    admin1: e.admin1,
    country: e.country,
    lat: point ? e.lat : null,
    lon: point ? e.lon : null,
    precision: e.location_precision,
    gazetteerId: e.gazetteer_id,
  };
}

function joinSpans(a: DaySpan | null, b: DaySpan | null): DaySpan | null {
  if (a === null) return b;
  if (b === null) return a;
  if (WINDOW_ORDER[b.precision] < WINDOW_ORDER[a.precision]) return b;
  if (WINDOW_ORDER[b.precision] > WINDOW_ORDER[a.precision]) return a;
  // Day claims that disagree by a day stay day-precise: the date rule caps how far they spread.
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to), precision: a.precision };
}

function finerPlace(a: IncidentPlace, b: IncidentPlace): IncidentPlace {
  const ra = precisionRank(a.precision);
  const rb = precisionRank(b.precision);
  if (rb < ra) return { ...b, admin1: b.admin1 ?? a.admin1, country: b.country ?? a.country };
  if (ra === rb && a.name === null && b.name !== null) return b;
  return { ...a, admin1: a.admin1 ?? b.admin1, country: a.country ?? b.country };
}

/** The footprint of a new incident holding one claim. */
export function footprintOfClaim(id: string, claim: StoredClaim): IncidentFootprint {
  const span = claimSpan(claim);
  return {
    id,
    claimIds: [claim.id],
    reportIds: [claim.reportId],
    date: span === null ? null : toWindow(span),
    place: claimPlace(claim),
    killed: claim.event.killed,
  };
}

/** The footprint once `claim` has joined: a pure update, cost independent of the incident's size. */
export function extendFootprint(fp: IncidentFootprint, claim: StoredClaim): IncidentFootprint {
  const span = joinSpans(fp.date === null ? null : toSpan(fp.date), claimSpan(claim));
  const ranges = [fp.killed, claim.event.killed].filter((r) => r !== null);
  return {
    id: fp.id,
    claimIds: [...fp.claimIds, claim.id],
    reportIds: [...fp.reportIds, claim.reportId],
    date: span === null ? null : toWindow(span),
    place: finerPlace(fp.place, claimPlace(claim)),
    killed: envelope(ranges),
  };
}

/** The footprint of an incident made of these claims (after an analyst's merge or split). */
export function footprintFromClaims(id: string, claims: StoredClaim[]): IncidentFootprint | null {
  const [first, ...rest] = claims;
  if (first === undefined) return null;
  return rest.reduce((fp, c) => extendFootprint(fp, c), footprintOfClaim(id, first));
}
