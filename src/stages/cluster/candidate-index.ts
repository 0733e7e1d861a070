/** Where clustering looks for incidents: the contract lives in the domain so stores can implement it. */
export type { CandidateIndex, CandidateQuery, IncidentIndex } from '../../domain/incident-index.ts';
