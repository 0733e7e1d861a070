import type { ExtractedDocument, SourceDocument } from '../../domain/extraction.ts';
import type { Lexicon } from '../../domain/lexicon.ts';
import type { PlaceResolver } from '../../domain/place.ts';

export interface ExtractorDeps {
  resolver: PlaceResolver;
  lexicon: Lexicon;
}

export type Extractor = (doc: SourceDocument) => ExtractedDocument;

/** Builds an extractor: one pure function from a document to its strike claims. */
export function createExtractor(_deps: ExtractorDeps): Extractor {
  return (doc) => ({ id: doc.id, published: doc.published, language: 'en', title: doc.title, events: [] });
}
