import type { Kysely } from 'kysely';

/** One schema step. Versions count up from 1 without gaps; each dialect has its own files. */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}
