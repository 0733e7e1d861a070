/**
 * What an analyst can do to an incident, from the web pages and the write API: edit its fields
 * (the values laid over every later assessment), take a claim out of it, merge another incident
 * into it, split claims off it, assess it again, or mark it reviewed. Each runs in one transaction
 * and lands in the audit log with the analyst's name and reason. Bad requests are values naming
 * the field at fault; only bugs throw.
 */
import { applyOverrides, overrideProblems } from '../domain/apply-overrides.ts';
import type { EditableField, IncidentOverrides } from '../domain/incident-overrides.ts';
import type { ChangeBy, Store, Stores } from '../domain/store.ts';
import { footprintFromClaims } from '../stages/cluster/index.ts';
import { mergeInStore, splitInStore } from './analyst-incidents.ts';
import { incidentClaims, incidentFields, refreshIncidents, type IncidentOptions } from './build-incidents.ts';

export type ActionOutcome =
  | { ok: true; incidentId: number; createdId: number | null }
  | { ok: false; kind: 'not-found' | 'invalid'; field: string | null; message: string };

/** Who acts and why; the reason is required and lands in the audit log. */
export interface Actor {
  name: string;
  reason: string;
}

/** New values per field; null takes the analyst's value away, back to what the assessment says. */
export type FieldEdits = { [F in EditableField]?: string | number | null };

const notFound = (message: string, field: string | null = 'id'): ActionOutcome => ({
  ok: false,
  kind: 'not-found',
  field,
  message,
});
const invalid = (message: string, field: string | null): ActionOutcome => ({
  ok: false,
  kind: 'invalid',
  field,
  message,
});

function changeBy(actor: Actor): ChangeBy {
  return { actor: `analyst:${actor.name}`, reason: actor.reason };
}

async function record(
  stores: Stores,
  actor: Actor,
  action: string,
  incidentId: number,
  before: unknown,
  after: unknown,
): Promise<void> {
  await stores.audit.append({
    actor: `analyst:${actor.name}`,
    action,
    entity: 'incident',
    entityId: String(incidentId),
    before,
    after,
    reason: actor.reason,
  });
}

async function claimIdsOf(stores: Stores, id: number): Promise<number[] | null> {
  if (!(await stores.incidents.get(id))) return null;
  return (await stores.incidents.links(id)).map((l) => l.claimId);
}

/** Sets (or, with null, clears) an analyst's values for the incident's fields. */
export function editIncident(
  store: Store,
  options: IncidentOptions,
  id: number,
  edits: FieldEdits,
  actor: Actor,
): Promise<ActionOutcome> {
  return store.transaction(async (stores) => {
    const incident = await stores.incidents.get(id);
    if (!incident) return notFound(`no incident ${id}`);
    const names = Object.keys(edits) as EditableField[];
    if (names.length === 0) return invalid('name at least one field to change', 'set');
    const at = new Date().toISOString();
    const current = await stores.overrides.get(id);
    const next: IncidentOverrides = { ...current };
    for (const field of names) {
      const value = edits[field];
      if (value === null || value === undefined) delete next[field];
      else next[field] = { value, by: `analyst:${actor.name}`, at, reason: actor.reason };
    }
    const claims = await incidentClaims(id, stores, options);
    const computed = incidentFields(footprintFromClaims(String(id), claims), claims, options.labels);
    const fields = applyOverrides(computed, next);
    const problem = overrideProblems(fields)[0];
    if (problem) return invalid(problem.message, `set.${problem.field}`);
    await stores.overrides.set(id, next);
    await stores.incidents.update(id, fields, changeBy(actor));
    const pick = (source: object) =>
      Object.fromEntries(names.map((f) => [f, (source as Record<string, unknown>)[f] ?? null]));
    await record(stores, actor, 'edit', id, pick(incident), pick(fields));
    return { ok: true, incidentId: id, createdId: null };
  });
}

