import { statements, type Migration } from '../migration.ts';

const STATEMENTS = [
  // The footprint clustering works with (JSON), and the columns its candidate queries read:
  // the last day of the date window (`date` holds the first), whether the place is a point on
  // the grid, and the loose key of the place name.
  `ALTER TABLE incidents ADD COLUMN footprint TEXT`,
  `ALTER TABLE incidents ADD COLUMN date_to TEXT`,
  `ALTER TABLE incidents ADD COLUMN gridded INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE incidents ADD COLUMN name_key TEXT`,
  `CREATE INDEX incidents_admin1 ON incidents (admin1, date)`,
  `CREATE INDEX incidents_name_key ON incidents (name_key, date)`,
  `CREATE INDEX incident_claims_incident ON incident_claims (incident_id)`,
];

/** Incident footprints and the columns the clustering index queries. */
export const incidentFootprint: Migration = statements(3, 'incident-footprint', STATEMENTS);
