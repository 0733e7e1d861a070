/** The publish stage: incidents as the outside world reads them (exports, summaries for display). */
export { assessmentOf, belligerentsOf } from './incident-assessment.ts';
export {
  CSV_COLUMNS,
  csvCell,
  exportRow,
  geoPrecision,
  toCsv,
  toGeoJson,
  toJsonLines,
} from './export-formats.ts';
