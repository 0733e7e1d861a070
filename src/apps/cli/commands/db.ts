import type { Command } from 'commander';
import { databasePath, openExistingStore, openStore } from '../../../compose.ts';
import { usageErrorsExitTwo } from './extract.ts';

/** Opens (and migrates) the database, creating it only when asked, or says why not in one line and sets exit code 1. */
async function openOrReport(path: string, setCode: (code: number) => void, create: boolean) {
  const result = await (create ? openStore(path) : openExistingStore(path));
  if (result.ok) return result.opened;
  console.error(`strikewatch: ${result.error}`);
  setCode(1);
  return null;
}

export function registerDb(program: Command, setCode: (code: number) => void): void {
  const db = program
    .command('db')
    .description('Manage the database (SQLite file; --db, $STRIKEWATCH_DB or ./strikewatch.db)');
  usageErrorsExitTwo(db);
  const migrate = db
    .command('migrate')
    .description('Create the database or bring its schema up to date (opening it does this too)')
    .option('--db <path>', 'database file')
    .action(async (opts: { db?: string }) => {
      const path = databasePath(opts.db);
      const result = await openOrReport(path, setCode, true);
      if (!result) return;
      const { migration, store } = result;
      await store.close();
      if (migration.applied.length === 0) console.log(`${path}: schema version ${migration.to}, up to date`);
      else
        console.log(
          `${path}: schema version ${migration.from} -> ${migration.to} (applied ${migration.applied.join(', ')})`,
        );
    });
  usageErrorsExitTwo(migrate);
  const check = db
    .command('check')
    .description('Run the integrity check and count what the database holds')
    .option('--db <path>', 'database file')
    .action(async (opts: { db?: string }) => {
      const path = databasePath(opts.db);
      const result = await openOrReport(path, setCode, false);
      if (!result) return;
      const { store, migration } = result;
      try {
        const problems = result.integrityProblems();
        const [reports, claims, incidents, emptied, pending] = await Promise.all([
          store.reports.count(),
          store.claims.count(),
          store.incidents.count(),
          store.incidents.countEmptied(),
          store.jobs.counts('process'),
        ]);
        const kept =
          emptied > 0
            ? ` (and ${emptied} emptied by merges or new report versions, kept for their history)`
            : '';
        console.log(
          `${path}: schema version ${migration.to}; ${reports} reports, ${claims} claims, ${incidents} incidents${kept}; ${pending.pending} reports waiting for processing`,
        );
        const official = await store.official.counts();
        if (official.strikes + official.absences + official.statements > 0)
          console.log(
            `official reports: ${official.strikes} declared strikes, ${official.absences} declared absences, ${official.statements} casualty statements; ${official.reconciled} incidents reconciled`,
          );
        if (problems.length > 0) {
          for (const p of problems) console.error(`strikewatch: ${path}: ${p}`);
          setCode(1);
        } else console.log('integrity check: ok');
      } finally {
        await store.close();
      }
    });
  usageErrorsExitTwo(check);
}
