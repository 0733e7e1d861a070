import type { Command } from 'commander';

export function registerEval(program: Command, _setCode: (code: number) => void): void {
  program.command('eval').description('(not yet implemented)');
}
