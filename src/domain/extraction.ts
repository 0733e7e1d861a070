/**
 * The extraction format v1 (docs/extraction-format.md): what `strikewatch extract` prints per
 * document. Add fields freely; never rename.
 */
import type { Range } from './range.ts';

export const STANCES = ['blames', 'confirms', 'denies', 'unsure'] as const;
export type Stance = (typeof STANCES)[number];
export const DATE_PRECISIONS = ['day', 'month', 'year', 'range', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export const LOCATION_PRECISIONS = [
  'exact',
  'street',
  'neighbourhood',
  'village',
  'town',
  'city',
  'district',
  'governorate',
  'country',
] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];
export const STRIKE_TYPES = ['airstrike', 'drone', 'missile', 'artillery', 'barrel bomb', 'unknown'] as const;
export type StrikeType = (typeof STRIKE_TYPES)[number];
/** The casualty fields, each a Range or null, in the format's order. */
export const RANGE_FIELDS = [
  'killed',
  'civilians_killed',
  'children_killed',
  'women_killed',
  'combatants_killed',
  'injured',
] as const;

export interface Attribution {
  belligerent: string;
  stance: Stance;
  by: string;
  quote: string;
}

export interface Evidence {
  field: string;
  start: number;
  end: number;
  text: string;
}

export interface ExtractedEvent {
  date: string | null;
  date_precision: DatePrecision;
  date_text: string | null;
  place: string | null;
  place_text: string | null;
  admin1: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  location_precision: LocationPrecision | null;
  gazetteer_id: string | null;
  attributed: Attribution[];
  killed: Range | null;
  civilians_killed: Range | null;
  children_killed: Range | null;
  women_killed: Range | null;
  combatants_killed: Range | null;
  injured: Range | null;
  strike_type: StrikeType;
  weapons: string[];
  target: string | null;
  background: boolean;
  evidence: Evidence[];
}

export interface ExtractedDocument {
  id: string;
  published: string | null;
  language: string;
  title: string | null;
  events: ExtractedEvent[];
}

/** A document ready for extraction: plain text plus what is known about it. */
export interface SourceDocument {
  id: string;
  text: string;
  published: string | null;
  title: string | null;
  url: string | null;
  outlet: string | null;
}
