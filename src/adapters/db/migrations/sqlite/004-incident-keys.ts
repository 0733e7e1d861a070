import { statements, type Migration } from '../migration.ts';

const STATEMENTS = [
  // One row per index key (grid cell, governorate, country, name key) per day of an incident's
  // date window: a candidate lookup reads only the keys and days a claim can reach, so its cost
  // does not grow with the store. Filled by the incident index (it computes the keys); a store
  // migrated from version 3 has its rows written the first time the index opens it.
  `CREATE TABLE incident_keys (
     key TEXT NOT NULL,
     day INTEGER NOT NULL,
     incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
     PRIMARY KEY (key, day, incident_id)
   ) WITHOUT ROWID`,
  `CREATE INDEX incident_keys_incident ON incident_keys (incident_id)`,
];

/** The lookup table of the store's incident index. */
export const incidentKeys: Migration = statements(4, 'incident-keys', STATEMENTS);
