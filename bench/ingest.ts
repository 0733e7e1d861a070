/**
 * Ingest end to end, as `strikewatch ingest` runs it: the FA-KES article records
 * (`data/fakes/articles.jsonl`, texts beside them) and the Airwars English narratives (written to
 * a temporary JSON Lines file of `{id, text}` records) are read, archived, extracted, geocoded,
 * clustered and assessed into a fresh SQLite store in a temporary directory.
 *
 * The baseline, in the same run over the same documents: the extractor alone (no store). The
 * ratio says what archiving, clustering and assessment add to extraction. Rates are reports per
 * wall-clock second (the target's unit) and per CPU second of this process (what one core does
 * when the machine is shared). The extractor and gazetteer are loaded before timing starts.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExtractor, openIngestSources, openStore, reportProcessor } from '../src/compose.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';
import { loadAirwarsTexts, loadFakesTexts } from './corpus.ts';
import type { BenchContext, BenchSection, SectionResult } from './section.ts';

const TARGET_REPORTS_PER_S = 300;

interface Timed<T> {
  value: T;
  seconds: number;
  cpuSeconds: number;
}

async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { value, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

const fmt = (x: number, digits = 0): string => x.toFixed(digits);

async function run(ctx: BenchContext): Promise<SectionResult> {
  const fakesRecords = join(ctx.sharedDir, 'data', 'fakes', 'articles.jsonl');
  const fakes = loadFakesTexts(ctx.sharedDir, ctx.limit);
  const airwars = await loadAirwarsTexts(ctx.sharedDir, ctx.limit);
  const dir = mkdtempSync(join(tmpdir(), 'strikewatch-bench-'));
  try {
    // The same documents as two record files, the way a user would hand them to `ingest`.
    const narratives = join(dir, 'airwars-narratives.jsonl');
    writeFileSync(narratives, airwars.map((t) => JSON.stringify({ id: t.id, text: t.text })).join('\n'));
    const inputs = [narratives];
    if (ctx.limit === undefined && existsSync(fakesRecords)) inputs.unshift(fakesRecords);
    else {
      const sample = join(dir, 'fakes.jsonl');
      writeFileSync(sample, fakes.map((t) => JSON.stringify({ id: t.id, text: t.text })).join('\n'));
      inputs.unshift(sample);
    }

    // Warm up: gazetteer, lexicons and the extractor's first calls, untimed.
    const extract = loadExtractor();
    for (const t of [...fakes.slice(0, 10), ...airwars.slice(0, 10)])
      extract({ id: t.id, text: t.text, published: null, title: null, url: null, outlet: null });

    const baseline = await timed(async () => {
      let events = 0;
      for (const t of [...fakes, ...airwars])
        events += extract({ id: t.id, text: t.text, published: null, title: null, url: null, outlet: null })
          .events.length;
      return events;
    });

    const opened = await openStore(join(dir, 'bench.db'));
    if (!opened.ok) throw new Error(opened.error);
    const { store } = opened.opened;
    let problems: string[] = [];
    const ingest = await timed(async () => {
      const summary = await runIngest({
        store,
        items: openIngestSources(inputs),
        process: reportProcessor(opened.opened),
      });
      return summary;
    });
    const [incidents, claims] = await Promise.all([store.incidents.count(), store.claims.count()]);
    problems = opened.opened.integrityProblems();
    await store.close();

    const s = ingest.value;
    const docs = fakes.length + airwars.length;
    const perWall = s.processed / ingest.seconds;
    const perCpu = s.processed / ingest.cpuSeconds;
    const basePerWall = docs / baseline.seconds;
    const basePerCpu = docs / baseline.cpuSeconds;
    const lines = [
      `documents: ${fakes.length} FA-KES articles + ${airwars.length} Airwars narratives`,
      `extractor alone (baseline): ${fmt(basePerWall)} reports/s wall, ${fmt(basePerCpu)} per CPU-s (${baseline.value} events)`,
      `ingest end to end: ${s.processed} reports processed (${s.new} new, ${s.failed + s.processFailed} failed), ${claims} claims, ${incidents} incidents in ${fmt(ingest.seconds, 2)} s`,
      `  ${fmt(perWall)} reports/s wall, ${fmt(perCpu)} per CPU-s; ${fmt((perCpu / basePerCpu) * 100)}% of the extractor-alone rate per CPU-s`,
      `integrity check: ${problems.length === 0 ? 'ok' : problems.join('; ')}`,
    ];
    return {
      lines,
      targets: [
        {
          name: `ingest >= ${TARGET_REPORTS_PER_S} reports/s`,
          pass: perWall >= TARGET_REPORTS_PER_S,
          detail: `${fmt(perWall)} reports/s wall (${fmt(perCpu)} per CPU-s); extractor alone ${fmt(basePerWall)} reports/s, ratio ${(perWall / basePerWall).toFixed(2)}`,
        },
        {
          name: 'ingest leaves a sound store',
          pass: problems.length === 0 && s.failed + s.processFailed === 0,
          detail: `${problems.length} integrity problems, ${s.failed + s.processFailed} failed items`,
        },
      ],
      json: {
        documents: docs,
        processed: s.processed,
        claims,
        incidents,
        seconds: ingest.seconds,
        cpuSeconds: ingest.cpuSeconds,
        reportsPerSecond: perWall,
        reportsPerCpuSecond: perCpu,
        baselineReportsPerSecond: basePerWall,
        baselineReportsPerCpuSecond: basePerCpu,
        ratioToExtractor: perWall / basePerWall,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const ingestSection: BenchSection = {
  name: 'ingest',
  description: 'reports archived, extracted, clustered and assessed into SQLite, end to end',
  run,
};
