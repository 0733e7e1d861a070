/**
 * An in-memory incident index for tests, the bench and one-off runs: incidents bucketed by day,
 * and within a day by their index keys (index-keys.ts), so a lookup touches only the few days and
 * cells a claim can reach, however many incidents are stored.
 */
import type { IncidentFootprint } from '../../domain/incident.ts';
import type { CandidateQuery, IncidentIndex } from './candidate-index.ts';
import { dayNumber } from './days.ts';
import { keysOf, queryKeys } from './index-keys.ts';

interface Entry {
  footprint: IncidentFootprint;
  from: number;
  to: number;
  keys: string[];
}

export class MemoryIncidentIndex implements IncidentIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly days = new Map<number, Map<string, Set<string>>>();
  /** Incidents with no date: never candidates, but kept so get() finds them. */
  private readonly undated = new Set<string>();

  get size(): number {
    return this.entries.size;
  }

  get(id: string): IncidentFootprint | null {
    return this.entries.get(id)?.footprint ?? null;
  }

  all(): IncidentFootprint[] {
    return [...this.entries.values()].map((e) => e.footprint);
  }

  put(footprint: IncidentFootprint): void {
    this.remove(footprint.id);
    const from = footprint.date === null ? null : dayNumber(footprint.date.from);
    const to = footprint.date === null ? null : dayNumber(footprint.date.to);
    if (from === null || to === null) {
      this.undated.add(footprint.id);
      this.entries.set(footprint.id, { footprint, from: 0, to: -1, keys: [] });
      return;
    }
    const keys = keysOf(footprint);
    this.entries.set(footprint.id, { footprint, from, to, keys });
    for (let d = from; d <= to; d++) {
      let day = this.days.get(d);
      if (day === undefined) this.days.set(d, (day = new Map()));
      for (const k of keys) {
        let ids = day.get(k);
        if (ids === undefined) day.set(k, (ids = new Set()));
        ids.add(footprint.id);
      }
    }
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    this.undated.delete(id);
    for (let d = entry.from; d <= entry.to; d++) {
      const day = this.days.get(d);
      if (day === undefined) continue;
      for (const k of entry.keys) {
        const ids = day.get(k);
        ids?.delete(id);
        if (ids?.size === 0) day.delete(k);
      }
      if (day.size === 0) this.days.delete(d);
    }
  }

  candidates(query: CandidateQuery): IncidentFootprint[] {
    const from = dayNumber(query.from);
    const to = dayNumber(query.to);
    if (from === null || to === null) return [];
    const keys = queryKeys(query);
    const found = new Set<string>();
    for (let d = from; d <= to; d++) {
      const day = this.days.get(d);
      if (day === undefined) continue;
      for (const k of keys) for (const id of day.get(k) ?? []) found.add(id);
    }
    return [...found].map((id) => this.entries.get(id)!.footprint);
  }
}
