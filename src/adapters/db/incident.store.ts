import {
  sql,
  type Insertable,
  type RawBuilder,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import type {
  ChangeBy,
  IncidentFields,
  IncidentFilter,
  IncidentSortKey,
  IncidentLink,
  IncidentPoint,
  IncidentStore,
  MonthlyCount,
  StoredIncident,
} from '../../domain/store.ts';
import { atomic, now, type Db } from './atomic.ts';
import { auditStore } from './audit.store.ts';
import { withinDays } from './neighbourhood.ts';
import type { Database, IncidentsTable } from './schema.ts';

function toIncident(r: Selectable<IncidentsTable>): StoredIncident {
  return {
    id: r.id,
    date: r.date,
    datePrecision: r.date_precision,
    place: r.place,
    admin1: r.admin1,
    country: r.country,
    lat: r.lat,
    lon: r.lon,
    locationPrecision: r.location_precision,
    killedMin: r.killed_min,
    killedMax: r.killed_max,
    civiliansKilledMin: r.civilians_killed_min,
    civiliansKilledMax: r.civilians_killed_max,
    injuredMin: r.injured_min,
    injuredMax: r.injured_max,
    grading: r.grading,
    strikeStatus: r.strike_status,
    assessment: JSON.parse(r.assessment) as unknown,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function columns(f: IncidentFields): Omit<Insertable<IncidentsTable>, 'created_at' | 'updated_at'> {
  return {
    date: f.date,
    date_precision: f.datePrecision,
    place: f.place,
    admin1: f.admin1,
    country: f.country,
    lat: f.lat,
    lon: f.lon,
    location_precision: f.locationPrecision,
    killed_min: f.killedMin,
    killed_max: f.killedMax,
    civilians_killed_min: f.civiliansKilledMin,
    civilians_killed_max: f.civiliansKilledMax,
    injured_min: f.injuredMin,
    injured_max: f.injuredMax,
    grading: f.grading,
    strike_status: f.strikeStatus,
    assessment: JSON.stringify(f.assessment ?? {}),
  };
}

function fieldsOf(i: StoredIncident): IncidentFields {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = i;
  return fields;
}

/** Incidents that hold claims: those a merge emptied stay in the table for their history. */
const HAS_CLAIMS = sql<SqlBool>`EXISTS (SELECT 1 FROM incident_claims ic WHERE ic.incident_id = incidents.id)`;

/**
 * What each sort key orders by, and a cursor's key as the same value; a missing value sorts below
 * every real one, so the cursor comparison sees no NULLs.
 */
const SORT_COLUMNS: Record<
  IncidentSortKey,
  {
    expression: RawBuilder<unknown>;
    value: (key: string | number | null) => string | number;
    /** The same order on a bare column, so an index serves it (NULL sorts lowest, as '' does). */
    order?: RawBuilder<unknown>;
  }
> = {
  date: { expression: sql`coalesce(date, '')`, value: (key) => key ?? '', order: sql`date` },
  killed: { expression: sql`coalesce(killed_min, -1)`, value: (key) => key ?? -1, order: sql`killed_min` },
  civilians: {
    expression: sql`coalesce(civilians_killed_min, -1)`,
    value: (key) => key ?? -1,
    order: sql`civilians_killed_min`,
  },
  place: { expression: sql`coalesce(lower(place), '')`, value: (key) => String(key ?? '').toLowerCase() },
};

/** The filter's conditions on a query over incidents (those with claims only). */
function matching<O>(
  query: SelectQueryBuilder<Database, 'incidents', O>,
  filter: IncidentFilter,
): SelectQueryBuilder<Database, 'incidents', O> {
  let q = query.where(HAS_CLAIMS);
  if (filter.from) q = q.where('date', '>=', filter.from);
  if (filter.to) q = q.where('date', '<=', `${filter.to}\uffff`);
  if (filter.grading) q = q.where(sql<SqlBool>`lower(grading) = lower(${filter.grading})`);
  if (filter.strikeStatus) q = q.where(sql<SqlBool>`lower(strike_status) = lower(${filter.strikeStatus})`);
  if (filter.admin1) q = q.where(sql<SqlBool>`lower(admin1) = lower(${filter.admin1})`);
  if (filter.country) q = q.where(sql<SqlBool>`lower(country) = lower(${filter.country})`);
  if (filter.minKilled !== undefined && filter.minKilled !== null)
    q = q.where('killed_min', '>=', filter.minKilled);
  if (filter.belligerent) {
    const b = filter.belligerent.toLowerCase();
    q = q.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(incidents.assessment, '$.belligerents') j
        WHERE lower(json_extract(j.value, '$.code')) = ${b} OR lower(json_extract(j.value, '$.label')) = ${b})`,
    );
  }
  const words = filter.text?.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length > 0) {
    // Each word quoted, so the user's text is never read as FTS syntax (SQLite FTS5).
    const match = words.map((w) => `"${w}"`).join(' ');
    const like = `%${words.join(' ')}%`;
    q = q.where(
      sql<SqlBool>`(place LIKE ${like} OR json_extract(assessment, '$.summary') LIKE ${like}
        OR id IN (SELECT ic.incident_id FROM incident_claims ic JOIN claims c ON c.id = ic.claim_id
          WHERE c.report_id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ${match})))`,
    );
  }
  return q;
}

/** The belligerent the assessment names first (the most blamed), as "code<US>label"; null when none. */
const FIRST_BELLIGERENT = sql<
  string | null
>`json_extract(incidents.assessment, '$.belligerents[0].code') || char(31) || json_extract(incidents.assessment, '$.belligerents[0].label')`;

function belligerentOf(value: string | null): { code: string; label: string } | null {
  if (!value) return null;
  const [code, label] = value.split('\u001f');
  return { code: code!, label: label || code! };
}

/** What a filter's conditions are, as a key (its sort, cursor and limit do not change a count). */
function conditionsKey(kind: string, f: IncidentFilter): string {
  return JSON.stringify([
    kind,
    f.from,
    f.to,
    f.belligerent,
    f.grading,
    f.admin1,
    f.country,
    f.strikeStatus,
    f.minKilled,
    f.text,
  ]);
}

/**
 * Answers that read every matching incident (counts, monthly totals), kept until the database
 * changes: SQLite's data_version moves on another connection's commit, total_changes() on this one's.
 */
function aggregateCache(db: Db): <T>(key: string, compute: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, unknown>();
  let keptAt = '';
  return async <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const { rows } = await sql<{
      v: string;
    }>`SELECT data_version || ':' || total_changes() AS v FROM pragma_data_version`.execute(db);
    const version = rows[0]?.v ?? '';
    if (version !== keptAt) {
      kept.clear();
      keptAt = version;
    }
    if (kept.has(key)) return kept.get(key) as T;
    const value = await compute();
    // A bound on memory for servers asked many different filters.
    if (kept.size >= 1000) kept.clear();
    kept.set(key, value);
    return value;
  };
}

export function incidentStore(db: Db): IncidentStore {
  const cached = aggregateCache(db);
  const get = async (id: number): Promise<StoredIncident | null> => {
    const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toIncident(row) : null;
  };
  const audit = (
    trx: Db,
    by: ChangeBy,
    action: string,
    entity: string,
    id: number,
    before: unknown,
    after: unknown,
  ) =>
    auditStore(trx).append({
      actor: by.actor,
      action,
      entity,
      entityId: String(id),
      before,
      after,
      reason: by.reason ?? null,
    });
  return {
    create(fields, by): Promise<StoredIncident> {
      return atomic(db, async (trx) => {
        const at = now();
        const row = await trx
          .insertInto('incidents')
          .values({ ...columns(fields), created_at: at, updated_at: at })
          .returningAll()
          .executeTakeFirstOrThrow();
        const incident = toIncident(row);
        await audit(trx, by, 'create', 'incident', incident.id, null, fieldsOf(incident));
        return incident;
      });
    },
    update(id, fields, by): Promise<StoredIncident> {
      return atomic(db, async (trx) => {
        const before = await incidentStore(trx).get(id);
        if (!before) throw new Error(`no incident ${id}`);
        const row = await trx
          .updateTable('incidents')
          .set({ ...columns(fields), updated_at: now() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const incident = toIncident(row);
        await audit(trx, by, 'update', 'incident', id, fieldsOf(before), fieldsOf(incident));
        return incident;
      });
    },
    get,
    async near(where): Promise<StoredIncident[]> {
      const rows = await withinDays(db.selectFrom('incidents').selectAll(), where)
        .orderBy('date')
        .orderBy('id')
        .execute();
      return rows.map(toIncident);
    },
    async list(filter = {}): Promise<StoredIncident[]> {
      let q = matching(db.selectFrom('incidents').selectAll(), filter);
      const sort = filter.sort ?? { by: 'date', descending: false };
      const key = SORT_COLUMNS[sort.by];
      if (filter.after) {
        const value = key.value(filter.after.key);
        const id = filter.after.id;
        q = sort.descending
          ? q.where(
              sql<SqlBool>`(${key.expression} < ${value} OR (${key.expression} = ${value} AND id < ${id}))`,
            )
          : q.where(
              sql<SqlBool>`(${key.expression} > ${value} OR (${key.expression} = ${value} AND id > ${id}))`,
            );
      }
      const direction = sort.descending ? 'desc' : 'asc';
      q = q.orderBy(key.order ?? key.expression, direction).orderBy('id', direction);
      if (filter.limit) q = q.limit(filter.limit);
      return (await q.execute()).map(toIncident);
    },
    link(incidentId, claimId, by, options = {}): Promise<boolean> {
      return atomic(db, async (trx) => {
        const current = await trx
          .selectFrom('incident_claims')
          .selectAll()
          .where('claim_id', '=', claimId)
          .executeTakeFirst();
        const pin = options.pin === true;
        if (current) {
          if (current.pinned_by !== null && !pin) return current.incident_id === incidentId;
          if (current.incident_id === incidentId && (current.pinned_by !== null) === pin) return true;
          await trx.deleteFrom('incident_claims').where('claim_id', '=', claimId).execute();
        }
        await trx
          .insertInto('incident_claims')
          .values({
            incident_id: incidentId,
            claim_id: claimId,
            linked_by: by.actor,
            linked_at: now(),
            reason: by.reason ?? null,
            pinned_by: pin ? by.actor : null,
          })
          .execute();
        await audit(
          trx,
          by,
          'link',
          'claim',
          claimId,
          current ? { incidentId: current.incident_id, pinnedBy: current.pinned_by } : null,
          { incidentId, pinnedBy: pin ? by.actor : null },
        );
        return true;
      });
    },
    unlink(claimId, by): Promise<void> {
      return atomic(db, async (trx) => {
        const current = await trx
          .selectFrom('incident_claims')
          .selectAll()
          .where('claim_id', '=', claimId)
          .executeTakeFirst();
        if (!current) return;
        await trx.deleteFrom('incident_claims').where('claim_id', '=', claimId).execute();
        await audit(
          trx,
          by,
          'unlink',
          'claim',
          claimId,
          { incidentId: current.incident_id, pinnedBy: current.pinned_by },
          null,
        );
      });
    },
    async links(incidentId): Promise<IncidentLink[]> {
      const rows = await db
        .selectFrom('incident_claims')
        .selectAll()
        .where('incident_id', '=', incidentId)
        .orderBy('claim_id')
        .execute();
      return rows.map((r) => ({
        incidentId: r.incident_id,
        claimId: r.claim_id,
        linkedBy: r.linked_by,
        linkedAt: r.linked_at,
        reason: r.reason,
        pinnedBy: r.pinned_by,
      }));
    },
    async incidentOf(claimId): Promise<number | null> {
      const row = await db
        .selectFrom('incident_claims')
        .select('incident_id')
        .where('claim_id', '=', claimId)
        .executeTakeFirst();
      return row?.incident_id ?? null;
    },
    count(filter = {}): Promise<number> {
      return cached(conditionsKey('count', filter), async () => {
        const row = await matching(
          db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')),
          filter,
        ).executeTakeFirst();
        return Number(row?.n ?? 0);
      });
    },
    points(filter = {}): Promise<IncidentPoint[]> {
      return cached(conditionsKey(`points ${filter.limit ?? ''}`, filter), async () => {
        let q = matching(
          db
            .selectFrom('incidents')
            .select([
              'id',
              'date',
              'lat',
              'lon',
              'place',
              'admin1',
              'killed_min',
              'civilians_killed_min',
              'civilians_killed_max',
              'grading',
            ])
            .select(FIRST_BELLIGERENT.as('belligerent'))
            .where('lat', 'is not', null)
            .where('lon', 'is not', null),
          filter,
        ).orderBy('id');
        if (filter.limit) q = q.limit(filter.limit);
        return (await q.execute()).map((r) => ({
          id: r.id,
          date: r.date,
          lat: r.lat!,
          lon: r.lon!,
          place: r.place,
          admin1: r.admin1,
          killedMin: r.killed_min,
          civiliansKilledMin: r.civilians_killed_min,
          civiliansKilledMax: r.civilians_killed_max,
          grading: r.grading,
          belligerent: belligerentOf(r.belligerent),
        }));
      });
    },
    monthly(filter = {}): Promise<MonthlyCount[]> {
      return cached(conditionsKey('monthly', filter), async () => {
        const inner = matching(
          db
            .selectFrom('incidents')
            .select(sql<string>`substr(date, 1, 7)`.as('month'))
            .select(FIRST_BELLIGERENT.as('belligerent'))
            .select(['civilians_killed_min', 'civilians_killed_max'])
            .where('date', 'is not', null),
          filter,
        );
        const rows = await db
          .selectFrom(inner.as('m'))
          .select(['month', 'belligerent'])
          .select((eb) => [
            eb.fn.countAll<number>().as('incidents'),
            sql<number>`coalesce(sum(civilians_killed_min), 0)`.as('low'),
            sql<number>`coalesce(sum(coalesce(civilians_killed_max, civilians_killed_min)), 0)`.as('high'),
            sql<number>`sum(civilians_killed_max IS NULL AND civilians_killed_min IS NOT NULL)`.as('open'),
          ])
          .groupBy(['month', 'belligerent'])
          .orderBy('month')
          .orderBy('belligerent')
          .execute();
        return rows.map((r) => ({
          month: r.month,
          belligerent: belligerentOf(r.belligerent),
          incidents: Number(r.incidents),
          civiliansMin: Number(r.low),
          civiliansMax: Number(r.high),
          open: Number(r.open ?? 0),
        }));
      });
    },
    async countEmptied(): Promise<number> {
      const row = await db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(sql<SqlBool>`NOT ${HAS_CLAIMS}`)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
