/** One-to-one matching of predicted events to gold incidents (docs/evaluation.md, news-style gold). */
import type { ExtractedEvent } from '../../domain/extraction.ts';
import { datesCompatible } from './dates.ts';
import type { GoldIncident } from './gold.ts';
import { placeMatch, sameKey } from './place-key.ts';

/** A matched pair: indexes into the gold incidents and the predicted events. */
export interface MatchPair {
  gold: number;
  predicted: number;
  /** 2 exact, 1 partial (or matched through admin1 when gold has no place). */
  place: 1 | 2;
  score: number;
}

/**
 * How well the places match. With a gold place, the loose keys decide. Without one, the predicted
 * place or admin1 must have the gold admin1's key (anything goes when gold admin1 is null too);
 * such a match counts as partial (1), since nothing specific was labelled.
 */
export function placeScore(gold: GoldIncident, predicted: ExtractedEvent): 0 | 1 | 2 {
  if (gold.place !== null) return predicted.place === null ? 0 : placeMatch(gold.place, predicted.place);
  if (gold.admin1 === null) return 1;
  return sameKey(predicted.place, gold.admin1) || sameKey(predicted.admin1, gold.admin1) ? 1 : 0;
}

/** The gold killed figure agrees when either gold bound equals the predicted killed min or max. */
export function killedAgrees(gold: GoldIncident, predicted: ExtractedEvent): boolean {
  const predictedFigures = [predicted.killed?.min, predicted.killed?.max].filter(
    (x): x is number => typeof x === 'number',
  );
  return [gold.killed_min, gold.killed_max].some((g) => g !== null && predictedFigures.includes(g));
}

/** Candidate score: place match x 10, +5 for the same (non-null) date, +3 when the killed figure agrees. */
export function pairScore(
  gold: GoldIncident,
  predicted: ExtractedEvent,
): { place: 0 | 1 | 2; score: number } {
  const place = placeScore(gold, predicted);
  if (place === 0 || !datesCompatible(gold.date, predicted.date)) return { place: 0, score: 0 };
  let score = place * 10;
  if (gold.date !== null && gold.date === predicted.date) score += 5;
  if (killedAgrees(gold, predicted)) score += 3;
  return { place, score };
}

/**
 * Greedy one-to-one matching by score. Ties go to non-background gold incidents, then to the
 * earlier gold incident, then to the earlier predicted event, so results are deterministic.
 */
export function matchIncidents(gold: GoldIncident[], predicted: ExtractedEvent[]): MatchPair[] {
  const candidates: MatchPair[] = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      const { place, score } = pairScore(g, p);
      if (place !== 0) candidates.push({ gold: gi, predicted: pi, place, score });
    });
  });
  const background = (m: MatchPair): number => (gold[m.gold]?.background ? 1 : 0);
  candidates.sort(
    (a, b) =>
      b.score - a.score || background(a) - background(b) || a.gold - b.gold || a.predicted - b.predicted,
  );
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: MatchPair[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPredicted.has(c.predicted)) continue;
    usedGold.add(c.gold);
    usedPredicted.add(c.predicted);
    pairs.push(c);
  }
  return pairs.sort((a, b) => a.gold - b.gold);
}
