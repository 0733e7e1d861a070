/**
 * The web server over 100k synthetic incidents in a temporary SQLite store: `/api/incidents`
 * p95 latency, the map data for 20k incidents, and the incident page, each measured with
 * autocannon against a static file the same server sends (the baseline: what any answer costs).
 *
 * The store is filled by ingesting the server test reports, then copying their incident, claim
 * and assessment 100k times with varied dates, places, tolls, gradings and belligerents, in one
 * transaction (the pipeline would take hours for as many).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { buildServer } from '../src/apps/server/build-server.ts';
import { belligerentLabels, openStore, outletKindOf, reportProcessor } from '../src/compose.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';
import { FIXTURES, fixtureItems } from '../test/fixtures/server-store.ts';
import type { BenchSection, SectionResult, TargetCheck } from './section.ts';

const INCIDENTS = 100_000;
const MAP_INCIDENTS = 20_000;
const SECONDS = 5;
const TARGETS = { api: 30, map: 300, page: 50 };
const GRADES = ['Confirmed', 'Fair', 'Weak', 'Contested', 'Discounted'];
const STATUSES = ['Declared strike', 'Likely strike', 'Contested strike', 'Single source claim'];
const PLACES: [string, string, string, number, number][] = [
  ['Idlib', 'Idlib', 'Syria', 35.93, 36.63],
  ['Aleppo', 'Aleppo', 'Syria', 36.2, 37.16],
  ['Douma', 'Rif Dimashq', 'Syria', 33.57, 36.4],
  ['Raqqa', 'Raqqa', 'Syria', 35.95, 39.01],
  ['Mosul', 'Nineveh', 'Iraq', 36.34, 43.13],
  ['Fallujah', 'Anbar', 'Iraq', 33.35, 43.78],
  ['Sanaa', 'Amanat al-Asimah', 'Yemen', 15.35, 44.21],
  ['Hodeidah', 'Hodeidah', 'Yemen', 14.8, 42.95],
];

/** mulberry32: a small seeded generator, so every run measures the same store. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Copies the ingested incident and its claim `count` times, varied, in one transaction. */
export function fillStore(path: string, count: number): void {
  const db = new Database(path);
  const template = db.prepare('SELECT * FROM incidents ORDER BY id LIMIT 1').get() as Record<string, unknown>;
  const claim = db
    .prepare(
      'SELECT c.* FROM claims c JOIN incident_claims ic ON ic.claim_id = c.id WHERE ic.incident_id = ? LIMIT 1',
    )
    .get(template['id']) as Record<string, unknown>;
  const assessment = JSON.parse(String(template['assessment'])) as {
    belligerents: { code: string; label: string }[];
  };
  const labels = Object.entries(belligerentLabels());
  const rnd = random(7);
  const insertClaim = db.prepare(
    `INSERT INTO claims (report_id, idx, date, date_precision, place, admin1, country, lat, lon, location_precision,
       strike_type, killed_min, killed_max, civilians_killed_min, civilians_killed_max, background, event, created_at)
     VALUES (@report_id, @idx, @date, 'day', @place, @admin1, @country, @lat, @lon, 'town', @strike_type,
       @min, @max, @min, @max, 0, @event, @at)`,
  );
  const insertIncident = db.prepare(
    `INSERT INTO incidents (date, date_precision, place, admin1, country, lat, lon, location_precision, killed_min,
       killed_max, civilians_killed_min, civilians_killed_max, injured_min, injured_max, grading, strike_status,
       assessment, created_at, updated_at)
     VALUES (@date, 'day', @place, @admin1, @country, @lat, @lon, 'town', @min, @max, @min, @max, @injured, @injured,
       @grading, @status, @assessment, @at, @at)`,
  );
  const link = db.prepare(
    `INSERT INTO incident_claims (incident_id, claim_id, linked_by, linked_at, reason) VALUES (?, ?, 'bench', ?, null)`,
  );
  const at = new Date().toISOString();
  const startDay = Date.UTC(2014, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const [place, admin1, country, lat, lon] = PLACES[Math.floor(rnd() * PLACES.length)]!;
      const date = new Date(startDay + Math.floor(rnd() * 3650) * 86_400_000).toISOString().slice(0, 10);
      const min = Math.floor(rnd() * rnd() * 40);
      const max = rnd() < 0.1 ? null : min + Math.floor(rnd() * 5);
      const [code, label] = labels[Math.floor(rnd() * labels.length)]!;
      assessment.belligerents[0] = { ...assessment.belligerents[0]!, code, label };
      const row = {
        date,
        place: `${place} ${i % 500}`,
        admin1,
        country,
        lat: lat + (rnd() - 0.5) * 1.5,
        lon: lon + (rnd() - 0.5) * 1.5,
        min,
        max,
        at,
      };
      const claimId = insertClaim.run({
        ...row,
        report_id: claim['report_id'],
        idx: 1000 + i,
        strike_type: claim['strike_type'],
        event: claim['event'],
      }).lastInsertRowid;
      const incidentId = insertIncident.run({
        ...row,
        injured: Math.floor(rnd() * 30),
        grading: GRADES[Math.floor(rnd() * GRADES.length)],
        status: STATUSES[Math.floor(rnd() * STATUSES.length)],
        assessment: JSON.stringify(assessment),
      }).lastInsertRowid;
      link.run(incidentId, claimId, at);
    }
  })();
  db.exec('ANALYZE');
  db.close();
}

