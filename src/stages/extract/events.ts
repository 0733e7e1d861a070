/** Turns per-sentence findings into strike events: which sentences describe which strike. */
import type { Attribution, Evidence, ExtractedEvent, StrikeType } from '../../domain/extraction.ts';
import type { Place } from '../../domain/place.ts';
import { envelope, type Range } from '../../domain/range.ts';
import type { Claim } from './attribution.ts';
import { pluralVictims, type CasualtyMention } from './casualties.ts';
import type { DateMention } from './dates.ts';
import { precisionRank, type PlaceMention } from './places.ts';
import type { WeaponHit } from './lexicon-index.ts';
import type { Sentence } from './text.ts';

/** What one sentence says, with offsets relative to the sentence. */
export interface SentenceFacts {
  sentence: Sentence;
  lower: string;
  strike: boolean;
  casualties: CasualtyMention[];
  claims: Claim[];
  places: PlaceMention[];
  /** Date mentions inside the sentence; unlike the rest, offsets are into the whole text. */
  dates: DateMention[];
  weapons: WeaponHit[];
  /** A period total, a habit or a non-state attack: never starts an event. */
  excluded: boolean;
  /** Linked to the previous event by "also", "meanwhile", "another". */
  linked: boolean;
}

interface Draft {
  place: PlaceMention | null;
  placeSentence: SentenceFacts | null;
  facts: SentenceFacts[];
  firstIndex: number;
}

const sameTarget = (a: Place, b: Place): boolean =>
  a.id === b.id || (a.name === b.name && a.admin1 === b.admin1);

function mainPlaces(f: SentenceFacts): PlaceMention[] {
  const usable = f.places.filter((p) => !p.weak);
  if (usable.length === 0) return [];
  const sorted = [...usable].sort(
    (a, b) => precisionRank(a.place) - precisionRank(b.place) || a.start - b.start,
  );
  const best = sorted[0]!;
  // Places in a list ("the towns of A and B") are separate strikes; others are context.
  const list = usable.filter(
    (p) => p !== best && p.coordinated && precisionRank(p.place) <= 5 && !sameTarget(p.place, best.place),
  );
  const byStart = [best, ...list].sort((a, b) => a.start - b.start);
  return byStart.filter((p, i) => byStart.findIndex((q) => sameTarget(q.place, p.place)) === i);
}

/** Groups sentences into events. */
export function groupEvents(facts: SentenceFacts[]): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let lastParagraph = -1;
  facts.forEach((f, index) => {
    const startsEvent =
      f.strike &&
      !f.excluded &&
      (f.casualties.length > 0 || f.claims.length > 0 || f.dates.length > 0 || f.places.length > 0);
    const supports =
      !f.excluded &&
      (f.casualties.some((c) => c.outcome === 'killed' || c.outcome === 'injured') || f.claims.length > 0);
    if (!startsEvent && !supports) return;
    const near = current !== null && f.sentence.paragraph - lastParagraph <= 2;
    const places = mainPlaces(f);
    if (places.length === 0) {
      if (current && (near || f.linked)) current.facts.push(f);
      else if (startsEvent && (f.casualties.length > 0 || f.claims.length > 0)) {
        current = { place: null, placeSentence: null, facts: [f], firstIndex: index };
        drafts.push(current);
      } else return;
      lastParagraph = f.sentence.paragraph;
      return;
    }
    if (!startsEvent && !(current && near)) return;
    places.forEach((p, i) => {
      let target = drafts.find((d) => d.place && sameTarget(d.place.place, p.place)) ?? null;
      if (!target && current && current.place === null && near) target = current;
      if (!target && current?.place && near && refines(current.place.place, p.place) && i === 0)
        target = current;
      // A broader mention (the governorate, or its same-named capital) of the current event's place.
      if (!target && current?.place && near && refines(p.place, current.place.place)) {
        if (!current.facts.includes(f)) current.facts.push(f);
        return;
      }
      if (!target && !startsEvent) {
        if (current) current.facts.push(f);
        return;
      }
      if (!target) {
        target = { place: p, placeSentence: f, facts: [], firstIndex: index };
        drafts.push(target);
      } else if (!target.place || refines(target.place.place, p.place)) {
        target.place = p;
        target.placeSentence = f;
      }
      if (!target.facts.includes(f)) target.facts.push(f);
      current = target;
    });
    lastParagraph = f.sentence.paragraph;
  });
  return drafts;
}

