import type { LocationPrecision } from './extraction.ts';

/** One compiled gazetteer row (data/gazetteer/places.tsv.gz or extra-places.tsv). */
export interface GazetteerEntry {
  /** `geonames:<geonameid>` when GeoNames backs the row, else `wof:<wof_id>` (or `sw:<slug>` for hand-added rows). */
  id: string;
  name: string;
  asciiName: string;
  /** Arabic-script names, preferred first. */
  namesAr: string[];
  /** Other Latin-script names (variants, transliterations, exonyms). */
  altNames: string[];
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  /** Governorate in plain English (Syria: Aleppo, Idlib, ..., Deir ez-Zor, Raqqa, Hasakah). */
  admin1: string | null;
  admin2: string | null;
  /** GeoNames feature code (PPL, PPLA, ...) or the WOF place type when there is none. */
  featureCode: string;
  precision: LocationPrecision;
  population: number;
}

/** A press spelling that the source lacks, pointing at an entry by id or by name within a governorate. */
export interface GazetteerAlias {
  alias: string;
  /** An entry id (`geonames:...`, `wof:...`, `sw:...`) or a name to resolve. */
  target: string;
  /** Governorate to resolve `target` in when it is a name. */
  admin1: string | null;
  countryCode: string | null;
}

/**
 * The name index the build precomputes over the first `entryCount` entries, so that loading skips
 * normalising 300,000 names. Values are postings as the build wrote them: comma-separated
 * `entryIndex * 4 + flags` (flag 1: a primary name), parsed on lookup.
 */
export interface GazetteerIndex {
  entryCount: number;
  exact: Map<string, string>;
  /** Values: `key postings|key postings`, the exact keys of the Latin names with that skeleton and their rows. */
  skeleton: Map<string, string>;
  governorate: Map<string, string>;
  governorateSkeleton: Map<string, string>;
}

/** Everything the geocode stage needs, as the gazetteer adapter loads it. */
export interface GazetteerData {
  entries: GazetteerEntry[];
  /** Absent: the stage indexes every entry itself. */
  index?: GazetteerIndex;
  aliases: GazetteerAlias[];
  /** ISO alpha-2 code -> English country name. */
  countries: Record<string, string>;
}

/** The countries the gazetteer covers: ISO code to English name. */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  SY: 'Syria',
  IQ: 'Iraq',
  YE: 'Yemen',
  LY: 'Libya',
  SO: 'Somalia',
  PS: 'Palestine',
  LB: 'Lebanon',
};
