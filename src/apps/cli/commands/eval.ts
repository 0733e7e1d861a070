import { CommanderError, InvalidArgumentError, type Command } from 'commander';
import { evalFiles, loadExtractor, type EvalSetFile } from '../../../compose.ts';
import type { ExtractedDocument, SourceDocument } from '../../../domain/extraction.ts';
import type { Extractor } from '../../../stages/extract/index.ts';
import { evaluateOfficial, officialText } from './eval-official.ts';
import {
  airwarsSourceDocument,
  goldSourceDocument,
  parseAirwarsRecord,
  parseGoldDocument,
  scoreAirwarsRecord,
  scoreNewsDocument,
  summarizeAirwars,
  summarizeNews,
  worstDocuments,
  type DocumentErrors,
  type Metric,
  type NewsDocumentScore,
  type Summary,
} from '../../../stages/evaluate/index.ts';

const USAGE_ERROR = 2;
/** Below this many items a rate is a hint, not a result (docs/evaluation.md). */
const HINT_BELOW = 20;
const PROBLEMS_SHOWN_PER_DOCUMENT = 12;

interface EvalOptions {
  gold?: string[];
  airwars?: string;
  json?: boolean;
  worst: number;
  limit?: number;
  official?: boolean;
  records?: string;
}

interface DatasetReport {
  kind: 'news' | 'airwars';
  file: string;
  documents: number;
  /** Seconds spent in the extractor. */
  seconds: number;
  metrics: Record<string, Metric>;
  counts: Record<string, number>;
}

interface EvalReport {
  datasets: Record<string, DatasetReport>;
  /** News-style sets pooled (micro over every document), or null without one. */
  combined: {
    datasets: string[];
    documents: number;
    metrics: Record<string, Metric>;
    counts: Record<string, number>;
  } | null;
  worst: DocumentErrors[];
  problems: string[];
  seconds: number;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number (0 or more).');
  return n;
}

/** Runs the extractor on one document; a crash is reported and scored as a document without events. */
function extractSafely(
  extract: Extractor,
  doc: SourceDocument,
  problems: string[],
  where: string,
): ExtractedDocument {
  try {
    return extract(doc);
  } catch (err) {
    problems.push(
      `${where}: extractor failed on ${doc.id}: ${err instanceof Error ? err.message : String(err)}`,
    );
    return { id: doc.id, published: doc.published, language: 'en', title: doc.title, events: [] };
  }
}

interface DatasetRun {
  report: DatasetReport;
  errors: DocumentErrors[];
  newsScores: NewsDocumentScore[];
}

function runDataset(
  set: EvalSetFile,
  extract: () => Extractor,
  opts: EvalOptions,
  problems: string[],
): DatasetRun | null {
  const read = evalFiles.readJsonLines(set.path);
  if (!read.ok) {
    problems.push(read.message);
    return null;
  }
  for (const p of read.problems) problems.push(`${set.path}:${p.line}: ${p.message}; line skipped`);
  const limit = opts.limit ?? Infinity;
  let seconds = 0;
  const timed = (doc: SourceDocument, where: string): ExtractedDocument => {
    const extractor = extract();
    const start = performance.now();
    const out = extractSafely(extractor, doc, problems, where);
    seconds += (performance.now() - start) / 1000;
    return out;
  };
  const errors: DocumentErrors[] = [];
  const newsScores: NewsDocumentScore[] = [];
  let summary: Summary;
  if (set.kind === 'news') {
    for (const { line, value } of read.lines) {
      if (newsScores.length >= limit) break;
      const where = `${set.path}:${line}`;
      const parsed = parseGoldDocument(value);
      if (!parsed.ok) {
        problems.push(`${where}: ${parsed.problems.join('; ')}; line skipped`);
        continue;
      }
      const gold = parsed.value;
      const text = evalFiles.readGoldText(set.path, gold.id);
      if (text === null) {
        problems.push(
          `${where}: no text for ${gold.id} (looked for ${gold.id}.txt beside the file and in texts/); skipped`,
        );
        continue;
      }
      const score = scoreNewsDocument(gold, timed(goldSourceDocument(gold, text.text), where));
      newsScores.push(score);
      errors.push({ dataset: set.name, id: gold.id, errors: score.errors, problems: score.problems });
    }
    summary = summarizeNews(newsScores);
  } else {
    const map = evalFiles.loadAirwarsBelligerents();
    const scores = [];
    for (const { line, value } of read.lines) {
      if (scores.length >= limit) break;
      const where = `${set.path}:${line}`;
      const parsed = parseAirwarsRecord(value);
      if (!parsed.ok) {
        problems.push(`${where}: ${parsed.problems.join('; ')}; line skipped`);
        continue;
      }
      const record = parsed.value;
      if (record === null) continue;
      const score = scoreAirwarsRecord(record, timed(airwarsSourceDocument(record), where), map);
      scores.push(score);
      errors.push({ dataset: set.name, id: record.id, errors: score.errors, problems: score.problems });
    }
    summary = summarizeAirwars(scores);
  }
  const documents = set.kind === 'news' ? summary.counts['documents'] : summary.counts['records'];
  return {
    report: { kind: set.kind, file: set.path, documents: documents ?? 0, seconds, ...summary },
    errors,
    newsScores,
  };
}

