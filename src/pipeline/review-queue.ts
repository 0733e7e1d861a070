/** The analysts' review queue: incidents that need a look, oldest first, each with its reasons. */
import { mayHaveTollConflict, reviewReasons, type ReviewReason } from '../domain/review-reasons.ts';
import type { StoredIncident, Stores } from '../domain/store.ts';

export interface ReviewItem {
  incident: StoredIncident;
  reasons: ReviewReason[];
}

/** An analyst's entry since the incident last changed means it has been looked at. */
async function reviewedSinceChange(stores: Stores, i: StoredIncident): Promise<boolean> {
  const entries = await stores.audit.list({ entity: 'incident', entityId: String(i.id) });
  return entries.some((e) => e.actor.startsWith('analyst:') && e.at >= i.updatedAt);
}

/**
 * Incidents (with claims) that need review and that no analyst has acted on since they last
 * changed, oldest first (by when they entered the record), at most `limit`.
 */
export async function reviewQueue(
  stores: Stores,
  limit = 100,
): Promise<{ items: ReviewItem[]; total: number }> {
  const incidents = (await stores.incidents.list()).sort(
    (x, y) => x.createdAt.localeCompare(y.createdAt) || x.id - y.id,
  );
  const items: ReviewItem[] = [];
  for (const incident of incidents) {
    const tolls = mayHaveTollConflict(incident)
      ? (await stores.claims.forIncident(incident.id))
          .filter((c) => c.event.killed?.min != null)
          .map((c) => ({ outlet: c.outlet ?? `report ${c.reportId}`, killed: c.event.killed!.min! }))
      : [];
    const reasons = reviewReasons(incident, tolls);
    if (reasons.length === 0 || (await reviewedSinceChange(stores, incident))) continue;
    items.push({ incident, reasons });
  }
  return { items: items.slice(0, limit), total: items.length };
}
