import { InvalidArgumentError, type Command } from 'commander';
import {
  RECORD_FIELDS,
  databasePath,
  estimateIngestItems,
  openIngestSources,
  openStore,
  reconcileIncidents,
  reportProcessor,
  type IngestSourceOptions,
} from '../../../compose.ts';
import { isIsoDay } from '../../../domain/validate-extraction.ts';
import { runIngest, type IngestSummary } from '../../../pipeline/run-ingest.ts';
import { MAX_NEAREST_KM } from '../../../stages/reconcile/index.ts';
import { createProgress } from '../progress.ts';
import { usageErrorsExitTwo } from './extract.ts';

const FIELDS = new Set<string>(RECORD_FIELDS);

/** `text=body,published=date` as a map from record fields to CSV columns. */
export function parseColumns(value: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const m = /^\s*([\w-]+)\s*=\s*(.+?)\s*$/.exec(pair);
    if (!m) throw new InvalidArgumentError(`expected field=column pairs separated by commas, got "${pair}".`);
    if (!FIELDS.has(m[1]!)) {
      throw new InvalidArgumentError(`unknown field "${m[1]}" (fields: ${RECORD_FIELDS.join(', ')}).`);
    }
    map[m[1]!] = m[2]!;
  }
  return map;
}

function day(value: string): string {
  if (!isIsoDay(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return value;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number.');
  return n;
}

interface IngestOpts {
  db?: string;
  outlet?: string;
  published?: string;
  columns?: Record<string, string>;
  airwars?: boolean;
  allowPrivate?: boolean;
  timeout: number;
  maxSize?: number;
  extract: boolean;
  official?: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The end summary: one line of counts, then every failure and refusal, one per line. */
export function summaryLines(s: IngestSummary, seconds: number): string[] {
  const lines = [
    `ingested ${plural(s.read, 'item')} in ${seconds.toFixed(1)} s: ${s.new} new, ${s.versions} new versions, ${s.unchanged} unchanged, ${s.failed} failed, ${s.refused} refused`,
  ];
  if (s.processed + s.processFailed + s.resumed > 0) {
    const resumed = s.resumed > 0 ? ` (${s.resumed} left by an interrupted run)` : '';
    lines.push(
      `processed ${plural(s.processed, 'report')}${resumed}: ${plural(s.claims, 'claim')}; ${s.processFailed} failed`,
    );
  }
  for (const p of s.problems) lines.push(`  ${p.refused ? 'refused' : 'failed '} ${p.source}: ${p.error}`);
  return lines;
}

export function registerIngest(program: Command, setCode: (code: number) => void): void {
  const command = program
    .command('ingest')
    .description(
      'Archive reports in the database and extract their claims: files (.txt .html .json .jsonl .csv), directories, http(s) pages and RSS/Atom feeds',
    )
    .argument('<inputs...>', 'files, directories (read recursively), URLs or feed URLs')
    .option('--db <path>', 'database file (default $STRIKEWATCH_DB or ./strikewatch.db)')
    .option('--outlet <name>', 'outlet of every report')
    .option('--published <YYYY-MM-DD>', 'publication date of every report', day)
    .option(
      '--columns <map>',
      `CSV columns for record fields, e.g. text=body,published=date (fields: ${RECORD_FIELDS.join(', ')})`,
      parseColumns,
    )
    .option('--airwars', 'read .jsonl files as Airwars incident records (narratives and archived reports)')
    .option('--allow-private', 'fetch from loopback, private and link-local addresses')
    .option('--timeout <seconds>', 'time limit per fetched URL', positive, 20)
    .option(
      '--max-size <MB>',
      'largest file, record or page read (default 50 MB for files, 10 MB for pages)',
      positive,
    )
    .option(
      '--official',
      "read every report as a belligerent's own (strike logs, casualty statements): records {id, belligerent, kind, date, url, outlet, text} or text files",
    )
    .option('--no-extract', 'only archive the reports; a later run without it extracts their claims')
    .action(async (inputs: string[], opts: IngestOpts) => {
      const path = databasePath(opts.db);
      const opened = await openStore(path);
      if (!opened.ok) {
        console.error(`strikewatch: ${opened.error}`);
        setCode(1);
        return;
      }
      const { store } = opened.opened;
      const maxBytes = opts.maxSize === undefined ? undefined : Math.round(opts.maxSize * 1024 * 1024);
      const sourceOptions: IngestSourceOptions = {
        published: opts.published ?? null,
        outlet: opts.outlet ?? null,
        layout: opts.airwars ? 'airwars' : 'records',
        fetch: {
          allowPrivate: opts.allowPrivate === true,
          timeoutMs: opts.timeout * 1000,
          ...(maxBytes !== undefined ? { maxBytes } : {}),
        },
        ...(maxBytes !== undefined ? { maxBytes } : {}),
        ...(opts.columns ? { columns: opts.columns } : {}),
      };
      const started = Date.now();
      const progress = createProgress(process.stderr, await estimateIngestItems(inputs, sourceOptions));
      try {
        const summary = await runIngest({
          store,
          items: openIngestSources(inputs, sourceOptions),
          process: opts.extract ? reportProcessor(opened.opened, { official: opts.official === true }) : null,
          onEvent: (_event, s) => progress.update(s),
        });
        progress.stop(summary);
        for (const line of summaryLines(summary, (Date.now() - started) / 1000)) console.log(line);
        if (opts.extract) {
          const r = await reconcileIncidents(opened.opened);
          if (r.incidents > 0)
            console.log(
              `reconciled ${plural(r.incidents, 'incident')} with belligerents' reports: ${r.withNearest} of ${r.pairs} incident-belligerent pairs have a declared strike within ${MAX_NEAREST_KM} km, ${r.declaredAbsences} a declared absence, ${r.withStatement} a casualty statement; ${r.changed} assessed again`,
            );
        }
        if (summary.failed + summary.refused + summary.processFailed > 0) setCode(1);
      } finally {
        await store.close();
      }
    });
  usageErrorsExitTwo(command);
}
