/**
 * Where clustering looks for incidents: the cluster stage keeps one in memory, the store answers
 * the same queries from its indexed columns.
 */
import type { IncidentFootprint } from './incident.ts';

/**
 * Incidents a claim could belong to. An implementation returns every incident whose date window
 * overlaps `from`..`to` (ISO days, inclusive) and that meets at least one of:
 * - it has a point finer than district level inside `box` (district level too, when it has no
 *   governorate);
 * - `admin1` is set and the incident lies in that governorate placed no finer than the district
 *   (district, governorate, or an unresolved name), or with any place when `wholeAdmin1` is set;
 * - `country` is set and the incident is placed only at country level in that country;
 * - `nameKey` is set and the incident's place name has that key.
 * Returning more is harmless (the rules filter); returning fewer loses matches.
 */
export interface CandidateQuery {
  from: string;
  to: string;
  box: { south: number; west: number; north: number; east: number } | null;
  admin1: string | null;
  wholeAdmin1: boolean;
  country: string | null;
  nameKey: string | null;
}

export interface CandidateIndex {
  candidates(query: CandidateQuery): IncidentFootprint[];
  get(id: string): IncidentFootprint | null;
}

/** A candidate index that clustering can also write to as claims join or start incidents. */
export interface IncidentIndex extends CandidateIndex {
  put(footprint: IncidentFootprint): void;
  remove(id: string): void;
}
