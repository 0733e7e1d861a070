import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { databasePath, openIngestSources, openStore, reportProcessor } from '../../../compose.ts';
import { runIngest } from '../../../pipeline/run-ingest.ts';
import { usageErrorsExitTwo } from './extract.ts';
import { summaryLines } from './ingest.ts';
import { addServeOptions, portOf, serveStore, type ServeOpts } from './serve.ts';

/** The sample reports shipped with the repository. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

/**
 * What `npm start` runs: ingests the sample reports when the database holds no report yet,
 * then serves it.
 */
export function registerStart(program: Command, setCode: (code: number) => void): void {
  const command = addServeOptions(
    program
      .command('start')
      .description('Ingest the sample reports in examples/ into an empty database, then serve it'),
  ).action(async (opts: Omit<ServeOpts, 'port'> & { port?: number }) => {
    const path = databasePath(opts.db);
    const result = await openStore(path);
    if (!result.ok) {
      console.error(`strikewatch: ${result.error}`);
      setCode(1);
      return;
    }
    const opened = result.opened;
    if ((await opened.store.reports.count()) === 0) {
      console.log(`Ingesting the sample reports (examples/) into ${path}...`);
      const started = Date.now();
      const summary = await runIngest({
        store: opened.store,
        items: openIngestSources([EXAMPLES_DIR]),
        process: reportProcessor(opened),
      });
      for (const line of summaryLines(summary, (Date.now() - started) / 1000)) console.log(line);
    }
    setCode(await serveStore(opened, { ...opts, port: portOf(opts) }));
  });
  usageErrorsExitTwo(command);
}
