/**
 * The assessment rules, in one place (docs/assessment.md): casualty ranges, belligerent roles,
 * grading and strike status for one incident, each decision with the rule that made it and why.
 * Vocabulary and definitions: docs/domain.md (Airwars grading).
 */
import { RANGE_FIELDS } from '../../domain/extraction.ts';
import type {
  Assessment,
  BelligerentAssessment,
  BelligerentRole,
  CasualtyField,
  Decision,
  Grade,
  OfficialStatement,
  Speaker,
  StrikeStatus,
} from '../../domain/grading.ts';
import type { StoredClaim } from '../../domain/incident.ts';
import { envelope, type Range } from '../../domain/range.ts';
import { writeSummary } from './summary.ts';
import { listing, outletOf, plural, prose, showRange, unique } from './words.ts';

export interface AssessOptions {
  /** Display names per belligerent code ("us-coalition" -> "US-led Coalition"), from the lexicon. */
  labels?: Readonly<Record<string, string>>;
  /** What belligerents published about this incident, if reconciled. */
  official?: OfficialStatement[];
}

/** Fewest distinct outlets for Fair (docs/domain.md: "two or more credible sources"). */
export const FAIR_MIN_OUTLETS = 2;
/** Fewest outlets blaming a lone, undenied belligerent for it to count as known. */
export const KNOWN_MIN_OUTLETS = 2;

/**
 * Range rule: over every claim that states the category, min is the lowest figure stated and
 * max the highest exact figure (open when an open-ended figure reaches past it).
 */
function rangeOf(claims: StoredClaim[], field: CasualtyField): Decision<Range | null> {
  const stated = claims.filter((c) => c.event[field] !== null);
  if (stated.length === 0)
    return { value: null, rule: 'range-unstated', reason: `no source states ${field}` };
  const value = envelope(stated.map((c) => c.event[field]!));
  const byOutlet = stated.map((c) => `${outletOf(c)} ${showRange(c.event[field]!)}`);
  return {
    value,
    rule: 'range-envelope',
    reason: `${showRange(value!)} from ${stated.length} ${stated.length === 1 ? 'source' : 'sources'} (${byOutlet.join('; ')}): lowest stated, highest exact`,
  };
}

/** A claim that says the dead were fighters and says nothing of civilians. */
function combatantsOnly(c: StoredClaim): boolean {
  const e = c.event;
  return (
    e.combatants_killed !== null &&
    e.civilians_killed === null &&
    e.children_killed === null &&
    e.women_killed === null
  );
}

function allegesCivilianHarm(c: StoredClaim): boolean {
  const e = c.event;
  return [e.civilians_killed, e.children_killed, e.women_killed].some(
    (r) => r !== null && (r.min ?? r.max ?? 0) > 0,
  );
}

/**
 * Civilian rule (Airwars, Every Casualty): civilian is the default status; where one source
 * calls the dead fighters and another civilians, the civilian minimum is 0.
 */
function civiliansOf(claims: StoredClaim[], ranges: Assessment['ranges']): Decision<Range | null> {
  const stated = ranges.civilians_killed.value;
  const fighters = unique(claims.filter(combatantsOnly).map(outletOf));
  if (stated !== null) {
    if (fighters.length > 0)
      return {
        value: { min: 0, max: stated.max },
        rule: 'civilians-contested',
        reason: `civilian status contested: ${listing(fighters)} described the dead as combatants, so the civilian minimum is 0`,
      };
    return {
      value: stated,
      rule: 'civilians-stated',
      reason: `civilians stated: ${ranges.civilians_killed.reason}`,
    };
  }
  const killed = ranges.killed.value;
  if (killed === null)
    return { value: null, rule: 'civilians-unknown', reason: 'no source gives a death toll' };
  if (fighters.length > 0)
    return {
      value: null,
      rule: 'civilians-unknown',
      reason: `${listing(fighters)} described the dead as combatants and no source says civilians were killed`,
    };
  return {
    value: killed,
    rule: 'civilians-default',
    reason: `civilian is the default status: no source describes the ${showRange(killed)} killed as combatants`,
  };
}

interface Named {
  blamedBy: Set<string>;
  suspectedBy: Set<string>;
  deniedBy: Speaker[];
  confirmedBy: Speaker[];
}

function collectBelligerents(claims: StoredClaim[]): Map<string, Named> {
  const out = new Map<string, Named>();
  for (const c of claims) {
    const outlet = outletOf(c);
    for (const a of c.event.attributed) {
      if (a.belligerent === 'unknown') continue;
      let named = out.get(a.belligerent);
      if (named === undefined)
        out.set(
          a.belligerent,
          (named = { blamedBy: new Set(), suspectedBy: new Set(), deniedBy: [], confirmedBy: [] }),
        );
      const speaker = { by: a.by, outlet };
      const has = (list: Speaker[]): boolean => list.some((s) => s.by === a.by && s.outlet === outlet);
      if (a.stance === 'blames') named.blamedBy.add(outlet);
      else if (a.stance === 'unsure') named.suspectedBy.add(outlet);
      else if (a.stance === 'denies' && !has(named.deniedBy)) named.deniedBy.push(speaker);
      else if (a.stance === 'confirms' && !has(named.confirmedBy)) named.confirmedBy.push(speaker);
    }
  }
  // An outlet that blames a belligerent outright is not also counted as only suspecting it.
  for (const named of out.values()) for (const outlet of named.blamedBy) named.suspectedBy.delete(outlet);
  return out;
}

