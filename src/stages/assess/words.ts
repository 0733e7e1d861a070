/** Small wording helpers shared by the rules and the summary. */
import type { StoredClaim } from '../../domain/incident.ts';
import type { Range } from '../../domain/range.ts';

/** The outlet a claim speaks for; a report of unknown outlet counts as its own source. */
export function outletOf(claim: StoredClaim): string {
  return claim.outlet ?? `report ${claim.reportId}`;
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** "A", "A and B", "A, B and C". */
export function listing(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function showRange(r: Range): string {
  if (r.min !== null && r.max !== null) return r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`;
  if (r.min !== null) return `at least ${r.min}`;
  if (r.max !== null) return `up to ${r.max}`;
  return 'unknown';
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A belligerent's label as prose takes it into a sentence: "Russia", but "the US-led Coalition"
 * and "the Syrian government" (a label of several words takes "the").
 */
export function prose(label: string): string {
  return /\s/.test(label) && !/^the /i.test(label) ? `the ${label}` : label;
}

export function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
