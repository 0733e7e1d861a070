/** Gold records of the news-style sets (seeds/gold.jsonl, data/fakes/dev-gold.jsonl) and their validation. */

export interface GoldAttribution {
  belligerent: string;
  stance: string;
}

/** One labelled incident. Casualty bounds are flat fields here; predictions use {min, max} ranges. */
export interface GoldIncident {
  date: string | null;
  place: string | null;
  admin1: string | null;
  attributed: GoldAttribution[];
  killed_min: number | null;
  killed_max: number | null;
  civilians_killed_min: number | null;
  civilians_killed_max: number | null;
  children_killed_min: number | null;
  injured_min: number | null;
  injured_max: number | null;
  combatants_killed_min: number | null;
  combatants_killed_max: number | null;
  strike_type: string;
  background: boolean;
}

export interface GoldDocument {
  id: string;
  published: string | null;
  outlet: string | null;
  incidents: GoldIncident[];
}

export const GOLD_BOUNDS = [
  'killed_min',
  'killed_max',
  'civilians_killed_min',
  'civilians_killed_max',
  'children_killed_min',
  'injured_min',
  'injured_max',
  'combatants_killed_min',
  'combatants_killed_max',
] as const;

export type GoldBound = (typeof GOLD_BOUNDS)[number];

/** A validation outcome: the record, or every problem found with its path. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string or null; a missing key reads as null. */
function optString(o: Obj, key: string, path: string, problems: string[]): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  problems.push(`${path}${key}: expected a string or null`);
  return null;
}

function optCount(o: Obj, key: string, path: string, problems: string[]): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  problems.push(`${path}${key}: expected a non-negative integer or null`);
  return null;
}

function parseIncident(v: unknown, path: string, problems: string[]): GoldIncident | null {
  if (!isObj(v)) {
    problems.push(`${path}: expected an object`);
    return null;
  }
  const p = `${path}.`;
  const attributed: GoldAttribution[] = [];
  const rawAttr = v['attributed'] ?? [];
  if (!Array.isArray(rawAttr)) problems.push(`${p}attributed: expected an array`);
  else
    rawAttr.forEach((a: unknown, i) => {
      if (isObj(a) && typeof a['belligerent'] === 'string' && typeof a['stance'] === 'string')
        attributed.push({ belligerent: a['belligerent'], stance: a['stance'] });
      else problems.push(`${p}attributed[${i}]: expected {belligerent, stance} strings`);
    });
  const background = v['background'] ?? false;
  if (typeof background !== 'boolean') problems.push(`${p}background: expected a boolean`);
  const bounds = Object.fromEntries(GOLD_BOUNDS.map((k) => [k, optCount(v, k, p, problems)])) as Record<
    GoldBound,
    number | null
  >;
  return {
    date: optString(v, 'date', p, problems),
    place: optString(v, 'place', p, problems),
    admin1: optString(v, 'admin1', p, problems),
    attributed,
    ...bounds,
    strike_type: optString(v, 'strike_type', p, problems) ?? 'unknown',
    background: background === true,
  };
}

/** Validates one parsed line of a gold file. */
export function parseGoldDocument(value: unknown): Parsed<GoldDocument> {
  const problems: string[] = [];
  if (!isObj(value)) return { ok: false, problems: ['expected a JSON object'] };
  const id = value['id'];
  if (typeof id !== 'string' || id.length === 0) problems.push('id: expected a non-empty string');
  const rawIncidents = value['incidents'];
  const incidents: GoldIncident[] = [];
  if (!Array.isArray(rawIncidents)) problems.push('incidents: expected an array');
  else
    rawIncidents.forEach((inc: unknown, i) => {
      const parsed = parseIncident(inc, `incidents[${i}]`, problems);
      if (parsed) incidents.push(parsed);
    });
  const published = optString(value, 'published', '', problems);
  const outlet = optString(value, 'outlet', '', problems);
  if (problems.length > 0 || typeof id !== 'string') return { ok: false, problems };
  return { ok: true, value: { id, published, outlet, incidents } };
}
