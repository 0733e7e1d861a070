import { statements, type Migration } from '../migration.ts';

const STATEMENTS = [
  // What belligerents' own reports declare: one row per strike entry (strikes 0 is a declared
  // absence), the whole entry as JSON beside the columns reconciliation reads.
  `CREATE TABLE declared_strikes (
     id INTEGER PRIMARY KEY,
     report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
     idx INTEGER NOT NULL,
     belligerent TEXT NOT NULL,
     date_from TEXT,
     date_to TEXT,
     place TEXT,
     gazetteer_id TEXT,
     lat REAL,
     lon REAL,
     strikes INTEGER,
     entry TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (report_id, idx)
   )`,
  `CREATE INDEX declared_strikes_days ON declared_strikes (belligerent, date_from, date_to)`,
  `CREATE TABLE casualty_statements (
     id INTEGER PRIMARY KEY,
     report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
     idx INTEGER NOT NULL,
     belligerent TEXT NOT NULL,
     verdict TEXT NOT NULL,
     reason_code TEXT,
     date_from TEXT,
     date_to TEXT,
     place TEXT,
     lat REAL,
     lon REAL,
     killed_min INTEGER,
     killed_max INTEGER,
     injured_min INTEGER,
     injured_max INTEGER,
     source TEXT NOT NULL,
     entry TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (report_id, idx)
   )`,
  `CREATE INDEX casualty_statements_days ON casualty_statements (belligerent, date_from, date_to)`,
  // One row per incident and belligerent: the incident measured against that belligerent's
  // reports. Indexed by statement and strike too, so each links back to its incidents.
  `CREATE TABLE reconciliations (
     incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
     belligerent TEXT NOT NULL,
     strikes_in_window INTEGER NOT NULL,
     nearest_strike_id INTEGER REFERENCES declared_strikes (id) ON DELETE SET NULL,
     nearest_km REAL,
     declared_absence INTEGER NOT NULL,
     statement_id INTEGER REFERENCES casualty_statements (id) ON DELETE SET NULL,
     result TEXT NOT NULL,
     reconciled_at TEXT NOT NULL,
     PRIMARY KEY (incident_id, belligerent)
   )`,
  `CREATE INDEX reconciliations_statement ON reconciliations (statement_id)`,
  `CREATE INDEX reconciliations_strike ON reconciliations (nearest_strike_id)`,
];

/** Declared strikes, casualty statements and the reconciliation of incidents against them. */
export const official: Migration = statements(6, 'official', STATEMENTS);
