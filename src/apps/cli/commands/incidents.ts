import type { Command } from 'commander';
import { databasePath, openExistingStore, outletKindOf, type OpenedStore } from '../../../compose.ts';
import type { IncidentFilter, StoredIncident, Stores } from '../../../domain/store.ts';
import { isIsoDay } from '../../../domain/validate-extraction.ts';
import { assessmentOf, belligerentsOf } from '../../../stages/publish/index.ts';
import { formatRange } from '../format-table.ts';
import { usageErrorsExitTwo } from './extract.ts';
import { MAX_NEAREST_KM } from '../../../stages/reconcile/index.ts';

/** A usage problem found after parsing: one line, exit 2. */
export class UsageError extends Error {}

export function checkDay(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!isIsoDay(value)) throw new UsageError(`${name} expects a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

export function incidentId(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`not an incident id: "${value}" (ids are numbers)`);
  return Number(value);
}

/** Opens an existing store, runs `work`, closes; problems become one line on stderr. */
export async function withStore(
  db: string | undefined,
  setCode: (code: number) => void,
  work: (opened: OpenedStore) => Promise<void>,
): Promise<void> {
  // A closed pipe (`| head`) ends the output quietly instead of crashing on EPIPE.
  process.stdout.on('error', () => {});
  const result = await openExistingStore(databasePath(db));
  if (!result.ok) {
    console.error(`strikewatch: ${result.error}`);
    setCode(1);
    return;
  }
  try {
    await work(result.opened);
  } catch (err) {
    console.error(`strikewatch: ${err instanceof Error ? err.message : String(err)}`);
    setCode(err instanceof UsageError ? 2 : 1);
  } finally {
    await result.opened.store.close();
  }
}

function range(min: number | null, max: number | null): string {
  return formatRange(min === null && max === null ? null : { min, max });
}

const HEADERS = [
  'ID',
  'DATE',
  'PLACE',
  'ADMIN1',
  'KILLED',
  'CIVILIANS',
  'INJURED',
  'GRADING',
  'BELLIGERENTS',
];

export function incidentRow(i: StoredIncident): string[] {
  return [
    String(i.id),
    i.date ?? '-',
    i.place ?? '-',
    i.admin1 ?? '-',
    range(i.killedMin, i.killedMax),
    range(i.civiliansKilledMin, i.civiliansKilledMax),
    range(i.injuredMin, i.injuredMax),
    i.grading ?? '-',
    belligerentsOf(i) || '-',
  ];
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, c) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[c]!.length))));
  const fit = (cell: string, w: number): string => (cell.length > w ? cell.slice(0, w - 1) + '…' : cell);
  return [headers, ...rows]
    .map((r) =>
      r
        .map((cell, c) => fit(cell, widths[c]!).padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The filter options `incidents` and `export` share (addFilterOptions), as commander gives them. */
export interface FilterOpts {
  from?: string;
  to?: string;
  belligerent?: string;
  grading?: string;
  admin1?: string;
  minKilled?: string;
  q?: string;
}

interface ListOpts extends FilterOpts {
  db?: string;
  format: string;
}

export function filterOf(opts: FilterOpts): IncidentFilter {
  let minKilled: number | null = null;
  if (opts.minKilled !== undefined) {
    if (!/^\d+$/.test(opts.minKilled))
      throw new UsageError(`--min-killed expects a whole number, got "${opts.minKilled}"`);
    minKilled = Number(opts.minKilled);
  }
  return {
    from: checkDay('--from', opts.from),
    to: checkDay('--to', opts.to),
    belligerent: opts.belligerent ?? null,
    grading: opts.grading ?? null,
    admin1: opts.admin1 ?? null,
    minKilled,
    text: opts.q ?? null,
  };
}

function addFilterOptions(command: Command): Command {
  return command
    .option('--db <path>', 'database file (default $STRIKEWATCH_DB or ./strikewatch.db)')
    .option('--from <YYYY-MM-DD>', 'dated on or after this day')
    .option('--to <YYYY-MM-DD>', 'dated on or before this day')
    .option('--belligerent <name>', 'a belligerent named in the assessment (code or label)')
    .option('--grading <grade>', 'Confirmed, Fair, Weak, Contested or Discounted')
    .option('--admin1 <name>', 'governorate')
    .option('--min-killed <n>', 'lowest reported toll at least n')
    .option('--q <text>', 'words in the place, the summary or the reports');
}

/** Claims of an incident with their reports, for show and export. */
export async function claimsOf(stores: Stores, incident: number) {
  const out = [];
  for (const link of await stores.incidents.links(incident)) {
    const claim = await stores.claims.get(link.claimId);
    if (!claim) continue;
    const report = await stores.reports.get(claim.reportId);
    out.push({ link, claim, report });
  }
  return out;
}

const days = (w: { from: string; to: string } | null): string =>
  w === null ? 'undated' : w.from === w.to ? w.from : `${w.from} to ${w.to}`;

/** The belligerent assessment block: each belligerent's matched statement and strike log, linked to their reports. */
async function officialBlock(
  stores: Stores,
  id: number,
  belligerents: Array<{ code: string; label: string }>,
): Promise<string[]> {
  const reconciled = await stores.official.reconciliations(id);
  if (reconciled.length === 0) return [];
  const lines = ['', 'belligerent assessment (their own reports):'];
  for (const r of reconciled) {
    const label = belligerents.find((b) => b.code === r.belligerent)?.label ?? r.belligerent;
    lines.push(`  ${label}:`);
    const statement = r.statementId === null ? null : await stores.official.statement(r.statementId);
    if (statement === null) lines.push('    casualty statement: none matches this incident');
    else {
      const harm = [
        statement.killedConceded ? `${formatRange(statement.killedConceded)} killed` : null,
        statement.injuredConceded ? `${formatRange(statement.injuredConceded)} injured` : null,
      ].filter((x) => x !== null);
      const others = (await stores.official.incidentsOfStatement(statement.id)).filter((x) => x !== id);
      lines.push(
        `    casualty statement ${statement.id} (report ${statement.reportId}, ${statement.source}): ${statement.verdict}${statement.reason ? `, ${statement.reason.code}: ${statement.reason.words}` : ''}${harm.length ? `; conceded ${harm.join(', ')}` : ''}`,
        `      "${statement.evidence.text.trim()}"`,
      );
      if (others.length > 0) lines.push(`      also matched to incidents ${others.join(', ')}`);
    }
    lines.push(
      `    strike log: ${r.strikesInWindow} declared strike entr${r.strikesInWindow === 1 ? 'y' : 'ies'} in the incident's days (± 1 day)${r.declaredAbsence ? '; declared no strikes in this area' : ''}`,
    );
    if (r.nearest !== null) {
      const strike = await stores.official.strike(r.nearest.strikeId);
      lines.push(
        `    nearest declared strike: ${r.nearest.km} km away, ${r.nearest.place ?? 'unplaced'}, ${days(r.nearest.date)} (strike ${r.nearest.strikeId}, report ${strike?.reportId ?? '-'})`,
      );
      if (strike) lines.push(`      "${strike.evidence.text}"`);
    } else lines.push(`    nearest declared strike: none within ${MAX_NEAREST_KM} km in those days`);
  }
  return lines;
}

