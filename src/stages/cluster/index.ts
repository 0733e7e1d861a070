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
export { claimSpan } from './days.ts';
export { nameKey, distanceKm } from './places.ts';
