/**
 * The judgments an incident carries (docs/domain.md): its grading, its strike status and the role
 * of each belligerent, with the casualty ranges drawn from its claims. Every decision keeps the
 * rule that made it and a sentence saying why, so an analyst can check it.
 */
import type { Range } from './range.ts';
import type { RANGE_FIELDS } from './extraction.ts';

export const GRADES = ['Confirmed', 'Fair', 'Weak', 'Contested', 'Discounted'] as const;
export type Grade = (typeof GRADES)[number];

export const STRIKE_STATUSES = [
  'Declared strike',
  'Likely strike',
  'Contested strike',
  'Single source claim',
] as const;
export type StrikeStatus = (typeof STRIKE_STATUSES)[number];

export const BELLIGERENT_ROLES = ['known', 'suspected'] as const;
export type BelligerentRole = (typeof BELLIGERENT_ROLES)[number];

/** The belligerent's own verdict on an allegation (CJTF-OIR vocabulary). */
export const BELLIGERENT_VERDICTS = ['not yet assessed', 'credible', 'non-credible', 'duplicate'] as const;
export type BelligerentVerdict = (typeof BELLIGERENT_VERDICTS)[number];

export type CasualtyField = (typeof RANGE_FIELDS)[number];

/** One decision and why it was taken: `rule` names the rule in the assess module. */
export interface Decision<T> {
  value: T;
  rule: string;
  reason: string;
}

/** What a belligerent published about an incident (from its strike logs or casualty reports). */
export interface OfficialStatement {
  belligerent: string;
  verdict: BelligerentVerdict;
  /** "No Coalition strikes were conducted on that day in the geographic area", as given. */
  reason: string | null;
  deathsConceded: Range | null;
  injuriesConceded: Range | null;
  /** Who published it ("CJTF-OIR monthly civilian casualty report"). */
  source: string;
  /** The reason's code (data/lexicon/official-statements.json), when read from a statement. */
  reasonCode?: string | null;
  /** From reconciliation with its strike logs: declared strikes in the incident's days (± a day). */
  strikesInWindow?: number;
  /** The nearest strike it declared in those days, and how far from the incident. */
  nearestStrike?: { km: number; place: string | null; sameDay: boolean } | null;
  /** It said it conducted no strikes in that area on those days (a strike log's absence or its verdict). */
  deniesStrikes?: boolean;
  /** It declared a strike within a few km on the incident's own day. */
  declaredNearby?: boolean;
}

/** Everything said about one belligerent across an incident's claims. */
export interface BelligerentAssessment {
  code: string;
  label: string;
  role: Decision<BelligerentRole>;
  /** Outlets whose reports blame it outright, each once. */
  blamedBy: string[];
  /** Outlets whose reports name it with a hedge ("suspected", "either ... or ..."). */
  suspectedBy: string[];
  /** Who denies it, as the reports name the speaker, with the outlet that carried the denial. */
  deniedBy: Speaker[];
  /** Who confirms it: the belligerent itself, its officials or its state media. */
  confirmedBy: Speaker[];
  official: OfficialStatement | null;
}

export interface Speaker {
  /** The speaker as the report names them ("Russian Defence Ministry"). */
  by: string;
  /** The outlet whose report carried the statement. */
  outlet: string;
}

/** An incident's assessment: the output of the assess stage, recomputed whenever its claims change. */
export interface Assessment {
  /** Casualty ranges per category over the incident's claims (null: no claim states one). */
  ranges: Record<CasualtyField, Decision<Range | null>>;
  /** Civilians harmed as published: the stated civilian range, or the default-status reading. */
  civilians: Decision<Range | null>;
  belligerents: BelligerentAssessment[];
  grading: Decision<Grade>;
  strikeStatus: Decision<StrikeStatus>;
  /** Distinct outlets that reported the incident, in first-report order. */
  outlets: string[];
  summary: string;
}
