import type { Migration } from '../migration.ts';
import { initial } from './001-initial.ts';
import { reportSearch } from './002-report-search.ts';
import { incidentFootprint } from './003-incident-footprint.ts';
import { incidentKeys } from './004-incident-keys.ts';
import { analystAccounts } from './005-analyst-accounts.ts';
import { official } from './006-official.ts';
import { incidentTollOrder } from './007-incident-toll-order.ts';

/** SQLite's migrations, in order. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  initial,
  reportSearch,
  incidentFootprint,
  incidentKeys,
  analystAccounts,
  official,
  incidentTollOrder,
];
