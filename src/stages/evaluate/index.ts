/** The evaluate stage: scores extracted events against gold labels (docs/evaluation.md). Pure. */
export { placeKey, placeMatch, sameKey, type PlaceKey } from './place-key.ts';
export { datesCompatible } from './dates.ts';
export {
  parseGoldDocument,
  type GoldDocument,
  type GoldIncident,
  type GoldAttribution,
  type Parsed,
} from './gold.ts';
export { parseAirwarsRecord, type AirwarsRecord, type AirwarsFields } from './airwars-record.ts';
export { prf, rate, compareSets, type Metric, type SetCounts } from './metrics.ts';
export { matchIncidents, pairScore, placeScore, type MatchPair } from './match.ts';
export { scoreNewsDocument, summarizeNews, type NewsDocumentScore, type Summary } from './score-news.ts';
export {
  scoreAirwarsRecord,
  summarizeAirwars,
  pickBestEvent,
  maxMatches,
  haversineKm,
  type AirwarsRecordScore,
  type BelligerentMap,
} from './score-airwars.ts';
export { worstDocuments, type DocumentErrors } from './worst.ts';
export { goldSourceDocument, airwarsSourceDocument } from './source-document.ts';
export {
  parseOfficialRecord,
  scoreOfficial,
  combineStatements,
  type OfficialRecord,
  type OfficialScore,
} from './score-official.ts';
