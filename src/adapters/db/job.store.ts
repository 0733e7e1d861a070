import type { Selectable } from 'kysely';
import type { Job, JobStatus, JobStore } from '../../domain/store.ts';
import { now, type Db } from './atomic.ts';
import type { JobsTable } from './schema.ts';

function toJob(r: Selectable<JobsTable>): Job {
  return {
    id: r.id,
    kind: r.kind,
    key: r.key,
    status: r.status as JobStatus,
    reportId: r.report_id,
    attempts: r.attempts,
    error: r.error,
    updatedAt: r.updated_at,
  };
}

export function jobStore(db: Db): JobStore {
  return {
    async enqueue(kind, key, reportId = null): Promise<void> {
      const at = now();
      await db
        .insertInto('jobs')
        .values({
          kind,
          key,
          status: 'pending',
          report_id: reportId,
          error: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['kind', 'key'])
            .doUpdateSet({ status: 'pending', report_id: reportId, error: null, updated_at: at }),
        )
        .execute();
    },
    async finish(kind, key, status, error = null, reportId = null): Promise<void> {
      const at = now();
      await db
        .insertInto('jobs')
        .values({
          kind,
          key,
          status,
          report_id: reportId,
          attempts: 1,
          error,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['kind', 'key']).doUpdateSet((eb) => ({
            status,
            error,
            report_id: reportId ?? eb.ref('jobs.report_id'),
            attempts: eb('jobs.attempts', '+', 1),
            updated_at: at,
          })),
        )
        .execute();
    },
    async pending(kind, limit = 1000): Promise<Job[]> {
      const rows = await db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', kind)
        .where('status', '=', 'pending')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toJob);
    },
    async get(kind, key): Promise<Job | null> {
      const row = await db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', kind)
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? toJob(row) : null;
    },
    async counts(kind): Promise<Record<JobStatus, number>> {
      const rows = await db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('kind', '=', kind)
        .groupBy('status')
        .execute();
      const out: Record<JobStatus, number> = { pending: 0, done: 0, failed: 0 };
      for (const r of rows) out[r.status as JobStatus] = Number(r.n);
      return out;
    },
  };
}
