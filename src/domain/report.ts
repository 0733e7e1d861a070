/** Reports as the store keeps them: archived as received, with what is known about them. */
import type { SourceDocument } from './extraction.ts';

/** Where a report stands in the pipeline after ingest. */
export const REPORT_STATUSES = ['pending', 'processed', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** One report read from a file, record, page or feed item, before it is stored. */
export interface ReceivedReport {
  /** Stable identity across versions: a URL, a file path, a record id. */
  key: string;
  /** The bytes as received (a file, a page, a record's line). */
  bytes: Uint8Array;
  /** What the bytes are: text/plain, text/html, application/json. */
  mediaType: string;
  /** The document made from the bytes: plain text and metadata. */
  doc: SourceDocument;
  language: string | null;
  /** When it was read or fetched (ISO timestamp). */
  retrieved: string;
  /** Where it came from, for messages: `file:line` or a URL. */
  source: string;
  /** The kind of its outlet (local media, monitor, state media...), when known. */
  outletKind?: string | null;
}

/** A stored report: one version of the document at `key`. */
export interface Report {
  id: number;
  key: string;
  version: number;
  sha256: string;
  mediaType: string;
  url: string | null;
  outlet: string | null;
  language: string | null;
  published: string | null;
  retrieved: string;
  title: string | null;
  text: string;
  source: string;
  status: ReportStatus;
  statusError: string | null;
}

/** What storing a received report did. */
export type AddOutcome = 'new' | 'new-version' | 'unchanged';

/** One input item as a source yields it: a report, or why none could be made. */
export type IngestItem =
  | { ok: true; report: ReceivedReport }
  | {
      ok: false;
      source: string;
      error: string;
      /** True when the input was refused on purpose (an unsafe address), not broken. */
      refused?: boolean;
    };

/** A report as the extractor reads it. */
export function reportDocument(report: Report, id = report.key): SourceDocument {
  return {
    id,
    text: report.text,
    published: report.published,
    title: report.title,
    url: report.url,
    outlet: report.outlet,
  };
}
