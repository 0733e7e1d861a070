import type { Writable } from 'node:stream';
import { loadExtractor, openSources } from '../../compose.ts';
import type { ExtractedDocument } from '../../domain/extraction.ts';
import type { Extractor } from '../../stages/extract/index.ts';
import { extractionLine } from './extraction-json.ts';
import { BACKGROUND_NOTE, documentRows, formatTable } from './format-table.ts';
import { writeOut } from './write-output.ts';

export type OutputFormat = 'jsonl' | 'table';

export interface RunOptions {
  inputs: string[];
  format: OutputFormat;
  published?: string | null;
  id?: string | null;
  out?: Writable;
  err?: Writable;
  extractor?: Extractor;
}

export interface RunSummary {
  documents: number;
  events: number;
  failures: number;
  skipped: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "12 documents, 17 events, 0 failures", plus skipped files when there were any. */
export function summaryLine(s: RunSummary): string {
  const skipped = s.skipped > 0 ? `; ${plural(s.skipped, 'file')} skipped (unsupported type)` : '';
  return `${plural(s.documents, 'document')}, ${plural(s.events, 'event')}, ${plural(s.failures, 'failure')}${skipped}`;
}

/**
 * Reads every input, extracts each document and prints it as it goes (jsonl) or as one aligned
 * table at the end. Problems go to stderr as `strikewatch: <source>: <problem>` and count as failures.
 */
export async function runExtraction(options: RunOptions): Promise<RunSummary> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  // A closed pipe (`| head`) ends the run quietly instead of crashing on EPIPE.
  let closed = false;
  const onOutError = (): void => {
    closed = true;
  };
  out.on('error', onOutError);
  const extract = options.extractor ?? loadExtractor();
  const summary: RunSummary = { documents: 0, events: 0, failures: 0, skipped: 0 };
  const rows: string[][] = [];
  let background = false;
  const report = (source: string, problem: string): void => {
    summary.failures++;
    // One line per problem, whatever the message holds.
    err.write(`strikewatch: ${source}: ${problem.replace(/\s*\n\s*/g, ' ')}\n`);
  };
  const sources = openSources(options.inputs, {
    published: options.published ?? null,
    id: options.id ?? null,
    onSkipped: () => summary.skipped++,
  });
  try {
    for await (const item of sources) {
      if (closed) break;
      if (!item.ok) {
        report(item.source, item.error);
        continue;
      }
      let result: ExtractedDocument;
      try {
        result = extract(item.doc);
      } catch (e) {
        report(item.source, `extraction failed: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      summary.documents++;
      summary.events += result.events.length;
      if (options.format === 'jsonl') {
        if (!(await writeOut(out, extractionLine(result) + '\n'))) break;
      } else {
        background ||= result.events.some((e) => e.background);
        rows.push(...documentRows(result));
      }
    }
    if (options.format === 'table' && !closed) {
      const note = background ? `${BACKGROUND_NOTE}\n` : '';
      await writeOut(out, `${formatTable(rows)}${note}\n${summaryLine(summary)}\n`);
    } else if (summary.skipped > 0) {
      err.write(
        `strikewatch: skipped ${plural(summary.skipped, 'file')} of unsupported type in directories\n`,
      );
    }
  } finally {
    out.off('error', onOutError);
  }
  return summary;
}
