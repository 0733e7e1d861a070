/** Incidents and reports as the API and the pages show them, read from the store. */
import type { BelligerentRole } from '../../domain/grading.ts';
import type { Range } from '../../domain/range.ts';
import type { AuditEntry, Claim, StoredIncident, Stores } from '../../domain/store.ts';
import type { Report } from '../../domain/report.ts';
import { assessmentOf } from '../../stages/publish/index.ts';
import type { IncidentDetail, IncidentSummary, ReportDetail } from './api-schemas.ts';
import type { TileSettings } from './tile-settings.ts';

/** What the views need besides the store. */
export interface ViewContext {
  stores: Stores;
  /** The kind of an outlet by its name, null when not listed. */
  outletKind: (outlet: string | null) => string | null;
  /** Display names of belligerents by code. */
  labels: Record<string, string>;
  /** Map tiles, when configured; the maps draw outlines only without. */
  tiles?: TileSettings | null;
}

function range(min: number | null, max: number | null): Range | null {
  return min === null && max === null ? null : { min, max };
}

export function incidentCode(id: number): string {
  return `SW${id}`;
}

export function summaryOf(i: StoredIncident): IncidentSummary {
  const a = assessmentOf(i);
  return {
    id: i.id,
    code: incidentCode(i.id),
    url: `/incidents/${i.id}`,
    date: i.date,
    datePrecision: i.datePrecision,
    place: i.place,
    governorate: i.admin1,
    country: i.country,
    lat: i.lat,
    lon: i.lon,
    locationPrecision: i.locationPrecision,
    killed: range(i.killedMin, i.killedMax),
    civiliansKilled: a ? a.civilians.value : range(i.civiliansKilledMin, i.civiliansKilledMax),
    childrenKilled: a?.ranges.children_killed.value ?? null,
    womenKilled: a?.ranges.women_killed.value ?? null,
    injured: range(i.injuredMin, i.injuredMax),
    grading: i.grading,
    strikeStatus: i.strikeStatus,
    belligerents: (a?.belligerents ?? []).map((b) => ({
      code: b.code,
      label: b.label,
      role: b.role.value satisfies BelligerentRole,
    })),
    sources: a?.outlets ?? [],
    summary: a?.summary ?? null,
    updatedAt: i.updatedAt,
  };
}

export interface SourceClaimView {
  claim: Claim;
  report: Report | null;
  outletKind: string | null;
  linkedBy: string;
  reason: string | null;
  pinnedBy: string | null;
}

export interface IncidentView {
  incident: StoredIncident;
  claims: SourceClaimView[];
  history: AuditEntry[];
}

/** An incident with its claims, their reports and every change to them; null for an unknown id. */
export async function incidentView(ctx: ViewContext, id: number): Promise<IncidentView | null> {
  const { stores } = ctx;
  const incident = await stores.incidents.get(id);
  if (!incident) return null;
  const claims: SourceClaimView[] = [];
  for (const link of await stores.incidents.links(id)) {
    const claim = await stores.claims.get(link.claimId);
    if (!claim) continue;
    const report = await stores.reports.get(claim.reportId);
    claims.push({
      claim,
      report,
      outletKind: ctx.outletKind(report?.outlet ?? null),
      linkedBy: link.linkedBy,
      reason: link.reason,
      pinnedBy: link.pinnedBy,
    });
  }
  const history = [
    ...(await stores.audit.list({ entity: 'incident', entityId: String(id) })),
    ...(
      await Promise.all(
        claims.map(({ claim }) => stores.audit.list({ entity: 'claim', entityId: String(claim.id) })),
      )
    ).flat(),
  ].sort((x, y) => x.id - y.id);
  return { incident, claims, history };
}

export function incidentDetailOf(view: IncidentView): IncidentDetail {
  return {
    ...summaryOf(view.incident),
    assessment: view.incident.assessment,
    claims: view.claims.map(({ claim, report, outletKind, linkedBy, reason, pinnedBy }) => ({
      id: claim.id,
      reportId: claim.reportId,
      reportUrl: `/reports/${claim.reportId}`,
      outlet: report?.outlet ?? null,
      outletKind,
      published: report?.published ?? null,
      language: report?.language ?? null,
      title: report?.title ?? null,
      sourceUrl: report?.url ?? null,
      linkedBy,
      reason,
      pinnedBy,
      event: claim.event,
    })),
    history: view.history.map((e) => ({
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      reason: e.reason,
    })),
  };
}

export interface ReportClaimView {
  claim: Claim;
  incidentId: number | null;
}

export interface ReportView {
  report: Report;
  claims: ReportClaimView[];
  /** Every version of the report at its key, oldest first (this one among them). */
  versions: Report[];
}

/** A report with its claims and the incident each is in; null for an unknown id. */
export async function reportView(stores: Stores, id: number): Promise<ReportView | null> {
  const report = await stores.reports.get(id);
  if (!report) return null;
  const claims = await Promise.all(
    (await stores.claims.forReport(id)).map(async (claim) => ({
      claim,
      incidentId: await stores.incidents.incidentOf(claim.id),
    })),
  );
  return { report, claims, versions: await stores.reports.versions(report.key) };
}

export function reportDetailOf(view: ReportView): ReportDetail {
  const { report } = view;
  return {
    id: report.id,
    key: report.key,
    version: report.version,
    sha256: report.sha256,
    mediaType: report.mediaType,
    url: report.url,
    outlet: report.outlet,
    language: report.language,
    published: report.published,
    retrieved: report.retrieved,
    title: report.title,
    status: report.status,
    text: report.text,
    originalUrl: `/reports/${report.id}/original`,
    claims: view.claims.map(({ claim, incidentId }) => ({
      id: claim.id,
      index: claim.index,
      incidentId,
      evidence: claim.event.evidence,
    })),
  };
}