function speakers(list: Speaker[]): string {
  return listing(unique(list.map((s) => `${s.by}, reported by ${s.outlet}`)));
}

/**
 * Role rule: known when the belligerent confirmed (or judged the report credible), or when it is
 * the only belligerent named, blamed outright by at least two outlets and not denied; suspected
 * otherwise.
 */
function roleOf(
  label: string,
  named: Named,
  official: OfficialStatement | null,
  othersNamed: string[],
): Decision<BelligerentRole> {
  if (named.confirmedBy.length > 0)
    return {
      value: 'known',
      rule: 'role-confirmed',
      reason: `${label} confirmed the strike (${speakers(named.confirmedBy)})`,
    };
  if (official?.verdict === 'credible')
    return {
      value: 'known',
      rule: 'role-conceded',
      reason: `${label} assessed the report as credible (${official.source})`,
    };
  const blamers = named.blamedBy.size;
  if (othersNamed.length > 0)
    return {
      value: 'suspected',
      rule: 'role-competing',
      reason: `blamed by ${plural(blamers, 'outlet', 'outlets')} while ${listing(othersNamed)} ${othersNamed.length === 1 ? 'is' : 'are'} also named`,
    };
  if (named.deniedBy.length > 0)
    return { value: 'suspected', rule: 'role-denied', reason: `denied by ${speakers(named.deniedBy)}` };
  if (official?.deniesStrikes)
    return {
      value: 'suspected',
      rule: 'role-denied-officially',
      reason: `${label} reported no strikes in that area on those days (${official.source})`,
    };
  if (blamers >= KNOWN_MIN_OUTLETS)
    return {
      value: 'known',
      rule: 'role-undisputed',
      reason: `the only belligerent named, blamed by ${blamers} outlets and not denied`,
    };
  if (blamers === 0)
    return {
      value: 'suspected',
      rule: 'role-hedged',
      reason: 'named only with a hedge ("suspected", "believed")',
    };
  return { value: 'suspected', rule: 'role-single', reason: 'blamed by a single outlet' };
}

function assessBelligerents(claims: StoredClaim[], options: AssessOptions): BelligerentAssessment[] {
  const label = (code: string): string => options.labels?.[code] ?? code;
  const collected = collectBelligerents(claims);
  const accused = (n: Named): boolean => n.blamedBy.size + n.suspectedBy.size + n.confirmedBy.length > 0;
  const out: BelligerentAssessment[] = [];
  for (const [code, named] of collected) {
    const official = options.official?.find((o) => o.belligerent === code) ?? null;
    const others = [...collected]
      .filter(([other, n]) => other !== code && accused(n))
      .map(([o]) => prose(label(o)));
    out.push({
      code,
      label: label(code),
      role: roleOf(prose(label(code)), named, official, others),
      blamedBy: [...named.blamedBy],
      suspectedBy: [...named.suspectedBy],
      deniedBy: named.deniedBy,
      confirmedBy: named.confirmedBy,
      official,
    });
  }
  // Most blamed first; only-denied belligerents last.
  const weight = (b: BelligerentAssessment): number =>
    b.blamedBy.length * 2 + b.suspectedBy.length + b.confirmedBy.length * 4;
  return out.sort((a, b) => weight(b) - weight(a) || a.code.localeCompare(b.code));
}

/** A belligerent someone says did it: blamed, suspected or self-confirmed (a denial alone is not). */
function isAccused(b: BelligerentAssessment): boolean {
  return b.blamedBy.length + b.suspectedBy.length + b.confirmedBy.length > 0;
}

/** "7 sources blame Russia, 4 blame the US-led Coalition, 1 suspects the Syrian government". */
function blameCounts(accused: BelligerentAssessment[]): string {
  return accused
    .map((b, i) => {
      const blame = b.blamedBy.length;
      const hedge = b.suspectedBy.length;
      const parts: string[] = [];
      if (blame > 0)
        parts.push(
          `${i === 0 ? plural(blame, 'source', 'sources') : blame} ${blame === 1 ? 'blames' : 'blame'} ${prose(b.label)}`,
        );
      if (hedge > 0) parts.push(`${hedge} ${hedge === 1 ? 'suspects' : 'suspect'} ${prose(b.label)}`);
      if (parts.length === 0) parts.push(`${prose(b.label)} itself confirms`);
      return parts.join(', ');
    })
    .join(', ');
}