/** True when `specific` lies inside `broad`, a governorate or the same-named city of its governorate. */
function refines(broad: Place, specific: Place): boolean {
  if (precisionRank(specific) >= precisionRank(broad)) return false;
  if (broad.admin1 === null || broad.admin1 !== specific.admin1) return false;
  return (
    broad.precision === 'governorate' ||
    broad.precision === 'district' ||
    normalise(broad.name) === normalise(broad.admin1)
  );
}

const normalise = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

const AIR =
  /\b(?:air ?strikes?|air[- ]raids?|raids?|warplanes?|war planes?|jets?|aircraft|helicopters?|bombers?|aviation|air force|airforce|aerial|planes?|bombed from the air|sorties?|air attacks?|fighter)\b/;
const STRIKE_TYPES: Array<[StrikeType, RegExp]> = [
  ['barrel bomb', /\bbarrel(?:[- ]bombs?|s)?\b|\bexplosive barrels\b/],
  ['drone', /\bdrones?\b|\buavs?\b|\bunmanned\b/],
  ['airstrike', AIR],
  ['missile', /\bmissiles?\b|\bballistic\b|\bcruise\b/],
  ['artillery', /\bshell(?:ing|ed|s)\b|\bartillery\b|\bmortars?\b|\brockets?\b|\btanks? fire\b|\bgrad\b/],
];

const TARGETS =
  /\b(?:(?:military |army |training |refugee |displacement |displaced |idp |makeshift )?camps?|school(?: complex| building)?s?|hospitals?|(?:medical|health) (?:facility|facilities|centre|center|point)|clinics?|markets?|marketplace|mosques?|churches?|bakery|bakeries|headquarters|(?:command|control) (?:post|centre|center)s?|checkpoints?|convoys?|aid convoy|oil (?:well heads|wells|fields?|facilities|refinery|refineries|tankers?|trucks)|(?:residential |apartment )?buildings?|(?:residential )?homes?|houses?|civil defen[cs]e (?:centre|center)|water (?:station|plant)|power (?:station|plant)|bridges?|(?:air ?base|airbase|airport|military base)|ammunition depots?|weapons? depots?|depots?|warehouses?|shelters?|positions|fighting positions|tactical units?|vehicles?|tents|factory|factories|prison|courthouse|stadium|university|kindergarten)\b/;

/** Which sentence-level mentions feed each casualty field of an event. */
export const CASUALTY_FIELDS = {
  killed: (m: CasualtyMention): boolean => m.outcome === 'killed' && !m.subset,
  civilians_killed: (m: CasualtyMention): boolean => m.outcome === 'killed' && m.groups.includes('civilians'),
  children_killed: (m: CasualtyMention): boolean => m.outcome === 'killed' && m.groups.includes('children'),
  women_killed: (m: CasualtyMention): boolean => m.outcome === 'killed' && m.groups.includes('women'),
  combatants_killed: (m: CasualtyMention): boolean =>
    m.outcome === 'killed' && m.groups.includes('combatants'),
  injured: (m: CasualtyMention): boolean => m.outcome === 'injured' && !m.subset,
} as const;

/** A sentence's figures, plus "others were hurt" style plurals for outcomes it gives no figure for. */
export function sentenceCasualties(found: CasualtyMention[], lower: string): CasualtyMention[] {
  const plural = pluralVictims(lower).filter((p) => !found.some((m) => m.outcome === p.outcome && !m.single));
  return plural.length > 0 ? [...found, ...plural] : found;
}

/**
 * The mentions an event's figures come from: a plural without a number or a lone named victim only
 * counts for an outcome (killed, injured) that no sentence of the event gives a figure for.
 */
