/** Seeded synthetic incidents, declared strikes and statements, for the bench and property tests. */
import type { StoredCasualtyStatement, StoredDeclaredStrike } from '../../domain/official.ts';
import type { IncidentToReconcile } from './reconcile-incidents.ts';

/** A small fast generator (mulberry32): the same seed gives the same set. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BELLIGERENTS = ['us-coalition', 'russia', 'turkey', 'israel'];
const DAY0 = Date.UTC(2015, 8, 30);
const iso = (d: number): string => new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10);

export interface SyntheticSet {
  incidents: IncidentToReconcile[];
  strikes: StoredDeclaredStrike[];
  statements: StoredCasualtyStatement[];
}

/** Incidents and strikes over Syria-sized ground (32-37 N, 35-42 E) across `days` days. */
export function syntheticReconcileSet(
  seed: number,
  sizes: { incidents: number; strikes: number; statements: number; days: number },
): SyntheticSet {
  const rnd = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
  const point = () => ({ lat: 32 + rnd() * 5, lon: 35 + rnd() * 7 });
  const place = (p: { lat: number; lon: number }) => ({
    name: `p${Math.round(p.lat * 100)}-${Math.round(p.lon * 100)}`,
    gazetteerId: null,
    admin1: null,
    country: 'Syria',
    lat: p.lat,
    lon: p.lon,
    precision: 'town' as const,
  });
  const strikes: StoredDeclaredStrike[] = [];
  for (let i = 0; i < sizes.strikes; i++) {
    const d = Math.floor(rnd() * sizes.days);
    const long = rnd() < 0.2 ? 1 : 0;
    const placed = rnd() < 0.97;
    strikes.push({
      id: i + 1,
      reportId: 1 + Math.floor(i / 20),
      belligerent: pick(BELLIGERENTS),
      date: { from: iso(d), to: iso(d + long) },
      place: placed ? place(point()) : null,
      strikes: rnd() < 0.05 ? 0 : 1 + Math.floor(rnd() * 10),
      targets: [],
      evidence: { start: 0, end: 0, text: '' },
    });
  }
  const statements: StoredCasualtyStatement[] = [];
  for (let i = 0; i < sizes.statements; i++) {
    const d = Math.floor(rnd() * sizes.days);
    statements.push({
      id: i + 1,
      reportId: 1,
      source: 'synthetic',
      belligerent: pick(BELLIGERENTS),
      verdict: 'non-credible',
      reason: null,
      date: { from: iso(d), to: iso(d) },
      place: place(point()),
      killedConceded: null,
      injuredConceded: null,
      evidence: { start: 0, end: 0, text: '' },
    });
  }
  const incidents: IncidentToReconcile[] = [];
  for (let i = 0; i < sizes.incidents; i++) {
    const d = Math.floor(rnd() * sizes.days);
    const p = point();
    const n = 1 + Math.floor(rnd() * 2);
    const belligerents = [...new Set(Array.from({ length: n }, () => pick(BELLIGERENTS)))];
    incidents.push({
      id: i + 1,
      date: { from: iso(d), to: iso(d + (rnd() < 0.1 ? 2 : 0)) },
      lat: rnd() < 0.95 ? p.lat : null,
      lon: p.lon,
      place: null,
      belligerents,
    });
  }
  for (const inc of incidents) if (inc.lat === null) inc.lon = null;
  return { incidents, strikes, statements };
}
