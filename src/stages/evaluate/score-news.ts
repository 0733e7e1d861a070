/** Scores extracted events against news-style gold (docs/evaluation.md). */
import type { ExtractedDocument, ExtractedEvent } from '../../domain/extraction.ts';
import type { Range } from '../../domain/range.ts';
import type { GoldBound, GoldDocument, GoldIncident } from './gold.ts';
import { matchIncidents } from './match.ts';
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
import { sameKey } from './place-key.ts';

/** Where each flat gold bound lives in a predicted event. */
const BOUND_SOURCES: { bound: GoldBound; range: keyof ExtractedEvent; side: keyof Range }[] = [
  { bound: 'killed_min', range: 'killed', side: 'min' },
  { bound: 'killed_max', range: 'killed', side: 'max' },
  { bound: 'civilians_killed_min', range: 'civilians_killed', side: 'min' },
  { bound: 'civilians_killed_max', range: 'civilians_killed', side: 'max' },
  { bound: 'injured_min', range: 'injured', side: 'min' },
  { bound: 'injured_max', range: 'injured', side: 'max' },
  { bound: 'combatants_killed_min', range: 'combatants_killed', side: 'min' },
  { bound: 'combatants_killed_max', range: 'combatants_killed', side: 'max' },
  { bound: 'children_killed_min', range: 'children_killed', side: 'min' },
];

const BLAMING = new Set(['blames', 'confirms']);

/** What one news-style document contributes to the totals, and what went wrong in it. */
export interface NewsDocumentScore {
  id: string;
  goldIncidents: number;
  backgroundGold: number;
  predictedEvents: number;
  /** Predicted events absorbed by background gold: neither hits nor false positives. */
  matchedBackground: number;
  /** tp = matched non-background gold, fp = unmatched predictions, fn = unmatched non-background gold. */
  incidents: SetCounts;
  fields: FieldTally;
  /** Micro tallies over the matched pairs' (belligerent, stance) sets. */
  attribution: SetCounts;
  blamed: SetCounts;
  problems: string[];
  /** Misses + false positives + wrong fields (attribution counts once per pair). */
  errors: number;
}

function predictedBound(
  event: ExtractedEvent,
  range: keyof ExtractedEvent,
  side: keyof Range,
): number | null {
  const r = event[range] as Range | null;
  return r?.[side] ?? null;
}

const show = (v: unknown): string => (v === null || v === undefined ? 'null' : String(v));

function describeGold(g: GoldIncident): string {
  const killed =
    g.killed_min !== null || g.killed_max !== null
      ? `, killed ${show(g.killed_min)}-${show(g.killed_max)}`
      : '';
  return `${g.place ?? `(${g.admin1 ?? 'no place'})`} ${g.date ?? 'undated'}${killed}`;
}

function describePredicted(e: ExtractedEvent): string {
  const killed = e.killed ? `, killed ${show(e.killed.min)}-${show(e.killed.max)}` : '';
  return `${e.place ?? `(${e.admin1 ?? 'no place'})`} ${e.date ?? 'undated'}${killed}`;
}

const pairsOf = (entries: { belligerent: string; stance: string }[]): string[] =>
  entries.map((a) => `${a.belligerent}/${a.stance}`);

const blamedOf = (entries: { belligerent: string; stance: string }[]): string[] =>
  entries.filter((a) => BLAMING.has(a.stance)).map((a) => a.belligerent);

