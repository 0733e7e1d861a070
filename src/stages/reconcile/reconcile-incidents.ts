/**
 * Reconciliation (docs/reconciliation.md): each incident measured against what each suspected
 * belligerent published: its declared strikes in the incident's days (one day either side), the
 * nearest of them and how far, a declared absence at the place, and the casualty statement that
 * matches the incident's date and place. Lookups go through a grid-cell × day index, so the cost
 * per incident does not grow with the number of declared strikes.
 */
import { distanceKm } from '../../domain/geo.ts';
import type {
  DayWindow,
  NearestStrike,
  Reconciliation,
  StoredCasualtyStatement,
  StoredDeclaredStrike,
} from '../../domain/official.ts';

/** What reconciliation needs to know of an incident. */
export interface IncidentToReconcile {
  id: number;
  date: DayWindow | null;
  lat: number | null;
  lon: number | null;
  /** The place name, for statements the gazetteer could not place. */
  place: string | null;
  /** Belligerent codes blamed or suspected. */
  belligerents: string[];
}

/** Days either side of the incident's window that a declared strike may fall on. */
export const SLACK_DAYS = 1;
/** Grid cell side in degrees (about 55 km north-south). */
export const CELL_DEGREES = 0.5;
/** Farthest a nearest declared strike is looked for. */
export const MAX_NEAREST_KM = 250;
/** A declared absence this close to the incident covers it. */
export const ABSENCE_KM = 25;
/** A declared strike this close on the incident's own day supports the strike being likely. */
export const DECLARED_NEARBY_KM = 5;
/** A casualty statement placed this close (and on overlapping days) is about the incident. */
export const STATEMENT_KM = 15;
/** Longest window indexed day by day; longer ones ("all of June") are kept per belligerent. */
const MAX_INDEXED_DAYS = 62;

const MS_PER_DAY = 86_400_000;
const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
const cellOf = (deg: number): number => Math.floor(deg / CELL_DEGREES);
/** Belligerents as small numbers, so a cell-day key is one number, not a string. */
const belligerentIds = new Map<string, number>();
const belligerentId = (b: string): number => {
  let id = belligerentIds.get(b);
  if (id === undefined) belligerentIds.set(b, (id = belligerentIds.size));
  return id;
};
// Cells of -2048..2047 (whole Earth at 0.5 degrees) and days up to 100000 fit a safe integer.
const key = (b: string, y: number, x: number, d: number): number =>
  ((belligerentId(b) * 4096 + (y + 2048)) * 4096 + (x + 2048)) * 100_000 + d;
const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

interface Days {
  from: number;
  to: number;
}

function daysOf(w: DayWindow | null, slack = 0): Days | null {
  if (w === null) return null;
  return { from: dayOf(w.from) - slack, to: dayOf(w.to) + slack };
}

const overlaps = (a: Days, b: Days): boolean => a.from <= b.to && b.from <= a.to;

/** Entries on a grid of cells × days, per belligerent, plus those without a place or with a long window. */
class GridDayIndex<T extends { id: number; belligerent: string; date: DayWindow | null }> {
  private readonly cells = new Map<number, T[]>();
  /** Per belligerent: entries with too long a window ("all of June"), checked one by one. */
  private readonly loose = new Map<string, Array<{ entry: T; days: Days }>>();
  /** Per belligerent and day: every dated entry, placed or not (for counts in a window). */
  private readonly byDay = new Map<string, T[]>();

  constructor(entries: Iterable<T>, point: (e: T) => { lat: number; lon: number } | null) {
    for (const e of entries) {
      const days = daysOf(e.date);
      // An undated entry cannot be placed in anyone's days.
      if (days === null) continue;
      if (days.to - days.from >= MAX_INDEXED_DAYS) {
        push(this.loose, e.belligerent, { entry: e, days });
        continue;
      }
      for (let d = days.from; d <= days.to; d++) push(this.byDay, `${e.belligerent}|${d}`, e);
      const at = point(e);
      if (at === null) continue;
      for (let d = days.from; d <= days.to; d++)
        push(this.cells, key(e.belligerent, cellOf(at.lat), cellOf(at.lon), d), e);
    }
  }

  /** Entries of the belligerent in one cell on the given days. */
  cell(belligerent: string, y: number, x: number, days: Days, out: Set<T>): void {
    for (let d = days.from; d <= days.to; d++)
      for (const e of this.cells.get(key(belligerent, y, x, d)) ?? []) out.add(e);
  }

