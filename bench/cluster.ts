/**
 * Clustering cost per claim as the store grows: synthetic claims (a fixed seed) over a grid of
 * synthetic villages across Syria, each strike told by one to three reports. Indexes (the SQLite
 * one ingest uses, and the in-memory one) are filled to 10k and to 100k claims, then the next
 * claims are timed in alternating batches (decide + write), CPU time per claim, median batch.
 *
 * Two ways to grow, both reported:
 * - over time: 10k claims over 146 days, 100k over four years, as an archive grows; the same
 *   number of incidents lie near each claim, so the ratio shows what the store's size costs;
 * - denser: both over the same four years, so the larger store has ten times as many incidents
 *   near each claim, and every claim has more real candidates to judge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../src/adapters/db/connection.ts';
import { SqliteIncidentIndex } from '../src/adapters/db/incident-index.ts';
import { openSqliteStore } from '../src/adapters/db/sqlite-store.ts';
import type { IncidentIndex } from '../src/domain/incident-index.ts';
import type { LocationPrecision } from '../src/domain/extraction.ts';
import type { IncidentFootprint, StoredClaim } from '../src/domain/incident.ts';
import {
  addClaim,
  isGridded,
  keysOf,
  MemoryIncidentIndex,
  nameKey,
  queryKeys,
  type CandidateQuery,
} from '../src/stages/cluster/index.ts';
import { event } from '../test/fixtures/claims.ts';
import type { BenchSection, SectionResult } from './section.ts';

const SIZES = [10_000, 100_000];
const TIMED_CLAIMS = 5_000;
const BATCH = 500;
const TARGET_RATIO = 2;
const SPAN_DAYS = 4 * 365;
const START_DAY = Date.UTC(2014, 0, 1) / 86_400_000;
const VILLAGES = 6_000;
const GOVERNORATES = ['Aleppo', 'Idlib', 'Hama', 'Homs', 'Raqqa', 'Deir ez-Zor', 'Daraa', 'Rif Dimashq'];

/** mulberry32: a small seeded generator, so every run measures the same claims. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* syntheticClaims(seed: number, spanDays: number): Generator<StoredClaim> {
  const rnd = random(seed);
  const villages = Array.from({ length: VILLAGES }, (_, i) => ({
    id: `bench:${i}`,
    name: `Village ${i}`,
    lat: 32.5 + rnd() * 4.5,
    lon: 35.8 + rnd() * 6,
    admin1: GOVERNORATES[i % GOVERNORATES.length]!,
  }));
  let claim = 0;
  for (let strike = 0; ; strike++) {
    const v = villages[Math.floor(rnd() * villages.length)]!;
    const day = START_DAY + Math.floor(rnd() * spanDays);
    const killed = 1 + Math.floor(rnd() * 30);
    const reports = 1 + Math.floor(rnd() * 3);
    for (let r = 0; r < reports; r++) {
      const roll = rnd();
      const precision: LocationPrecision = roll < 0.8 ? 'village' : roll < 0.9 ? 'town' : 'governorate';
      const shift = rnd() < 0.2 ? 1 : 0;
      const iso = new Date((day + shift) * 86_400_000).toISOString().slice(0, 10);
      const undated = rnd() < 0.05;
      claim++;
      yield {
        id: `c${claim}`,
        reportId: `r${claim}`,
        outlet: `Outlet ${claim % 40}`,
        outletKind: null,
        published: iso,
        event: event({
          date: undated ? null : iso,
          date_precision: undated ? 'unknown' : 'day',
          place: precision === 'governorate' ? v.admin1 : v.name,
          admin1: v.admin1,
          country: 'Syria',
          lat: v.lat,
          lon: v.lon,
          location_precision: precision,
          gazetteer_id: precision === 'governorate' ? `bench:${v.admin1}` : v.id,
          killed: { min: killed + r, max: killed + r },
          attributed: [{ belligerent: 'russia', stance: 'blames', by: 'the article itself', quote: '' }],
        }),
      };
    }
  }
}

interface SizeResult {
  stored: number;
  incidents: number;
  microsPerClaim: number;
  /** Incidents the index returned per timed claim, before the rules. */
  candidatesPerClaim: number;
}

/** Counts what the index hands the rules: the part of the cost that grows with density. */
class CountingIndex extends MemoryIncidentIndex {
  returned = 0;
  override candidates(query: CandidateQuery): IncidentFootprint[] {
    const found = super.candidates(query);
    this.returned += found.length;
    return found;
  }
}

/** What the bench needs of an index: candidates counted, and its size. */
interface BenchIndex {
  index: IncidentIndex;
  returned(): number;
  resetReturned(): void;
  incidents(): number;
  newId: () => string;
  /** Runs `work` as one transaction where the index is a database's (as ingest does per batch). */
  batch(work: () => void): void;
  close(): void;
}

function memoryIndex(): BenchIndex {
  const index = new CountingIndex();
  let n = 0;
  return {
    index,
    returned: () => index.returned,
    resetReturned: () => (index.returned = 0),
    incidents: () => index.size,
    newId: () => `I${++n}`,
    batch: (work) => work(),
    close: () => {},
  };
}

