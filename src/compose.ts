/** The one place that picks adapters and wires stages together. */
import { loadGazetteer } from './adapters/gazetteer/load.ts';
import { loadAirwarsBelligerents } from './adapters/eval/airwars-belligerents.ts';
import {
  readGoldText,
  readJsonLines,
  setName,
  sharedDir,
  sharedEvalSets,
} from './adapters/eval/gold-files.ts';
import { loadLexicon } from './adapters/lexicon/load.ts';
import { readSources, type ReadOptions, type SourceItem } from './adapters/sources/read-sources.ts';
import { createExtractor, findDateline, type Extractor } from './stages/extract/index.ts';
import { createResolver } from './stages/geocode/index.ts';
import type { PlaceResolver } from './domain/place.ts';

let resolver: PlaceResolver | undefined;

/** The gazetteer-backed place resolver, loaded once per process. */
export function placeResolver(): PlaceResolver {
  resolver ??= createResolver(loadGazetteer());
  return resolver;
}

/** An extractor wired to the shipped gazetteer and lexicons. */
export function loadExtractor(): Extractor {
  return createExtractor({ resolver: placeResolver(), lexicon: loadLexicon() });
}

export type { SourceItem } from './adapters/sources/read-sources.ts';
export { SUPPORTED_EXTENSIONS } from './adapters/sources/read-sources.ts';
export type SourceOptions = Omit<ReadOptions, 'findDateline'>;

/**
 * Documents from files, directories (recursively) or `-` (stdin), read one at a time; a document
 * without a publication date in its metadata takes it from its dateline.
 */
export function openSources(inputs: string[], options: SourceOptions = {}): AsyncGenerator<SourceItem> {
  return readSources(inputs, { ...options, findDateline });
}

export type { EvalSetFile } from './adapters/eval/gold-files.ts';

/** Evaluation material on disk: gold files and their texts, the shared sets, the Airwars name map. */
export const evalFiles = {
  readJsonLines,
  readGoldText,
  sharedEvalSets,
  sharedDir,
  setName,
  loadAirwarsBelligerents,
};