/** Matches one document's predicted events to its gold incidents and tallies every figure. */
export function scoreNewsDocument(gold: GoldDocument, predicted: ExtractedDocument): NewsDocumentScore {
  const events = predicted.events;
  const pairs = matchIncidents(gold.incidents, events);
  const fields = new FieldTally();
  const attribution = noCounts();
  const blamed = noCounts();
  const problems: string[] = [];
  let wrongFields = 0;
  let matchedBackground = 0;
  let tp = 0;
  const check = (
    label: string,
    field: string,
    right: boolean,
    goldValue: unknown,
    predValue: unknown,
  ): void => {
    fields.add(field, right);
    if (right) return;
    wrongFields++;
    problems.push(`${label}: ${field} gold ${show(goldValue)}, predicted ${show(predValue)}`);
  };
  for (const pair of pairs) {
    const g = gold.incidents[pair.gold];
    const e = events[pair.predicted];
    if (!g || !e) continue;
    if (g.background) {
      matchedBackground++;
      continue;
    }
    tp++;
    const label = describeGold(g);
    check(label, 'date', g.date === e.date, g.date, e.date);
    check(label, 'admin1', sameKey(g.admin1, e.admin1), g.admin1, e.admin1);
    if (g.place !== null) check(label, 'place_exact', pair.place === 2, g.place, e.place);
    for (const { bound, range, side } of BOUND_SOURCES) {
      const want = g[bound];
      if (want === null) continue;
      const got = predictedBound(e, range, side);
      check(label, bound, got === want, want, got);
    }
    if (g.strike_type !== 'unknown')
      check(label, 'strike_type', e.strike_type === g.strike_type, g.strike_type, e.strike_type);
    const attr = compareSets(pairsOf(g.attributed), pairsOf(e.attributed));
    addCounts(attribution, attr);
    addCounts(blamed, compareSets(blamedOf(g.attributed), blamedOf(e.attributed)));
    if (attr.fp + attr.fn > 0) {
      wrongFields++;
      const gotten = [...new Set(pairsOf(e.attributed))].join(' ') || 'none';
      const wanted = [...new Set(pairsOf(g.attributed))].join(' ') || 'none';
      problems.push(`${label}: attribution gold ${wanted}, predicted ${gotten}`);
    }
  }
  const matchedGold = new Set(pairs.map((p) => p.gold));
  const matchedPredicted = new Set(pairs.map((p) => p.predicted));
  let fn = 0;
  gold.incidents.forEach((g, i) => {
    if (g.background || matchedGold.has(i)) return;
    fn++;
    problems.push(`missed: ${describeGold(g)}`);
  });
  let fp = 0;
  events.forEach((e, i) => {
    if (matchedPredicted.has(i)) return;
    fp++;
    problems.push(`false positive: ${describePredicted(e)}`);
  });
  return {
    id: gold.id,
    goldIncidents: gold.incidents.length,
    backgroundGold: gold.incidents.filter((g) => g.background).length,
    predictedEvents: events.length,
    matchedBackground,
    incidents: { tp, fp, fn },
    fields,
    attribution,
    blamed,
    problems,
    errors: fn + fp + wrongFields,
  };
}

/** Field accuracies reported for matched non-background pairs, in report order. */
export const NEWS_FIELDS = [
  'date',
  'admin1',
  'place_exact',
  ...BOUND_SOURCES.map((b) => b.bound),
  'strike_type',
] as const;

export interface Summary {
  metrics: Record<string, Metric>;
  counts: Record<string, number>;
}

/** Micro-averages over all documents: every incident and every matched pair weighs the same. */
export function summarizeNews(scores: NewsDocumentScore[]): Summary {
  const incidents = noCounts();
  const attribution = noCounts();
  const blamed = noCounts();
  const fields = new FieldTally();
  const counts = {
    documents: scores.length,
    gold_incidents: 0,
    background_gold: 0,
    predicted_events: 0,
    matched: 0,
    matched_background: 0,
  };
  for (const s of scores) {
    addCounts(incidents, s.incidents);
    addCounts(attribution, s.attribution);
    addCounts(blamed, s.blamed);
    fields.merge(s.fields);
    counts.gold_incidents += s.goldIncidents;
    counts.background_gold += s.backgroundGold;
    counts.predicted_events += s.predictedEvents;
    counts.matched += s.incidents.tp;
    counts.matched_background += s.matchedBackground;
  }
  const inc = prf(incidents);
  const att = prf(attribution);
  const bl = prf(blamed);
  const metrics: Record<string, Metric> = {
    incident_precision: inc.precision,
    incident_recall: inc.recall,
    incident_f1: inc.f1,
  };
  for (const f of NEWS_FIELDS) metrics[f] = accuracy(fields.get(f));
  Object.assign(metrics, {
    attribution_precision: att.precision,
    attribution_recall: att.recall,
    attribution_f1: att.f1,
    blamed_precision: bl.precision,
    blamed_recall: bl.recall,
    blamed_f1: bl.f1,
  });
  return { metrics, counts };
}
