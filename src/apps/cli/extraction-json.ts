import { RANGE_FIELDS, type ExtractedDocument } from '../../domain/extraction.ts';

const DOCUMENT_KEYS = ['id', 'published', 'language', 'title', 'events'];
const EVENT_KEYS = [
  'date',
  'date_precision',
  'date_text',
  'place',
  'place_text',
  'admin1',
  'country',
  'lat',
  'lon',
  'location_precision',
  'gazetteer_id',
  'attributed',
  'killed',
  'civilians_killed',
  'children_killed',
  'women_killed',
  'combatants_killed',
  'injured',
  'strike_type',
  'weapons',
  'target',
  'background',
  'evidence',
];
const ATTRIBUTION_KEYS = ['belligerent', 'stance', 'by', 'quote'];
const RANGE_KEYS = ['min', 'max'];
const EVIDENCE_KEYS = ['field', 'start', 'end', 'text'];
const RANGE_FIELD_SET = new Set<string>(RANGE_FIELDS);

/** Copies an object with the format's keys first, in the documented order, then any extra keys. */
function ordered(value: unknown, keys: string[], child?: (key: string, v: unknown) => unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in src) out[key] = child ? child(key, src[key]) : src[key];
  for (const key of Object.keys(src)) if (!(key in out)) out[key] = child ? child(key, src[key]) : src[key];
  return out;
}

function orderEvent(event: unknown): unknown {
  return ordered(event, EVENT_KEYS, (key, v) => {
    if (RANGE_FIELD_SET.has(key)) return ordered(v, RANGE_KEYS);
    if (key === 'attributed' && Array.isArray(v)) return v.map((a) => ordered(a, ATTRIBUTION_KEYS));
    if (key === 'evidence' && Array.isArray(v)) return v.map((e) => ordered(e, EVIDENCE_KEYS));
    return v;
  });
}

/** The document with keys in the order of the extraction format (docs/extraction-format.md). */
export function canonicalExtraction(doc: ExtractedDocument): ExtractedDocument {
  return ordered(doc, DOCUMENT_KEYS, (key, v) =>
    key === 'events' && Array.isArray(v) ? v.map(orderEvent) : v,
  ) as ExtractedDocument;
}

/** One JSON Lines record of the extraction format. */
export function extractionLine(doc: ExtractedDocument): string {
  return JSON.stringify(canonicalExtraction(doc));
}
