/**
 * Ingest as a resumable run: items are archived and processed (extraction, clustering) in
 * transactions of a few dozen; an item whose processing fails is archived alone and its failure
 * recorded.
 * A run killed at any point leaves whole items only; the next run first finishes the processing
 * an earlier run left pending, then skips bytes already stored.
 */
import type { AddOutcome, IngestItem, Report } from '../domain/report.ts';
import type { AddReportResult, ChangeBy, Store, Stores } from '../domain/store.ts';

/** What a processor did with one report; it writes through the stores it is given. */
export interface Processed {
  claims: number;
  language?: string | null;
}

/** Work done on each new report inside one transaction: extraction now, more stages later. */
export type ReportProcessor = (report: Report, stores: Stores) => Promise<Processed>;

export type ItemEvent =
  | { kind: 'stored'; source: string; outcome: AddOutcome; report: Report }
  | { kind: 'failed'; source: string; error: string; refused: boolean }
  | { kind: 'processed'; report: Report; claims: number }
  | { kind: 'process-failed'; report: Report; error: string };

export interface Problem {
  source: string;
  error: string;
  refused: boolean;
}

export interface IngestSummary {
  read: number;
  new: number;
  versions: number;
  unchanged: number;
  failed: number;
  refused: number;
  /** Reports processed in this run, including those an earlier run left pending. */
  processed: number;
  processFailed: number;
  /** Reports an interrupted earlier run stored but did not process. */
  resumed: number;
  claims: number;
  problems: Problem[];
}

export interface IngestOptions {
  store: Store;
  items: AsyncIterable<IngestItem>;
  process?: ReportProcessor | null;
  onEvent?: (event: ItemEvent, summary: IngestSummary) => void;
  by?: ChangeBy;
}

const PROCESS = 'process';

/** A processor's own failure, told apart from the store's inside the item's transaction. */
class ProcessingFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
/**
 * Items archived and processed per transaction. A run killed mid-batch loses that batch's work
 * only; the next run reads those items again.
 */
const BATCH_ITEMS = 32;

