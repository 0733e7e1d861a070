/** Deciding, claim by claim, which incident a claim describes: incremental, a few lookups per claim. */
import type { IncidentFootprint, IncidentPlace, StoredClaim } from '../../domain/incident.ts';
import type { CandidateQuery, CandidateIndex, IncidentIndex } from './candidate-index.ts';
import { claimSpan, isoDay, toSpan, type DaySpan } from './days.ts';
import { extendFootprint, footprintOfClaim, claimPlace } from './footprint.ts';
import { distanceKm, hasPoint, isTownOrFiner, nameKey, searchRadiusKm } from './places.ts';
import {
  compareDates,
  comparePlaces,
  compareReport,
  compareScale,
  placeLevel,
  DAY_TOLERANCE,
  type DateMatch,
  type PlaceMatch,
} from './rules.ts';

/** An analyst's standing decisions about one claim (see activePins). */
export interface ClaimPins {
  /** The incident the claim was pinned to, or null. */
  with: string | null;
  /** Incidents the claim must stay out of. */
  apart: string[];
}

/**
 * Where a claim goes: into an existing incident, into a new one (`incidentId` set when an
 * analyst's pin names it), or nowhere (a background mention too vague to stand as an incident).
 */
export type ClusterDecision =
  | { kind: 'join'; incidentId: string; rule: string; reason: string }
  | { kind: 'new'; incidentId: string | null; rule: string; reason: string }
  | { kind: 'skip'; rule: string; reason: string };

const PLACE_SCORE: Record<PlaceMatch, number> = { same: 3, within: 2, area: 1 };
const DATE_SCORE: Record<DateMatch, number> = { same: 2, adjacent: 1, coarse: 0 };
/** Rejections quoted in a "new incident" reason. */
const REASONS_QUOTED = 3;

interface Fit {
  incident: IncidentFootprint;
  score: number;
  km: number;
}

interface Context {
  claim: StoredClaim;
  span: DaySpan;
  place: IncidentPlace;
  apart: Set<string>;
}

type Judged = { ok: true; score: number; reason: string } | { ok: false; reason: string | null };

/**
 * Every rule on one candidate, first failure wins. Run quietly (`explain` false) over all
 * candidates, then again with sentences for the few whose reasons a decision quotes. A null
 * reason marks a candidate not worth quoting (an undated incident).
 */
function judge(c: Context, incident: IncidentFootprint, explain: boolean): Judged {
  if (c.apart.has(incident.id)) return { ok: false, reason: 'kept apart by an analyst' };
  const report = compareReport(c.claim, incident, explain);
  if (!report.ok) return { ok: false, reason: report.reason };
  if (incident.date === null) return { ok: false, reason: null };
  const date = compareDates(c.span, toSpan(incident.date), explain);
  if (!date.ok) return { ok: false, reason: date.reason };
  const where = comparePlaces(c.place, incident.place, explain);
  if (!where.ok) return { ok: false, reason: where.reason };
  if (date.match === 'coarse' && (where.match !== 'same' || !isTownOrFiner(c.place.precision)))
    return { ok: false, reason: `a coarse date needs the same town or village, and ${where.reason}` };
  const scale = compareScale(c.claim.event.killed, incident.killed, explain);
  if (!scale.ok) return { ok: false, reason: scale.reason };
  return {
    ok: true,
    score: PLACE_SCORE[where.match] + DATE_SCORE[date.match] + (scale.match === 'agree' ? 1 : 0),
    reason: `${where.reason}; ${date.reason}; ${scale.reason}`,
  };
}

function queryFor(claim: StoredClaim, from: number, to: number): CandidateQuery {
  const place = claimPlace(claim);
  const level = placeLevel(place);
  let box: CandidateQuery['box'] = null;
  if (hasPoint(place)) {
    const radius = searchRadiusKm(place.precision!);
    const dLat = radius / 111;
    const dLon = radius / (111 * Math.max(0.1, Math.cos((place.lat! * Math.PI) / 180)));
    box = {
      south: place.lat! - dLat,
      north: place.lat! + dLat,
      west: place.lon! - dLon,
      east: place.lon! + dLon,
    };
  }
  return {
    from: isoDay(from - DAY_TOLERANCE),
    to: isoDay(to + DAY_TOLERANCE),
    box,
    admin1: level === 'none' || level === 'unresolved' ? null : place.admin1,
    wholeAdmin1: level === 'governorate',
    country: null,
    nameKey: nameKey(place.name),
  };
}

/**
 * Which incident `claim` describes, among those `index` holds; pure apart from reading the index.
 * Rules, in order: an analyst's pin; a claim needs a date (or a dated report) and a place below
 * country level; a candidate must agree on date (by precision), place (by precision), casualty
 * scale, and must not already hold a claim from the same report; a coarse date (month, year, or
 * none but the report's) needs the same town or village, since a city sees many strikes a week; the best-scoring candidate wins, and
 * a governorate-level claim that fits two incidents equally well starts its own.
 */
