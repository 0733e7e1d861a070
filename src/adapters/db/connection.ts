import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
} from 'kysely';
import type { Database } from './schema.ts';

export interface SqliteConnection {
  db: Kysely<Database>;
  raw: BetterSqlite3.Database;
}

/**
 * Transactions begin IMMEDIATE: they take the write lock (waiting up to the busy timeout) before
 * reading, so a read-then-write never fails at once because another process wrote in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** How many distinct statements stay prepared; queries with long IN lists can make many. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as the dialect sees it, with prepared statements kept for reuse: preparing a
 * statement costs as much as running a small one, and ingest runs the same few dozen many times.
 */
function cachingStatements(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare: (sql) => {
      let stmt = cache.get(sql);
      if (stmt === undefined) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        stmt = raw.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase;
  constructor(raw: BetterSqlite3.Database) {
    const database = cachingStatements(raw);
    super({ database });
    this.#database = database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
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
    // The busy timeout first: switching a new file to WAL needs a lock that another process
    // opening it at the same moment may hold.
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (path !== ':memory:') raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    // With the WAL, NORMAL loses at most the last commits on power loss, never consistency.
    raw.pragma('synchronous = NORMAL');
  } catch (err) {
    raw.close();
    throw err;
  }
  return { db: new Kysely<Database>({ dialect: new ImmediateSqliteDialect(raw) }), raw };
}

/** Nothing to do: every transaction here begins IMMEDIATE, holding the write lock already. */
export async function sqliteWriteLock(): Promise<void> {}

/** `PRAGMA integrity_check` and foreign key check: an empty list when the file is sound. */
export function integrityProblems(raw: BetterSqlite3.Database): string[] {
  const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  const fk = raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const f of fk) problems.push(`${f.table} row ${f.rowid} points at a missing ${f.parent} row`);
  return problems;
}