async function show(stores: Stores, id: number): Promise<string[]> {
  const i = await stores.incidents.get(id);
  if (!i) throw new UsageError(`no incident ${id}`);
  const a = assessmentOf(i);
  const lines = [
    `incident ${i.id}: ${i.date ?? 'undated'} (${i.datePrecision ?? '-'}), ${i.place ?? 'unplaced'}${i.admin1 ? `, ${i.admin1}` : ''}${i.country ? `, ${i.country}` : ''}`,
    `  location: ${i.lat ?? '-'}, ${i.lon ?? '-'} (${i.locationPrecision ?? '-'})`,
    `  killed ${range(i.killedMin, i.killedMax)}, civilians ${range(i.civiliansKilledMin, i.civiliansKilledMax)}, injured ${range(i.injuredMin, i.injuredMax)}`,
  ];
  if (a) {
    lines.push(`  grading: ${a.grading.value} (${a.grading.reason})`);
    lines.push(`  strike status: ${a.strikeStatus.value} (${a.strikeStatus.reason})`);
    for (const b of a.belligerents)
      lines.push(`  belligerent: ${b.label}: ${b.role.value} (${b.role.reason})`);
    lines.push(`  summary: ${a.summary}`);
  }
  lines.push(...(await officialBlock(stores, id, a?.belligerents ?? [])));
  const claims = await claimsOf(stores, id);
  lines.push('', `claims (${claims.length}):`);
  const kindOf = outletKindOf();
  for (const { link, claim, report } of claims) {
    const e = claim.event;
    const kind = kindOf(report?.outlet ?? null);
    const outlet = report?.outlet ? ` (${report.outlet}${kind ? `, ${kind}` : ''})` : '';
    lines.push(
      `  claim ${claim.id} from report ${claim.reportId}${outlet}: ${report?.url ?? report?.key ?? '-'}`,
      `    ${e.date ?? 'undated'} ${e.place ?? 'unplaced'}; killed ${formatRange(e.killed)}, civilians ${formatRange(e.civilians_killed)}, injured ${formatRange(e.injured)}`,
      `    linked by ${link.linkedBy}${link.pinnedBy ? ` (pinned by ${link.pinnedBy})` : ''}: ${link.reason ?? '-'}`,
    );
    for (const ev of e.evidence) lines.push(`    ${ev.field}: "${ev.text}"`);
  }
  const audit = [
    ...(await stores.audit.list({ entity: 'incident', entityId: String(id) })),
    ...(
      await Promise.all(
        claims.map(({ claim }) => stores.audit.list({ entity: 'claim', entityId: String(claim.id) })),
      )
    ).flat(),
  ].sort((x, y) => x.id - y.id);
  // An incident a merge or a new report version emptied says why, first.
  const last = audit.filter((e) => e.entity === 'incident').at(-1);
  if (claims.length === 0 && last?.reason) lines.splice(1, 0, `  no claims now: ${last.reason}`);
  lines.push('', `audit trail (${audit.length}):`);
  for (const entry of audit)
    lines.push(
      `  ${entry.at} ${entry.actor} ${entry.action} ${entry.entity} ${entry.entityId}${entry.reason ? `: ${entry.reason}` : ''}`,
    );
  return lines;
}

