/** Airwars incident records (data/airwars/incidents.jsonl) as far as scoring reads them. */
import type { Parsed } from './gold.ts';

/** Airwars' own coded values for one incident. */
export interface AirwarsFields {
  date: string | null;
  date_precision: string | null;
  lat: number | null;
  lon: number | null;
  belligerents: string[];
  civ_killed_min: number | null;
  civ_killed_max: number | null;
  civ_injured_min: number | null;
  civ_injured_max: number | null;
  children_killed_min: number | null;
  children_killed_max: number | null;
}

export interface AirwarsRecord {
  id: string;
  text: string;
  fields: AirwarsFields;
}

const COUNT_KEYS = [
  'civ_killed_min',
  'civ_killed_max',
  'civ_injured_min',
  'civ_injured_max',
  'children_killed_min',
  'children_killed_max',
] as const;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates one line of incidents.jsonl. Records that are not scored (no English narrative,
 * no coded fields, or outside the dev split) give `{ ok: true, value: null }`.
 */
export function parseAirwarsRecord(value: unknown): Parsed<AirwarsRecord | null> {
  if (!isObj(value)) return { ok: false, problems: ['expected a JSON object'] };
  const { id, text, fields, split } = value;
  if (typeof text !== 'string' || text.length === 0 || !isObj(fields)) return { ok: true, value: null };
  if (split !== undefined && split !== 'dev') return { ok: true, value: null };
  const problems: string[] = [];
  if (typeof id !== 'string' || id.length === 0) problems.push('id: expected a non-empty string');
  const str = (k: string): string | null => {
    const v = fields[k];
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v;
    problems.push(`fields.${k}: expected a string or null`);
    return null;
  };
  const num = (k: string): number | null => {
    const v = fields[k];
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    problems.push(`fields.${k}: expected a number or null`);
    return null;
  };
  const rawBelligerents = fields['belligerents'] ?? [];
  const belligerents: string[] = [];
  if (!Array.isArray(rawBelligerents)) problems.push('fields.belligerents: expected an array');
  else
    for (const b of rawBelligerents) {
      if (typeof b === 'string') belligerents.push(b);
      else problems.push('fields.belligerents: expected strings');
    }
  const parsed: AirwarsFields = {
    date: str('date'),
    date_precision: str('date_precision'),
    lat: num('lat'),
    lon: num('lon'),
    belligerents,
    ...(Object.fromEntries(COUNT_KEYS.map((k) => [k, num(k)])) as Record<
      (typeof COUNT_KEYS)[number],
      number | null
    >),
  };
  if (problems.length > 0 || typeof id !== 'string') return { ok: false, problems };
  return { ok: true, value: { id, text, fields: parsed } };
}