export function usableCasualties(mentions: CasualtyMention[]): CasualtyMention[] {
  const stated = new Set(mentions.filter((m) => !m.plural && !m.single).map((m) => m.outcome));
  return mentions.filter((m) => !(m.plural || m.single) || !stated.has(m.outcome));
}

const DEMOGRAPHIC = new Set(['children', 'women', 'men']);
const isPart = (m: CasualtyMention): boolean => m.partial || m.groups.every((g) => DEMOGRAPHIC.has(g));

/** The range an event reports for one field, from the mentions its sentences give. */
export function rangeOf(mentions: CasualtyMention[]): Range | null {
  if (mentions.length === 0) return null;
  // Stated figures first; then vague quantities ("dozens"), a plural ("others"), a lone named victim.
  // A part ("two of the farmers", "three others", "five children") yields to a whole figure.
  const stated = mentions.filter((m) => !m.vague && !m.single && !m.plural);
  const tiers = [
    stated.filter((m) => !isPart(m)),
    stated,
    mentions.filter((m) => m.vague),
    mentions.filter((m) => m.plural),
  ];
  let use = tiers.find((t) => t.length > 0) ?? mentions;
  // A toll update replaces lower figures stated before it.
  const lastUpdate = use.filter((m) => m.update).at(-1);
  if (lastUpdate) {
    const v = lastUpdate.range.min ?? lastUpdate.range.max ?? 0;
    use = use.filter((m) => m.update || (m.range.max ?? m.range.min ?? 0) >= v);
  }
  return envelope(use.map((m) => m.range));
}

function quoteOf(text: string, start: number, end: number): string {
  const s = text.slice(start, end).trim();
  return s.length > 240 ? s.slice(0, 237) + '...' : s;
}

