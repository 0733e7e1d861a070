import { CommanderError, InvalidArgumentError, Option, type Command } from 'commander';
import { SUPPORTED_EXTENSIONS } from '../../../compose.ts';
import { isIsoDay } from '../../../domain/validate-extraction.ts';
import { runExtraction, type OutputFormat } from '../run-extraction.ts';

/** Exit code for a command line that cannot run as written. */
export const USAGE_ERROR = 2;

function publishedDay(value: string): string {
  if (!isIsoDay(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2017-02-07.');
  return value;
}

/** Usage mistakes exit with 2 rather than commander's default 1; help and version stay 0. */
export function usageErrorsExitTwo(command: Command): Command {
  return command.exitOverride((err) => {
    if (err.exitCode === 0) throw err;
    throw new CommanderError(USAGE_ERROR, err.code, err.message);
  });
}

export function registerExtract(program: Command, setCode: (code: number) => void): void {
  const command = program
    .command('extract')
    .description(
      `Extract strike claims from reports: files (${SUPPORTED_EXTENSIONS.join(' ')}), directories, or - for stdin`,
    )
    .argument('<inputs...>', 'files, directories (read recursively) or - for stdin')
    .option(
      '--published <YYYY-MM-DD>',
      'publication date for every document (resolves relative dates)',
      publishedDay,
    )
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'table']).default('jsonl'))
    .option('--id <id>', 'document id, when a single file or stdin is given')
    .action(async (inputs: string[], opts: { published?: string; format: OutputFormat; id?: string }) => {
      if (opts.id !== undefined && inputs.length !== 1) {
        console.error('strikewatch: --id names a single document; give exactly one file or -');
        setCode(USAGE_ERROR);
        return;
      }
      if (opts.id !== undefined && opts.id.trim() === '') {
        console.error('strikewatch: --id must not be empty');
        setCode(USAGE_ERROR);
        return;
      }
      if (inputs.filter((i) => i === '-').length > 1) {
        console.error('strikewatch: - (stdin) can be given only once');
        setCode(USAGE_ERROR);
        return;
      }
      const summary = await runExtraction({
        inputs,
        format: opts.format,
        published: opts.published ?? null,
        id: opts.id ?? null,
      });
      if (summary.failures > 0) setCode(1);
    });
  usageErrorsExitTwo(command);
}