/** Takes a claim out of the incident into one of its own, pinned apart from this one. */
export function detachClaim(
  store: Store,
  options: IncidentOptions,
  id: number,
  claimId: number,
  actor: Actor,
): Promise<ActionOutcome> {
  return store.transaction(async (stores) => {
    const claims = await claimIdsOf(stores, id);
    if (!claims) return notFound(`no incident ${id}`);
    if (!claims.includes(claimId)) return invalid(`claim ${claimId} is not in incident ${id}`, 'claimId');
    if (claims.length === 1)
      return invalid(
        `claim ${claimId} is the only claim of incident ${id}: there is nothing to take it out of`,
        'claimId',
      );
    const created = await splitInStore(id, [claimId], stores, options, decision(actor));
    await record(stores, actor, 'detach-claim', id, { claimId }, { claimId, movedTo: created });
    return { ok: true, incidentId: id, createdId: created };
  });
}

function decision(actor: Actor) {
  return { by: actor.name, at: new Date().toISOString(), why: actor.reason };
}

/** Merges incident `source` into `id`: its claims join, every claim of both is pinned here. */
export function mergeIncident(
  store: Store,
  options: IncidentOptions,
  id: number,
  source: number,
  actor: Actor,
): Promise<ActionOutcome> {
  return store.transaction(async (stores) => {
    if (source === id) return invalid(`cannot merge incident ${id} into itself`, 'source');
    const [target, other] = [await claimIdsOf(stores, id), await claimIdsOf(stores, source)];
    if (!target) return notFound(`no incident ${id}`);
    if (!other) return notFound(`no incident ${source}`, 'source');
    if (target.length === 0) return invalid(`incident ${id} has no claims left to merge into`, 'id');
    if (other.length === 0) return invalid(`incident ${source} has no claims left to merge`, 'source');
    await mergeInStore(id, source, stores, options, decision(actor));
    await record(stores, actor, 'merge', id, null, { merged: source });
    return { ok: true, incidentId: id, createdId: null };
  });
}

/** Splits the named claims off the incident into a new one. */
export function splitIncident(
  store: Store,
  options: IncidentOptions,
  id: number,
  claimIds: number[],
  actor: Actor,
): Promise<ActionOutcome> {
  return store.transaction(async (stores) => {
    const claims = await claimIdsOf(stores, id);
    if (!claims) return notFound(`no incident ${id}`);
    const unique = [...new Set(claimIds)];
    if (unique.length === 0) return invalid('name at least one claim to split off', 'claims');
    const strangers = unique.filter((c) => !claims.includes(c));
    if (strangers.length > 0)
      return invalid(`not claims of incident ${id}: ${strangers.join(', ')}`, 'claims');
    if (unique.length === claims.length)
      return invalid(`splitting every claim off incident ${id} would leave it empty`, 'claims');
    const created = await splitInStore(id, unique, stores, options, decision(actor));
    await record(stores, actor, 'split', id, null, { claims: unique, movedTo: created });
    return { ok: true, incidentId: id, createdId: created };
  });
}

/** Assesses the incident again over its claims (the analyst's values stay laid over it). */
export function reassessIncident(
  store: Store,
  options: IncidentOptions,
  id: number,
  actor: Actor,
): Promise<ActionOutcome> {
  return store.transaction(async (stores) => {
    if (!(await stores.incidents.get(id))) return notFound(`no incident ${id}`);
    await refreshIncidents([id], stores, options, changeBy(actor));
    await record(stores, actor, 'reassess', id, null, null);
    return { ok: true, incidentId: id, createdId: null };
  });
}

/** Records that an analyst checked the incident: it leaves the review queue until it changes. */
export function markReviewed(store: Store, id: number, actor: Actor): Promise<ActionOutcome> {
  return store.transaction(async (stores) => {
    if (!(await stores.incidents.get(id))) return notFound(`no incident ${id}`);
    await record(stores, actor, 'review', id, null, null);
    return { ok: true, incidentId: id, createdId: null };
  });
}
