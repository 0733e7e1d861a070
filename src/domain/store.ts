/**
 * What the pipeline and the apps may ask of the store. Adapters implement these (SQLite now,
 * PostgreSQL later); stages and apps depend on these interfaces only.
 */
import type { AccountStore } from './account.ts';
import type { ExtractedEvent } from './extraction.ts';
import type { OverrideStore } from './incident-overrides.ts';
import type {
  CasualtyStatement,
  DeclaredStrike,
  Reconciliation,
  StoredCasualtyStatement,
  StoredDeclaredStrike,
} from './official.ts';
import type { AddOutcome, ReceivedReport, Report, ReportStatus } from './report.ts';

/** Who or which rule made a change, and why; every change is written to the audit log. */
export interface ChangeBy {
  /** An analyst's name, or a rule such as `ingest` or `cluster:same-day-5km`. */
  actor: string;
  reason?: string | null;
}

export interface AddReportResult {
  outcome: AddOutcome;
  report: Report;
}

export interface ReportStore {
  /**
   * Archives a received report: bytes already stored (anywhere) are `unchanged`; new bytes at a
   * known key become the next version of that report; otherwise a `new` report at version 1.
   */
  add(received: ReceivedReport, by: ChangeBy): Promise<AddReportResult>;
  get(id: number): Promise<Report | null>;
  /** The latest version of the report at `key`. */
  latest(key: string): Promise<Report | null>;
  /** Every version at `key`, oldest first. */
  versions(key: string): Promise<Report[]>;
  /** The original bytes of a report, as received. */
  bytes(id: number): Promise<Uint8Array | null>;
  setStatus(id: number, status: ReportStatus, error: string | null, language?: string | null): Promise<void>;
  count(): Promise<number>;
  /** Reports whose text matches the words of `query`, best first. */
  search(query: string, limit?: number): Promise<Report[]>;
}

/** One stored claim: what one report says about one strike. */
export interface Claim {
  id: number;
  reportId: number;
  /** Position of the event in the report's extraction. */
  index: number;
  event: ExtractedEvent;
}

/** A claim with what the assessment needs of its report. */
export interface SourcedClaim extends Claim {
  outlet: string | null;
  published: string | null;
}

/** A window of days and a box of coordinates to look for claims or incidents in. */
export interface Neighbourhood {
  from: string;
  to: string;
  /** Optional box; rows without coordinates are left out when it is given. */
  box?: { south: number; west: number; north: number; east: number };
}

export interface ClaimStore {
  /** Replaces the claims of a report with a new extraction (its incident links go with them). */
  replaceForReport(reportId: number, events: ExtractedEvent[], by: ChangeBy): Promise<Claim[]>;
  forReport(reportId: number): Promise<Claim[]>;
  /** The claims linked to an incident, by claim id, each with its report's outlet and publication day. */
  forIncident(incidentId: number): Promise<SourcedClaim[]>;
  get(id: number): Promise<Claim | null>;
  /** Dated claims in a window of days (and box), for clustering. */
  near(where: Neighbourhood): Promise<Claim[]>;
  /** Claims linked to no incident, by id, from the first id after `after`. */
  unlinked(limit?: number, after?: number): Promise<Claim[]>;
  count(): Promise<number>;
}

/** The columns of an incident the store indexes; the rest of the assessment is kept as JSON. */
export interface IncidentFields {
  date: string | null;
  datePrecision: string | null;
  place: string | null;
  admin1: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  locationPrecision: string | null;
  killedMin: number | null;
  killedMax: number | null;
  civiliansKilledMin: number | null;
  civiliansKilledMax: number | null;
  injuredMin: number | null;
  injuredMax: number | null;
  grading: string | null;
  strikeStatus: string | null;
  /** The assessment as its stage builds it (grades, belligerents, ranges, reasons). */
  assessment: unknown;
}

