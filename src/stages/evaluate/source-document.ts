/** The documents the extractor is given during evaluation. */
import type { SourceDocument } from '../../domain/extraction.ts';
import type { AirwarsRecord } from './airwars-record.ts';
import type { GoldDocument } from './gold.ts';

/**
 * A gold document's text as the extractor sees it: the whole file, published date and outlet
 * from the gold record, and the first line as title when a blank line follows it (the
 * "title, blank line, body" layout of the text files).
 */
export function goldSourceDocument(gold: GoldDocument, text: string): SourceDocument {
  const title = /^([^\n]+)\r?\n[ \t]*\r?\n/.exec(text)?.[1]?.trim() ?? null;
  return { id: gold.id, text, published: gold.published, title, url: null, outlet: gold.outlet };
}

/** An Airwars narrative with nothing else: its date, URL (whose slug holds the date) and fields would leak answers. */
export function airwarsSourceDocument(record: AirwarsRecord): SourceDocument {
  return { id: record.id, text: record.text, published: null, title: null, url: null, outlet: null };
}
