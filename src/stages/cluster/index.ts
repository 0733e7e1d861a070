/** The cluster stage: which incident each claim describes, incrementally, with analyst overrides. Pure. */
export type { CandidateIndex, CandidateQuery, IncidentIndex } from './candidate-index.ts';
export { MemoryIncidentIndex } from './memory-index.ts';
export {
  clusterClaim,
  addClaim,
  clusterAll,
  type ClaimPins,
  type ClusterDecision,
  type AddedClaim,
} from './cluster-claim.ts';
export { footprintOfClaim, extendFootprint, footprintFromClaims } from './footprint.ts';
export {
  activePins,
  mergeIncidents,
  splitIncident,
  type AnalystDecision,
  type MergeResult,
  type SplitResult,
} from './analyst.ts';
export { claimSpan, dayNumber, isoDay } from './days.ts';
// What a store needs to fill its index columns the way the CandidateQuery contract reads them.
export { nameKey, distanceKm, hasPoint, isGridded } from './places.ts';
export { keysOf, queryKeys } from './index-keys.ts';
