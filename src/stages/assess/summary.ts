/**
 * The assessment paragraph: what happened, who blamed whom (naming the outlets on each side), who
 * denied or confirmed, where reports disagree. Written from the decisions, never from free text.
 */
import { LOCATION_PRECISIONS, type StrikeType } from '../../domain/extraction.ts';
import type { Assessment, BelligerentAssessment, OfficialStatement } from '../../domain/grading.ts';
import type { StoredClaim } from '../../domain/incident.ts';
import type { Range } from '../../domain/range.ts';
import { capitalize, listing, outletOf, prose, showRange, unique } from './words.ts';

const STRIKE_NOUN: Record<StrikeType, string> = {
  airstrike: 'An airstrike',
  drone: 'A drone strike',
  missile: 'A missile strike',
  artillery: 'Shelling',
  'barrel bomb': 'A barrel bomb attack',
  unknown: 'An attack',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function mostCommon<T>(items: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [item, n] of counts) if (n > bestCount) [best, bestCount] = [item, n];
  return best;
}

function showDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

function strikeNoun(claims: StoredClaim[]): string {
  const known = claims.map((c) => c.event.strike_type).filter((t) => t !== 'unknown');
  return STRIKE_NOUN[mostCommon(known) ?? 'unknown'];
}

function wherePhrase(claims: StoredClaim[]): string {
  const placed = claims.filter((c) => c.event.place !== null || c.event.admin1 !== null);
  const rank = (c: StoredClaim): number =>
    c.event.location_precision === null ? 99 : LOCATION_PRECISIONS.indexOf(c.event.location_precision);
  const finest = [...placed].sort((a, b) => rank(a) - rank(b))[0];
  if (finest === undefined) return '';
  const { place, admin1, location_precision: precision } = finest.event;
  if (precision === 'governorate' || place === null) return ` in ${admin1 ?? place} governorate`;
  const city = precision === 'city' && !/\bcity\b/i.test(place) ? ' city' : '';
  return ` on ${place}${city}${admin1 && admin1 !== place ? ` (${admin1})` : ''}`;
}

function whenPhrase(claims: StoredClaim[]): { phrase: string; disagreement: string | null } {
  const days = unique(
    claims
      .filter((c) => c.event.date_precision === 'day' && c.event.date !== null)
      .map((c) => c.event.date!.slice(0, 10)),
  ).sort();
  if (days.length === 1) return { phrase: ` on ${showDay(days[0]!)}`, disagreement: null };
  if (days.length > 1)
    return {
      phrase: ` on ${showDay(mostCommon(claims.map((c) => c.event.date).filter((d) => d !== null && days.includes(d)))!)}`,
      disagreement: `Reports differ on the date (${listing(days.map(showDay))}).`,
    };
  const month = claims.find((c) => c.event.date_precision === 'month' && c.event.date !== null)?.event.date;
  if (month) {
    const [y, m] = month.split('-').map(Number);
    return { phrase: ` in ${MONTHS[(m ?? 1) - 1]} ${y}`, disagreement: null };
  }
  return { phrase: '', disagreement: null };
}

/** "12", "at least 24", "up to 30", "between 15 and 30". */
function quantity(r: Range): string {
  if (r.min !== null && r.max !== null) return r.min === r.max ? `${r.min}` : `between ${r.min} and ${r.max}`;
  if (r.min !== null) return `at least ${r.min}`;
  return `up to ${r.max}`;
}

function counted(r: Range, one: string, many: string): string {
  return `${quantity(r)} ${r.min === 1 && r.max === 1 ? one : many}`;
}

function harmPhrase(a: Omit<Assessment, 'summary'>): string {
  const civilians = a.civilians.value;
  const killed = a.ranges.killed.value;
  const children = a.ranges.children_killed.value;
  const injured = a.ranges.injured.value;
  let phrase: string;
  const disputed = a.civilians.rule === 'civilians-contested';
  if (disputed && killed !== null && (killed.min !== null || killed.max !== null))
    phrase = `reportedly killed ${counted(killed, 'person', 'people')}, whose civilian status is disputed,`;
  else if (civilians !== null && (civilians.min !== null || civilians.max !== null)) {
    phrase = `reportedly killed ${counted(civilians, 'civilian', 'civilians')}`;
    if (children !== null && children.min !== null)
      phrase += `, including ${counted(children, 'child', 'children')},`;
  } else if (killed !== null && (killed.min !== null || killed.max !== null)) {
    phrase = `reportedly killed ${counted(killed, 'person', 'people')}`;
    if (a.ranges.combatants_killed.value !== null) phrase += ' described as combatants';
  } else phrase = 'was reported';
  if (injured !== null && (injured.min !== null || injured.max !== null))
    phrase += `${phrase === 'was reported' ? ', injuring' : ' and injured'} ${quantity(injured)}${phrase === 'was reported' ? '' : ' more'}`;
  return phrase.replace(/,$/, '');
}

function overview(accused: BelligerentAssessment[]): string {
  if (accused.length === 0) return 'No source named who carried it out.';
  const labels = accused.map((b) => prose(b.label));
  if (accused.length === 2) return `Reports blamed both ${labels[0]} and ${labels[1]}.`;
  if (accused.length > 2) return `Reports blamed ${listing(labels)}.`;
  const only = accused[0]!;
  return only.blamedBy.length + only.confirmedBy.length > 0
    ? `Reports blamed ${prose(only.label)}.`
    : `${prose(only.label)} was suspected, though no source blamed it outright.`;
}

