import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.ts';

export interface SqliteConnection {
  db: Kysely<Database>;
  raw: BetterSqlite3.Database;
}

/** How long a writer waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (or creates) a SQLite database file: write-ahead log so readers never block the writer,
 * a busy timeout for concurrent processes, and foreign keys enforced.
 */
export function openSqlite(path: string): SqliteConnection {
  const raw = new BetterSqlite3(path);
  try {
    if (path !== ':memory:') raw.pragma('journal_mode = WAL');
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    raw.pragma('foreign_keys = ON');
    // With the WAL, NORMAL loses at most the last commits on power loss, never consistency.
    raw.pragma('synchronous = NORMAL');
  } catch (err) {
    raw.close();
    throw err;
  }
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) }), raw };
}

/** Takes SQLite's write lock at once: a write that changes nothing still makes the transaction a writer. */
export async function sqliteWriteLock(trx: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM schema_version WHERE 1 = 0`.execute(trx);
}

/** `PRAGMA integrity_check` and foreign key check: an empty list when the file is sound. */
export function integrityProblems(raw: BetterSqlite3.Database): string[] {
  const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  const fk = raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const f of fk) problems.push(`${f.table} row ${f.rowid} points at a missing ${f.parent} row`);
  return problems;
}
