/** Place helpers for clustering: how far a place of each precision reaches, and loose name keys. */
import { distanceKm, precisionRankOf } from '../../domain/geo.ts';
import type { LocationPrecision } from '../../domain/extraction.ts';
import type { IncidentPlace } from '../../domain/incident.ts';

/**
 * Kilometres around a named place that still count as that place. A village's gazetteer point
 * can sit a kilometre or two from where a strike fell; a city or district spreads further.
 */
export const REACH_KM: Record<LocationPrecision, number> = {
  exact: 1,
  street: 1,
  neighbourhood: 2,
  village: 3,
  town: 6,
  city: 12,
  district: 30,
  governorate: Infinity,
  country: Infinity,
};

/**
 * How far a claim with a point looks for incidents with points: its own reach, and at least a
 * city's, since a neighbourhood claim must find the city-level incident around it. District-level
 * incidents are found through their governorate instead, so the common search stays small.
 */
export function searchRadiusKm(p: LocationPrecision): number {
  return Math.max(REACH_KM[p], REACH_KM.city);
}

/** Incidents placed at district level are indexed by governorate, not by grid cell. */
export function isGridded(p: IncidentPlace): boolean {
  return hasPoint(p) && (p.precision !== 'district' || p.admin1 === null);
}

export function precisionRank(p: LocationPrecision | null): number {
  return precisionRankOf(p);
}

/** A place with a point of its own: district level or finer, with coordinates. */
export function hasPoint(p: IncidentPlace): boolean {
  return (
    p.lat !== null &&
    p.lon !== null &&
    p.precision !== null &&
    precisionRankOf(p.precision) <= precisionRankOf('district')
  );
}

/** Town level or finer: small enough that one strike a week there is news. */
export function isTownOrFiner(p: LocationPrecision | null): boolean {
  return p !== null && precisionRankOf(p) <= precisionRankOf('town');
}

/** A settlement (village, town, city): two different settlements are different places. */
export function isSettlement(p: LocationPrecision | null): boolean {
  return p === 'village' || p === 'town' || p === 'city';
}

export { distanceKm };

const ARTICLES = new Set([
  'al',
  'el',
  'ad',
  'ar',
  'as',
  'at',
  'az',
  'an',
  'ash',
  'ath',
  'ez',
  'es',
  'ed',
  'er',
]);
const FILLERS = new Set(['the', 'city', 'town', 'village', 'near', 'of', 'in', 'countryside', 'province']);

/**
 * A loose key for a place name, so that press spellings of one place meet ("Kafr Zeita",
 * "Kafrzita", "Kafr Zita"): ASCII letters, no articles or fillers, no vowels, no doubled letters.
 */
export function nameKey(name: string | null): string | null {
  if (name === null) return null;
  const known = keyCache.get(name);
  if (known !== undefined) return known;
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
  const key = computeNameKey(name);
  keyCache.set(name, key);
  return key;
}

// Place names repeat from claim to claim; keying one costs a Unicode normalisation.
const KEY_CACHE_SIZE = 50_000;
const keyCache = new Map<string, string | null>();

function computeNameKey(name: string): string | null {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['`\u2018\u2019\u02bc\u02bf]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !ARTICLES.has(w) && !FILLERS.has(w));
  const key = words
    .join('')
    .replace(/[aeiouyw]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/h$/, '');
  return key.length >= 2 ? key : null;
}

/** One line naming a place for reasons: "Kafr Zeita (village, Hama)". */
export function describePlace(p: IncidentPlace): string {
  const name = p.name ?? p.admin1 ?? p.country ?? 'no place';
  const parts = [p.precision ?? 'unresolved'];
  if (p.admin1 && p.admin1 !== name) parts.push(p.admin1);
  return `${name} (${parts.join(', ')})`;
}
