import type { Range } from '../../../domain/range.ts';

/** "12", "12–15", "at least 19", "up to 4", or an en dash for no figure. */
export function formatRange(r: Range | null | undefined): string {
  if (!r || (r.min === null && r.max === null)) return '–';
  if (r.max === null) return `at least ${r.min}`;
  if (r.min === null) return `up to ${r.max}`;
  return r.min === r.max ? String(r.min) : `${r.min}–${r.max}`;
}

/** A query string for a link, leaving out empty values; starts with "?" when not empty. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** "2016-10-26T10:00:00.000Z" as "2016-10-26 10:00 UTC". */
export function formatTimestamp(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return m ? `${m[1]} ${m[2]} UTC` : at;
}
