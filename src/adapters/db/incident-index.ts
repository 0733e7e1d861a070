/**
 * The cluster stage's incident index over the incidents table: every incident with a footprint
 * has a row in `incident_keys` per index key (grid cell, governorate, country, name key) per day
 * of its date window, so a lookup reads only the keys and days a claim can reach and its cost does
 * not grow with the store. Answered synchronously on the same SQLite connection (inside the
 * caller's transaction, if any).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { IncidentFootprint, IncidentPlace } from '../../domain/incident.ts';
import type { CandidateQuery, IncidentIndex } from '../../domain/incident-index.ts';

/** How the cluster stage keys places; given by the caller so the store fills its columns the same way. */
export interface PlaceKeys {
  nameKey(name: string | null): string | null;
  isGridded(place: IncidentPlace): boolean;
  /** The keys an incident is found by (the same on every day of its window). */
  keysOf(footprint: IncidentFootprint): string[];
  /** The keys a candidate query asks for. */
  queryKeys(query: CandidateQuery): string[];
}

const DAY_MS = 86_400_000;
/** Days since 1970 of an ISO day (or of the first day of a month or year), null when unreadable. */
function dayOf(iso: string): number | null {
  const t = Date.parse(iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}
/** Windows longer than this (a year and a bit) are keyed once, under LONG, and checked by date. */
const MAX_KEYED_DAYS = 400;
const LONG = -1;

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
  private readonly write: BetterSqlite3.Statement<[string, number]>;
  private readonly clear: BetterSqlite3.Statement<[number]>;
  private readonly insertKey: BetterSqlite3.Statement<[string, number, number]>;
  private readonly clearKeys: BetterSqlite3.Statement<[number]>;
  /** The lookup statement per number of keys asked for. */
  private readonly lookups = new Map<number, BetterSqlite3.Statement<Array<string | number>, Row>>();

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly keys: PlaceKeys,
  ) {
    this.selectOne = raw.prepare<[number], Row>(
      'SELECT id, footprint FROM incidents WHERE id = ? AND footprint IS NOT NULL',
    );
    // The footprint only: the incident's own columns (date, place...) are the incident store's,
    // written when the incident is assessed; lookups go through incident_keys.
    this.write = raw.prepare<[string, number]>('UPDATE incidents SET footprint = ? WHERE id = ?');
    this.clear = raw.prepare<[number]>('UPDATE incidents SET footprint = NULL WHERE id = ?');
    this.insertKey = raw.prepare<[string, number, number]>(
      'INSERT OR IGNORE INTO incident_keys (key, day, incident_id) VALUES (?, ?, ?)',
    );
    this.clearKeys = raw.prepare<[number]>('DELETE FROM incident_keys WHERE incident_id = ?');
    this.backfill();
  }

  /** Keys for incidents indexed before the keys table existed (a store migrated from version 3). */
  private backfill(): void {
    const missing = this.raw
      .prepare<[], Row>(
        `SELECT id, footprint FROM incidents WHERE footprint IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM incident_keys k WHERE k.incident_id = incidents.id)`,
      )
      .all();
    if (missing.length === 0) return;
    this.raw.transaction(() => {
      for (const row of missing) this.writeKeys(row.id, JSON.parse(row.footprint) as IncidentFootprint);
    })();
  }

  private writeKeys(id: number, footprint: IncidentFootprint): void {
    this.clearKeys.run(id);
    if (footprint.date === null) return;
    const from = dayOf(footprint.date.from);
    const to = dayOf(footprint.date.to);
    if (from === null || to === null) return;
    const days =
      to - from > MAX_KEYED_DAYS ? [LONG] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
    for (const key of this.keys.keysOf(footprint)) for (const day of days) this.insertKey.run(key, day, id);
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
    const changed = this.write.run(JSON.stringify(footprint), n).changes;
    if (changed === 0) throw new Error(`no incident ${n} to index`);
    this.writeKeys(n, footprint);
  }

  remove(id: string): void {
    const n = storeId(id);
    if (n === null) this.provisional.delete(id);
    else {
      this.clear.run(n);
      this.clearKeys.run(n);
    }
  }

  candidates(query: CandidateQuery): IncidentFootprint[] {
    const found: IncidentFootprint[] = [];
    const from = dayOf(query.from);
    const to = dayOf(query.to);
    const keys = this.keys.queryKeys(query);
    if (from !== null && to !== null && keys.length > 0) {
      let lookup = this.lookups.get(keys.length);
      if (lookup === undefined) {
        const list = keys.map(() => '?').join(', ');
        // Two searches of the (key, day) key, one per day range: an OR would scan every day of a key.
        lookup = this.raw.prepare<Array<string | number>, Row>(
          `SELECT id, footprint FROM incidents
           WHERE id IN (SELECT incident_id FROM incident_keys WHERE key IN (${list}) AND day BETWEEN ? AND ?
                        UNION
                        SELECT incident_id FROM incident_keys WHERE key IN (${list}) AND day = ${LONG})
             AND footprint IS NOT NULL
           ORDER BY id`,
        );
        this.lookups.set(keys.length, lookup);
      }
      for (const row of lookup.all(...keys, from, to, ...keys)) {
        const fp = JSON.parse(row.footprint) as IncidentFootprint;
        if (fp.date !== null && fp.date.from <= query.to && fp.date.to >= query.from) found.push(fp);
      }
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
