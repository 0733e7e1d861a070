/**
 * Reconciliation over the store: every incident measured against the declared strikes and
 * casualty statements stored so far (docs/reconciliation.md); an incident whose reconciliation
 * changed is assessed again with what its belligerents published.
 */
import type { Reconciliation } from '../domain/official.ts';
import type { Store } from '../domain/store.ts';
import { Reconciler, type IncidentToReconcile } from '../stages/reconcile/index.ts';
import { reassess, type IncidentOptions } from './build-incidents.ts';

/** Belligerent codes an assessment names as blamed, suspected or confirming. */
function accusedIn(assessment: unknown): string[] {
  const list = (assessment as { belligerents?: unknown } | null)?.belligerents;
  if (!Array.isArray(list)) return [];
  return list
    .filter(
      (b): b is { code: string; blamedBy: unknown[]; suspectedBy: unknown[]; confirmedBy: unknown[] } =>
        typeof b === 'object' && b !== null && typeof (b as { code?: unknown }).code === 'string',
    )
    .filter(
      (b) => (b.blamedBy?.length ?? 0) + (b.suspectedBy?.length ?? 0) + (b.confirmedBy?.length ?? 0) > 0,
    )
    .map((b) => b.code);
}

export interface ReconcileCounts {
  incidents: number;
  /** Incident-belligerent pairs measured. */
  pairs: number;
  /** Incidents whose reconciliation changed (and were assessed again). */
  changed: number;
  withStatement: number;
  withNearest: number;
  declaredAbsences: number;
}

/** Incidents reconciled per transaction. */
const BATCH = 200;

/**
 * Reconciles every incident with claims against everything declared so far. With nothing
 * declared and nothing reconciled before, it does nothing. Running it again changes nothing.
 */
export async function reconcileStore(store: Store, options: IncidentOptions): Promise<ReconcileCounts> {
  const counts: ReconcileCounts = {
    incidents: 0,
    pairs: 0,
    changed: 0,
    withStatement: 0,
    withNearest: 0,
    declaredAbsences: 0,
  };
  const strikes = await store.official.strikes();
  const statements = await store.official.statements();
  if (strikes.length === 0 && statements.length === 0 && (await store.official.counts()).reconciled === 0)
    return counts;
  const reconciler = new Reconciler(strikes, statements);
  const incidents = await store.incidents.list();
  for (let i = 0; i < incidents.length; i += BATCH) {
    const batch = incidents.slice(i, i + BATCH);
    await store.transaction(async (stores) => {
      for (const incident of batch) {
        const footprint = options.index.get(String(incident.id));
        const target: IncidentToReconcile = {
          id: incident.id,
          date: footprint?.date ?? (incident.date ? { from: incident.date, to: incident.date } : null),
          lat: incident.lat,
          lon: incident.lon,
          place: incident.place,
          belligerents: accusedIn(incident.assessment),
        };
        // A belligerent with nothing declared near those days is left out: nothing to show or weigh.
        const results: Reconciliation[] = reconciler
          .reconcile(target)
          .filter(
            (r) => r.strikesInWindow > 0 || r.nearest !== null || r.declaredAbsence || r.statementId !== null,
          );
        counts.incidents++;
        counts.pairs += results.length;
        counts.withStatement += results.filter((r) => r.statementId !== null).length;
        counts.withNearest += results.filter((r) => r.nearest !== null).length;
        counts.declaredAbsences += results.filter((r) => r.declaredAbsence).length;
        if (!(await stores.official.replaceReconciliations(incident.id, results))) continue;
        counts.changed++;
        await reassess(incident.id, footprint, stores, options, {
          actor: 'reconcile',
          reason: 'what its belligerents published changed',
        });
      }
    });
  }
  return counts;
}