  /** Dated entries of the belligerent on the given days, wherever they are. */
  onDays(belligerent: string, days: Days, out: Set<T>): void {
    for (let d = days.from; d <= days.to; d++)
      for (const e of this.byDay.get(`${belligerent}|${d}`) ?? []) out.add(e);
  }

  /** Long-window entries of the belligerent that overlap the days. */
  looseOn(belligerent: string, days: Days, out: Set<T>): void {
    for (const l of this.loose.get(belligerent) ?? []) if (overlaps(l.days, days)) out.add(l.entry);
  }
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list === undefined) map.set(k, [v]);
  else list.push(v);
}

const pointOf = (e: {
  place: { lat: number | null; lon: number | null } | null;
}): { lat: number; lon: number } | null =>
  e.place !== null && e.place.lat !== null && e.place.lon !== null
    ? { lat: e.place.lat, lon: e.place.lon }
    : null;

/** Reconciles incidents against declared strikes and casualty statements through an index built once. */
export class Reconciler {
  private readonly strikes: GridDayIndex<StoredDeclaredStrike>;
  private readonly statements: GridDayIndex<StoredCasualtyStatement>;

  constructor(strikes: Iterable<StoredDeclaredStrike>, statements: Iterable<StoredCasualtyStatement>) {
    this.strikes = new GridDayIndex(strikes, pointOf);
    this.statements = new GridDayIndex(statements, pointOf);
  }

  /** One result per belligerent of the incident. */
  reconcile(incident: IncidentToReconcile): Reconciliation[] {
    return incident.belligerents.map((b) => this.one(incident, b));
  }

  private one(incident: IncidentToReconcile, belligerent: string): Reconciliation {
    const days = daysOf(incident.date, SLACK_DAYS);
    const result: Reconciliation = {
      incidentId: incident.id,
      belligerent,
      strikesInWindow: 0,
      nearest: null,
      declaredAbsence: false,
      statementId: null,
    };
    if (days === null) return result;
    const inWindow = new Set<StoredDeclaredStrike>();
    this.strikes.onDays(belligerent, days, inWindow);
    this.strikes.looseOn(belligerent, days, inWindow);
    for (const s of inWindow) {
      if (s.strikes !== 0) result.strikesInWindow++;
      // An absence declared with no place covers the whole of the belligerent's operations.
      else if (pointOf(s) === null) result.declaredAbsence = true;
    }
    const here =
      incident.lat !== null && incident.lon !== null ? { lat: incident.lat, lon: incident.lon } : null;
    if (here !== null) {
      const near = this.nearest(belligerent, here, days);
      result.nearest = near.strike;
      if (near.absenceKm !== null && near.absenceKm <= ABSENCE_KM) result.declaredAbsence = true;
    }
    result.statementId = this.statementFor(incident, belligerent, days, here);
    return result;
  }

  /** The nearest declared strike (not absence) by rings of cells, and how far the nearest absence is. */
  private nearest(
    belligerent: string,
    here: { lat: number; lon: number },
    days: Days,
  ): { strike: NearestStrike | null; absenceKm: number | null } {
    const y0 = cellOf(here.lat);
    const x0 = cellOf(here.lon);
    let best: { s: StoredDeclaredStrike; km: number } | null = null;
    let absenceKm: number | null = null;
    const seen = new Set<StoredDeclaredStrike>();
    // Each ring of cells lies at least this much farther out, so rings stop once past the best.
    const ringKm = CELL_DEGREES * 110 * Math.cos((Math.min(Math.abs(here.lat) + 3, 89) * Math.PI) / 180);
    const rings = Math.ceil(MAX_NEAREST_KM / ringKm) + 1;
    for (let r = 0; r <= rings; r++) {
      if ((r - 1) * ringKm > Math.max(best?.km ?? MAX_NEAREST_KM, ABSENCE_KM)) break;
      const found = new Set<StoredDeclaredStrike>();
      for (let y = y0 - r; y <= y0 + r; y++)
        for (let x = x0 - r; x <= x0 + r; x++)
          if (Math.max(Math.abs(y - y0), Math.abs(x - x0)) === r)
            this.strikes.cell(belligerent, y, x, days, found);
      for (const s of found) {
        if (seen.has(s)) continue;
        seen.add(s);
        const p = pointOf(s)!;
        const km = distanceKm(here.lat, here.lon, p.lat, p.lon);
        if (s.strikes === 0) absenceKm = Math.min(absenceKm ?? Infinity, km);
        else if (
          km <= MAX_NEAREST_KM &&
          (best === null || km < best.km || (km === best.km && s.id < best.s.id))
        )
          best = { s, km };
      }
    }
    const long = new Set<StoredDeclaredStrike>();
    this.strikes.looseOn(belligerent, days, long);
    for (const s of long) {
      const p = pointOf(s);
      if (p === null) continue;
      const km = distanceKm(here.lat, here.lon, p.lat, p.lon);
      if (s.strikes === 0) absenceKm = Math.min(absenceKm ?? Infinity, km);
      else if (
        km <= MAX_NEAREST_KM &&
        (best === null || km < best.km || (km === best.km && s.id < best.s.id))
      )
        best = { s, km };
    }
    return { strike: best === null ? null : nearestOf(best.s, best.km), absenceKm };
  }