/** Items in groups of up to `size`, as they come. */
async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
const INGEST = 'ingest';

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const { store, process } = options;
  const by = options.by ?? { actor: 'ingest' };
  const summary: IngestSummary = {
    read: 0,
    new: 0,
    versions: 0,
    unchanged: 0,
    failed: 0,
    refused: 0,
    processed: 0,
    processFailed: 0,
    resumed: 0,
    claims: 0,
    problems: [],
  };
  const emit = (event: ItemEvent): void => options.onEvent?.(event, summary);

  /** Marks a report whose processing failed, with the error, and counts it. */
  const recordFailure = async (report: Report, err: unknown): Promise<void> => {
    const error = `processing failed: ${oneLine(err instanceof Error ? err.message : String(err))}`;
    await store.transaction(async (stores) => {
      await stores.reports.setStatus(report.id, 'failed', error);
      await stores.jobs.finish(PROCESS, String(report.id), 'failed', error, report.id);
    });
    summary.processFailed++;
    summary.problems.push({ source: report.source, error, refused: false });
    emit({ kind: 'process-failed', report, error });
  };

  const processOne = async (report: Report): Promise<void> => {
    if (!process) return;
    try {
      const done = await store.transaction(async (stores) => {
        const result = await process(report, stores);
        await stores.reports.setStatus(report.id, 'processed', null, result.language ?? null);
        await stores.jobs.finish(PROCESS, String(report.id), 'done', null, report.id);
        return result;
      });
      summary.processed++;
      summary.claims += done.claims;
      emit({ kind: 'processed', report, claims: done.claims });
    } catch (err) {
      await recordFailure(report, err);
    }
  };

  if (process) {
    for (
      let batch = await store.jobs.pending(PROCESS);
      batch.length > 0;
      batch = await store.jobs.pending(PROCESS)
    ) {
      for (const job of batch) {
        const report = job.reportId === null ? null : await store.reports.get(job.reportId);
        if (!report) {
          await store.jobs.finish(PROCESS, job.key, 'failed', 'report is gone');
          continue;
        }
        summary.resumed++;
        await processOne(report);
      }
    }
  }

  /** Archives one item and, when it is new, processes it, in the caller's transaction. */
  const storeAndProcess = async (
    report: IngestItem & { ok: true },
    stores: Stores,
  ): Promise<{ stored: AddReportResult; processed: Processed | null }> => {
    const added = await stores.reports.add(report.report, by);
    await stores.jobs.finish(INGEST, report.report.source, 'done', null, added.report.id);
    if (!process || added.report.status !== 'pending') return { stored: added, processed: null };
    let result: Processed;
    try {
      result = await process(added.report, stores);
    } catch (err) {
      throw new ProcessingFailed(err);
    }
    await stores.reports.setStatus(added.report.id, 'processed', null, result.language ?? null);
    return { stored: added, processed: result };
  };

  const count = (source: string, done: { stored: AddReportResult; processed: Processed | null }): void => {
    const { stored, processed } = done;
    if (stored.outcome === 'new') summary.new++;
    else if (stored.outcome === 'new-version') summary.versions++;
    else summary.unchanged++;
    emit({ kind: 'stored', source, outcome: stored.outcome, report: stored.report });
    if (processed !== null) {
      summary.processed++;
      summary.claims += processed.claims;
      emit({ kind: 'processed', report: stored.report, claims: processed.claims });
    }
  };

  /** One item in its own transaction; when processing fails, the report is archived alone and the failure recorded. */
  const storeAlone = async (item: IngestItem & { ok: true }): Promise<void> => {
    let failed: ProcessingFailed | null = null;
    try {
      count(item.report.source, await store.transaction((stores) => storeAndProcess(item, stores)));
      return;
    } catch (err) {
      // Processing failed (or the store did): archive the report without it, below.
      if (err instanceof ProcessingFailed) failed = err;
    }
    let toProcess = false;
    let stored: AddReportResult;
    try {
      stored = await store.transaction(async (stores) => {
        const added = await stores.reports.add(item.report, by);
        await stores.jobs.finish(INGEST, item.report.source, 'done', null, added.report.id);
        toProcess = process !== null && process !== undefined && added.report.status === 'pending';
        if (toProcess) await stores.jobs.enqueue(PROCESS, String(added.report.id), added.report.id);
        return added;
      });
    } catch (err) {
      // The item's transaction rolled back whole (a busy or full disk, another writer's copy of
      // the same bytes); the run goes on and a later run stores it.
      const error = `could not store: ${oneLine(err instanceof Error ? err.message : String(err))}`;
      summary.failed++;
      summary.problems.push({ source: item.report.source, error, refused: false });
      emit({ kind: 'failed', source: item.report.source, error, refused: false });
      return;
    }
    count(item.report.source, { stored, processed: null });
    // Its processing failed once already: recorded as it is, not run again.
    if (toProcess && failed) await recordFailure(stored.report, failed.cause);
    else if (toProcess) await processOne(stored.report);
  };

  for await (const batch of batches(options.items, BATCH_ITEMS)) {
    const good: Array<IngestItem & { ok: true }> = [];
    for (const item of batch) {
      summary.read++;
      if (item.ok) {
        good.push(item);
        continue;
      }
      const refused = item.refused === true;
      const error = oneLine(item.error);
      if (refused) summary.refused++;
      else summary.failed++;
      summary.problems.push({ source: item.source, error, refused });
      await store.jobs.finish(INGEST, item.source, 'failed', refused ? `refused: ${error}` : error);
      emit({ kind: 'failed', source: item.source, error, refused });
    }
    if (good.length === 0) continue;
    // The batch in one transaction: one commit for many reports. Should any item fail, the batch
    // rolls back whole and its items are taken one at a time.
    let results: Array<{ stored: AddReportResult; processed: Processed | null }> | null = null;
    if (good.length > 1) {
      try {
        results = await store.transaction(async (stores) => {
          const out = [];
          for (const item of good) out.push(await storeAndProcess(item, stores));
          return out;
        });
      } catch {
        results = null;
      }
    }
    if (results === null) for (const item of good) await storeAlone(item);
    else results.forEach((r, i) => count(good[i]!.report.source, r));
  }
  return summary;
}
