/**
 * The cluster stage's incident index over the incidents table: candidates come from the date
 * window columns (`date`..`date_to`) and the lat/lon, admin1 and name-key indexes, answered
 * synchronously on the same SQLite connection (inside the caller's transaction, if any).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { IncidentFootprint, IncidentPlace } from '../../domain/incident.ts';
import type { CandidateQuery, IncidentIndex } from '../../domain/incident-index.ts';

/** How the cluster stage keys places; given by the caller so the store fills its columns the same way. */
export interface PlaceKeys {
  nameKey(name: string | null): string | null;
  isGridded(place: IncidentPlace): boolean;
}

interface Row {
  id: number;
  footprint: string;
}

/** Footprint ids are the incidents' ids as text; anything else is a provisional id not yet stored. */
export function storeId(id: string): number | null {
  return /^[1-9]\d*$/.test(id) ? Number(id) : null;
}

export class SqliteIncidentIndex implements IncidentIndex {
  /** Footprints under provisional ids, until the caller stores the incident and renames them. */
  private readonly provisional = new Map<string, IncidentFootprint>();
  private readonly selectOne: BetterSqlite3.Statement<[number], Row>;
  private readonly write: BetterSqlite3.Statement;
  private readonly clear: BetterSqlite3.Statement<[number]>;

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly keys: PlaceKeys,
  ) {
    this.selectOne = raw.prepare<[number], Row>(
      'SELECT id, footprint FROM incidents WHERE id = ? AND footprint IS NOT NULL',
    );
    this.write = raw.prepare(
      `UPDATE incidents SET footprint = @footprint, date = @date, date_to = @dateTo,
         date_precision = @datePrecision, place = @place, admin1 = @admin1, country = @country,
         lat = @lat, lon = @lon, location_precision = @precision, gridded = @gridded,
         name_key = @nameKey
       WHERE id = @id`,
    );
    this.clear = raw.prepare<[number]>(
      'UPDATE incidents SET footprint = NULL, date_to = NULL, gridded = 0, name_key = NULL WHERE id = ?',
    );
  }

  get(id: string): IncidentFootprint | null {
    const n = storeId(id);
    if (n === null) return this.provisional.get(id) ?? null;
    const row = this.selectOne.get(n);
    return row ? (JSON.parse(row.footprint) as IncidentFootprint) : null;
  }

  put(footprint: IncidentFootprint): void {
    const n = storeId(footprint.id);
    if (n === null) {
      this.provisional.set(footprint.id, footprint);
      return;
    }
    const p = footprint.place;
    const changed = this.write.run({
      id: n,
      footprint: JSON.stringify(footprint),
      date: footprint.date?.from ?? null,
      dateTo: footprint.date?.to ?? null,
      datePrecision: footprint.date?.precision ?? null,
      place: p.name,
      admin1: p.admin1,
      country: p.country,
      lat: p.lat,
      lon: p.lon,
      precision: p.precision,
      gridded: this.keys.isGridded(p) ? 1 : 0,
      nameKey: this.keys.nameKey(p.name),
    }).changes;
    if (changed === 0) throw new Error(`no incident ${n} to index`);
  }

  remove(id: string): void {
    const n = storeId(id);
    if (n === null) this.provisional.delete(id);
    else this.clear.run(n);
  }

  candidates(query: CandidateQuery): IncidentFootprint[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { from: query.from, to: query.to };
    if (query.box !== null) {
      where.push('(gridded = 1 AND lat BETWEEN @south AND @north AND lon BETWEEN @west AND @east)');
      Object.assign(params, query.box);
    }
    if (query.admin1 !== null) {
      where.push(query.wholeAdmin1 ? '(admin1 = @admin1)' : '(admin1 = @admin1 AND gridded = 0)');
      params.admin1 = query.admin1;
    }
    if (query.country !== null) {
      where.push('(country = @country AND admin1 IS NULL AND gridded = 0)');
      params.country = query.country;
    }
    if (query.nameKey !== null) {
      where.push('(name_key = @nameKey)');
      params.nameKey = query.nameKey;
    }
    const found: IncidentFootprint[] = [];
    if (where.length > 0) {
      const rows = this.raw
        .prepare<Record<string, string | number>, Row>(
          `SELECT id, footprint FROM incidents
           WHERE footprint IS NOT NULL AND date <= @to AND date_to >= @from AND (${where.join(' OR ')})
           ORDER BY id`,
        )
        .all(params);
      for (const row of rows) found.push(JSON.parse(row.footprint) as IncidentFootprint);
    }
    for (const fp of this.provisional.values()) if (this.matches(fp, query)) found.push(fp);
    return found;
  }

  /** The same test as the SQL, for the few footprints not stored yet. */
  private matches(fp: IncidentFootprint, q: CandidateQuery): boolean {
    if (fp.date === null || fp.date.from > q.to || fp.date.to < q.from) return false;
    const p = fp.place;
    const gridded = this.keys.isGridded(p);
    if (
      q.box !== null &&
      gridded &&
      p.lat! >= q.box.south &&
      p.lat! <= q.box.north &&
      p.lon! >= q.box.west &&
      p.lon! <= q.box.east
    )
      return true;
    if (q.admin1 !== null && p.admin1 === q.admin1 && (q.wholeAdmin1 || !gridded)) return true;
    if (q.country !== null && p.country === q.country && p.admin1 === null && !gridded) return true;
    return q.nameKey !== null && this.keys.nameKey(p.name) === q.nameKey;
  }
}