/** Names datasets after their files, keeping names unique. */
function namedSets(opts: EvalOptions): EvalSetFile[] {
  const files: Omit<EvalSetFile, 'name'>[] = [
    ...(opts.gold ?? []).map((path) => ({ kind: 'news' as const, path })),
    ...(opts.airwars ? [{ kind: 'airwars' as const, path: opts.airwars }] : []),
  ];
  const taken = new Set<string>();
  return files.map((f) => {
    const base = evalFiles.setName(f.path) || f.kind;
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    taken.add(name);
    return { ...f, name };
  });
}

function evaluate(sets: EvalSetFile[], opts: EvalOptions): { report: EvalReport; failed: boolean } {
  const started = performance.now();
  let extractor: Extractor | undefined;
  const extract = (): Extractor => (extractor ??= loadExtractor());
  const problems: string[] = [];
  const datasets: Record<string, DatasetReport> = {};
  const allErrors: DocumentErrors[] = [];
  const pooled: NewsDocumentScore[] = [];
  const newsNames: string[] = [];
  let failed = false;
  for (const set of sets) {
    const run = runDataset(set, extract, opts, problems);
    if (run === null) {
      failed = true;
      continue;
    }
    datasets[set.name] = run.report;
    allErrors.push(...run.errors);
    if (set.kind === 'news') {
      pooled.push(...run.newsScores);
      newsNames.push(set.name);
    }
  }
  const combinedSummary = newsNames.length > 0 ? summarizeNews(pooled) : null;
  const report: EvalReport = {
    datasets,
    combined: combinedSummary && {
      datasets: newsNames,
      documents: pooled.length,
      ...combinedSummary,
    },
    worst: worstDocuments(allErrors, opts.worst),
    problems,
    seconds: (performance.now() - started) / 1000,
  };
  return { report, failed };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

function roundMetrics(metrics: Record<string, Metric>): Record<string, Metric> {
  return Object.fromEntries(
    Object.entries(metrics).map(([k, m]) => [k, { value: m.value === null ? null : round(m.value), n: m.n }]),
  );
}

function forJson(report: EvalReport): EvalReport {
  const datasets = Object.fromEntries(
    Object.entries(report.datasets).map(([name, d]) => [
      name,
      { ...d, seconds: round(d.seconds), metrics: roundMetrics(d.metrics) },
    ]),
  );
  const combined = report.combined && { ...report.combined, metrics: roundMetrics(report.combined.metrics) };
  return { ...report, datasets, combined, seconds: round(report.seconds) };
}

function metricTable(metrics: Record<string, Metric>): string {
  const names = Object.keys(metrics);
  const width = Math.max('metric'.length, ...names.map((n) => n.length));
  const rows = [`${'metric'.padEnd(width)}  ${'value'.padStart(6)}  ${'n'.padStart(6)}`];
  for (const name of names) {
    const m = metrics[name]!;
    const value = m.value === null ? '-' : m.value.toFixed(3);
    const hint = m.n > 0 && m.n < HINT_BELOW ? '  (hint: n < 20)' : '';
    rows.push(`${name.padEnd(width)}  ${value.padStart(6)}  ${String(m.n).padStart(6)}${hint}`);
  }
  return rows.join('\n');
}

const countsLine = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

function printText(report: EvalReport): void {
  const out: string[] = [];
  for (const [name, d] of Object.entries(report.datasets)) {
    out.push(`== ${name} (${d.kind}: ${d.file})`);
    out.push(`${countsLine(d.counts)}; extractor ${d.seconds.toFixed(2)} s`);
    out.push(metricTable(d.metrics), '');
  }
  if (report.combined) {
    out.push(`== combined news-style (${report.combined.datasets.join(' + ')}, micro over all documents)`);
    out.push(countsLine(report.combined.counts));
    out.push(metricTable(report.combined.metrics), '');
  }
  out.push('== summary');
  for (const [name, d] of Object.entries(report.datasets)) {
    const keys =
      d.kind === 'news'
        ? ['incident_f1', 'attribution_f1', 'blamed_f1']
        : ['has_event', 'date', 'belligerent_f1'];
    const parts = keys.map((k) => {
      const m = d.metrics[k];
      return `${k} ${m?.value == null ? '-' : m.value.toFixed(3)} (n ${m?.n ?? 0})`;
    });
    out.push(`${name.padEnd(14)} ${String(d.documents).padStart(5)} docs  ${parts.join('  ')}`);
  }
  out.push(`total ${report.seconds.toFixed(1)} s`, '');
  out.push(`== worst documents (${report.worst.length})`);
  if (report.worst.length === 0) out.push('(none with errors)');
  for (const w of report.worst) {
    out.push(`${w.dataset} ${w.id}: ${w.errors} error${w.errors === 1 ? '' : 's'}`);
    for (const p of w.problems.slice(0, PROBLEMS_SHOWN_PER_DOCUMENT)) out.push(`  ${p}`);
    if (w.problems.length > PROBLEMS_SHOWN_PER_DOCUMENT)
      out.push(`  ... ${w.problems.length - PROBLEMS_SHOWN_PER_DOCUMENT} more (see --json)`);
  }
  console.log(out.join('\n'));
}

export function registerEval(program: Command, setCode: (code: number) => void): void {
  program
    .command('eval')
    .description(
      'Score the extractor against gold labels (docs/evaluation.md); without options, the sets in ../shared',
    )
    .option(
      '--gold <files...>',
      'news-style gold JSON Lines; each text is <id>.txt beside the file or in texts/',
    )
    .option(
      '--airwars <file>',
      'Airwars incidents.jsonl; scores dev records that have a narrative and coded fields',
    )
    .option('--json', 'print one JSON object instead of tables')
    .option('--worst <n>', 'how many of the worst documents to list', count, 10)
    .option('--limit <n>', 'score at most n documents per dataset', count)
    .option(
      '--official',
      'score verdicts and reasons read from casualty statements against --records (incidents.jsonl layout)',
    )
    .option(
      '--records <file>',
      'with --official: records in the layout of incidents.jsonl (records without fields are skipped)',
    )
    .exitOverride((err) => {
      if (err.exitCode === 0) throw err;
      throw new CommanderError(USAGE_ERROR, err.code, err.message);
    })
    .action((opts: EvalOptions) => {
      if (opts.official || opts.records !== undefined) {
        if (!opts.official || opts.records === undefined) {
          console.error('strikewatch eval: --official and --records FILE go together');
          setCode(USAGE_ERROR);
          return;
        }
        const done = evaluateOfficial(opts.records);
        if (!done.ok) {
          console.error(`strikewatch eval: ${done.error}`);
          setCode(USAGE_ERROR);
          return;
        }
        for (const p of done.report.problems) console.error(`strikewatch eval: ${p}`);
        console.log(opts.json ? JSON.stringify(done.report, null, 2) : officialText(done.report));
        return;
      }
      const given = (opts.gold?.length ?? 0) > 0 || opts.airwars !== undefined;
      const sets = given ? namedSets(opts) : evalFiles.sharedEvalSets();
      if (sets === null || sets.length === 0) {
        console.error(
          sets === null
            ? `strikewatch eval: no --gold or --airwars file given, and the shared reference data (${evalFiles.sharedDir}) is absent: nothing to evaluate`
            : `strikewatch eval: no --gold or --airwars file given, and ${evalFiles.sharedDir} holds none of the default sets`,
        );
        setCode(USAGE_ERROR);
        return;
      }
      const { report, failed } = evaluate(sets, opts);
      for (const p of report.problems) console.error(`strikewatch eval: ${p}`);
      if (Object.keys(report.datasets).length === 0) setCode(USAGE_ERROR);
      else if (opts.json) console.log(JSON.stringify(forJson(report), null, 2));
      else printText(report);
      if (failed) setCode(USAGE_ERROR);
    });
}