/** The store-backed index of `strikewatch ingest`, on a fresh SQLite file (WAL, as shipped). */
async function storeIndex(dir: string, name: string): Promise<BenchIndex> {
  const path = join(dir, `${name}.db`);
  const opened = await openSqliteStore(path);
  if (!opened.ok) throw new Error(opened.error);
  await opened.store.close();
  const { db, raw } = openSqlite(path);
  const inner = new SqliteIncidentIndex(raw, { nameKey, isGridded, keysOf, queryKeys });
  let returned = 0;
  const index: IncidentIndex = {
    candidates: (q) => {
      const found = inner.candidates(q);
      returned += found.length;
      return found;
    },
    get: (id) => inner.get(id),
    put: (fp) => inner.put(fp),
    remove: (id) => inner.remove(id),
  };
  const insert: BetterSqlite3.Statement = raw.prepare(
    "INSERT INTO incidents (created_at, updated_at) VALUES ('bench', 'bench')",
  );
  const count = raw.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM incidents WHERE footprint IS NOT NULL',
  );
  return {
    index,
    returned: () => returned,
    resetReturned: () => (returned = 0),
    incidents: () => count.get()!.n,
    newId: () => String(insert.run().lastInsertRowid),
    batch: (work) => raw.transaction(work)(),
    close: () => void db.destroy(),
  };
}

/** A store filled to `size` claims, with the claims that come next, ready to be timed. */
interface Filled {
  size: number;
  bench: BenchIndex;
  timed: StoredClaim[];
  perClaim: number[];
}

function fill(size: number, bench: BenchIndex, spanDays: number): Filled {
  const claims = syntheticClaims(7, spanDays);
  for (let done = 0; done < size; done += 10_000)
    bench.batch(() => {
      for (let i = done; i < Math.min(size, done + 10_000); i++)
        addClaim(claims.next().value as StoredClaim, bench.index, bench.newId);
    });
  const timed: StoredClaim[] = [];
  for (let i = 0; i < TIMED_CLAIMS; i++) timed.push(claims.next().value as StoredClaim);
  bench.resetReturned();
  return { size, bench, timed, perClaim: [] };
}

/** CPU time of this process per claim over one batch: wall time would count other processes' turns. */
function timeBatch(f: Filled, start: number): void {
  const before = process.cpuUsage();
  f.bench.batch(() => {
    for (const c of f.timed.slice(start, start + BATCH)) addClaim(c, f.bench.index, f.bench.newId);
  });
  const used = process.cpuUsage(before);
  f.perClaim.push((used.user + used.system) / BATCH);
}

/**
 * Both stores are filled first, then timed in alternating batches, so a busy spell on the shared
 * machine falls on both alike; each size's figure is its median batch.
 */
function measure(filled: Filled[]): SizeResult[] {
  for (let b = 0; b < TIMED_CLAIMS; b += BATCH) for (const f of filled) timeBatch(f, b);
  return filled.map((f) => {
    const sorted = [...f.perClaim].sort((x, y) => x - y);
    return {
      stored: f.size,
      incidents: f.bench.incidents(),
      microsPerClaim: sorted[Math.floor(sorted.length / 2)]!,
      candidatesPerClaim: f.bench.returned() / TIMED_CLAIMS,
    };
  });
}

function describe(kind: string, r: SizeResult): string {
  return (
    `${kind}: ${r.stored.toLocaleString('en')} stored claims (${r.incidents.toLocaleString('en')} incidents after): ` +
    `${r.microsPerClaim.toFixed(1)} µs CPU per claim (median of ${TIMED_CLAIMS / BATCH} batches of ${BATCH}), ` +
    `${r.candidatesPerClaim.toFixed(1)} candidates per claim`
  );
}

export const clusterSection: BenchSection = {
  name: 'cluster',
  description:
    'per-claim clustering cost at 10k and 100k stored claims (synthetic): the SQLite-backed index ingest uses, and the in-memory one',
  needsShared: false,
  async run(): Promise<SectionResult> {
    // One small untimed run so the first measurement does not pay for the JIT.
    measure([fill(2_000, memoryIndex(), SPAN_DAYS)]);
    // Over time: the span grows with the store (the density of the larger one); denser: one span.
    const spans = {
      'over time': (size: number): number => Math.round((SPAN_DAYS * size) / SIZES[1]!),
      denser: (): number => SPAN_DAYS,
    };
    const dir = mkdtempSync(join(tmpdir(), 'strikewatch-cluster-bench-'));
    const results: Array<{ growth: string; kind: string; sizes: SizeResult[] }> = [];
    try {
      for (const [growth, span] of Object.entries(spans)) {
        results.push({
          growth,
          kind: 'in memory',
          sizes: measure(SIZES.map((size) => fill(size, memoryIndex(), span(size)))),
        });
        const benches = await Promise.all(
          SIZES.map((size) => storeIndex(dir, `${growth}-${size}`.replace(' ', '-'))),
        );
        try {
          results.push({
            growth,
            kind: 'SQLite',
            sizes: measure(SIZES.map((size, i) => fill(size, benches[i]!, span(size)))),
          });
        } finally {
          for (const b of benches) b.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const ratio = (r: SizeResult[]): number => r[1]!.microsPerClaim / r[0]!.microsPerClaim;
    const detail = (r: SizeResult[]): string =>
      `${ratio(r).toFixed(2)}x (${r[0]!.microsPerClaim.toFixed(1)} -> ${r[1]!.microsPerClaim.toFixed(1)} µs, ` +
      `${r[0]!.candidatesPerClaim.toFixed(1)} -> ${r[1]!.candidatesPerClaim.toFixed(1)} candidates per claim)`;
    return {
      lines: results.flatMap((r) => r.sizes.map((size) => describe(`${r.kind}, growing ${r.growth}`, size))),
      targets: results.map((r) => ({
        name: `per-claim cost, ${r.kind}, store growing ${r.growth}: 100k within ${TARGET_RATIO}x of 10k`,
        pass: ratio(r.sizes) < TARGET_RATIO,
        detail: detail(r.sizes),
      })),
      json: {
        results: results.map((r) => ({ ...r, ratio: ratio(r.sizes) })),
        timedClaims: TIMED_CLAIMS,
      },
    };
  },
};
