/** `strikewatch eval --official`: verdicts and reasons read from casualty statements, scored against Airwars records. */
import { evalFiles, loadOfficialReader, officialReasonsAsAirwars } from '../../../compose.ts';
import type { Metric } from '../../../stages/evaluate/index.ts';
import { parseOfficialRecord, scoreOfficial, type OfficialRecord } from '../../../stages/evaluate/index.ts';

export interface OfficialEvalReport {
  file: string;
  verdict_accuracy: number | null;
  reason_accuracy: number | null;
  reason_exact: number | null;
  conceded_accuracy: number | null;
  strike_log_in_days: number | null;
  strike_log_near: number | null;
  counts: Record<string, number>;
  confusion: Record<string, Record<string, number>>;
  reason_misses: Record<string, Record<string, number>>;
  problems: string[];
  seconds: number;
}

const round = (m: Metric | undefined): number | null =>
  m?.value === null || m?.value === undefined ? null : Math.round(m.value * 10000) / 10000;

/** Reads the records file and scores it; null with a message when the file cannot be read at all. */
export function evaluateOfficial(
  file: string,
): { ok: true; report: OfficialEvalReport } | { ok: false; error: string } {
  const started = performance.now();
  const read = evalFiles.readJsonLines(file);
  if (!read.ok) return { ok: false, error: read.message };
  const problems = read.problems.map((p) => `${file}:${p.line}: ${p.message}; line skipped`);
  const records: OfficialRecord[] = [];
  for (const { line, value } of read.lines) {
    const parsed = parseOfficialRecord(value);
    if (!parsed.ok) problems.push(`${file}:${line}: ${parsed.problems.join('; ')}; line skipped`);
    else if (parsed.value !== null) records.push(parsed.value);
  }
  const reader = loadOfficialReader();
  const score = scoreOfficial({
    records,
    read: (text, belligerent, date) =>
      reader({ text, belligerent, date, kind: 'civcas_statement' }).statements,
    readStrikes: (text, belligerent, date) =>
      reader({ text, belligerent, date, kind: 'strike_report' }).strikes,
    belligerents: evalFiles.loadAirwarsBelligerents(),
    airwarsReason: officialReasonsAsAirwars(),
  });
  return {
    ok: true,
    report: {
      file,
      verdict_accuracy: round(score.metrics.verdict_accuracy),
      reason_accuracy: round(score.metrics.reason_accuracy),
      reason_exact: round(score.metrics.reason_exact),
      conceded_accuracy: round(score.metrics.conceded_accuracy),
      strike_log_in_days: round(score.metrics.strike_log_in_days),
      strike_log_near: round(score.metrics.strike_log_near),
      counts: score.counts,
      confusion: score.confusion,
      reason_misses: score.reasonMisses,
      problems,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    },
  };
}

/** The report as a few readable lines. */
export function officialText(r: OfficialEvalReport): string {
  const c = r.counts;
  const show = (v: number | null): string => (v === null ? '-' : v.toFixed(3));
  const lines = [
    `== official statements (${r.file})`,
    `${c.records} records with casualty statements, ${c.assessments} belligerent assessments scored (${c.statements} statements); skipped: ${c.skipped_open_incident} reopened (open_incident), ${c.skipped_no_statement} without a statement of that belligerent`,
    `verdict_accuracy  ${show(r.verdict_accuracy)}  (${c.verdict_correct} of ${c.assessments})`,
    `reason_accuracy   ${show(r.reason_accuracy)}  (${c.reason_correct} of ${c.reason_n}: the first reason read is one Airwars gives)`,
    `reason_exact      ${show(r.reason_exact)}  (${c.reason_exact} of ${c.reason_n}: the same set of reasons)`,
    `strike_log_in_days ${show(r.strike_log_in_days)}  (${c.strike_log_in_days} of ${c.strike_log_records} dated, geolocated records with strike reports: an entry read in the incident's days, ± 1 day)`,
    `strike_log_near   ${show(r.strike_log_near)}  (${c.strike_log_near} of ${c.strike_log_records}: one of them within 25 km of Airwars' geolocation)`,
    `conceded_accuracy ${show(r.conceded_accuracy)}  (${c.conceded_correct} of ${c.conceded_n} credible assessments: deaths and injuries conceded as Airwars records them)`,
    '',
    'verdicts (Airwars -> read):',
  ];
  for (const [gold, row] of Object.entries(r.confusion))
    lines.push(
      `  ${gold.padEnd(17)} ${Object.entries(row)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  lines.push('reasons missed (Airwars -> first read):');
  const misses = Object.entries(r.reason_misses).flatMap(([gold, row]) =>
    Object.entries(row).map(([got, n]) => ({ gold, got, n })),
  );
  for (const m of misses.sort((a, b) => b.n - a.n).slice(0, 15))
    lines.push(`  ${m.gold} -> ${m.got}: ${m.n}`);
  lines.push(`total ${r.seconds.toFixed(2)} s`);
  return lines.join('\n');
}
