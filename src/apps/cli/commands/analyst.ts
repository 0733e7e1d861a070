import type { Command } from 'commander';
import { incidentOptions } from '../../../compose.ts';
import { mergeInStore, splitInStore } from '../../../pipeline/analyst-incidents.ts';
import { incidentId, UsageError, withStore } from './incidents.ts';
import { usageErrorsExitTwo } from './extract.ts';

interface AnalystOpts {
  db?: string;
  by?: string;
  why?: string;
  claims?: string;
}

function decision(opts: AnalystOpts) {
  return {
    by: opts.by ?? process.env.USER ?? 'analyst',
    at: new Date().toISOString(),
    why: opts.why ?? 'no reason given',
  };
}

function claimIds(value: string | undefined): number[] {
  const parts = (value ?? '').split(',').map((p) => p.trim());
  if (parts.some((p) => !/^[1-9]\d*$/.test(p)))
    throw new UsageError(`--claims expects claim ids separated by commas, got "${value ?? ''}"`);
  return parts.map(Number);
}

export function registerAnalyst(program: Command, setCode: (code: number) => void): void {
  const incident = program.command('incident').description("An analyst's changes to incidents");
  usageErrorsExitTwo(incident);
  const common = (c: Command): Command =>
    c
      .option('--db <path>', 'database file (default $STRIKEWATCH_DB or ./strikewatch.db)')
      .option('--by <name>', 'who decides (default $USER)')
      .option('--why <reason>', 'why, for the audit log');
  const merge = common(
    incident
      .command('merge')
      .description("Merge incident B into A: B's claims join A, every claim is pinned to A")
      .argument('<A>', 'incident that stays')
      .argument('<B>', 'incident merged into A'),
  ).action(async (a: string, b: string, opts: AnalystOpts) => {
    await withStore(opts.db, setCode, async (opened) => {
      const [target, source] = [incidentId(a), incidentId(b)];
      await opened.store.transaction((stores) =>
        mergeInStore(target, source, stores, incidentOptions(opened), decision(opts)),
      );
      console.log(`merged incident ${source} into ${target}`);
    });
  });
  usageErrorsExitTwo(merge);
  const split = common(
    incident
      .command('split')
      .description('Split claims off incident A into a new incident, pinned there and apart from A')
      .argument('<A>', 'incident to split')
      .requiredOption('--claims <ids>', 'claim ids to move, separated by commas'),
  ).action(async (a: string, opts: AnalystOpts) => {
    await withStore(opts.db, setCode, async (opened) => {
      const id = incidentId(a);
      const ids = claimIds(opts.claims);
      const created = await opened.store.transaction((stores) =>
        splitInStore(id, ids, stores, incidentOptions(opened), decision(opts)),
      );
      console.log(
        `split ${ids.length} claim${ids.length === 1 ? '' : 's'} off incident ${id} into ${created}`,
      );
    });
  });
  usageErrorsExitTwo(split);
}