export interface StoredIncident extends IncidentFields {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentLink {
  incidentId: number;
  claimId: number;
  linkedBy: string;
  linkedAt: string;
  reason: string | null;
  /** Set when an analyst fixed this link; automatic runs leave pinned links alone. */
  pinnedBy: string | null;
}

/** What incidents can be listed by: `date`, the lowest killed and civilian tolls, the place name. */
export const INCIDENT_SORT_KEYS = ['date', 'killed', 'civilians', 'place'] as const;
export type IncidentSortKey = (typeof INCIDENT_SORT_KEYS)[number];

export interface IncidentSort {
  by: IncidentSortKey;
  descending: boolean;
}

/**
 * Where a page of a sorted list ends: the sort key's value and the id of its last incident (ties
 * on the key go by id), so the next page starts after it whatever was added meanwhile.
 */
export interface IncidentCursor {
  key: string | number | null;
  id: number;
}

/** What to list incidents by; every condition given must hold. Incidents without claims are left out. */
export interface IncidentFilter {
  /** ISO days: incidents dated within, both ends included. */
  from?: string | null;
  to?: string | null;
  /** A belligerent's code or label (any case) named in the assessment. */
  belligerent?: string | null;
  grading?: string | null;
  admin1?: string | null;
  country?: string | null;
  strikeStatus?: string | null;
  /** The lowest reported toll is at least this. */
  minKilled?: number | null;
  /** Words in the place, the summary or the text of a report behind the incident. */
  text?: string | null;
  limit?: number | null;
  /** By date then id, ascending, unless given. */
  sort?: IncidentSort | null;
  /** Only incidents after this one in the sort order. */
  after?: IncidentCursor | null;
}

/** An incident as the map draws it; the belligerent is the one its assessment names first (the most blamed). */
export interface IncidentPoint {
  id: number;
  date: string | null;
  lat: number;
  lon: number;
  place: string | null;
  admin1: string | null;
  killedMin: number | null;
  civiliansKilledMin: number | null;
  civiliansKilledMax: number | null;
  grading: string | null;
  belligerent: { code: string; label: string } | null;
}

/** Incidents of one month whose assessment names `belligerent` first (the most blamed). */
export interface MonthlyCount {
  /** YYYY-MM. */
  month: string;
  belligerent: { code: string; label: string } | null;
  incidents: number;
  /** Civilian deaths: the sum of the lowest figures, and of the highest (an open figure adds its lowest). */
  civiliansMin: number;
  civiliansMax: number;
  /** Incidents whose highest figure is open ("at least 19"). */
  open: number;
}

export interface IncidentStore {
  create(fields: IncidentFields, by: ChangeBy): Promise<StoredIncident>;
  update(id: number, fields: IncidentFields, by: ChangeBy): Promise<StoredIncident>;
  get(id: number): Promise<StoredIncident | null>;
  near(where: Neighbourhood): Promise<StoredIncident[]>;
  /** Incidents with claims matching the filter, by date then id unless it says how to sort. */
  list(filter?: IncidentFilter): Promise<StoredIncident[]>;
  /** Links a claim to an incident, moving it from any other unless that link is pinned (then false). */
  link(incidentId: number, claimId: number, by: ChangeBy, options?: { pin?: boolean }): Promise<boolean>;
  unlink(claimId: number, by: ChangeBy): Promise<void>;
  links(incidentId: number): Promise<IncidentLink[]>;
  incidentOf(claimId: number): Promise<number | null>;
  /**
   * Incidents with claims (matching the filter's conditions, when given; its sort, cursor and
   * limit are ignored); those emptied by a merge or a re-extraction are kept for their history,
   * not counted.
   */
  count(filter?: IncidentFilter): Promise<number>;
  /** Incidents left without claims (merged into another, or their reports extracted again). */
  countEmptied(): Promise<number>;
  /** Incidents matching the filter that have coordinates, by id (the limit applies; sort and cursor are ignored). */
  points(filter?: IncidentFilter): Promise<IncidentPoint[]>;
  /** Dated incidents matching the filter, counted by month and the belligerent named first, oldest month first. */
  monthly(filter?: IncidentFilter): Promise<MonthlyCount[]>;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: string };

/** The append-only log of every automatic and manual change. */
export interface AuditStore {
  append(entry: NewAuditEntry): Promise<void>;
  list(filter?: { entity?: string; entityId?: string; limit?: number }): Promise<AuditEntry[]>;
}

export const JOB_STATUSES = ['pending', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A unit of resumable work, such as ingesting one input or processing one report. */
export interface Job {
  id: number;
  kind: string;
  key: string;
  status: JobStatus;
  reportId: number | null;
  attempts: number;
  error: string | null;
  updatedAt: string;
}

export interface JobStore {
  /** Creates the job, or puts an existing one back to pending. */
  enqueue(kind: string, key: string, reportId?: number | null): Promise<void>;
  finish(
    kind: string,
    key: string,
    status: 'done' | 'failed',
    error?: string | null,
    reportId?: number | null,
  ): Promise<void>;
  pending(kind: string, limit?: number): Promise<Job[]>;
  get(kind: string, key: string): Promise<Job | null>;
  counts(kind: string): Promise<Record<JobStatus, number>>;
}

/** What one official report declares, ready to store. */
export interface OfficialEntries {
  strikes: DeclaredStrike[];
  statements: CasualtyStatement[];
  /** The publisher, as the report names it, else the belligerent's label. */
  source: string;
}

/** Declared strikes, casualty statements and reconciliations, linked to reports and incidents. */
export interface OfficialStore {
  /** Replaces what a report declares (a report read again); returns how many of each it holds now. */
  replaceForReport(
    reportId: number,
    entries: OfficialEntries,
    by: ChangeBy,
  ): Promise<{ strikes: number; statements: number }>;
  strikes(): Promise<StoredDeclaredStrike[]>;
  statements(): Promise<StoredCasualtyStatement[]>;
  strike(id: number): Promise<StoredDeclaredStrike | null>;
  statement(id: number): Promise<StoredCasualtyStatement | null>;
  /** Replaces an incident's reconciliations; true when they changed. */
  replaceReconciliations(incidentId: number, results: Reconciliation[]): Promise<boolean>;
  reconciliations(incidentId: number): Promise<Reconciliation[]>;
  /** Incidents a casualty statement was matched to: the link back from the statement. */
  incidentsOfStatement(statementId: number): Promise<number[]>;
  counts(): Promise<{ strikes: number; absences: number; statements: number; reconciled: number }>;
}

/** All stores over one database connection or one transaction. */
export interface Stores {
  reports: ReportStore;
  claims: ClaimStore;
  incidents: IncidentStore;
  audit: AuditStore;
  jobs: JobStore;
  accounts: AccountStore;
  /** Analysts' values for incident fields, laid over each assessment. */
  overrides: OverrideStore;
  official: OfficialStore;
}

/** The database: its stores, and transactions that commit all or nothing. */
export interface Store extends Stores {
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The value an incident is sorted on, for the cursor that follows it. */
export function incidentSortValue(i: StoredIncident, by: IncidentSortKey): string | number | null {
  if (by === 'date') return i.date;
  if (by === 'killed') return i.killedMin;
  if (by === 'civilians') return i.civiliansKilledMin;
  return i.place;
}
