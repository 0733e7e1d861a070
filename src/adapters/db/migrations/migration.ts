import { sql, type Kysely } from 'kysely';

/** One schema step. Versions count up from 1 without gaps; each dialect has its own files. */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** A migration that runs its SQL statements in order. */
export function statements(version: number, name: string, list: readonly string[]): Migration {
  return {
    version,
    name,
    async up(db: Kysely<unknown>): Promise<void> {
      for (const statement of list) await sql.raw(statement).execute(db);
    },
  };
}
