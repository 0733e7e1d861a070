/**
 * Why an incident needs an analyst's eye: the machine was unsure (no precise place or day, no
 * figure), or its sources disagree (several belligerents blamed, a denial beside a blame, tolls
 * far apart).
 */
import type { Assessment } from './grading.ts';
import type { StoredIncident } from './store.ts';

export const REVIEW_REASONS = ['low-confidence', 'blame-conflict', 'denied', 'tolls-disagree'] as const;
export type ReviewReasonCode = (typeof REVIEW_REASONS)[number];

export interface ReviewReason {
  code: ReviewReasonCode;
  message: string;
}

/** The lowest killed figure one source gives. */
export interface SourceToll {
  outlet: string;
  killed: number;
}

const COARSE_PLACES = new Set(['governorate', 'country']);
const COARSE_DATES = new Set(['month', 'year', 'report']);

function assessmentOf(i: StoredIncident): Assessment | null {
  const a = i.assessment as Partial<Assessment> | null;
  return a && Array.isArray(a.belligerents) ? (a as Assessment) : null;
}

/** Figures this far apart are not early and late counts of one toll: twice as many, and 3 more. */
function farApart(low: number, high: number): boolean {
  return high >= 2 * low && high - low >= 3;
}

/** Whether the incident's killed range is wide enough that its sources may disagree. */
export function mayHaveTollConflict(i: StoredIncident): boolean {
  return i.killedMin !== null && i.killedMax !== null && farApart(i.killedMin, i.killedMax);
}

/** Every reason the incident needs review; `tolls` are its sources' figures (when the range is wide). */
export function reviewReasons(i: StoredIncident, tolls: SourceToll[] = []): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  const unsure = [
    i.place === null || i.locationPrecision === null
      ? 'no place'
      : COARSE_PLACES.has(i.locationPrecision)
        ? `placed only to the ${i.locationPrecision}`
        : null,
    i.date === null
      ? 'no date'
      : i.datePrecision && COARSE_DATES.has(i.datePrecision)
        ? `dated only to the ${i.datePrecision}`
        : null,
    i.killedMin === null && i.killedMax === null && i.injuredMin === null && i.injuredMax === null
      ? 'no casualty figure'
      : null,
  ].filter((r): r is string => r !== null);
  if (unsure.length > 0)
    reasons.push({ code: 'low-confidence', message: `Extraction unsure: ${unsure.join(', ')}.` });
  const a = assessmentOf(i);
  const blamed = (a?.belligerents ?? []).filter((b) => b.blamedBy.length + b.suspectedBy.length > 0);
  // One source naming two belligerents together ("Russian and Syrian jets") is no conflict.
  const blamers = new Set(
    blamed.map((b) => [...new Set([...b.blamedBy, ...b.suspectedBy])].sort().join('\n')),
  );
  if (blamers.size > 1)
    reasons.push({
      code: 'blame-conflict',
      message: `Several belligerents blamed: ${blamed.map((b) => `${b.label} by ${[...new Set([...b.blamedBy, ...b.suspectedBy])].join(', ')}`).join('; ')}.`,
    });
  for (const b of blamed.filter((b) => b.deniedBy.length > 0))
    reasons.push({
      code: 'denied',
      message: `${b.label} blamed by ${[...new Set([...b.blamedBy, ...b.suspectedBy])].join(', ')} but denied by ${[...new Set(b.deniedBy.map((d) => d.by))].join(', ')}.`,
    });
  if (tolls.length > 1) {
    const sorted = [...tolls].sort((x, y) => x.killed - y.killed);
    const [low, high] = [sorted[0]!, sorted.at(-1)!];
    if (farApart(low.killed, high.killed))
      reasons.push({
        code: 'tolls-disagree',
        message: `Tolls disagree: ${low.killed} killed (${low.outlet}) against ${high.killed} (${high.outlet}).`,
      });
  }
  return reasons;
}
