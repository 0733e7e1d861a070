/**
 * How well clustering joins what several FA-KES articles report about one strike. Gold incidents
 * of different development articles form one event when their dates are at most a day apart and
 * their place keys agree (equal, or sharing a word within one governorate). Every article is run
 * through the extractor, its events clustered in publication order, and the script prints the
 * share of multi-article events whose matched claims end up in one incident, plus the incidents
 * that join claims of different gold events.
 * Aggregate gold incidents (one figure pooling several places) are left out, and an event only
 * takes an incident that agrees with every incident already in it.
 * Usage: node --import tsx scripts/cluster-fakes.ts [fakes-dir] [-v]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExtractor } from '../src/compose.ts';
import type { StoredClaim } from '../src/domain/incident.ts';
import { assessIncident } from '../src/stages/assess/index.ts';
import { clusterAll, MemoryIncidentIndex } from '../src/stages/cluster/index.ts';
import {
  goldSourceDocument,
  matchIncidents,
  parseGoldDocument,
  placeMatch,
  type GoldDocument,
  type GoldIncident,
} from '../src/stages/evaluate/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const fakesDir = resolve(args[0] ?? join(root, '..', 'shared', 'data', 'fakes'));
const verbose = process.argv.includes('-v');

interface GoldRef {
  doc: GoldDocument;
  index: number;
  incident: GoldIncident;
}

function day(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
}

function sameEvent(a: GoldRef, b: GoldRef): boolean {
  const x = a.incident;
  const y = b.incident;
  if (a.doc.id === b.doc.id || x.date === null || y.date === null || x.place === null || y.place === null)
    return false;
  if (Math.abs(day(x.date) - day(y.date)) > 1) return false;
  const m = placeMatch(x.place, y.place);
  return m === 2 || (m === 1 && x.admin1 !== null && x.admin1 === y.admin1);
}

/** Gold incidents of different articles grouped into events; a member agrees with every other. */
function goldEvents(refs: GoldRef[]): GoldRef[][] {
  const groups: GoldRef[][] = [];
  for (const r of refs) {
    const group = groups.find((g) => g.every((o) => sameEvent(o, r)));
    if (group) group.push(r);
    else groups.push([r]);
  }
  return groups.filter((g) => g.length > 1);
}

