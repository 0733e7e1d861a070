/**
 * Extraction throughput, single-threaded (one process = one core), against two baselines over
 * the same texts in the same run:
 * - compromise: `nlp(text).sentences()` per document, the least a pipeline built on compromise
 *   does before it can match anything (tokenise, tag, split sentences);
 * - one regex scan (/\b(kill|strike|bomb)\w*\/gi) per document: an upper bound for any pass that
 *   reads the text at all.
 * Each contender first warms up on a few documents, untimed. MB = 10^6 bytes of UTF-8 text.
 * Rates per core are MB per CPU second of this process (wall-clock rates are printed too): the
 * machine is shared, and wall time would also count other processes' turns.
 */
import { loadExtractor, placeResolver } from '../src/compose.ts';
import type { SourceDocument } from '../src/domain/extraction.ts';
import { loadAirwarsTexts, loadFakesTexts, megabytes, type BenchText } from './corpus.ts';
import type { BenchContext, BenchSection, SectionResult, TargetCheck } from './section.ts';

const WARMUP_DOCS = 20;
const TARGET_MB_PER_S = 2;
const TARGET_VS_COMPROMISE = 10;
const TARGET_PEAK_RSS_MB = 400;

interface Pass {
  name: string;
  mb: number;
  seconds: number;
  cpuSeconds: number;
  /** MB per wall-clock second. */
  mbPerSecond: number;
  /** MB per CPU second of the process (all its threads): what one core does, whatever else runs. */
  mbPerCpuSecond: number;
  docsPerSecond: number;
}

const rssMb = (): number => process.memoryUsage.rss() / 1e6;
/** Linux reports maxRSS in kilobytes. */
const maxRssMb = (): number => (process.resourceUsage().maxRSS * 1024) / 1e6;

function timePass(
  name: string,
  texts: BenchText[],
  work: (t: BenchText) => void,
  afterWarmup = (): void => {},
): Pass {
  for (const t of texts.slice(0, WARMUP_DOCS)) work(t);
  afterWarmup();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of texts) work(t);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mb = megabytes(texts);
  return {
    name,
    mb,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mbPerSecond: mb / seconds,
    mbPerCpuSecond: mb / ((cpu.user + cpu.system) / 1e6),
    docsPerSecond: texts.length / seconds,
  };
}

function sourceDocument(t: BenchText): SourceDocument {
  return { id: t.id, text: t.text, published: null, title: null, url: null, outlet: null };
}

const fmt = (x: number, digits = 2): string => x.toFixed(digits);

