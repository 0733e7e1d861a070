/**
 * The keys an incident is found by, per day of its date window, and the keys a candidate query
 * asks for (the contract of CandidateQuery): a grid cell for points, the governorate (placed no
 * finer than the district: "a:", any place: "A:"), the country for country-level places, and the
 * place name's loose key. The in-memory index and the store's both bucket incidents by them.
 */
import type { IncidentFootprint } from '../../domain/incident.ts';
import type { CandidateQuery } from './candidate-index.ts';
import { isGridded, nameKey } from './places.ts';

/** Grid cell size in degrees (about 28 km north-south). */
const CELL_DEG = 0.25;

function cellKey(lat: number, lon: number): string {
  return `g:${Math.floor(lat / CELL_DEG)}:${Math.floor(lon / CELL_DEG)}`;
}

export function keysOf(fp: IncidentFootprint): string[] {
  const p = fp.place;
  const keys: string[] = [];
  const point = isGridded(p);
  if (point) keys.push(cellKey(p.lat!, p.lon!));
  if (p.admin1 !== null) {
    keys.push(`A:${p.admin1}`);
    if (!point) keys.push(`a:${p.admin1}`);
  } else if (!point && p.country !== null) keys.push(`c:${p.country}`);
  const name = nameKey(p.name);
  if (name !== null) keys.push(`n:${name}`);
  return keys;
}

export function queryKeys(q: CandidateQuery): string[] {
  const keys: string[] = [];
  if (q.box !== null) {
    const s = Math.floor(q.box.south / CELL_DEG);
    const n = Math.floor(q.box.north / CELL_DEG);
    const w = Math.floor(q.box.west / CELL_DEG);
    const e = Math.floor(q.box.east / CELL_DEG);
    for (let y = s; y <= n; y++) for (let x = w; x <= e; x++) keys.push(`g:${y}:${x}`);
  }
  if (q.admin1 !== null) keys.push(`${q.wholeAdmin1 ? 'A' : 'a'}:${q.admin1}`);
  if (q.country !== null) keys.push(`c:${q.country}`);
  if (q.nameKey !== null) keys.push(`n:${q.nameKey}`);
  return keys;
}
