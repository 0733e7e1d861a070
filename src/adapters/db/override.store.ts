import type { IncidentOverrides, OverrideStore } from '../../domain/incident-overrides.ts';
import { now, type Db } from './atomic.ts';

export function overrideStore(db: Db): OverrideStore {
  return {
    async get(incidentId) {
      const row = await db
        .selectFrom('incident_overrides')
        .select('fields')
        .where('incident_id', '=', incidentId)
        .executeTakeFirst();
      return row ? (JSON.parse(row.fields) as IncidentOverrides) : {};
    },
    async set(incidentId, overrides) {
      if (Object.keys(overrides).length === 0) {
        await db.deleteFrom('incident_overrides').where('incident_id', '=', incidentId).execute();
        return;
      }
      const fields = JSON.stringify(overrides);
      const at = now();
      await db
        .insertInto('incident_overrides')
        .values({ incident_id: incidentId, fields, updated_at: at })
        .onConflict((c) => c.column('incident_id').doUpdateSet({ fields, updated_at: at }))
        .execute();
    },
  };
}