/** Outlets grouped by the set of belligerents they blame, largest group first. */
function blameGroups(claims: StoredClaim[], belligerents: BelligerentAssessment[]): string[] {
  const outlets = unique(claims.map(outletOf));
  const blamed = (outlet: string): string[] =>
    belligerents
      .filter((b) => b.blamedBy.includes(outlet) || b.confirmedBy.some((s) => s.outlet === outlet))
      .map((b) => prose(b.label));
  const hedged = (outlet: string): string[] =>
    belligerents.filter((b) => b.suspectedBy.includes(outlet)).map((b) => prose(b.label));
  const groups = new Map<string, { labels: string[]; outlets: string[] }>();
  const hedges = new Map<string, { labels: string[]; outlets: string[] }>();
  const silent: string[] = [];
  for (const outlet of outlets) {
    const labels = blamed(outlet);
    const maybe = hedged(outlet).filter((l) => !labels.includes(l));
    if (labels.length > 0) {
      const key = labels.join('|');
      const g = groups.get(key) ?? { labels, outlets: [] };
      g.outlets.push(outlet);
      groups.set(key, g);
    } else if (maybe.length > 0) {
      const key = maybe.join('|');
      const g = hedges.get(key) ?? { labels: maybe, outlets: [] };
      g.outlets.push(outlet);
      hedges.set(key, g);
    } else silent.push(outlet);
  }
  const both = (labels: string[]): string =>
    labels.length === 2 ? `both ${labels[0]} and ${labels[1]}` : listing(labels);
  const ordered = [...groups.values()].sort((a, b) => b.outlets.length - a.outlets.length);
  const contested = ordered.length > 1;
  const sentences = ordered.map((g, i) => {
    const n = g.outlets.length;
    if (i === 0 && contested && n > 1 && n > ordered[1]!.outlets.length)
      return `Most blamed ${both(g.labels)}, including ${listing(g.outlets)}.`;
    if (i > 0 && n > 1) return `Others blamed ${both(g.labels)}, including ${listing(g.outlets)}.`;
    if (i > 0 && ordered.some((o) => o.outlets.length > 1))
      return `${g.outlets[0]} alone blamed ${both(g.labels)}.`;
    return `${listing(g.outlets)} blamed ${both(g.labels)}.`;
  });
  for (const g of hedges.values())
    sentences.push(
      `${listing(g.outlets)} said ${g.labels.length > 1 ? `either ${g.labels.join(' or ')}` : g.labels[0]} may have been responsible.`,
    );
  if (silent.length > 0) sentences.push(`${listing(silent)} did not attribute responsibility.`);
  return sentences;
}

function statements(belligerents: BelligerentAssessment[], contested: boolean): string[] {
  const out: string[] = [];
  for (const b of belligerents) {
    const who = (list: { by: string; outlet: string }[]): string =>
      listing(unique(list.map((s) => (s.by === s.outlet ? s.by : `${s.by}, via ${s.outlet}`))));
    if (b.confirmedBy.length > 0)
      out.push(`${prose(b.label)} confirmed carrying out the strike (${who(b.confirmedBy)}).`);
    if (b.deniedBy.length > 0)
      out.push(
        `${contested ? 'Complicating attribution, ' : ''}${prose(b.label)} denied any role (${who(b.deniedBy)}).`,
      );
    if (b.official !== null && b.official.verdict !== 'not yet assessed')
      out.push(
        `In ${b.official.source}, ${prose(b.label)} assessed the report as ${b.official.verdict}${b.official.reason ? `: "${b.official.reason}"` : ''}${conceded(b.official)}.`,
      );
    if (b.official !== null) out.push(...strikeLogSentences(b));
  }
  return out;
}

function conceded(o: OfficialStatement): string {
  const parts: string[] = [];
  if (o.deathsConceded) parts.push(`${showRange(o.deathsConceded)} killed`);
  if (o.injuriesConceded) parts.push(`${showRange(o.injuriesConceded)} injured`);
  return parts.length > 0 && o.verdict === 'credible' ? `, conceding ${parts.join(' and ')}` : '';
}

const kmAway = (km: number): string => (km < 1 ? 'less than 1 km away' : `${km} km away`);

/** What the belligerent's strike logs say of the incident's days and place. */
function strikeLogSentences(b: BelligerentAssessment): string[] {
  const o = b.official!;
  const near = o.nearestStrike ?? null;
  const where = near?.place ? ` (near ${near.place})` : '';
  if (o.declaredNearby && near)
    return [`${prose(b.label)} declared a strike ${kmAway(near.km)} that day${where}.`];
  if (o.deniesStrikes && o.verdict === 'not yet assessed')
    return [
      `${prose(b.label)} reported no strikes in that area on those days${near ? `; the closest strike it declared was ${near.km} km away${where}` : ''}.`,
    ];
  if (near && o.verdict !== 'credible')
    return [`The closest strike ${prose(b.label)} declared in those days was ${near.km} km away${where}.`];
  return [];
}

/** The summary paragraph for an incident's assessment. */
export function writeSummary(claims: StoredClaim[], a: Omit<Assessment, 'summary'>): string {
  const accused = a.belligerents.filter(
    (b) => b.blamedBy.length + b.suspectedBy.length + b.confirmedBy.length > 0,
  );
  const when = whenPhrase(claims);
  const sentences = [`${strikeNoun(claims)}${wherePhrase(claims)}${when.phrase} ${harmPhrase(a)}.`];
  if (a.outlets.length === 1) sentences.push(`Only ${a.outlets[0]} reported it.`);
  sentences.push(overview(accused));
  if (accused.length > 0 || a.outlets.length > 1) sentences.push(...blameGroups(claims, a.belligerents));
  sentences.push(...statements(a.belligerents, accused.length > 1));
  if (when.disagreement) sentences.push(when.disagreement);
  return sentences.map(capitalize).join(' ');
}
