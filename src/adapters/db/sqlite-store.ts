import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Store, Stores } from '../../domain/store.ts';
import type { Db } from './atomic.ts';
import { accountStore } from './account.store.ts';
import { auditStore } from './audit.store.ts';
import { claimStore } from './claim.store.ts';
import { integrityProblems, openSqlite, sqliteWriteLock } from './connection.ts';
import { SqliteIncidentIndex, type PlaceKeys } from './incident-index.ts';
import { incidentStore } from './incident.store.ts';
import { jobStore } from './job.store.ts';
import { overrideStore } from './override.store.ts';
import { officialStore } from './official.store.ts';
import { migrate, type MigrationResult } from './migrations/migrate.ts';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.ts';
import { reportStore } from './report.store.ts';

function stores(db: Db): Stores {
  return {
    reports: reportStore(db),
    claims: claimStore(db),
    incidents: incidentStore(db),
    audit: auditStore(db),
    jobs: jobStore(db),
    accounts: accountStore(db),
    overrides: overrideStore(db),
    official: officialStore(db),
  };
}

/** A SQLite store, plus what only the embedded database can tell. */
export interface SqliteStore extends Store {
  /** Problems `PRAGMA integrity_check` and the foreign key check find; empty when sound. */
  integrityProblems(): string[];
  /** The cluster stage's incident index over the incidents table, on this connection. */
  incidentIndex(keys: PlaceKeys): SqliteIncidentIndex;
}

export type OpenResult =
  | { ok: true; store: SqliteStore; migration: Extract<MigrationResult, { ok: true }> }
  | { ok: false; error: string };

/** Creates a folder and its missing parents one by one (Node 20's recursive mkdir can spin on some file systems). */
function makeFolder(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeFolder(parent);
  mkdirSync(dir);
}

/** Opens the database file (creating it and its folder when missing) and migrates it to the newest schema. */
export async function openSqliteStore(path: string): Promise<OpenResult> {
  let connection;
  try {
    if (path !== ':memory:') makeFolder(dirname(path));
    connection = openSqlite(path);
  } catch (err) {
    return {
      ok: false,
      error: `cannot open database ${path}: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const { db, raw } = connection;
  let migration: MigrationResult;
  try {
    // Migrations see the schema as it was, not as the current types describe it.
    migration = await migrate(db as unknown as Kysely<unknown>, SQLITE_MIGRATIONS, sqliteWriteLock);
  } catch (err) {
    await db.destroy();
    return {
      ok: false,
      error: `cannot migrate ${path}: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  if (!migration.ok) {
    await db.destroy();
    return { ok: false, error: `${path}: ${migration.error}` };
  }
  const store: SqliteStore = {
    ...stores(db),
    transaction: (work) => db.transaction().execute((trx) => work(stores(trx))),
    close: () => db.destroy(),
    integrityProblems: () => integrityProblems(raw),
    incidentIndex: (keys) => new SqliteIncidentIndex(raw, keys),
  };
  return { ok: true, store, migration };
}
