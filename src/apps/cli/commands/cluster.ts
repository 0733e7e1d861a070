import type { Command } from 'commander';
import { incidentOptions } from '../../../compose.ts';
import { clusterUnlinked } from '../../../pipeline/build-incidents.ts';
import { usageErrorsExitTwo } from './extract.ts';
import { withStore } from './incidents.ts';

export function registerCluster(program: Command, setCode: (code: number) => void): void {
  const command = program
    .command('cluster')
    .description(
      'Place claims that are in no incident yet (stored before clustering, or left by an interrupted run) into incidents',
    )
    .option('--db <path>', 'database file (default $STRIKEWATCH_DB or ./strikewatch.db)')
    .action(async (opts: { db?: string }) => {
      await withStore(opts.db, setCode, async (opened) => {
        const counts = await clusterUnlinked(opened.store, incidentOptions(opened));
        const placed = counts.joined + counts.created;
        console.log(
          placed === 0
            ? `every claim is in an incident already${counts.skipped > 0 ? ` (but ${counts.skipped} background mentions too vague to stand alone)` : ''}`
            : `placed ${placed} claims of ${counts.reports} reports: ${counts.joined} joined an incident, ${counts.created} started one; ${counts.skipped} background mentions too vague to stand alone left out`,
        );
      });
    });
  usageErrorsExitTwo(command);
}