/** Builds one output event from a draft. */
export function buildEvent(
  d: Draft,
  fullText: string,
  published: string | null,
  docPlace: PlaceMention | null,
): ExtractedEvent {
  const evidence: Evidence[] = [];
  const ev = (field: string, f: SentenceFacts, start: number, end: number): void => {
    const s = f.sentence.start + start;
    const e = f.sentence.start + end;
    if (e <= s || evidence.some((x) => x.field === field && x.start === s)) return;
    evidence.push({ field, start: s, end: e, text: fullText.slice(s, e) });
  };
  // Date: the first time expression in the event's sentences decides; a vague one ("over the past
  // 24 hours", "overnight") leaves the day unknown rather than borrowing another sentence's date.
  let date: DateMention | null = null;
  let dateFact: SentenceFacts | null = null;
  let vague = false;
  for (const f of d.facts) {
    const usable = f.dates.filter((m) => !isDateline(m, published, fullText));
    if (usable.length === 0) continue;
    const firstDay = usable.find((m) => m.kind !== 'vague' && m.precision === 'day');
    const first = firstDay ?? usable.find((m) => m.kind !== 'vague') ?? null;
    if (!first) {
      vague = true;
      break;
    }
    // A span of days ("on Saturday and Sunday") gives no single day.
    if (first.precision === 'range') break;
    date = first;
    dateFact = f;
    break;
  }
  if (vague) date = null;
  if (date && dateFact)
    ev('date', dateFact, date.start - dateFact.sentence.start, date.end - dateFact.sentence.start);
  const place = d.place ?? docPlace;
  if (d.place && d.placeSentence) ev('place', d.placeSentence, d.place.textStart, d.place.end);
  // Casualties.
  const found = d.facts.flatMap((f) => sentenceCasualties(f.casualties, f.lower).map((m) => ({ m, f })));
  const kept = new Set(usableCasualties(found.map(({ m }) => m)));
  const all = found.filter(({ m }) => kept.has(m));
  const pick = (pred: (m: CasualtyMention) => boolean, field: string): Range | null => {
    const chosen = all.filter(({ m }) => pred(m));
    for (const { m, f } of chosen) ev(field, f, m.start, m.end);
    return rangeOf(chosen.map(({ m }) => m));
  };
  const killed = pick(CASUALTY_FIELDS.killed, 'killed');
  const civilians = pick(CASUALTY_FIELDS.civilians_killed, 'civilians_killed');
  const children = pick(CASUALTY_FIELDS.children_killed, 'children_killed');
  const women = pick(CASUALTY_FIELDS.women_killed, 'women_killed');
  const combatants = pick(CASUALTY_FIELDS.combatants_killed, 'combatants_killed');
  const injured = pick(CASUALTY_FIELDS.injured, 'injured');
  // Attribution.
  const attributed: Attribution[] = [];
  const seen = new Set<string>();
  for (const f of d.facts) {
    for (const c of f.claims) {
      const key = `${c.belligerent}|${c.stance}|${c.by}`;
      if (seen.has(key)) continue;
      seen.add(key);
      attributed.push({
        belligerent: c.belligerent,
        stance: c.stance,
        by: c.by,
        quote: quoteOf(f.sentence.text, 0, f.sentence.text.length),
      });
      ev('attributed', f, c.start, c.end);
    }
  }
  if (attributed.length === 0)
    attributed.push({ belligerent: 'unknown', stance: 'unsure', by: 'the article itself', quote: '' });
  // Strike type, weapons, target.
  let strikeType: StrikeType = 'unknown';
  for (const [type, re] of STRIKE_TYPES) {
    const hit = d.facts.find((f) => re.test(f.lower));
    if (hit) {
      strikeType = type;
      const m = re.exec(hit.lower)!;
      ev('strike_type', hit, m.index, m.index + m[0].length);
      break;
    }
  }
  const weapons = [...new Set(d.facts.flatMap((f) => f.weapons.map((w) => w.weapon.name)))];
  let target: string | null = null;
  for (const f of d.facts) {
    const m = TARGETS.exec(f.lower);
    if (m && f.strike) {
      target = m[0];
      ev('target', f, m.index, m.index + m[0].length);
      break;
    }
  }
  const p = place?.place ?? null;
  const background = isBackground(date, published);
  return {
    date: date?.date ?? null,
    date_precision: date ? date.precision : 'unknown',
    date_text: date?.text ?? null,
    place: place ? place.name : null,
    place_text:
      place && d.placeSentence
        ? fullText
            .slice(
              d.placeSentence.sentence.start + place.textStart,
              d.placeSentence.sentence.start + place.end,
            )
            .trim()
        : place
          ? place.name
          : null,
    admin1: p?.admin1 ?? null,
    country: p?.country ?? null,
    lat: p?.lat ?? null,
    lon: p?.lon ?? null,
    location_precision: p
      ? place?.relation === 'countryside' && p.precision !== 'governorate'
        ? 'district'
        : p.precision
      : null,
    gazetteer_id: p?.id ?? null,
    attributed,
    killed,
    civilians_killed: civilians,
    children_killed: children,
    women_killed: women,
    combatants_killed: combatants,
    injured,
    strike_type: strikeType,
    weapons,
    target,
    background,
    evidence: evidence.sort((a, b) => a.start - b.start),
  };
}

/** The publication dateline at the top of the text is when it was written, not when a strike happened. */
function isDateline(m: DateMention, published: string | null, fullText: string): boolean {
  if (m.start >= 400 || m.kind !== 'explicit' || m.date === null || m.date !== published) return false;
  if (/^(?:on|the)\b/i.test(m.text)) return false;
  return !/\b(?:on|since|from|of|until|by)\s+(?:the\s+)?$/i.test(
    fullText.slice(Math.max(0, m.start - 12), m.start),
  );
}

/** An event dated well before publication is earlier context. */
function isBackground(date: DateMention | null, published: string | null): boolean {
  if (!date?.date || !published) return false;
  const d = Date.parse(
    date.date.length === 7 ? `${date.date}-28` : date.date.length === 4 ? `${date.date}-12-31` : date.date,
  );
  const p = Date.parse(published);
  if (Number.isNaN(d) || Number.isNaN(p)) return false;
  return p - d > 7 * 86400_000;
}
