/**
 * Analyst decisions on incidents: merge two, or split claims out of one. They are recorded as
 * pins on every claim involved, so a later automatic run, even a rebuild from scratch, puts each
 * claim back where the analyst left it.
 */
import type { AuditEntry, IncidentFootprint, Pin, StoredClaim } from '../../domain/incident.ts';
import type { ClaimPins } from './cluster-claim.ts';
import { footprintFromClaims } from './footprint.ts';

/** Who decided, when (ISO timestamp) and why. */
export interface AnalystDecision {
  by: string;
  at: string;
  why: string;
}

export type MergeResult =
  | { ok: true; footprint: IncidentFootprint; removed: string; pins: Pin[]; audit: AuditEntry }
  | { ok: false; problem: string };

export type SplitResult =
  | { ok: true; kept: IncidentFootprint; created: IncidentFootprint; pins: Pin[]; audit: AuditEntry }
  | { ok: false; problem: string };

/** The pins in force per claim: later pins replace earlier ones on the same claim and incident. */
export function activePins(pins: Iterable<Pin>): Map<string, ClaimPins> {
  const ordered = [...pins].sort((a, b) => a.at.localeCompare(b.at));
  const out = new Map<string, ClaimPins>();
  for (const pin of ordered) {
    const current = out.get(pin.claimId) ?? { with: null, apart: [] };
    if (pin.kind === 'with') {
      current.with = pin.incidentId;
      current.apart = current.apart.filter((id) => id !== pin.incidentId);
    } else {
      if (current.with === pin.incidentId) current.with = null;
      if (!current.apart.includes(pin.incidentId)) current.apart.push(pin.incidentId);
    }
    out.set(pin.claimId, current);
  }
  return out;
}

function claimsById(claims: StoredClaim[]): Map<string, StoredClaim> {
  return new Map(claims.map((c) => [c.id, c]));
}

function members(ids: string[], byId: Map<string, StoredClaim>): StoredClaim[] | string {
  const missing = ids.filter((id) => !byId.has(id));
  return missing.length ? `claims not supplied: ${missing.join(', ')}` : ids.map((id) => byId.get(id)!);
}

function pin(claimId: string, incidentId: string, kind: Pin['kind'], d: AnalystDecision): Pin {
  return { claimId, incidentId, kind, by: d.by, at: d.at, why: d.why };
}

/** `strikewatch incident merge A B`: B's claims join A; every claim of both is pinned to A. */
export function mergeIncidents(
  target: IncidentFootprint,
  source: IncidentFootprint,
  claims: StoredClaim[],
  decision: AnalystDecision,
): MergeResult {
  if (target.id === source.id) return { ok: false, problem: `cannot merge ${target.id} with itself` };
  const all = members([...target.claimIds, ...source.claimIds], claimsById(claims));
  if (typeof all === 'string') return { ok: false, problem: all };
  const footprint = footprintFromClaims(target.id, all)!;
  return {
    ok: true,
    footprint,
    removed: source.id,
    pins: all.map((c) => pin(c.id, target.id, 'with', decision)),
    audit: {
      rule: 'analyst-merge',
      reason: `${source.id} (${source.claimIds.length} claim${source.claimIds.length === 1 ? '' : 's'}) merged into ${target.id}: ${decision.why}`,
      by: decision.by,
      at: decision.at,
    },
  };
}

/**
 * `strikewatch incident split A --claims ...`: the named claims leave A for a new incident;
 * they are pinned to it and apart from A, and A's remaining claims are pinned to A.
 */
export function splitIncident(
  incident: IncidentFootprint,
  claims: StoredClaim[],
  splitIds: string[],
  newId: string,
  decision: AnalystDecision,
): SplitResult {
  const leaving = new Set(splitIds);
  const strangers = splitIds.filter((id) => !incident.claimIds.includes(id));
  if (leaving.size === 0) return { ok: false, problem: 'no claims named to split off' };
  if (strangers.length) return { ok: false, problem: `not in ${incident.id}: ${strangers.join(', ')}` };
  if (leaving.size === incident.claimIds.length)
    return { ok: false, problem: `splitting every claim off ${incident.id} would leave it empty` };
  const byId = claimsById(claims);
  const staying = members(
    incident.claimIds.filter((id) => !leaving.has(id)),
    byId,
  );
  const going = members(
    incident.claimIds.filter((id) => leaving.has(id)),
    byId,
  );
  if (typeof staying === 'string') return { ok: false, problem: staying };
  if (typeof going === 'string') return { ok: false, problem: going };
  return {
    ok: true,
    kept: footprintFromClaims(incident.id, staying)!,
    created: footprintFromClaims(newId, going)!,
    pins: [
      ...going.flatMap((c) => [
        pin(c.id, newId, 'with', decision),
        pin(c.id, incident.id, 'apart', decision),
      ]),
      ...staying.map((c) => pin(c.id, incident.id, 'with', decision)),
    ],
    audit: {
      rule: 'analyst-split',
      reason: `${going.length} claims split from ${incident.id} into ${newId}: ${decision.why}`,
      by: decision.by,
      at: decision.at,
    },
  };
}