  private statementFor(
    incident: IncidentToReconcile,
    belligerent: string,
    days: Days,
    here: { lat: number; lon: number } | null,
  ): number | null {
    const candidates = new Set<StoredCasualtyStatement>();
    this.statements.onDays(belligerent, days, candidates);
    this.statements.looseOn(belligerent, days, candidates);
    let best: { id: number; km: number } | null = null;
    for (const s of candidates) {
      const p = pointOf(s);
      let km: number | null = null;
      if (p !== null && here !== null) km = distanceKm(here.lat, here.lon, p.lat, p.lon);
      else if (s.place !== null && incident.place !== null && fold(s.place.name) === fold(incident.place))
        km = 0;
      if (km === null || km > STATEMENT_KM) continue;
      if (best === null || km < best.km || (km === best.km && s.id < best.id)) best = { id: s.id, km };
    }
    return best?.id ?? null;
  }
}

function nearestOf(s: StoredDeclaredStrike, km: number): NearestStrike {
  return {
    strikeId: s.id,
    date: s.date,
    place: s.place?.name ?? null,
    km: Math.round(km * 10) / 10,
    absence: false,
  };
}

/**
 * The same results by scanning every strike and statement for every incident: the baseline the
 * bench measures the index against, and the reference its tests compare with.
 */
export function reconcileByScan(
  incidents: IncidentToReconcile[],
  strikes: StoredDeclaredStrike[],
  statements: StoredCasualtyStatement[],
): Reconciliation[] {
  const out: Reconciliation[] = [];
  for (const incident of incidents)
    for (const belligerent of incident.belligerents) {
      const days = daysOf(incident.date, SLACK_DAYS);
      const r: Reconciliation = {
        incidentId: incident.id,
        belligerent,
        strikesInWindow: 0,
        nearest: null,
        declaredAbsence: false,
        statementId: null,
      };
      out.push(r);
      if (days === null) continue;
      const here =
        incident.lat !== null && incident.lon !== null ? { lat: incident.lat, lon: incident.lon } : null;
      let best: { s: StoredDeclaredStrike; km: number } | null = null;
      for (const s of strikes) {
        if (s.belligerent !== belligerent || s.date === null || !overlaps(daysOf(s.date)!, days)) continue;
        if (s.strikes !== 0) r.strikesInWindow++;
        const p = pointOf(s);
        if (p === null) {
          if (s.strikes === 0) r.declaredAbsence = true;
          continue;
        }
        if (here === null) continue;
        const km = distanceKm(here.lat, here.lon, p.lat, p.lon);
        if (s.strikes === 0) {
          if (km <= ABSENCE_KM) r.declaredAbsence = true;
        } else if (best === null || km < best.km || (km === best.km && s.id < best.s.id)) best = { s, km };
      }
      if (best !== null && best.km <= MAX_NEAREST_KM) r.nearest = nearestOf(best.s, best.km);
      let st: { id: number; km: number } | null = null;
      for (const s of statements) {
        if (s.belligerent !== belligerent || s.date === null || !overlaps(daysOf(s.date)!, days)) continue;
        const p = pointOf(s);
        let km: number | null = null;
        if (p !== null && here !== null) km = distanceKm(here.lat, here.lon, p.lat, p.lon);
        else if (s.place !== null && incident.place !== null && fold(s.place.name) === fold(incident.place))
          km = 0;
        if (km === null || km > STATEMENT_KM) continue;
        if (st === null || km < st.km || (km === st.km && s.id < st.id)) st = { id: s.id, km };
      }
      r.statementId = st?.id ?? null;
    }
  return out;
}
