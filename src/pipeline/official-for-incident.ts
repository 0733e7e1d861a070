/** What belligerents published about one incident, as the assess stage takes it, from its stored reconciliations. */
import type { OfficialStatement } from '../domain/grading.ts';
import type { DateWindow, IncidentFootprint } from '../domain/incident.ts';
import type { DayWindow } from '../domain/official.ts';
import type { Stores } from '../domain/store.ts';
import { NO_STRIKES_REASON } from '../stages/official/index.ts';
import { DECLARED_NEARBY_KM } from '../stages/reconcile/index.ts';

const overlaps = (a: DayWindow | null, b: DayWindow | DateWindow | null): boolean =>
  a !== null && b !== null && a.from <= b.to && b.from <= a.to;

/** What a belligerent published about an incident, for the assess stage, from its stored reconciliations. */
export async function officialFor(
  incidentId: number,
  footprint: IncidentFootprint | null,
  stores: Stores,
  labels: Readonly<Record<string, string>>,
): Promise<OfficialStatement[]> {
  const out: OfficialStatement[] = [];
  for (const r of await stores.official.reconciliations(incidentId)) {
    const statement = r.statementId === null ? null : await stores.official.statement(r.statementId);
    if (statement === null && r.nearest === null && !r.declaredAbsence) continue;
    const sameDay = r.nearest !== null && overlaps(r.nearest.date, footprint?.date ?? null);
    out.push({
      belligerent: r.belligerent,
      verdict: statement?.verdict ?? 'not yet assessed',
      reason: statement?.reason?.words ?? null,
      reasonCode: statement?.reason?.code ?? null,
      deathsConceded: statement?.killedConceded ?? null,
      injuriesConceded: statement?.injuredConceded ?? null,
      source: statement?.source ?? `${labels[r.belligerent] ?? r.belligerent} strike reports`,
      strikesInWindow: r.strikesInWindow,
      nearestStrike: r.nearest === null ? null : { km: r.nearest.km, place: r.nearest.place, sameDay },
      deniesStrikes: r.declaredAbsence || statement?.reason?.code === NO_STRIKES_REASON,
      declaredNearby: r.nearest !== null && sameDay && r.nearest.km <= DECLARED_NEARBY_KM,
    });
  }
  return out;
}
