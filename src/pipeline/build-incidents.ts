/**
 * Incidents from claims, as reports come in: each new claim is clustered into the store's
 * incident index (joining an incident or starting one), linked to its incident with the rule
 * that decided it, and the incident is assessed again over all its claims.
 */
import { applyOverrides } from '../domain/apply-overrides.ts';
import type { IncidentIndex } from '../domain/incident-index.ts';
import type { IncidentFootprint, OutletKind, StoredClaim } from '../domain/incident.ts';
import type { Report } from '../domain/report.ts';
import type { ChangeBy, Claim, IncidentFields, StoredIncident, Stores } from '../domain/store.ts';
import type { OfficialStatement } from '../domain/grading.ts';
import { assessIncident } from '../stages/assess/index.ts';
import { addClaim, footprintFromClaims } from '../stages/cluster/index.ts';
import { officialFor } from './official-for-incident.ts';
import type { ReportProcessor } from './run-ingest.ts';

export interface IncidentOptions {
  /** The store's incident index, on the same connection as the stores a processor is given. */
  index: IncidentIndex;
  /** Display names per belligerent code, from the lexicon. */
  labels: Readonly<Record<string, string>>;
  /** The kind of an outlet (local media, monitor, state media...), when known. */
  outletKind?: (outlet: string | null) => OutletKind | null;
}

/** A stored claim as the cluster and assess stages see it: ids as text, with its report's outlet and day. */
export function storedClaim(
  claim: Claim,
  report: Pick<Report, 'outlet' | 'published'> | null,
  outletKind: OutletKind | null = null,
): StoredClaim {
  return {
    id: String(claim.id),
    reportId: String(claim.reportId),
    outlet: report?.outlet ?? null,
    outletKind,
    published: report?.published?.slice(0, 10) ?? null,
    event: claim.event,
  };
}

/** The claims linked to an incident, oldest first, each with its report's outlet and day. */
export async function incidentClaims(
  incidentId: number,
  stores: Stores,
  options?: Pick<IncidentOptions, 'outletKind'>,
): Promise<StoredClaim[]> {
  return (await stores.claims.forIncident(incidentId)).map((c) =>
    storedClaim(c, { outlet: c.outlet, published: c.published }, options?.outletKind?.(c.outlet) ?? null),
  );
}

export const EMPTY: IncidentFields = {
  date: null,
  datePrecision: null,
  place: null,
  admin1: null,
  country: null,
  lat: null,
  lon: null,
  locationPrecision: null,
  killedMin: null,
  killedMax: null,
  civiliansKilledMin: null,
  civiliansKilledMax: null,
  injuredMin: null,
  injuredMax: null,
  grading: null,
  strikeStatus: null,
  assessment: {},
};

/** An incident's columns from its footprint and the assessment of its claims. */
export function incidentFields(
  footprint: IncidentFootprint | null,
  claims: StoredClaim[],
  labels: Readonly<Record<string, string>>,
  official: OfficialStatement[] = [],
): IncidentFields {
  if (footprint === null || claims.length === 0) return EMPTY;
  const a = assessIncident(claims, { labels, official });
  const p = footprint.place;
  return {
    date: footprint.date?.from ?? null,
    datePrecision: footprint.date?.precision ?? null,
    place: p.name,
    admin1: p.admin1,
    country: p.country,
    lat: p.lat,
    lon: p.lon,
    locationPrecision: p.precision,
    killedMin: a.ranges.killed.value?.min ?? null,
    killedMax: a.ranges.killed.value?.max ?? null,
    civiliansKilledMin: a.civilians.value?.min ?? null,
    civiliansKilledMax: a.civilians.value?.max ?? null,
    injuredMin: a.ranges.injured.value?.min ?? null,
    injuredMax: a.ranges.injured.value?.max ?? null,
    grading: a.grading.value,
    strikeStatus: a.strikeStatus.value,
    assessment: a,
  };
}

/** The fields with an analyst's values laid over them; an emptied incident keeps none. */
async function withOverrides(id: number, fields: IncidentFields, stores: Stores): Promise<IncidentFields> {
  if (fields === EMPTY) return fields;
  return applyOverrides(fields, await stores.overrides.get(id));
}

/** Assesses an incident again over its linked claims and stores the result. */
export async function reassess(
  incidentId: number,
  footprint: IncidentFootprint | null,
  stores: Stores,
  options: IncidentOptions,
  by: ChangeBy,
): Promise<StoredIncident> {
  const claims = await incidentClaims(incidentId, stores, options);
  const official = await officialFor(incidentId, footprint, stores, options.labels);
  const fields = incidentFields(footprint, claims, options.labels, official);
  return stores.incidents.update(incidentId, await withOverrides(incidentId, fields, stores), by);
}

/**
 * Rebuilds incidents that lost claims (a report extracted again): the footprint from the claims
 * left, or out of the index when none are left.
 */
