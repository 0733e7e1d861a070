/**
 * Scores the reading of civilian-casualty statements against Airwars' records: for each
 * belligerent assessment Airwars coded on a record that carries that belligerent's statements,
 * the verdict read from the statements against Airwars' assessment, and the reason against
 * Airwars' reason codes.
 */
import type { BelligerentVerdict } from '../../domain/grading.ts';
import type { CasualtyStatement } from '../../domain/official.ts';
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
  return { ok: true, value: { id, statements, assessments } };
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
}

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
  };
  const confusion: Record<string, Record<string, number>> = {};
  const reasonMisses: Record<string, Record<string, number>> = {};
  const bump = (t: Record<string, Record<string, number>>, a: string, b: string): void => {
    t[a] ??= {};
    t[a][b] = (t[a][b] ?? 0) + 1;
  };
  const codeOf = (name: string): string => input.belligerents[name] ?? name;
  for (const record of input.records) {
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
    },
    counts,
    confusion,
    reasonMisses,
  };
}
