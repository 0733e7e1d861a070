/**
 * Official reports through ingest: each report is read into declared strikes and casualty
 * statements, stored against the report. A record's own `belligerent`, `kind` and `date` fields
 * (the archived JSON line) guide the reading; a plain text takes its outlet as the belligerent.
 */
import type { OfficialReading } from '../domain/official.ts';
import type { Report } from '../domain/report.ts';
import type { Stores } from '../domain/store.ts';
import type { OfficialInput, OfficialKind } from '../stages/official/index.ts';
import { OFFICIAL_KINDS } from '../stages/official/index.ts';
import type { Processed, ReportProcessor } from './run-ingest.ts';

export interface OfficialOptions {
  read: (input: OfficialInput) => OfficialReading;
  /** Display names per belligerent code, for the source of a report without an outlet. */
  labels: Readonly<Record<string, string>>;
}

type Obj = Record<string, unknown>;

/** The record fields that guide the reading, from the report's archived bytes when they are a JSON record. */
async function recordHints(report: Report, stores: Stores): Promise<Partial<OfficialInput>> {
  if (report.mediaType !== 'application/json') return {};
  const bytes = await stores.reports.bytes(report.id);
  if (bytes === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    // Not one JSON record (a .json file of several): the report's text and outlet stand.
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const r = value as Obj;
  const kind = OFFICIAL_KINDS.find((k) => k === r.kind || `partner_${k}` === r.kind);
  return {
    belligerent: typeof r.belligerent === 'string' ? r.belligerent : undefined,
    kind: kind ?? null,
    date: typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(r.date) ? r.date.slice(0, 10) : undefined,
  };
}

export type OfficialStored = { ok: true; strikes: number; statements: number } | { ok: false; error: string };

/** Reads an official report and stores what it declares; a report naming no belligerent stores nothing and says why. */
export async function storeOfficialReading(
  report: Report,
  stores: Stores,
  options: OfficialOptions,
): Promise<OfficialStored> {
  const hints = await recordHints(report, stores);
  const reading = options.read({
    text: report.text,
    belligerent: hints.belligerent ?? report.outlet,
    kind: hints.kind as OfficialKind | null | undefined,
    date: hints.date ?? report.published?.slice(0, 10) ?? null,
  });
  if (reading.belligerent === null) return { ok: false, error: reading.notes.join('; ') };
  const source = report.outlet ?? options.labels[reading.belligerent] ?? reading.belligerent;
  const counts = await stores.official.replaceForReport(
    report.id,
    { strikes: reading.strikes, statements: reading.statements, source },
    { actor: 'official', reason: `report ${report.id} read as an official report` },
  );
  return { ok: true, ...counts };
}

/** A processor for reports known to be official (`ingest --official`): no claims, only what they declare. */
export function readingOfficial(options: OfficialOptions): ReportProcessor {
  return async (report, stores): Promise<Processed> => {
    const stored = await storeOfficialReading(report, stores, options);
    // The ingest run records this as the report's failure, one line, and goes on.
    if (!stored.ok) throw new Error(stored.error);
    return { claims: 0 };
  };
}

/**
 * Wraps the usual processor: a report from an official outlet is extracted as before (its claims
 * confirm or deny) and also read as an official report.
 */
export function alsoOfficial(
  process: ReportProcessor,
  isOfficial: (report: Report) => boolean,
  options: OfficialOptions,
): ReportProcessor {
  return async (report, stores) => {
    const done = await process(report, stores);
    // A statement that names no belligerent still gave its claims: nothing more to record.
    if (isOfficial(report)) await storeOfficialReading(report, stores, options);
    return done;
  };
}
