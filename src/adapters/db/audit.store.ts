import type { AuditEntry, AuditStore, NewAuditEntry } from '../../domain/store.ts';
import { fromJson, now, toJson, type Db } from './atomic.ts';

export function auditStore(db: Db): AuditStore {
  return {
    async append(entry: NewAuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at ?? now(),
          actor: entry.actor,
          action: entry.action,
          entity: entry.entity,
          entity_id: entry.entityId,
          before: toJson(entry.before ?? null),
          after: toJson(entry.after ?? null),
          reason: entry.reason ?? null,
        })
        .execute();
    },
    async list(filter = {}): Promise<AuditEntry[]> {
      let q = db.selectFrom('audit_log').selectAll().orderBy('id');
      if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity);
      if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
      if (filter.limit !== undefined) q = q.limit(filter.limit);
      const rows = await q.execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: fromJson(r.before),
        after: fromJson(r.after),
        reason: r.reason,
      }));
    },
  };
}
