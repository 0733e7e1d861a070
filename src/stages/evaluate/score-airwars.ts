/** Scores extracted events against Airwars' coded incident records (docs/evaluation.md). */
import type { ExtractedDocument, ExtractedEvent } from '../../domain/extraction.ts';
import type { Range } from '../../domain/range.ts';
import type { AirwarsRecord } from './airwars-record.ts';
import {
  FieldTally,
  addCounts,
  accuracy,
  compareSets,
  noCounts,
  prf,
  type Metric,
  type SetCounts,
} from './metrics.ts';
import type { Summary } from './score-news.ts';

const NEAR_KM = 10;
const NAMING = new Set(['blames', 'confirms', 'unsure']);

/** Airwars display name ("Russian Military") to belligerent code ("russia"). */
export type BelligerentMap = Record<string, string>;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function nearRecord(record: AirwarsRecord, e: ExtractedEvent): boolean {
  const { lat, lon } = record.fields;
  if (lat === null || lon === null || e.lat === null || e.lon === null) return false;
  return haversineKm(lat, lon, e.lat, e.lon) <= NEAR_KM;
}

/**
 * The civilian death range of an event: `civilians_killed`, or `killed` when the event gives no
 * civilian figure (Airwars records count civilian harm; a text's "five people killed" is that figure).
 */
export function civiliansKilled(e: ExtractedEvent): Range | null {
  return e.civilians_killed ?? e.killed;
}

function civilianFigure(e: ExtractedEvent): number {
  const r = civiliansKilled(e);
  return Math.max(r?.min ?? -1, r?.max ?? -1);
}

/**
 * The predicted event that stands for the record: among non-background events, the most points
 * for the same date (+2) and lying within 10 km of the record's coordinates (+2), then the largest
 * civilian death figure, then the earliest event. Null when there is no non-background event.
 */
export function pickBestEvent(record: AirwarsRecord, events: ExtractedEvent[]): ExtractedEvent | null {
  let best: ExtractedEvent | null = null;
  let bestKey: [number, number] = [-1, -1];
  for (const e of events) {
    if (e.background) continue;
    const points =
      (record.fields.date !== null && e.date === record.fields.date ? 2 : 0) +
      (nearRecord(record, e) ? 2 : 0);
    const key: [number, number] = [points, civilianFigure(e)];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = e;
      bestKey = key;
    }
  }
  return best;
}

/** A predicted max is right when it equals gold, or when it is open (null) and the predicted min equals gold. */
export function maxMatches(predicted: Range | null, goldMax: number): boolean {
  if (predicted === null) return false;
  return predicted.max === goldMax || (predicted.max === null && predicted.min === goldMax);
}

export interface AirwarsRecordScore {
  id: string;
  predictedEvents: number;
  hasEvent: boolean;
  fields: FieldTally;
  belligerents: SetCounts;
  problems: string[];
  /** No event (1), or wrong fields (belligerents count once). */
  errors: number;
}

/** Codes of the record's belligerents; names missing from the map stay as they are (and count as misses). */
export function recordBelligerents(record: AirwarsRecord, map: BelligerentMap): string[] {
  return record.fields.belligerents.map((name) => map[name] ?? name);
}

const show = (v: unknown): string => (v === null || v === undefined ? 'null' : String(v));

/** Scores one record against the best predicted event for it. */
export function scoreAirwarsRecord(
  record: AirwarsRecord,
  predicted: ExtractedDocument,
  map: BelligerentMap,
): AirwarsRecordScore {
  const fields = new FieldTally();
  const problems: string[] = [];
  const best = pickBestEvent(record, predicted.events);
  const base = { id: record.id, predictedEvents: predicted.events.length, fields };
  if (best === null) {
    return { ...base, hasEvent: false, belligerents: noCounts(), problems: ['no event'], errors: 1 };
  }
  let errors = 0;
  const check = (field: string, right: boolean, goldValue: unknown, predValue: unknown): void => {
    fields.add(field, right);
    if (right) return;
    errors++;
    problems.push(`${field}: gold ${show(goldValue)}, predicted ${show(predValue)}`);
  };
  const f = record.fields;
  // A date range has no single day to compare with.
  if (f.date !== null && f.date_precision !== 'range') check('date', best.date === f.date, f.date, best.date);
  if (f.lat !== null && f.lon !== null) {
    const km = best.lat !== null && best.lon !== null ? haversineKm(f.lat, f.lon, best.lat, best.lon) : null;
    const where =
      km === null
        ? `${best.place ?? 'no place'} (no coordinates)`
        : `${best.place ?? '?'} ${km.toFixed(1)} km away`;
    check('location_10km', km !== null && km <= NEAR_KM, `${f.lat},${f.lon}`, where);
  }
  const bounds: [string, Range | null, number | null, 'min' | 'max'][] = [
    ['civ_killed_min', civiliansKilled(best), f.civ_killed_min, 'min'],
    ['civ_killed_max', civiliansKilled(best), f.civ_killed_max, 'max'],
    ['civ_injured_min', best.injured, f.civ_injured_min, 'min'],
    ['civ_injured_max', best.injured, f.civ_injured_max, 'max'],
    ['children_killed_min', best.children_killed, f.children_killed_min, 'min'],
    ['children_killed_max', best.children_killed, f.children_killed_max, 'max'],
  ];
  for (const [field, range, want, side] of bounds) {
    if (want === null) continue;
    const right = side === 'min' ? (range?.min ?? null) === want : maxMatches(range, want);
    check(field, right, want, range ? `${show(range.min)}-${show(range.max)}` : null);
  }
  const gold = recordBelligerents(record, map);
  const named = best.attributed.filter((a) => NAMING.has(a.stance)).map((a) => a.belligerent);
  const belligerents = compareSets(gold, named);
  if (belligerents.fp + belligerents.fn > 0) {
    errors++;
    problems.push(
      `belligerents: gold ${[...new Set(gold)].join(' ') || 'none'}, predicted ${[...new Set(named)].join(' ') || 'none'}`,
    );
  }
  return { ...base, hasEvent: true, belligerents, problems, errors };
}

export const AIRWARS_FIELDS = [
  'date',
  'location_10km',
  'civ_killed_min',
  'civ_killed_max',
  'civ_injured_min',
  'civ_injured_max',
  'children_killed_min',
  'children_killed_max',
] as const;

/** Field rates are over records that have an event (and the gold value); belligerent F1 is micro. */
export function summarizeAirwars(scores: AirwarsRecordScore[]): Summary {
  const fields = new FieldTally();
  const belligerents = noCounts();
  let withEvent = 0;
  let predictedEvents = 0;
  for (const s of scores) {
    fields.merge(s.fields);
    addCounts(belligerents, s.belligerents);
    if (s.hasEvent) withEvent++;
    predictedEvents += s.predictedEvents;
  }
  const b = prf(belligerents);
  const metrics: Record<string, Metric> = { has_event: accuracy({ right: withEvent, n: scores.length }) };
  for (const f of AIRWARS_FIELDS) metrics[f] = accuracy(fields.get(f));
  Object.assign(metrics, {
    belligerent_precision: b.precision,
    belligerent_recall: b.recall,
    belligerent_f1: b.f1,
  });
  return {
    metrics,
    counts: { records: scores.length, with_event: withEvent, predicted_events: predictedEvents },
  };
}
