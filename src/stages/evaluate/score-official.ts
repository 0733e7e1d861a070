/**
 * Scores the reading of civilian-casualty statements against Airwars' records: for each
 * belligerent assessment Airwars coded on a record that carries that belligerent's statements,
 * the verdict read from the statements against Airwars' assessment, and the reason against
 * Airwars' reason codes.
 */
import type { BelligerentVerdict } from '../../domain/grading.ts';
import { distanceKm } from '../../domain/geo.ts';
import type { CasualtyStatement, DeclaredStrike } from '../../domain/official.ts';
import type { Parsed } from './gold.ts';
import type { Metric } from './metrics.ts';

/** One statement as incidents.jsonl carries it. */
export interface OfficialRecordStatement {
  kind: string;
  belligerent: string;
  date: string | null;
  text: string;
}

/** Airwars' record of a belligerent's own verdict. */
export interface GoldBelligerentAssessment {
  belligerent: string;
  assessment: string;
  reasons: string[];
  /** Deaths and injuries conceded, as Airwars records them (the max of each; null when not given). */
  concededKilled: number | null;
  concededInjured: number | null;
}

export interface OfficialRecord {
  id: string;
  statements: OfficialRecordStatement[];
  assessments: GoldBelligerentAssessment[];
  /** Airwars' date and geolocation of the incident, when coded. */
  date: string | null;
  lat: number | null;
  lon: number | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates one line of incidents.jsonl for this scoring; records without `fields` give null. */
export function parseOfficialRecord(value: unknown): Parsed<OfficialRecord | null> {
  if (!isObj(value)) return { ok: false, problems: ['expected a JSON object'] };
  const { id, fields, official_statements: raw } = value;
  if (!isObj(fields)) return { ok: true, value: null };
  const problems: string[] = [];
  if (typeof id !== 'string' || id === '') problems.push('id: expected a non-empty string');
  const statements: OfficialRecordStatement[] = [];
  if (raw !== undefined && raw !== null && !Array.isArray(raw))
    problems.push('official_statements: expected an array');
  for (const [i, s] of (Array.isArray(raw) ? raw : []).entries()) {
    if (!isObj(s) || typeof s.text !== 'string' || typeof s.kind !== 'string') {
      problems.push(`official_statements[${i}]: expected {kind, belligerent, date, text}`);
      continue;
    }
    statements.push({
      kind: s.kind,
      belligerent: typeof s.belligerent === 'string' ? s.belligerent : '',
      date: typeof s.date === 'string' ? s.date.slice(0, 10) : null,
      text: s.text,
    });
  }
  const assessments: GoldBelligerentAssessment[] = [];
  const rawAssessments = fields.belligerent_assessments ?? [];
  if (!Array.isArray(rawAssessments)) problems.push('fields.belligerent_assessments: expected an array');
  for (const [i, a] of (Array.isArray(rawAssessments) ? rawAssessments : []).entries()) {
    // Airwars leaves some assessments without a belligerent: nothing to compare them with.
    if (isObj(a) && (a.belligerent === null || a.belligerent === undefined)) continue;
    if (!isObj(a) || typeof a.belligerent !== 'string' || typeof a.assessment !== 'string') {
      problems.push(`fields.belligerent_assessments[${i}]: expected {belligerent, assessment}`);
      continue;
    }
    const reasons = Array.isArray(a.reasons)
      ? a.reasons.filter((r): r is string => typeof r === 'string')
      : [];
    const count = (k: string): number | null => (typeof a[k] === 'number' ? a[k] : null);
    assessments.push({
      belligerent: a.belligerent,
      assessment: a.assessment,
      reasons,
      concededKilled: count('conceded_killed_max'),
      concededInjured: count('conceded_injured_max'),
    });
  }
  if (problems.length > 0 || typeof id !== 'string') return { ok: false, problems };
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const date =
    typeof fields.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(fields.date)
      ? fields.date.slice(0, 10)
      : null;
  return {
    ok: true,
    value: { id, statements, assessments, date, lat: num(fields.lat), lon: num(fields.lon) },
  };
}

/** Airwars assessment words as verdicts; `open_incident` (reopened) has no verdict to compare. */
const GOLD_VERDICTS: Record<string, BelligerentVerdict> = {
  credible: 'credible',
  non_credible: 'non-credible',
  duplicate: 'duplicate',
  not_yet_assessed: 'not yet assessed',
};

/** Which verdict stands when a record holds several statements: a concession outweighs a dismissal. */
const VERDICT_WEIGHT: Record<BelligerentVerdict, number> = {
  credible: 3,
  'non-credible': 2,
  duplicate: 1,
  'not yet assessed': 0,
};

/** The verdict and reasons of several statements on one allegation: the weightiest verdict, its reasons first. */
export function combineStatements(statements: CasualtyStatement[]): {
  verdict: BelligerentVerdict;
  reasons: string[];
  /** The most deaths and injuries any credible statement concedes (0 when none says). */
  killed: number;
  injured: number;
} {
  if (statements.length === 0) return { verdict: 'not yet assessed', reasons: [], killed: 0, injured: 0 };
  const ordered = [...statements].sort((a, b) => VERDICT_WEIGHT[b.verdict] - VERDICT_WEIGHT[a.verdict]);
  const reasons = [...new Set(ordered.flatMap((s) => (s.reason ? [s.reason.code] : [])))];
  const most = (pick: (s: CasualtyStatement) => number | null | undefined): number =>
    Math.max(0, ...statements.map((s) => pick(s) ?? 0));
  return {
    verdict: ordered[0]!.verdict,
    reasons,
    killed: most((s) => s.killedConceded?.max),
    injured: most((s) => s.injuredConceded?.max),
  };
}

export interface OfficialScoreInput {
  records: OfficialRecord[];
  /** Reads one statement's text (with its belligerent code and date) into casualty statements. */
  read: (text: string, belligerent: string, date: string | null) => CasualtyStatement[];
  /** Airwars display names to belligerent codes. */
  belligerents: Readonly<Record<string, string>>;
  /** Reason codes to the Airwars reason code each stands for. */
  airwarsReason: Readonly<Record<string, string>>;
  /** Reads one strike report into declared strikes; without it strike logs are not scored. */
  readStrikes?: (text: string, belligerent: string, date: string | null) => DeclaredStrike[];
}

/** A declared entry this close to Airwars' geolocation, in the incident's days, is at the incident. */
export const STRIKE_LOG_KM = 25;

const shift = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface OfficialScore {
  metrics: Record<string, Metric>;
  counts: Record<string, number>;
  /** Gold verdict -> read verdict -> count. */
  confusion: Record<string, Record<string, number>>;
  /** Gold reason -> first read reason -> count, for assessments whose reason was missed. */
  reasonMisses: Record<string, Record<string, number>>;
}

const CIVCAS = new Set(['civcas_statement', 'partner_civcas_statement']);

/** Verdict and reason accuracy over every comparable belligerent assessment. */
export function scoreOfficial(input: OfficialScoreInput): OfficialScore {
  const counts = {
    records: 0,
    statements: 0,
    assessments: 0,
    verdict_correct: 0,
    reason_n: 0,
    reason_correct: 0,
    reason_exact: 0,
    skipped_open_incident: 0,
    skipped_no_statement: 0,
    conceded_n: 0,
    conceded_correct: 0,
    strike_log_records: 0,
    strike_log_in_days: 0,
    strike_log_near: 0,
  };
  const confusion: Record<string, Record<string, number>> = {};
  const reasonMisses: Record<string, Record<string, number>> = {};
  const bump = (t: Record<string, Record<string, number>>, a: string, b: string): void => {
    t[a] ??= {};
    t[a][b] = (t[a][b] ?? 0) + 1;
  };
  const codeOf = (name: string): string => input.belligerents[name] ?? name;
  for (const record of input.records) {
    scoreStrikeLog(record, input, codeOf, counts);
    const civcas = record.statements.filter((s) => CIVCAS.has(s.kind));
    if (civcas.length === 0) continue;
    counts.records++;
    for (const gold of record.assessments) {
      const code = codeOf(gold.belligerent);
      const own = civcas.filter((s) => codeOf(s.belligerent) === code);
      if (own.length === 0) {
        counts.skipped_no_statement++;
        continue;
      }
      const goldVerdict = GOLD_VERDICTS[gold.assessment];
      if (goldVerdict === undefined) {
        counts.skipped_open_incident++;
        continue;
      }
      counts.assessments++;
      counts.statements += own.length;
      const read = combineStatements(own.flatMap((s) => input.read(s.text, code, s.date)));
      bump(confusion, goldVerdict, read.verdict);
      if (read.verdict === goldVerdict) counts.verdict_correct++;
      // Conceded figures: on assessments Airwars records as credible with a figure given.
      if (goldVerdict === 'credible' && (gold.concededKilled !== null || gold.concededInjured !== null)) {
        counts.conceded_n++;
        if (read.killed === (gold.concededKilled ?? 0) && read.injured === (gold.concededInjured ?? 0))
          counts.conceded_correct++;
      }
      if (gold.reasons.length === 0) continue;
      counts.reason_n++;
      const airwars = read.reasons.map((r) => input.airwarsReason[r] ?? r);
      if (airwars.length > 0 && gold.reasons.includes(airwars[0]!)) counts.reason_correct++;
      else bump(reasonMisses, gold.reasons.join('+'), airwars[0] ?? '(none)');
      const same =
        new Set(airwars).size === new Set(gold.reasons).size &&
        airwars.every((r) => gold.reasons.includes(r));
      if (same) counts.reason_exact++;
    }
  }
  const rate = (k: number, n: number): Metric => ({ value: n === 0 ? null : k / n, n });
  return {
    metrics: {
      verdict_accuracy: rate(counts.verdict_correct, counts.assessments),
      reason_accuracy: rate(counts.reason_correct, counts.reason_n),
      reason_exact: rate(counts.reason_exact, counts.reason_n),
      conceded_accuracy: rate(counts.conceded_correct, counts.conceded_n),
      strike_log_in_days: rate(counts.strike_log_in_days, counts.strike_log_records),
      strike_log_near: rate(counts.strike_log_near, counts.strike_log_records),
    },
    counts,
    confusion,
    reasonMisses,
  };
}

/**
 * Strike logs: on a dated, geolocated record with strike reports of a belligerent Airwars names,
 * whether an entry read from them (a strike or an absence) falls in the incident's days (± 1 day),
 * and whether one of those lies within 25 km. A statement without its own date reads its dates
 * against the record's date.
 */
function scoreStrikeLog(
  record: OfficialRecord,
  input: OfficialScoreInput,
  codeOf: (name: string) => string,
  counts: Record<'strike_log_records' | 'strike_log_in_days' | 'strike_log_near', number>,
): void {
  const { date, lat, lon } = record;
  if (input.readStrikes === undefined || date === null || lat === null || lon === null) return;
  const named = new Set(record.assessments.map((a) => codeOf(a.belligerent)));
  const logs = record.statements.filter(
    (s) => s.kind === 'strike_report' && named.has(codeOf(s.belligerent)),
  );
  if (logs.length === 0) return;
  counts.strike_log_records++;
  const from = shift(date, -1);
  const to = shift(date, 1);
  const inDays = logs
    .flatMap((s) => input.readStrikes!(s.text, codeOf(s.belligerent), s.date ?? date))
    .filter((s) => s.date !== null && s.date.from <= to && s.date.to >= from);
  if (inDays.length === 0) return;
  counts.strike_log_in_days++;
  const near = inDays.some(
    (s) =>
      s.place?.lat != null &&
      s.place.lon != null &&
      distanceKm(lat, lon, s.place.lat, s.place.lon) <= STRIKE_LOG_KM,
  );
  if (near) counts.strike_log_near++;
}
