import { Command, CommanderError } from 'commander';
import { registerExtract } from './commands/extract.ts';
import { registerDb } from './commands/db.ts';
import { registerEval } from './commands/eval.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerIncidents } from './commands/incidents.ts';
import { registerExport } from './commands/export.ts';
import { registerAnalyst } from './commands/analyst.ts';
import { registerCluster } from './commands/cluster.ts';
import { registerStart } from './commands/start.ts';
import { registerServe } from './commands/serve.ts';
import { registerUser } from './commands/user.ts';

/** Runs the CLI and returns the exit code; errors become one clear line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('strikewatch')
    .description('Turns reports of airstrikes into a searchable, sourced record of incidents.')
    .exitOverride()
    .showHelpAfterError();
  let code = 0;
  const setCode = (c: number): void => {
    code = Math.max(code, c);
  };
  registerExtract(program, setCode);
  registerEval(program, setCode);
  registerStart(program, setCode);
  registerIngest(program, setCode);
  registerDb(program, setCode);
  registerIncidents(program, setCode);
  registerExport(program, setCode);
  registerAnalyst(program, setCode);
  registerCluster(program, setCode);
  registerServe(program, setCode);
  registerUser(program, setCode);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    console.error(`strikewatch: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  return code;
}
