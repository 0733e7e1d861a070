import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from '../../domain/lexicon.ts';

const lexiconDir = fileURLToPath(new URL('../../../data/lexicon/', import.meta.url));

/** Reads the lexicon data files (belligerents, weapons, outlets and their kinds, official statement phrases) from data/lexicon. */
export function loadLexicon(dir: string = lexiconDir): Lexicon {
  const read = (name: string): unknown => JSON.parse(readFileSync(dir + name, 'utf8'));
  return {
    belligerents: read('belligerents.json') as Lexicon['belligerents'],
    weapons: read('weapons.json') as Lexicon['weapons'],
    outlets: read('outlets.json') as Lexicon['outlets'],
    outletKinds: read('outlet-kinds.json') as Lexicon['outletKinds'],
    official: read('official-statements.json') as Lexicon['official'],
  };
}