export async function refreshIncidents(
  ids: Iterable<number>,
  stores: Stores,
  options: IncidentOptions,
  by: ChangeBy,
): Promise<void> {
  for (const id of ids) {
    const claims = await incidentClaims(id, stores, options);
    const footprint = footprintFromClaims(String(id), claims);
    if (footprint === null) options.index.remove(String(id));
    else options.index.put(footprint);
    const official = await officialFor(id, footprint, stores, options.labels);
    const fields = incidentFields(footprint, claims, options.labels, official);
    await stores.incidents.update(id, await withOverrides(id, fields, stores), by);
  }
}

export interface ClusterCounts {
  joined: number;
  created: number;
  skipped: number;
}

/** Clusters a report's claims into incidents, links them and assesses each incident touched. */
export async function clusterReportClaims(
  report: Report,
  claims: Claim[],
  stores: Stores,
  options: IncidentOptions,
): Promise<ClusterCounts> {
  const counts: ClusterCounts = { joined: 0, created: 0, skipped: 0 };
  let provisional = 0;
  for (const claim of claims) {
    const added = addClaim(
      storedClaim(claim, report, options.outletKind?.(report.outlet) ?? null),
      options.index,
      () => `new-${++provisional}`,
    );
    const { decision } = added;
    if (added.footprint === null || decision.kind === 'skip') {
      counts.skipped++;
      continue;
    }
    const by: ChangeBy = { actor: `cluster:${decision.rule}`, reason: decision.reason };
    let footprint = added.footprint;
    let id: number;
    if (decision.kind === 'join') {
      id = Number(decision.incidentId);
      counts.joined++;
    } else {
      id = (await stores.incidents.create(EMPTY, by)).id;
      options.index.remove(footprint.id);
      footprint = { ...footprint, id: String(id) };
      options.index.put(footprint);
      counts.created++;
    }
    await stores.incidents.link(id, claim.id, by);
    await reassess(id, footprint, stores, options, { actor: 'assess', reason: `claim ${claim.id} joined` });
  }
  return counts;
}

/**
 * Wraps a processor that stores a report's claims (extraction) so that the claims then go into
 * incidents; incidents that held the claims of this report's earlier extraction or earlier
 * versions are rebuilt first.
 */
export function buildingIncidents(process: ReportProcessor, options: IncidentOptions): ReportProcessor {
  return async (report, stores) => {
    const touched = new Set<number>();
    for (const claim of await stores.claims.forReport(report.id)) {
      const id = await stores.incidents.incidentOf(claim.id);
      if (id !== null) touched.add(id);
    }
    // A new version of a report speaks for it: the claims of earlier versions leave their incidents.
    const superseded: ChangeBy = {
      actor: 'cluster:new-version',
      reason: `report ${report.key} has a newer version (${report.id})`,
    };
    for (const earlier of await stores.reports.versions(report.key)) {
      if (earlier.version >= report.version) continue;
      for (const claim of await stores.claims.forReport(earlier.id)) {
        const id = await stores.incidents.incidentOf(claim.id);
        if (id === null) continue;
        await stores.incidents.unlink(claim.id, superseded);
        touched.add(id);
      }
    }
    const done = await process(report, stores);
    if (touched.size > 0)
      await refreshIncidents(touched, stores, options, {
        actor: 'cluster:rebuild',
        reason: `report ${report.id} changed the claims of this incident`,
      });
    await clusterReportClaims(report, await stores.claims.forReport(report.id), stores, options);
    return done;
  };
}

export interface BackfillCounts extends ClusterCounts {
  reports: number;
}

/** Claims per transaction when placing claims that are in no incident. */
const BACKFILL_BATCH = 500;

/**
 * Places every claim that is in no incident (claims stored before clustering existed, or by a run
 * that stopped between extraction and clustering): report by report, oldest claims first, each
 * batch in its own transaction. Claims the cluster stage skips (background mentions too vague to
 * stand alone) stay out. Running it again changes nothing.
 */
export async function clusterUnlinked(
  store: { transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>; claims: Stores['claims'] },
  options: IncidentOptions,
  onBatch?: (counts: BackfillCounts) => void,
): Promise<BackfillCounts> {
  const counts: BackfillCounts = { joined: 0, created: 0, skipped: 0, reports: 0 };
  let after = 0;
  for (;;) {
    const claims = await store.claims.unlinked(BACKFILL_BATCH, after);
    if (claims.length === 0) return counts;
    after = claims.at(-1)!.id;
    const byReport = new Map<number, Claim[]>();
    for (const c of claims) byReport.set(c.reportId, [...(byReport.get(c.reportId) ?? []), c]);
    await store.transaction(async (stores) => {
      for (const [reportId, own] of byReport) {
        const report = await stores.reports.get(reportId);
        if (!report) continue;
        const done = await clusterReportClaims(report, own, stores, options);
        counts.joined += done.joined;
        counts.created += done.created;
        counts.skipped += done.skipped;
        counts.reports++;
      }
    });
    onBatch?.(counts);
  }
}
