import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const defaultPath = fileURLToPath(
  new URL('../../../data/lexicon/airwars-belligerents.json', import.meta.url),
);

/** Airwars belligerent display names mapped to belligerent codes (data/lexicon/airwars-belligerents.json). */
export function loadAirwarsBelligerents(path: string = defaultPath): Record<string, string> {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { names: Record<string, string> };
  return data.names;
}