function main(): number {
  const goldPath = join(fakesDir, 'dev-gold.jsonl');
  if (!existsSync(goldPath)) {
    console.log(
      `cluster-fakes: ${goldPath} is absent (the shared reference data is not here); nothing measured.`,
    );
    return 0;
  }
  const docs: GoldDocument[] = [];
  const aggregate = new Set<string>();
  for (const line of readFileSync(goldPath, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const raw = JSON.parse(line) as { id: string; incidents?: { aggregate?: boolean }[] };
    raw.incidents?.forEach((inc, i) => {
      if (inc.aggregate) aggregate.add(`${raw.id}#${i}`);
    });
    const parsed = parseGoldDocument(raw);
    if (parsed.ok) docs.push(parsed.value);
  }
  const extract = loadExtractor();
  const claims: StoredClaim[] = [];
  /** Gold incident key (doc id + index) -> the claim id it matched. */
  const matched = new Map<string, string>();
  const goldOfClaim = new Map<string, string>();
  for (const doc of docs) {
    const textPath = join(fakesDir, 'texts', `${doc.id}.txt`);
    if (!existsSync(textPath)) continue;
    const out = extract(goldSourceDocument(doc, readFileSync(textPath, 'utf8')));
    out.events.forEach((event, i) =>
      claims.push({
        id: `${doc.id}#${i}`,
        reportId: doc.id,
        outlet: doc.outlet,
        outletKind: null,
        published: doc.published,
        event,
      }),
    );
    for (const pair of matchIncidents(doc.incidents, out.events)) {
      matched.set(`${doc.id}#${pair.gold}`, `${doc.id}#${pair.predicted}`);
      goldOfClaim.set(`${doc.id}#${pair.predicted}`, `${doc.id}#${pair.gold}`);
    }
  }
  // Reports arrive roughly in publication order.
  claims.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const index = new MemoryIncidentIndex();
  let n = 0;
  const added = clusterAll(claims, index, () => `I${++n}`);
  const incidentOf = (claimId: string): string | null => added.get(claimId)?.footprint?.id ?? null;

  const refsAll: GoldRef[] = docs.flatMap((doc) =>
    doc.incidents.map((incident, index) => ({ doc, index, incident })),
  );
  const refs = refsAll.filter((r) => !aggregate.has(`${r.doc.id}#${r.index}`));
  const events = goldEvents(refs);
  let joined = 0;
  let fullyExtracted = 0;
  let joinedOfExtracted = 0;
  for (const event of events) {
    const claimIds = event.map((r) => matched.get(`${r.doc.id}#${r.index}`) ?? null);
    const incidents = new Set(claimIds.map((c) => (c === null ? null : incidentOf(c))));
    const extracted = claimIds.every((c) => c !== null);
    const together = extracted && incidents.size === 1 && !incidents.has(null);
    if (extracted) fullyExtracted++;
    if (together) {
      joined++;
      joinedOfExtracted++;
    }
    const label = event.map((r) => `${r.doc.id} ${r.incident.date} ${r.incident.place}`).join(' | ');
    console.log(`${together ? 'JOINED ' : extracted ? 'APART  ' : 'MISSED '} ${label}`);
    if (verbose && !together)
      for (const c of claimIds) {
        if (c === null) continue;
        const decision = added.get(c)?.decision;
        const ev = claims.find((x) => x.id === c)!.event;
        console.log(
          `          ${c} -> ${incidentOf(c)} [${ev.date} ${ev.date_precision} ${ev.place} ${ev.location_precision} ${ev.admin1}] ${decision?.reason}`,
        );
      }
  }
  // Incidents that join claims matched to gold incidents of different events.
  let overMerged = 0;
  const byIncident = new Map<string, string[]>();
  for (const [claimId, goldKey] of goldOfClaim) {
    const inc = incidentOf(claimId);
    if (inc !== null) byIncident.set(inc, [...(byIncident.get(inc) ?? []), goldKey]);
  }
  const refOf = new Map(refsAll.map((r) => [`${r.doc.id}#${r.index}`, r]));
  for (const [inc, goldKeys] of byIncident) {
    const members = goldKeys.map((k) => refOf.get(k)!);
    // Aggregates count here: joining a pooled figure with one of its places is no error.
    if (members.every((a) => members.every((b) => a === b || sameEvent(a, b)))) continue;
    overMerged++;
    if (verbose) console.log(`OVER-MERGED ${inc}: ${goldKeys.join(', ')}`);
  }
  // Grades of every incident, and with -v the assessment of each incident several articles report.
  const labels = Object.fromEntries(
    (
      JSON.parse(readFileSync(join(root, 'data', 'lexicon', 'belligerents.json'), 'utf8')) as {
        code: string;
        label: string;
      }[]
    ).map((b) => [b.code, b.label]),
  );
  const byId = new Map(claims.map((c) => [c.id, c]));
  const grades = new Map<string, number>();
  for (const fp of index.all()) {
    const a = assessIncident(
      fp.claimIds.map((id) => byId.get(id)!),
      { labels },
    );
    grades.set(a.grading.value, (grades.get(a.grading.value) ?? 0) + 1);
    if (verbose && a.outlets.length > 1) console.log(`\n${fp.id} ${a.grading.reason}\n  ${a.summary}`);
  }
  const share = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(0)}%`);
  console.log(
    `\n${claims.length} claims from ${docs.length} articles -> ${index.size} incidents` +
      `\nmulti-article events in the gold: ${events.length}` +
      `\njoined into one incident: ${joined} of ${events.length} (${share(joined, events.length)})` +
      `\n  of the ${fullyExtracted} whose every report the extractor found: ${joinedOfExtracted} (${share(joinedOfExtracted, fullyExtracted)})` +
      `\nincidents joining claims of different gold events: ${overMerged}` +
      `\ngrades: ${[...grades].map(([g, k]) => `${g} ${k}`).join(', ')}`,
  );
  return 0;
}

process.exitCode = main();