export function clusterClaim(claim: StoredClaim, index: CandidateIndex, pins?: ClaimPins): ClusterDecision {
  if (pins?.with) {
    const pinned = index.get(pins.with);
    return pinned
      ? {
          kind: 'join',
          incidentId: pins.with,
          rule: 'analyst-pin',
          reason: `pinned to ${pins.with} by an analyst`,
        }
      : {
          kind: 'new',
          incidentId: pins.with,
          rule: 'analyst-pin',
          reason: `pinned to ${pins.with} by an analyst`,
        };
  }
  const background = claim.event.background;
  const span = claimSpan(claim);
  if (span === null)
    return background
      ? {
          kind: 'skip',
          rule: 'background-vague',
          reason: 'a background mention with no date and an undated report',
        }
      : {
          kind: 'new',
          incidentId: null,
          rule: 'undated',
          reason: 'no date and an undated report: cannot be matched',
        };
  const place = claimPlace(claim);
  const level = placeLevel(place);
  if (level === 'none')
    return background
      ? {
          kind: 'skip',
          rule: 'background-vague',
          reason: 'a background mention with no place below country level',
        }
      : {
          kind: 'new',
          incidentId: null,
          rule: 'unplaced',
          reason: 'no place below country level: cannot be matched to one incident',
        };
  const apart = new Set(pins?.apart ?? []);
  const fits: Fit[] = [];
  const rejected: IncidentFootprint[] = [];
  const point = hasPoint(place);
  const key = nameKey(place.name);
  const radius = point ? searchRadiusKm(place.precision!) : Infinity;
  const context: Context = { claim, span, place, apart };
  for (const incident of index.candidates(queryFor(claim, span.from, span.to))) {
    const km =
      point && hasPoint(incident.place)
        ? distanceKm(place.lat!, place.lon!, incident.place.lat!, incident.place.lon!)
        : Infinity;
    // The index answers for a box around the search circle; its corners are no candidates.
    if (km !== Infinity && km > radius && nameKey(incident.place.name) !== key) continue;
    const judged = judge(context, incident, false);
    if (judged.ok) fits.push({ incident, score: judged.score, km });
    else if (judged.reason !== null) rejected.push(incident);
  }
  fits.sort((a, b) => b.score - a.score || a.km - b.km || a.incident.id.localeCompare(b.incident.id));
  const [best, second] = fits;
  const vagueBackground = background && (span.precision !== 'day' || level !== 'point');
  if (best === undefined) {
    const why = rejected.length
      ? `no compatible incident (${rejected
          .slice(0, REASONS_QUOTED)
          .map((incident) => `${incident.id}: ${judge(context, incident, true).reason}`)
          .join(
            '; ',
          )}${rejected.length > REASONS_QUOTED ? `; ${rejected.length - REASONS_QUOTED} more` : ''})`
      : 'no incident nearby in place and time';
    return vagueBackground
      ? {
          kind: 'skip',
          rule: 'background-vague',
          reason: `a background mention too vague to stand alone; ${why}`,
        }
      : { kind: 'new', incidentId: null, rule: 'no-match', reason: why };
  }
  if (level !== 'point' && second !== undefined && second.score === best.score)
    return vagueBackground
      ? {
          kind: 'skip',
          rule: 'background-vague',
          reason: 'a vague background mention that fits several incidents',
        }
      : {
          kind: 'new',
          incidentId: null,
          rule: 'ambiguous',
          reason: `fits ${best.incident.id} and ${second.incident.id} equally well at ${level} level: kept on its own`,
        };
  return {
    kind: 'join',
    incidentId: best.incident.id,
    rule: 'match',
    reason: `joins ${best.incident.id}: ${judge(context, best.incident, true).reason}`,
  };
}

export interface AddedClaim {
  decision: ClusterDecision;
  /** The incident the claim is now in (null when skipped), as written to the index. */
  footprint: IncidentFootprint | null;
}

/** Clusters one claim and writes the result into `index`: the incremental step of a run. */
export function addClaim(
  claim: StoredClaim,
  index: IncidentIndex,
  newId: () => string,
  pins?: ClaimPins,
): AddedClaim {
  const decision = clusterClaim(claim, index, pins);
  if (decision.kind === 'skip') return { decision, footprint: null };
  const footprint =
    decision.kind === 'join'
      ? extendFootprint(index.get(decision.incidentId)!, claim)
      : footprintOfClaim(decision.incidentId ?? newId(), claim);
  index.put(footprint);
  return { decision, footprint };
}

/** Clusters claims in order into `index`, honouring pins: a first run, or a rebuild after a rule change. */
export function clusterAll(
  claims: Iterable<StoredClaim>,
  index: IncidentIndex,
  newId: () => string,
  pins: ReadonlyMap<string, ClaimPins> = new Map(),
): Map<string, AddedClaim> {
  const out = new Map<string, AddedClaim>();
  for (const claim of claims) out.set(claim.id, addClaim(claim, index, newId, pins.get(claim.id)));
  return out;
}