interface Measure {
  requests: number;
  rps: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs autocannon on `paths` (taken in turn), recording each response's time for exact percentiles. */
async function measure(
  url: string,
  paths: () => string,
  connections: number,
  seconds = SECONDS,
): Promise<Measure> {
  const times: number[] = [];
  let bytes = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths() }) }],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
    times.push(responseTime);
    bytes = resBytes;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    rps: times.length / seconds,
    mean: times.reduce((n, t) => n + t, 0) / Math.max(1, times.length),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.non2xx,
    bytes,
  };
}

function line(name: string, m: Measure, base: Measure): string {
  return `${name.padEnd(34)} p50 ${m.p50.toFixed(1).padStart(6)} ms  p95 ${m.p95.toFixed(1).padStart(6)} ms  p99 ${m.p99.toFixed(1).padStart(6)} ms  ${m.rps.toFixed(0).padStart(5)} req/s  p95 ${(m.p95 / base.p95).toFixed(1)}x the static file${m.errors ? `  ${m.errors} errors` : ''}`;
}

export const serverSection: BenchSection = {
  name: 'server',
  description: `the web server over ${INCIDENTS / 1000}k synthetic incidents, against a static file it serves`,
  needsShared: false,
  async run(ctx): Promise<SectionResult> {
    const count = ctx.limit ? Math.min(INCIDENTS, ctx.limit * 100) : INCIDENTS;
    const dir = mkdtempSync(join(tmpdir(), 'strikewatch-bench-server-'));
    const path = join(dir, 'bench.db');
    const lines: string[] = [];
    try {
      const opened = await openStore(path);
      if (!opened.ok) throw new Error(opened.error);
      await runIngest({
        store: opened.opened.store,
        items: fixtureItems(FIXTURES),
        process: reportProcessor(opened.opened),
      });
      const filling = performance.now();
      fillStore(path, count);
      lines.push(
        `store: ${count} synthetic incidents written in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
      );
      const app = await buildServer({
        store: opened.opened.store,
        outletKind: outletKindOf(),
        labels: belligerentLabels(),
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      try {
        const rnd = random(11);
        const id = (): number => 5 + Math.floor(rnd() * count);
        const mapFilter = `/api/map?limit=${MAP_INCIDENTS}`;
        // Warm up: the first answers compile schemas and fill SQLite's page cache.
        await measure(url, () => '/api/incidents', 2, 1);
        await measure(url, () => mapFilter, 1, 1);
        const base = await measure(url, () => '/assets/site.css', 4);
        const api = await measure(url, () => '/api/incidents', 4);
        const apiFiltered = await measure(
          url,
          () => '/api/incidents?governorate=Idlib&minKilled=5&sort=-killed',
          4,
        );
        const map = await measure(url, () => mapFilter, 1);
        const page = await measure(url, () => `/incidents/${id()}`, 4);
        // The first map request after a write reads the store; later ones are kept until the next write.
        const writer = new Database(path);
        const cold: number[] = [];
        for (let i = 0; i < 5; i++) {
          writer.prepare('UPDATE incidents SET updated_at = ? WHERE id = 1').run(new Date().toISOString());
          const started = performance.now();
          await (await fetch(url + mapFilter)).arrayBuffer();
          cold.push(performance.now() - started);
        }
        writer.close();
        cold.sort((a, b) => a - b);
        const mapBody = await fetch(url + mapFilter);
        const mapData = (await mapBody.json()) as { incidents: unknown[] };
        lines.push(
          `autocannon, ${SECONDS} s each, 4 connections (map data: 1); times from request to full response`,
          line('static file /assets/site.css', base, base),
          line('/api/incidents (first page of 50)', api, base),
          line('/api/incidents (filtered, by killed)', apiFiltered, base),
          line(`/api/map (${mapData.incidents.length} incidents), repeated`, map, base),
          `/api/map after a write (5 times)   median ${cold[2]!.toFixed(0)} ms, slowest ${cold[4]!.toFixed(0)} ms`,
          line('/incidents/{id} page', page, base),
          `map data: ${(map.bytes / 1024).toFixed(0)} KB uncompressed`,
        );
        const targets: TargetCheck[] = [
          {
            name: `/api/incidents p95 under ${TARGETS.api} ms`,
            pass: api.p95 < TARGETS.api && apiFiltered.p95 < TARGETS.api,
            detail: `${api.p95.toFixed(1)} ms unfiltered, ${apiFiltered.p95.toFixed(1)} ms filtered (${(api.p95 / base.p95).toFixed(1)}x the static file)`,
          },
          {
            name: `map data for ${MAP_INCIDENTS / 1000}k incidents under ${TARGETS.map} ms`,
            pass: map.p95 < TARGETS.map && cold[4]! < TARGETS.map,
            detail: `repeated p95 ${map.p95.toFixed(0)} ms (${(map.p95 / base.p95).toFixed(0)}x the static file); first after a write: median ${cold[2]!.toFixed(0)} ms, slowest ${cold[4]!.toFixed(0)} ms`,
          },
          {
            name: `incident page under ${TARGETS.page} ms`,
            pass: page.p95 < TARGETS.page,
            detail: `p95 ${page.p95.toFixed(1)} ms (${(page.p95 / base.p95).toFixed(1)}x the static file)`,
          },
        ];
        return {
          lines,
          targets,
          json: {
            incidents: count,
            baseline: base,
            api,
            apiFiltered,
            map,
            page,
            mapIncidents: mapData.incidents.length,
          },
        };
      } finally {
        await app.close();
        await opened.opened.store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