async function run(ctx: BenchContext): Promise<SectionResult> {
  const texts = [
    ...loadFakesTexts(ctx.sharedDir, ctx.limit),
    ...(await loadAirwarsTexts(ctx.sharedDir, ctx.limit)),
  ];
  const fakes = texts.filter((t) => t.corpus === 'fakes').length;
  const totalMb = megabytes(texts);
  const rssBeforeGazetteer = rssMb();
  let peakSampled = rssBeforeGazetteer;

  const g0 = performance.now();
  placeResolver();
  const gazetteerSeconds = (performance.now() - g0) / 1000;
  peakSampled = Math.max(peakSampled, rssMb());
  const s0 = performance.now();
  const extract = loadExtractor();
  const setupSeconds = (performance.now() - s0) / 1000;

  let events = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  const extractor = timePass(
    'strikewatch extractor',
    texts,
    (t) => {
      try {
        events += extract(sourceDocument(t)).events.length;
      } catch (err) {
        failures++;
        firstFailure ??= `${t.id}: ${err instanceof Error ? err.message : String(err)}`;
      }
      peakSampled = Math.max(peakSampled, rssMb());
    },
    () => {
      events = 0;
      failures = 0;
    },
  );
  const peakMaxRss = maxRssMb();

  let regexHits = 0;
  const regex = timePass('regex scan', texts, (t) => {
    regexHits += (t.text.match(/\b(kill|strike|bomb)\w*/gi) ?? []).length;
  });

  const { default: nlp } = await import('compromise');
  let sentences = 0;
  const compromise = timePass('compromise nlp().sentences()', texts, (t) => {
    sentences += nlp(t.text).sentences().length;
  });

  // Judged on CPU time: the machine is shared, and wall time also counts other processes' turns.
  const vsCompromise = extractor.mbPerCpuSecond / compromise.mbPerCpuSecond;
  const vsRegex = extractor.mbPerCpuSecond / regex.mbPerCpuSecond;
  const peak = Math.max(peakSampled, peakMaxRss);
  const targets: TargetCheck[] = [
    {
      name: `extractor >= ${TARGET_MB_PER_S} MB/s per core`,
      pass: extractor.mbPerCpuSecond >= TARGET_MB_PER_S,
      detail: `${fmt(extractor.mbPerCpuSecond)} MB per CPU second (${fmt(extractor.mbPerSecond)} MB per wall second)`,
    },
    {
      name: `extractor >= ${TARGET_VS_COMPROMISE}x compromise`,
      pass: vsCompromise >= TARGET_VS_COMPROMISE,
      detail: `${fmt(vsCompromise, 1)}x`,
    },
    {
      name: `peak RSS < ${TARGET_PEAK_RSS_MB} MB with the gazetteer loaded`,
      pass: peak < TARGET_PEAK_RSS_MB,
      detail: `${fmt(peak, 0)} MB`,
    },
  ];

  const rows = [extractor, compromise, regex].map(
    (p) =>
      `${p.name.padEnd(30)} ${fmt(p.mb).padStart(7)} ${fmt(p.seconds, 3).padStart(9)} ${fmt(p.cpuSeconds, 3).padStart(9)} ${fmt(p.mbPerSecond).padStart(9)} ${fmt(p.mbPerCpuSecond).padStart(9)} ${fmt(p.docsPerSecond, 0).padStart(8)}`,
  );
  const lines = [
    `texts: ${fakes} FA-KES + ${texts.length - fakes} Airwars narratives = ${texts.length} documents, ${fmt(totalMb)} MB`,
    `gazetteer load ${fmt(gazetteerSeconds, 3)} s; extractor setup ${fmt(setupSeconds, 3)} s`,
    `${'pass (single thread)'.padEnd(30)} ${'MB'.padStart(7)} ${'wall s'.padStart(9)} ${'cpu s'.padStart(9)} ${'MB/wall s'.padStart(9)} ${'MB/cpu s'.padStart(9)} ${'docs/s'.padStart(8)}`,
    ...rows,
    `ratios (MB per CPU second): extractor/compromise ${fmt(vsCompromise, 1)}x; extractor/regex ${fmt(vsRegex, 3)}x`,
    `extractor found ${events} events ${failures > 0 ? `; ${failures} documents failed, first: ${firstFailure}` : ''}`,
    `RSS with the texts read, before the gazetteer: ${fmt(rssBeforeGazetteer, 0)} MB`,
    `peak RSS with the gazetteer loaded: sampled ${fmt(peakSampled, 0)} MB, maxRSS ${fmt(peakMaxRss, 0)} MB (before compromise is imported)`,
  ];
  return {
    lines,
    targets,
    json: {
      documents: { fakes, airwars: texts.length - fakes, total: texts.length },
      megabytes: totalMb,
      gazetteerLoadSeconds: gazetteerSeconds,
      extractorSetupSeconds: setupSeconds,
      passes: { extractor, compromise, regex },
      ratios: { extractorOverCompromise: vsCompromise, extractorOverRegex: vsRegex },
      peakRssMb: { sampled: peakSampled, maxRss: peakMaxRss, beforeGazetteer: rssBeforeGazetteer },
      events,
      failures,
      regexHits,
      sentences,
    },
  };
}

export const extractSection: BenchSection = {
  name: 'extract',
  description: 'extraction throughput against compromise and a regex scan',
  run,
};
