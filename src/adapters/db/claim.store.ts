import type { Insertable, Selectable } from 'kysely';
import type { ExtractedEvent } from '../../domain/extraction.ts';
import type { Claim, ClaimStore, Neighbourhood, SourcedClaim } from '../../domain/store.ts';
import { atomic, now, type Db } from './atomic.ts';
import { auditStore } from './audit.store.ts';
import type { ClaimsTable } from './schema.ts';
import { withinDays } from './neighbourhood.ts';

function toClaim(r: Pick<Selectable<ClaimsTable>, 'id' | 'report_id' | 'idx' | 'event'>): Claim {
  return { id: r.id, reportId: r.report_id, index: r.idx, event: JSON.parse(r.event) as ExtractedEvent };
}

function claimRow(reportId: number, index: number, e: ExtractedEvent, at: string): Insertable<ClaimsTable> {
  return {
    report_id: reportId,
    idx: index,
    date: e.date,
    date_precision: e.date_precision,
    place: e.place,
    admin1: e.admin1,
    country: e.country,
    lat: e.lat,
    lon: e.lon,
    location_precision: e.location_precision,
    gazetteer_id: e.gazetteer_id,
    strike_type: e.strike_type,
    killed_min: e.killed?.min ?? null,
    killed_max: e.killed?.max ?? null,
    civilians_killed_min: e.civilians_killed?.min ?? null,
    civilians_killed_max: e.civilians_killed?.max ?? null,
    children_killed_min: e.children_killed?.min ?? null,
    children_killed_max: e.children_killed?.max ?? null,
    injured_min: e.injured?.min ?? null,
    injured_max: e.injured?.max ?? null,
    background: e.background ? 1 : 0,
    event: JSON.stringify(e),
    created_at: at,
  };
}

const CLAIM = ['id', 'report_id', 'idx', 'event'] as const;

export function claimStore(db: Db): ClaimStore {
  return {
    replaceForReport(reportId, events, by): Promise<Claim[]> {
      return atomic(db, async (trx) => {
        const old = await trx.selectFrom('claims').select('id').where('report_id', '=', reportId).execute();
        await trx.deleteFrom('claims').where('report_id', '=', reportId).execute();
        const at = now();
        const claims: Claim[] = [];
        for (const [i, e] of events.entries()) {
          const row = await trx
            .insertInto('claims')
            .values(claimRow(reportId, i, e, at))
            .returning(CLAIM)
            .executeTakeFirstOrThrow();
          claims.push(toClaim(row));
          if (e.gazetteer_id) {
            await trx
              .insertInto('places')
              .values({
                id: e.gazetteer_id,
                name: e.place,
                admin1: e.admin1,
                country: e.country,
                lat: e.lat,
                lon: e.lon,
                precision: e.location_precision,
                first_seen: at,
              })
              .onConflict((oc) => oc.column('id').doNothing())
              .execute();
          }
        }
        if (old.length > 0 || claims.length > 0) {
          await auditStore(trx).append({
            actor: by.actor,
            action: 'replace-claims',
            entity: 'report',
            entityId: String(reportId),
            before: old.length > 0 ? { claims: old.map((c) => c.id) } : null,
            after: { claims: claims.map((c) => c.id) },
            reason: by.reason ?? null,
          });
        }
        return claims;
      });
    },
    async forReport(reportId: number): Promise<Claim[]> {
      const rows = await db
        .selectFrom('claims')
        .select(CLAIM)
        .where('report_id', '=', reportId)
        .orderBy('idx')
        .execute();
      return rows.map(toClaim);
    },
    async forIncident(incidentId: number): Promise<SourcedClaim[]> {
      const rows = await db
        .selectFrom('incident_claims')
        .innerJoin('claims', 'claims.id', 'incident_claims.claim_id')
        .innerJoin('reports', 'reports.id', 'claims.report_id')
        .select([
          'claims.id',
          'claims.report_id',
          'claims.idx',
          'claims.event',
          'reports.outlet',
          'reports.published',
        ])
        .where('incident_claims.incident_id', '=', incidentId)
        .orderBy('claims.id')
        .execute();
      return rows.map((r) => ({ ...toClaim(r), outlet: r.outlet, published: r.published }));
    },
    async get(id: number): Promise<Claim | null> {
      const row = await db.selectFrom('claims').select(CLAIM).where('id', '=', id).executeTakeFirst();
      return row ? toClaim(row) : null;
    },
    async near(where: Neighbourhood): Promise<Claim[]> {
      const rows = await withinDays(db.selectFrom('claims').select(CLAIM), where)
        .orderBy('date')
        .orderBy('id')
        .execute();
      return rows.map(toClaim);
    },
    async unlinked(limit = 1000, after = 0): Promise<Claim[]> {
      const rows = await db
        .selectFrom('claims')
        .select(CLAIM)
        .where('id', '>', after)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(selectFrom('incident_claims').select('claim_id').whereRef('claim_id', '=', 'claims.id')),
          ),
        )
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toClaim);
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom('claims')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
