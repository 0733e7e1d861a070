import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { AddReportResult, ChangeBy, ReportStore } from '../../domain/store.ts';
import type { ReceivedReport, Report, ReportStatus } from '../../domain/report.ts';
import { atomic, now, type Db } from './atomic.ts';
import { auditStore } from './audit.store.ts';
import type { ReportsTable } from './schema.ts';

/** Every column but the archived bytes, which are read only on request. */
const COLUMNS = [
  'id',
  'report_key',
  'version',
  'sha256',
  'media_type',
  'url',
  'outlet',
  'language',
  'published',
  'retrieved',
  'title',
  'text',
  'source',
  'status',
  'status_error',
] as const;

type Row = Pick<Selectable<ReportsTable>, (typeof COLUMNS)[number]>;

function toReport(r: Row): Report {
  return {
    id: r.id,
    key: r.report_key,
    version: r.version,
    sha256: r.sha256,
    mediaType: r.media_type,
    url: r.url,
    outlet: r.outlet,
    language: r.language,
    published: r.published,
    retrieved: r.retrieved,
    title: r.title,
    text: r.text,
    source: r.source,
    status: r.status as ReportStatus,
    statusError: r.status_error,
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The outlet's row id, created on first sight; a kind learnt later fills one not known before. */
async function outletId(db: Db, name: string | null, kind: string | null): Promise<number | null> {
  if (name === null) return null;
  await db
    .insertInto('outlets')
    .values({ name, kind, created_at: now() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ kind: sql`coalesce(outlets.kind, excluded.kind)` }))
    .execute();
  const row = await db.selectFrom('outlets').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id ?? null;
}

export function reportStore(db: Db): ReportStore {
  const byId = async (id: number): Promise<Report | null> => {
    const row = await db.selectFrom('reports').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toReport(row) : null;
  };
  return {
    add(received: ReceivedReport, by: ChangeBy): Promise<AddReportResult> {
      const sha256 = sha256Hex(received.bytes);
      return atomic(db, async (trx) => {
        const same = await trx
          .selectFrom('reports')
          .select(COLUMNS)
          .where('sha256', '=', sha256)
          .executeTakeFirst();
        if (same) return { outcome: 'unchanged', report: toReport(same) };
        const last = await trx
          .selectFrom('reports')
          .select((eb) => eb.fn.max('version').as('version'))
          .where('report_key', '=', received.key)
          .executeTakeFirst();
        const previous = Number(last?.version ?? 0);
        const doc = received.doc;
        const row = await trx
          .insertInto('reports')
          .values({
            report_key: received.key,
            version: previous + 1,
            sha256,
            bytes: received.bytes,
            media_type: received.mediaType,
            url: doc.url,
            outlet_id: await outletId(trx, doc.outlet, received.outletKind ?? null),
            outlet: doc.outlet,
            language: received.language,
            published: doc.published,
            retrieved: received.retrieved,
            title: doc.title,
            text: doc.text,
            source: received.source,
            status: 'pending',
            status_error: null,
            created_at: now(),
          })
          .returning(COLUMNS)
          .executeTakeFirstOrThrow();
        const report = toReport(row);
        await auditStore(trx).append({
          actor: by.actor,
          action: previous === 0 ? 'create' : 'new-version',
          entity: 'report',
          entityId: String(report.id),
          before: null,
          after: { key: report.key, version: report.version, sha256, source: report.source },
          reason: by.reason ?? null,
        });
        return { outcome: previous === 0 ? 'new' : 'new-version', report };
      });
    },
    get: byId,
    async latest(key: string): Promise<Report | null> {
      const row = await db
        .selectFrom('reports')
        .select(COLUMNS)
        .where('report_key', '=', key)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toReport(row) : null;
    },
    async versions(key: string): Promise<Report[]> {
      const rows = await db
        .selectFrom('reports')
        .select(COLUMNS)
        .where('report_key', '=', key)
        .orderBy('version')
        .execute();
      return rows.map(toReport);
    },
    async bytes(id: number): Promise<Uint8Array | null> {
      const row = await db.selectFrom('reports').select('bytes').where('id', '=', id).executeTakeFirst();
      return row ? new Uint8Array(row.bytes) : null;
    },
    async setStatus(id, status, error, language): Promise<void> {
      let q = db.updateTable('reports').set({ status, status_error: error }).where('id', '=', id);
      if (language) q = q.set({ language });
      await q.execute();
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async search(query: string, limit = 20): Promise<Report[]> {
      const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length === 0) return [];
      // Each word quoted, so the user's text is never read as FTS syntax. SQLite FTS5 only;
      // PostgreSQL will use its own text search here.
      const match = words.map((w) => `"${w}"`).join(' ');
      const { rows } = await sql<{ id: number }>`
        SELECT rowid AS id FROM reports_fts WHERE reports_fts MATCH ${match} ORDER BY rank LIMIT ${limit}
      `.execute(db);
      const found = await Promise.all(rows.map((r) => byId(Number(r.id))));
      return found.filter((r): r is Report => r !== null);
    },
  };
}
