import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Neighbourhood } from '../../domain/store.ts';
import type { Database } from './schema.ts';

type Located = 'claims' | 'incidents';

/** Rows dated within the window (ISO days compare as text) and, when given, inside the box. */
export function withinDays<T extends Located, O>(
  q: SelectQueryBuilder<Database, T, O>,
  where: Neighbourhood,
): SelectQueryBuilder<Database, T, O> {
  // Plain column names, shared by both tables; the upper bound also admits later times of `to`.
  let out = q.where(sql<SqlBool>`date >= ${where.from} AND date <= ${`${where.to}\uffff`}`);
  const box = where.box;
  if (box) {
    out = out.where(
      sql<SqlBool>`lat BETWEEN ${box.south} AND ${box.north} AND lon BETWEEN ${box.west} AND ${box.east}`,
    );
  }
  return out;
}
