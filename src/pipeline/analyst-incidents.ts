/**
 * An analyst's merge or split, applied to the store: claims are linked with pins (so automatic
 * runs leave them), pins apart and the decision itself go to the audit log, and the incidents
 * involved are indexed and assessed again.
 */
import type { Pin } from '../domain/incident.ts';
import type { ChangeBy, Stores } from '../domain/store.ts';
import { mergeIncidents, splitIncident, type AnalystDecision } from '../stages/cluster/index.ts';
import { EMPTY, incidentClaims, reassess, type IncidentOptions } from './build-incidents.ts';

async function applyPins(pins: Pin[], stores: Stores, by: ChangeBy): Promise<void> {
  for (const pin of pins) {
    if (pin.kind === 'with')
      await stores.incidents.link(Number(pin.incidentId), Number(pin.claimId), by, { pin: true });
    else
      await stores.audit.append({
        actor: by.actor,
        action: 'pin-apart',
        entity: 'claim',
        entityId: pin.claimId,
        before: null,
        after: pin,
        reason: by.reason ?? null,
      });
  }
}

async function footprint(id: number, options: IncidentOptions) {
  const fp = options.index.get(String(id));
  if (!fp) throw new Error(`no incident ${id} with claims`);
  return fp;
}

/** Merges incident `source` into `target`; returns the target's id. */
export async function mergeInStore(
  target: number,
  source: number,
  stores: Stores,
  options: IncidentOptions,
  decision: AnalystDecision,
): Promise<number> {
  const [a, b] = [await footprint(target, options), await footprint(source, options)];
  const claims = [
    ...(await incidentClaims(target, stores, options)),
    ...(await incidentClaims(source, stores, options)),
  ];
  const result = mergeIncidents(a, b, claims, decision);
  if (!result.ok) throw new Error(result.problem);
  const by: ChangeBy = { actor: `analyst:${decision.by}`, reason: result.audit.reason };
  await applyPins(result.pins, stores, by);
  options.index.put(result.footprint);
  options.index.remove(result.removed);
  await stores.incidents.update(source, EMPTY, by);
  await reassess(target, result.footprint, stores, options, by);
  return target;
}

/** Splits the named claims off incident `id` into a new incident; returns the new incident's id. */
export async function splitInStore(
  id: number,
  claimIds: number[],
  stores: Stores,
  options: IncidentOptions,
  decision: AnalystDecision,
): Promise<number> {
  const fp = await footprint(id, options);
  const claims = await incidentClaims(id, stores, options);
  const by: ChangeBy = { actor: `analyst:${decision.by}`, reason: decision.why };
  const created = await stores.incidents.create(EMPTY, by);
  const result = splitIncident(fp, claims, claimIds.map(String), String(created.id), decision);
  if (!result.ok) throw new Error(result.problem);
  const why: ChangeBy = { actor: by.actor, reason: result.audit.reason };
  options.index.put(result.created);
  options.index.put(result.kept);
  await applyPins(result.pins, stores, why);
  await reassess(id, result.kept, stores, options, why);
  await reassess(created.id, result.created, stores, options, why);
  return created.id;
}
