/** Rates with the count behind them, and the tallies they are computed from. */

/** A rate and the number of items it is computed over; `value` is null when n is 0. */
export interface Metric {
  value: number | null;
  n: number;
}

/** Items judged right out of n. */
export interface Accuracy {
  right: number;
  n: number;
}

/** True positives, false positives and false negatives of a set comparison. */
export interface SetCounts {
  tp: number;
  fp: number;
  fn: number;
}

export const noCounts = (): SetCounts => ({ tp: 0, fp: 0, fn: 0 });

export function addCounts(into: SetCounts, c: SetCounts): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
}

/** Compares two sets of keys. */
export function compareSets<T>(gold: Iterable<T>, predicted: Iterable<T>): SetCounts {
  const g = new Set(gold);
  const p = new Set(predicted);
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

export function rate(right: number, n: number): Metric {
  return { value: n === 0 ? null : right / n, n };
}

export function accuracy(a: Accuracy): Metric {
  return rate(a.right, a.n);
}

/**
 * Precision (n = tp + fp), recall (n = tp + fn) and F1 = 2tp / (2tp + fp + fn) (n = tp + fp + fn):
 * the harmonic mean of precision and recall, and 0 rather than undefined when nothing was found.
 */
export function prf(c: SetCounts): { precision: Metric; recall: Metric; f1: Metric } {
  const n = c.tp + c.fp + c.fn;
  return {
    precision: rate(c.tp, c.tp + c.fp),
    recall: rate(c.tp, c.tp + c.fn),
    f1: { value: n === 0 ? null : (2 * c.tp) / (2 * c.tp + c.fp + c.fn), n },
  };
}

/** Tallies per-field accuracy under stable names. */
export class FieldTally {
  readonly fields = new Map<string, Accuracy>();

  add(field: string, right: boolean): void {
    const a = this.fields.get(field) ?? { right: 0, n: 0 };
    a.n++;
    if (right) a.right++;
    this.fields.set(field, a);
  }

  merge(other: FieldTally): void {
    for (const [k, a] of other.fields) {
      const into = this.fields.get(k) ?? { right: 0, n: 0 };
      into.right += a.right;
      into.n += a.n;
      this.fields.set(k, into);
    }
  }

  get(field: string): Accuracy {
    return this.fields.get(field) ?? { right: 0, n: 0 };
  }
}
