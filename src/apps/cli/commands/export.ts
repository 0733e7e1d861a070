import type { Command } from 'commander';
import { toCsv, toGeoJson, toJsonLines } from '../../../stages/publish/index.ts';
import { addFilterOptions, filterOf, type FilterOpts, UsageError, withStore } from './incidents.ts';
import { usageErrorsExitTwo } from './extract.ts';

interface ExportOpts extends FilterOpts {
  db?: string;
  format?: string;
}

export function registerExport(program: Command, setCode: (code: number) => void): void {
  const command = addFilterOptions(
    program
      .command('export')
      .description('Write the incidents (optionally filtered) as CSV, GeoJSON or JSON lines to stdout'),
  )
    .option('--format <format>', 'csv, geojson or jsonl', 'csv')
    .action(async (opts: ExportOpts) => {
      await withStore(opts.db, setCode, async ({ store }) => {
        const format = opts.format;
        if (format !== 'csv' && format !== 'geojson' && format !== 'jsonl')
          throw new UsageError(`--format expects csv, geojson or jsonl, got "${format}"`);
        const incidents = await store.incidents.list(filterOf(opts));
        if (format === 'csv') process.stdout.write(toCsv(incidents));
        else if (format === 'geojson') process.stdout.write(toGeoJson(incidents) + '\n');
        else process.stdout.write(toJsonLines(incidents));
      });
    });
  usageErrorsExitTwo(command);
}
