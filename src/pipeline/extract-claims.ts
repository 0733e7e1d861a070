import { reportDocument } from '../domain/report.ts';
import type { Extractor } from '../stages/extract/index.ts';
import type { ReportProcessor } from './run-ingest.ts';

/** Extracts a report's strike claims and stores them, replacing any earlier extraction. */
export function extractClaims(extract: Extractor): ReportProcessor {
  return async (report, stores) => {
    const result = extract(reportDocument(report));
    await stores.claims.replaceForReport(report.id, result.events, { actor: 'extract' });
    return { claims: result.events.length, language: result.language };
  };
}