/**
 * Grading rules, first match wins:
 * 1. Discounted: the dead are described only as combatants and no source alleges civilian harm.
 * 2. Confirmed: a belligerent accepted responsibility (its officials or state media confirm, or
 *    its own assessment finds the report credible).
 * 3. Contested: more than one belligerent is blamed or suspected.
 * 4. Fair: two or more distinct outlets report it and those naming a perpetrator name the same one.
 * 5. Weak: a single outlet, or no outlet names a perpetrator.
 */
function gradeOf(
  claims: StoredClaim[],
  outlets: string[],
  belligerents: BelligerentAssessment[],
): Decision<Grade> {
  const withToll = claims.filter((c) => c.event.killed !== null || c.event.combatants_killed !== null);
  if (withToll.length > 0 && !claims.some(allegesCivilianHarm) && withToll.every(combatantsOnly))
    return {
      value: 'Discounted',
      rule: 'grade-combatants',
      reason: `Discounted: every source giving a toll describes the dead as combatants (${listing(unique(withToll.map(outletOf)))}) and none alleges civilian harm`,
    };
  const confirming = belligerents.filter(
    (b) => b.confirmedBy.length > 0 || b.official?.verdict === 'credible',
  );
  if (confirming.length > 0)
    return {
      value: 'Confirmed',
      rule: 'grade-confirmed',
      reason: `Confirmed: ${confirming.map((b) => `${prose(b.label)} accepted responsibility (${b.confirmedBy.length ? speakers(b.confirmedBy) : b.official!.source})`).join('; ')}`,
    };
  const accused = belligerents.filter(isAccused);
  if (accused.length > 1)
    return { value: 'Contested', rule: 'grade-contested', reason: `Contested: ${blameCounts(accused)}` };
  const named = accused[0];
  if (outlets.length >= FAIR_MIN_OUTLETS && named !== undefined && named.blamedBy.length > 0)
    return {
      value: 'Fair',
      rule: 'grade-fair',
      reason: `Fair: ${outlets.length} independent outlets report it (${listing(outlets)}) and ${blameCounts(accused)}, no other belligerent named`,
    };
  if (outlets.length >= FAIR_MIN_OUTLETS)
    return {
      value: 'Weak',
      rule: 'grade-no-perpetrator',
      reason: `Weak: ${outlets.length} outlets report it but none blames a belligerent outright`,
    };
  return {
    value: 'Weak',
    rule: 'grade-single-source',
    reason: `Weak: a single source (${outlets[0] ?? 'none'})`,
  };
}

/**
 * Strike status rules: Declared strike when a belligerent confirms; Contested strike when several
 * are blamed; Likely strike when two or more outlets report it, or when the one blamed declared a
 * strike within a few km that day; Single source claim otherwise.
 */
function strikeStatusOf(
  grading: Decision<Grade>,
  outlets: string[],
  belligerents: BelligerentAssessment[],
): Decision<StrikeStatus> {
  const confirming = belligerents.filter(
    (b) => b.confirmedBy.length > 0 || b.official?.verdict === 'credible',
  );
  if (confirming.length > 0)
    return {
      value: 'Declared strike',
      rule: 'status-declared',
      reason: `declared by ${listing(confirming.map((b) => prose(b.label)))}`,
    };
  const accused = belligerents.filter(isAccused);
  if (accused.length > 1)
    return {
      value: 'Contested strike',
      rule: 'status-contested',
      reason: `${listing(accused.map((b) => prose(b.label)))} are each blamed`,
    };
  const declaring = accused.find((b) => b.official?.declaredNearby);
  if (outlets.length < FAIR_MIN_OUTLETS && declaring?.official?.nearestStrike)
    return {
      value: 'Likely strike',
      rule: 'status-declared-nearby',
      reason: `${prose(declaring.label)} declared a strike ${declaring.official.nearestStrike.km < 1 ? 'less than 1' : declaring.official.nearestStrike.km} km away that day`,
    };
  if (outlets.length >= FAIR_MIN_OUTLETS)
    return {
      value: 'Likely strike',
      rule: 'status-likely',
      reason: `${outlets.length} outlets report it${grading.value === 'Weak' ? ', though none names who struck' : ''}`,
    };
  return {
    value: 'Single source claim',
    rule: 'status-single',
    reason: `only ${outlets[0] ?? 'one report'} reports it`,
  };
}

/** Assesses one incident from all its claims; pure, and cheap enough to rerun whenever a claim joins. */
export function assessIncident(claims: StoredClaim[], options: AssessOptions = {}): Assessment {
  const ranges = Object.fromEntries(RANGE_FIELDS.map((f) => [f, rangeOf(claims, f)])) as Assessment['ranges'];
  const civilians = civiliansOf(claims, ranges);
  const outlets = unique(claims.map(outletOf));
  const belligerents = assessBelligerents(claims, options);
  const grading = gradeOf(claims, outlets, belligerents);
  const strikeStatus = strikeStatusOf(grading, outlets, belligerents);
  const partial: Omit<Assessment, 'summary'> = {
    ranges,
    civilians,
    belligerents,
    grading,
    strikeStatus,
    outlets,
  };
  return { ...partial, summary: writeSummary(claims, partial) };
}
