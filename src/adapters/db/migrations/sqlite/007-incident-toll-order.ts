import { statements, type Migration } from '../migration.ts';

const STATEMENTS = [
  // Lists sorted by toll read these in order instead of sorting every matching incident.
  `CREATE INDEX incidents_killed ON incidents (killed_min, id)`,
  `CREATE INDEX incidents_civilians ON incidents (civilians_killed_min, id)`,
];

/** Indexes for incident lists sorted by their tolls. */
export const incidentTollOrder: Migration = statements(7, 'incident-toll-order', STATEMENTS);
