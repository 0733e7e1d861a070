import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

const STATEMENTS = [
  `CREATE TABLE outlets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report_key TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    bytes BLOB NOT NULL,
    media_type TEXT NOT NULL,
    url TEXT,
    outlet_id INTEGER REFERENCES outlets(id),
    outlet TEXT,
    language TEXT,
    published TEXT,
    retrieved TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'failed')),
    status_error TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (report_key, version)
  )`,
  `CREATE INDEX reports_published ON reports (published)`,
  `CREATE INDEX reports_status ON reports (status)`,
  `CREATE TABLE claims (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    date TEXT,
    date_precision TEXT,
    place TEXT,
    admin1 TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    location_precision TEXT,
    gazetteer_id TEXT,
    strike_type TEXT,
    killed_min INTEGER,
    killed_max INTEGER,
    civilians_killed_min INTEGER,
    civilians_killed_max INTEGER,
    children_killed_min INTEGER,
    children_killed_max INTEGER,
    injured_min INTEGER,
    injured_max INTEGER,
    background INTEGER NOT NULL DEFAULT 0,
    event TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (report_id, idx)
  )`,
  `CREATE INDEX claims_date ON claims (date)`,
  `CREATE INDEX claims_lat_lon ON claims (lat, lon)`,
  `CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT,
    date_precision TEXT,
    place TEXT,
    admin1 TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    location_precision TEXT,
    killed_min INTEGER,
    killed_max INTEGER,
    civilians_killed_min INTEGER,
    civilians_killed_max INTEGER,
    injured_min INTEGER,
    injured_max INTEGER,
    grading TEXT,
    strike_status TEXT,
    assessment TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE INDEX incidents_date ON incidents (date)`,
  `CREATE INDEX incidents_lat_lon ON incidents (lat, lon)`,
  `CREATE TABLE incident_claims (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    claim_id INTEGER NOT NULL UNIQUE REFERENCES claims(id) ON DELETE CASCADE,
    linked_by TEXT NOT NULL,
    linked_at TEXT NOT NULL,
    reason TEXT,
    pinned_by TEXT,
    PRIMARY KEY (incident_id, claim_id)
  )`,
  `CREATE TABLE places (
    id TEXT PRIMARY KEY,
    name TEXT,
    admin1 TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    precision TEXT,
    first_seen TEXT NOT NULL
  )`,
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before TEXT,
    after TEXT,
    reason TEXT
  )`,
  `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`,
  // The log is evidence of who changed what: rows are never rewritten or removed.
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (kind, key)
  )`,
  `CREATE INDEX jobs_status ON jobs (kind, status)`,
];

/** Reports, outlets, claims, incidents and their links, places, the audit log and jobs. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
};
