/** Table types for Kysely: what each column holds, in both dialects. */
import type { ColumnType, Generated } from 'kysely';

/** JSON kept as text, so the same column works in SQLite and PostgreSQL. */
type Json = string;
type Blob = Uint8Array;

export interface SchemaVersionTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface OutletsTable {
  id: Generated<number>;
  name: string;
  kind: string | null;
  created_at: string;
}

export interface ReportsTable {
  id: Generated<number>;
  report_key: string;
  version: number;
  sha256: string;
  bytes: Blob;
  media_type: string;
  url: string | null;
  outlet_id: number | null;
  outlet: string | null;
  language: string | null;
  published: string | null;
  retrieved: string;
  title: string | null;
  text: string;
  source: string;
  status: string;
  status_error: string | null;
  created_at: string;
}

export interface ClaimsTable {
  id: Generated<number>;
  report_id: number;
  idx: number;
  date: string | null;
  date_precision: string | null;
  place: string | null;
  admin1: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  location_precision: string | null;
  gazetteer_id: string | null;
  strike_type: string | null;
  killed_min: number | null;
  killed_max: number | null;
  civilians_killed_min: number | null;
  civilians_killed_max: number | null;
  children_killed_min: number | null;
  children_killed_max: number | null;
  injured_min: number | null;
  injured_max: number | null;
  background: number;
  event: Json;
  created_at: string;
}

export interface IncidentsTable {
  id: Generated<number>;
  date: string | null;
  date_precision: string | null;
  place: string | null;
  admin1: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  location_precision: string | null;
  killed_min: number | null;
  killed_max: number | null;
  civilians_killed_min: number | null;
  civilians_killed_max: number | null;
  injured_min: number | null;
  injured_max: number | null;
  grading: string | null;
  strike_status: string | null;
  assessment: Json;
  created_at: string;
  updated_at: string;
  /** The clustering footprint (JSON); null when the incident is out of the index. */
  footprint: ColumnType<Json | null, Json | null | undefined, Json | null>;
  /** The lookup columns of migration 003, no longer written: lookups use `incident_keys` (004). */
  date_to: ColumnType<string | null, string | null | undefined, string | null>;
  gridded: ColumnType<number, number | undefined, number>;
  name_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IncidentClaimsTable {
  incident_id: number;
  claim_id: number;
  linked_by: string;
  linked_at: string;
  reason: string | null;
  pinned_by: string | null;
}

export interface PlacesTable {
  id: string;
  name: string | null;
  admin1: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  first_seen: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
  reason: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  key: string;
  status: string;
  report_id: number | null;
  attempts: ColumnType<number, number | undefined, number>;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** The incident index's lookup rows: one per key per day of an incident's date window. */
export interface IncidentKeysTable {
  key: string;
  day: number;
  incident_id: number;
}

export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: string;
}

export interface IncidentOverridesTable {
  incident_id: number;
  fields: Json;
  updated_at: string;
}

/** Declared strikes read from belligerents' reports (migration 006); `entry` is the whole DeclaredStrike. */
export interface DeclaredStrikesTable {
  id: Generated<number>;
  report_id: number;
  idx: number;
  belligerent: string;
  date_from: string | null;
  date_to: string | null;
  place: string | null;
  gazetteer_id: string | null;
  lat: number | null;
  lon: number | null;
  strikes: number | null;
  entry: Json;
  created_at: string;
}

/** Casualty statements read from belligerents' reports; `entry` is the whole CasualtyStatement. */
export interface CasualtyStatementsTable {
  id: Generated<number>;
  report_id: number;
  idx: number;
  belligerent: string;
  verdict: string;
  reason_code: string | null;
  date_from: string | null;
  date_to: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  killed_min: number | null;
  killed_max: number | null;
  injured_min: number | null;
  injured_max: number | null;
  source: string;
  entry: Json;
  created_at: string;
}

/** An incident measured against one belligerent's reports; `result` is the whole Reconciliation. */
export interface ReconciliationsTable {
  incident_id: number;
  belligerent: string;
  strikes_in_window: number;
  nearest_strike_id: number | null;
  nearest_km: number | null;
  declared_absence: number;
  statement_id: number | null;
  result: Json;
  reconciled_at: string;
}

export interface Database {
  schema_version: SchemaVersionTable;
  outlets: OutletsTable;
  reports: ReportsTable;
  claims: ClaimsTable;
  incidents: IncidentsTable;
  incident_claims: IncidentClaimsTable;
  incident_keys: IncidentKeysTable;
  places: PlacesTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  incident_overrides: IncidentOverridesTable;
  declared_strikes: DeclaredStrikesTable;
  casualty_statements: CasualtyStatementsTable;
  reconciliations: ReconciliationsTable;
}
