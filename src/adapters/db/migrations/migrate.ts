import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

export type MigrationResult =
  { ok: true; from: number; to: number; applied: string[] } | { ok: false; error: string };

/** Takes the database's write lock inside a transaction, so two processes never migrate at once. */
export type WriteLock = (trx: Kysely<unknown>) => Promise<void>;

/**
 * Brings the schema up to the newest of `migrations`, one transaction per step, recording each in
 * `schema_version`. A database newer than this code is left alone and reported.
 */
export async function migrate(
  db: Kysely<unknown>,
  migrations: readonly Migration[],
  lock: WriteLock,
): Promise<MigrationResult> {
  await sql`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`.execute(db);
  const from = await currentVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    return {
      ok: false,
      error: `the database has schema version ${from}, newer than this strikewatch knows (${latest}); upgrade strikewatch`,
    };
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    const done = await db.transaction().execute(async (trx) => {
      await lock(trx);
      // Another process may have applied it while this one waited for the lock.
      if ((await currentVersion(trx)) >= migration.version) return false;
      await migration.up(trx);
      await sql`INSERT INTO schema_version (version, name, applied_at)
        VALUES (${migration.version}, ${migration.name}, ${new Date().toISOString()})`.execute(trx);
      return true;
    });
    if (done) applied.push(`${String(migration.version).padStart(3, '0')}-${migration.name}`);
  }
  return { ok: true, from, to: await currentVersion(db), applied };
}

export async function currentVersion(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ v: number | null }>`SELECT max(version) AS v FROM schema_version`.execute(db);
  return Number(rows[0]?.v ?? 0);
}
