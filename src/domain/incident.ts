/**
 * Claims and incidents (docs/domain.md): a claim is what one report says about one strike; an
 * incident gathers every claim about one moment in space and time. The cluster stage decides
 * membership, the assess stage grades, an analyst can overrule membership with pins.
 */
import type { ExtractedEvent, LocationPrecision } from './extraction.ts';
import type { Assessment } from './grading.ts';
import type { Range } from './range.ts';

export const OUTLET_KINDS = [
  'local media',
  'monitor',
  'international media',
  'state media',
  'official statement',
  'social media',
] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

/** One extracted event as stored: the claim plus what is known about the report that made it. */
export interface StoredClaim {
  id: string;
  reportId: string;
  /** The outlet that published the report, as named ("Reuters"); null when unknown. */
  outlet: string | null;
  outletKind: OutletKind | null;
  /** ISO day the report was published, or null. */
  published: string | null;
  event: ExtractedEvent;
}

/**
 * How precisely an incident's date is known: `day` (one day, or up to three when day-precise
 * reports disagree by a report-day shift), `range` (a few days), `month`, `year`, or `report`
 * (no date given: the days before the report was published).
 */
export const WINDOW_PRECISIONS = ['day', 'range', 'month', 'year', 'report'] as const;
export type WindowPrecision = (typeof WINDOW_PRECISIONS)[number];

/** A span of ISO days, both ends included. */
export interface DateWindow {
  from: string;
  to: string;
  precision: WindowPrecision;
}

export interface IncidentPlace {
  /** The most specific place name the claims give, or null. */
  name: string | null;
  admin1: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** Null when no claim names a place. */
  precision: LocationPrecision | null;
  gazetteerId: string | null;
}

/**
 * What clustering needs to know about an incident: where and when it is, which claims and
 * reports it holds, and the scale of its toll. The store keeps it indexed on date and space.
 */
export interface IncidentFootprint {
  id: string;
  claimIds: string[];
  /** One entry per claim (same order as claimIds): a report contributes one claim per incident. */
  reportIds: string[];
  date: DateWindow | null;
  place: IncidentPlace;
  /** Envelope of the claims' killed ranges (lowest stated, highest exact), or null. */
  killed: Range | null;
}

/** Why a rule or an analyst decided something; kept with the incident. */
export interface AuditEntry {
  rule: string;
  reason: string;
  /** "analyst:<name>" for analyst decisions, "cluster" or "assess" for automatic ones. */
  by: string;
  /** ISO timestamp of the decision. */
  at: string;
}

/**
 * An analyst's decision about one claim: it belongs `with` an incident, or stays `apart` from
 * one. Automatic clustering never overrides a pin; a later pin on the same claim and incident
 * replaces an earlier one.
 */
export interface Pin {
  claimId: string;
  incidentId: string;
  kind: 'with' | 'apart';
  by: string;
  at: string;
  why: string;
}

/** An incident as published: its footprint, its assessment and the decisions behind it. */
export interface Incident extends IncidentFootprint {
  assessment: Assessment | null;
  pins: Pin[];
  audit: AuditEntry[];
}
