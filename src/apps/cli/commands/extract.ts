import type { Command } from 'commander';

export function registerExtract(program: Command, _setCode: (code: number) => void): void {
  program.command('extract').description('(not yet implemented)');
}
