/** The one place that picks adapters and wires stages together. */
import { loadGazetteer } from './adapters/gazetteer/load.ts';
import { loadLexicon } from './adapters/lexicon/load.ts';
import { createExtractor, type Extractor } from './stages/extract/index.ts';
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
