import type { LocationPrecision } from './extraction.ts';

/** One gazetteer entry, as the geocoder returns it. */
export interface Place {
  id: string;
  name: string;
  nameAr: string | null;
  country: string;
  admin1: string | null;
  admin2: string | null;
  lat: number;
  lon: number;
  precision: LocationPrecision;
  population: number;
  /** ASCII spelling of `name`. */
  asciiName?: string;
  /** ISO 3166-1 alpha-2 code of `country`. */
  countryCode?: string;
  /** GeoNames feature code (PPL, PPLA, ...) or the WOF place type. */
  featureCode?: string;
  /** How the name matched: a gazetteer name, a hand-written alias, or only its consonant skeleton. */
  match?: PlaceMatch;
}

export type PlaceMatch = 'name' | 'alias' | 'skeleton';

/** Context that helps pick between same-named places. */
export interface PlaceContext {
  /** Governorates (English admin1 names) mentioned in the document, most relevant first. */
  admin1Hints: string[];
  /** Country names mentioned in the document, most relevant first. */
  countryHints: string[];
}

/** Resolves place names to gazetteer entries; implemented by the geocode stage. */
export interface PlaceResolver {
  /** Best entry for a name as written (any script), or null. */
  resolve(name: string, context?: PlaceContext): Place | null;
  /** The governorate (admin1) entry by English name, or null. */
  admin1(name: string, country?: string): Place | null;
  /** Every entry the name matches, best first. */
  candidates?(name: string, context?: PlaceContext): Place[];
  /** The entry with this gazetteer id (`geonames:...`, `wof:...`, `sw:...`), or null. */
  byId?(id: string): Place | null;
}
