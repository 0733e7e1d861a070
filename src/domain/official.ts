/**
 * What belligerents publish about their own strikes (docs/domain.md, "Official report"): strike
 * logs, read into declared strikes, and verdicts on civilian-casualty allegations, read into
 * casualty statements. Reconciliation measures each incident against them.
 */
import type { LocationPrecision } from './extraction.ts';
import type { BelligerentVerdict } from './grading.ts';
import type { Range } from './range.ts';

/** A piece of the statement's text that supports a value: offsets into the text and the words. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A span of ISO days, both ends included. */
export interface DayWindow {
  from: string;
  to: string;
}

/** A place as the statement names it and as the gazetteer resolved it (null fields when unresolved). */
export interface OfficialPlace {
  name: string;
  gazetteerId: string | null;
  admin1: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  precision: LocationPrecision | null;
}

/**
 * One declared strike entry: "Near Raqqa, four strikes engaged an ISIS tactical unit". `strikes`
 * is 0 for a declared absence ("did not report any strikes near Al Qa'im"), which reconciliation
 * reads as the belligerent saying it did not strike there.
 */
export interface DeclaredStrike {
  belligerent: string;
  date: DayWindow | null;
  place: OfficialPlace | null;
  /** Strikes declared; null when the entry gives no number ("strikes were carried out"). */
  strikes: number | null;
  /** What was engaged, destroyed or damaged, as written ("an ISIS tactical unit"). */
  targets: string[];
  evidence: Span;
}

/** Why a belligerent judged an allegation as it did (codes in data/lexicon/official-statements.json). */
export interface VerdictReason {
  code: string;
  /** The reason in a few plain words ("no strikes in that area"). */
  words: string;
  evidence: Span | null;
}

/** A belligerent's verdict on one civilian-casualty allegation. */
export interface CasualtyStatement {
  belligerent: string;
  verdict: BelligerentVerdict;
  reason: VerdictReason | null;
  /** The day the allegation concerns, when the statement names it; else null. */
  date: DayWindow | null;
  place: OfficialPlace | null;
  killedConceded: Range | null;
  injuredConceded: Range | null;
  evidence: Span;
}

/** Everything one official report says: what it declares and how it judged allegations. */
export interface OfficialReading {
  belligerent: string | null;
  strikes: DeclaredStrike[];
  statements: CasualtyStatement[];
  /** Why parts of the text gave nothing (no belligerent, no date), for messages. */
  notes: string[];
}

/** A declared strike as stored, with its id and report. */
export interface StoredDeclaredStrike extends DeclaredStrike {
  id: number;
  reportId: number;
}

/** A casualty statement as stored, with its id, report and publisher. */
export interface StoredCasualtyStatement extends CasualtyStatement {
  id: number;
  reportId: number;
  /** The publisher as the report names it ("CJTF-OIR"), else the belligerent's label. */
  source: string;
}

/** The declared strike nearest an incident, and how far it lies. */
export interface NearestStrike {
  strikeId: number;
  date: DayWindow | null;
  place: string | null;
  km: number;
  /** True for a declared absence near that place. */
  absence: boolean;
}

/**
 * One incident measured against one belligerent's reports: its declared strikes within the
 * incident's date window (plus a day each side), the nearest of them, and the casualty statement
 * that matches the incident's date and place.
 */
export interface Reconciliation {
  incidentId: number;
  belligerent: string;
  /** Declared strikes (not absences) in the window. */
  strikesInWindow: number;
  nearest: NearestStrike | null;
  /** An absence the belligerent declared for the incident's place and days. */
  declaredAbsence: boolean;
  statementId: number | null;
}
