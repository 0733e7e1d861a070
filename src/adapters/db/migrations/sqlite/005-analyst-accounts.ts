import { statements, type Migration } from '../migration.ts';

const STATEMENTS = [
  `CREATE TABLE users (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL UNIQUE COLLATE NOCASE,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   )`,
  // Only a hash of the session id is kept, so a copy of the database opens no session.
  `CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     csrf_token TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   )`,
  `CREATE INDEX sessions_expires ON sessions (expires_at)`,
  `CREATE TABLE api_tokens (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     token_hash TEXT NOT NULL UNIQUE,
     user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at TEXT NOT NULL
   )`,
  // An analyst's values for an incident's fields, applied over every later assessment.
  `CREATE TABLE incident_overrides (
     incident_id INTEGER PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
     fields TEXT NOT NULL,
     updated_at TEXT NOT NULL
   )`,
];

/** Accounts, their sessions and API tokens, and analysts' values for incident fields. */
export const analystAccounts: Migration = statements(5, 'analyst-accounts', STATEMENTS);
