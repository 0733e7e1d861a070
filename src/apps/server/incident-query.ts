import {
  incidentSortValue,
  type IncidentCursor,
  type IncidentFilter,
  type IncidentSort,
  type IncidentSortKey,
  type StoredIncident,
} from '../../domain/store.ts';
import type { FilterQuery, ListQuery, Sort } from './api-schemas.ts';
import type { ViewContext } from './incident-view.ts';
import { badRequest } from './http-errors.ts';

export function sortOf(sort: Sort): IncidentSort {
  const descending = sort.startsWith('-');
  return { by: (descending ? sort.slice(1) : sort) as IncidentSortKey, descending };
}

/** The store's filter for validated query parameters. */
export function filterOf(query: FilterQuery): IncidentFilter {
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    country: query.country ?? null,
    admin1: query.governorate ?? null,
    belligerent: query.belligerent ?? null,
    grading: query.grading ?? null,
    strikeStatus: query.strikeStatus ?? null,
    minKilled: query.minKilled ?? null,
    text: query.q ?? null,
    sort: sortOf(query.sort),
  };
}

/** The opaque cursor after `last`: the sort it belongs to, the sort value and the id. */
export function encodeCursor(sort: Sort, last: StoredIncident): string {
  const key = incidentSortValue(last, sortOf(sort).by);
  return Buffer.from(JSON.stringify([sort, key, last.id])).toString('base64url');
}

/** Reads a cursor made by `encodeCursor` for the same sort; anything else is the client's error. */
export function decodeCursor(sort: Sort, cursor: string): IncidentCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    (!['string', 'number'].includes(typeof parsed[1]) && parsed[1] !== null) ||
    !Number.isSafeInteger(parsed[2])
  )
    throw badRequest('cursor is not one this API gave (use the next value of a page)', 'cursor');
  if (parsed[0] !== sort) throw badRequest(`cursor belongs to sort "${parsed[0]}", not "${sort}"`, 'cursor');
  return { key: parsed[1] as string | number | null, id: parsed[2] as number };
}

/** One page of incidents for a validated list query, with the cursor of the next. */
export async function listIncidents(
  ctx: ViewContext,
  query: ListQuery,
): Promise<{ items: StoredIncident[]; total: number; next: string | null }> {
  const filter = filterOf(query);
  const after = query.cursor === undefined ? null : decodeCursor(query.sort, query.cursor);
  // One more than the page tells whether a next page exists.
  const rows = await ctx.stores.incidents.list({ ...filter, after, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const total = await ctx.stores.incidents.count(filter);
  const next = rows.length > query.limit ? encodeCursor(query.sort, items.at(-1)!) : null;
  return { items, total, next };
}