export function registerIncidents(program: Command, setCode: (code: number) => void): void {
  const list = addFilterOptions(
    program.command('incidents').description('List incidents in the database, filtered'),
  )
    .option('--format <format>', 'table or jsonl', 'table')
    .action(async (opts: ListOpts) => {
      await withStore(opts.db, setCode, async ({ store }) => {
        if (opts.format !== 'table' && opts.format !== 'jsonl')
          throw new UsageError(`--format expects table or jsonl, got "${opts.format}"`);
        const incidents = await store.incidents.list(filterOf(opts));
        if (opts.format === 'jsonl') {
          for (const i of incidents) console.log(JSON.stringify(i));
          return;
        }
        if (incidents.length === 0) console.log('no incidents match');
        else console.log(table(HEADERS, incidents.map(incidentRow)));
      });
    });
  usageErrorsExitTwo(list);
  const showCommand = program
    .command('show')
    .description('Show an incident: its assessment, its claims with their evidence, and its audit trail')
    .argument('<incident>', 'incident id')
    .option('--db <path>', 'database file (default $STRIKEWATCH_DB or ./strikewatch.db)')
    .action(async (id: string, opts: { db?: string }) => {
      await withStore(opts.db, setCode, async ({ store }) => {
        for (const line of await show(store, incidentId(id))) console.log(line);
      });
    });
  usageErrorsExitTwo(showCommand);
}

export { addFilterOptions };
