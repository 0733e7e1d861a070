import type { Command } from 'commander';

export function registerStart(program: Command, _setCode: (code: number) => void): void {
  program.command('start').description('(not yet implemented)');
}
