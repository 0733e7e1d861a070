import type {
  CasualtyStatement,
  DeclaredStrike,
  Reconciliation,
  StoredCasualtyStatement,
  StoredDeclaredStrike,
} from '../../domain/official.ts';
import type { OfficialStore } from '../../domain/store.ts';
import { atomic, now, type Db } from './atomic.ts';
import { auditStore } from './audit.store.ts';

function strikeOf(r: { id: number; report_id: number; entry: string }): StoredDeclaredStrike {
  return { ...(JSON.parse(r.entry) as DeclaredStrike), id: r.id, reportId: r.report_id };
}

function statementOf(r: {
  id: number;
  report_id: number;
  source: string;
  entry: string;
}): StoredCasualtyStatement {
  return { ...(JSON.parse(r.entry) as CasualtyStatement), id: r.id, reportId: r.report_id, source: r.source };
}

export function officialStore(db: Db): OfficialStore {
  return {
    replaceForReport(reportId, entries, by) {
      return atomic(db, async (trx) => {
        const before = await trx
          .selectFrom('declared_strikes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('report_id', '=', reportId)
          .executeTakeFirstOrThrow();
        await trx.deleteFrom('declared_strikes').where('report_id', '=', reportId).execute();
        await trx.deleteFrom('casualty_statements').where('report_id', '=', reportId).execute();
        const at = now();
        for (const [idx, s] of entries.strikes.entries())
          await trx
            .insertInto('declared_strikes')
            .values({
              report_id: reportId,
              idx,
              belligerent: s.belligerent,
              date_from: s.date?.from ?? null,
              date_to: s.date?.to ?? null,
              place: s.place?.name ?? null,
              gazetteer_id: s.place?.gazetteerId ?? null,
              lat: s.place?.lat ?? null,
              lon: s.place?.lon ?? null,
              strikes: s.strikes,
              entry: JSON.stringify(s),
              created_at: at,
            })
            .execute();
        for (const [idx, s] of entries.statements.entries())
          await trx
            .insertInto('casualty_statements')
            .values({
              report_id: reportId,
              idx,
              belligerent: s.belligerent,
              verdict: s.verdict,
              reason_code: s.reason?.code ?? null,
              date_from: s.date?.from ?? null,
              date_to: s.date?.to ?? null,
              place: s.place?.name ?? null,
              lat: s.place?.lat ?? null,
              lon: s.place?.lon ?? null,
              killed_min: s.killedConceded?.min ?? null,
              killed_max: s.killedConceded?.max ?? null,
              injured_min: s.injuredConceded?.min ?? null,
              injured_max: s.injuredConceded?.max ?? null,
              source: entries.source,
              entry: JSON.stringify(s),
              created_at: at,
            })
            .execute();
        await auditStore(trx).append({
          actor: by.actor,
          action: 'replace-official',
          entity: 'report',
          entityId: String(reportId),
          before: { strikes: Number(before.n) },
          after: { strikes: entries.strikes.length, statements: entries.statements.length },
          reason: by.reason ?? null,
        });
        return { strikes: entries.strikes.length, statements: entries.statements.length };
      });
    },
    async strikes() {
      const rows = await db
        .selectFrom('declared_strikes')
        .select(['id', 'report_id', 'entry'])
        .orderBy('id')
        .execute();
      return rows.map(strikeOf);
    },
    async statements() {
      const rows = await db
        .selectFrom('casualty_statements')
        .select(['id', 'report_id', 'source', 'entry'])
        .orderBy('id')
        .execute();
      return rows.map(statementOf);
    },
    async strike(id) {
      const r = await db
        .selectFrom('declared_strikes')
        .select(['id', 'report_id', 'entry'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? strikeOf(r) : null;
    },
    async statement(id) {
      const r = await db
        .selectFrom('casualty_statements')
        .select(['id', 'report_id', 'source', 'entry'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? statementOf(r) : null;
    },
    replaceReconciliations(incidentId, results) {
      return atomic(db, async (trx) => {
        const old = await trx
          .selectFrom('reconciliations')
          .select('result')
          .where('incident_id', '=', incidentId)
          .orderBy('belligerent')
          .execute();
        const next = [...results].sort((a, b) => a.belligerent.localeCompare(b.belligerent));
        if (JSON.stringify(old.map((o) => JSON.parse(o.result) as unknown)) === JSON.stringify(next))
          return false;
        await trx.deleteFrom('reconciliations').where('incident_id', '=', incidentId).execute();
        const at = now();
        for (const r of next)
          await trx
            .insertInto('reconciliations')
            .values({
              incident_id: incidentId,
              belligerent: r.belligerent,
              strikes_in_window: r.strikesInWindow,
              nearest_strike_id: r.nearest?.strikeId ?? null,
              nearest_km: r.nearest?.km ?? null,
              declared_absence: r.declaredAbsence ? 1 : 0,
              statement_id: r.statementId,
              result: JSON.stringify(r),
              reconciled_at: at,
            })
            .execute();
        return true;
      });
    },
    async reconciliations(incidentId) {
      const rows = await db
        .selectFrom('reconciliations')
        .select('result')
        .where('incident_id', '=', incidentId)
        .orderBy('belligerent')
        .execute();
      return rows.map((r) => JSON.parse(r.result) as Reconciliation);
    },
    async incidentsOfStatement(statementId) {
      const rows = await db
        .selectFrom('reconciliations')
        .select('incident_id')
        .where('statement_id', '=', statementId)
        .orderBy('incident_id')
        .execute();
      return rows.map((r) => r.incident_id);
    },
    async counts() {
      const n = async (q: Promise<{ n: number | string | bigint } | undefined>): Promise<number> =>
        Number((await q)?.n ?? 0);
      return {
        strikes: await n(
          db
            .selectFrom('declared_strikes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('strikes', 'is not', 0)
            .executeTakeFirst(),
        ),
        absences: await n(
          db
            .selectFrom('declared_strikes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('strikes', '=', 0)
            .executeTakeFirst(),
        ),
        statements: await n(
          db
            .selectFrom('casualty_statements')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        reconciled: await n(
          db
            .selectFrom('reconciliations')
            .select((eb) => eb.fn.count<number>('incident_id').distinct().as('n'))
            .executeTakeFirst(),
        ),
      };
    },
  };
}
