import type { OutletKind } from './incident.ts';
/** Word lists that drive extraction: data, loaded from data/lexicon, so a new conflict is a data change. */
export interface BelligerentEntry {
  code: string;
  label: string;
  /** Phrases (lowercase) that name this belligerent or its forces: "russian warplanes", "coalition". */
  aliases: string[];
  /** Phrases naming its officials or media, who speak for it ("russian defence ministry"). */
  spokespeople: string[];
  /** Outlets that speak for it: a report they publish of its own strike is a confirmation. */
  state_media?: string[];
}

export interface WeaponEntry {
  name: string;
  /** Lowercase phrases that name the weapon or aircraft. */
  aliases: string[];
  /** Belligerents known to use it; one alone is evidence, several prove nothing. */
  users: string[];
  strike_type: string;
}

/** Outlet names by kind (data/lexicon/outlet-kinds.json). */
export type OutletKinds = Partial<Record<OutletKind, string[]>>;

export interface Lexicon {
  belligerents: BelligerentEntry[];
  weapons: WeaponEntry[];
  /** Outlet and monitor names that must never be read as places, dates or people. */
  outlets: string[];
  outletKinds?: OutletKinds;
  /** Phrases for belligerents' strike logs and casualty statements. */
  official?: OfficialPhrases;
}

/** A reason a belligerent gives for its verdict, with the phrases that state it. */
export interface ReasonEntry {
  code: string;
  verdict: string;
  words: string;
  /** The Airwars reason code it corresponds to, for scoring. */
  airwars: string;
  phrases: string[];
}

/** Phrases that read belligerents' own reports (data/lexicon/official-statements.json). */
export interface OfficialPhrases {
  /** Partner forces (lowercase) whose reports speak for a coalition code. */
  partners?: Record<string, string>;
  verdict_order: string[];
  verdicts: Record<string, string[]>;
  reasons: ReasonEntry[];
  no_reason: Omit<ReasonEntry, 'verdict' | 'phrases'>;
  strike_words: string[];
  strike_verbs: string[];
  absences: string[];
  place_lead: string[];
}
