import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { runExtraction } from '../run-extraction.ts';

/** The sample reports shipped with the repository. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

export function registerStart(program: Command, setCode: (code: number) => void): void {
  program
    .command('start')
    .description('Extract the sample reports in examples/ and print a summary table')
    .action(async () => {
      console.log('Strike claims in the sample reports (examples/):\n');
      const summary = await runExtraction({
        inputs: [relative(process.cwd(), EXAMPLES_DIR) || '.'],
        format: 'table',
      });
      if (summary.failures > 0) setCode(1);
    });
}
