/** Turns per-sentence findings into strike events: which sentences describe which strike. */
import type { Attribution, Evidence, ExtractedEvent, StrikeType } from '../../domain/extraction.ts';
import { kmBetween } from '../../domain/geo.ts';
import type { Place } from '../../domain/place.ts';
import { envelope, type Range } from '../../domain/range.ts';
import type { Claim } from './attribution.ts';
import { pluralVictims, type CasualtyMention } from './casualties.ts';
import { vagueness, type DateMention } from './dates.ts';
import { precisionRank, type PlaceMention } from './places.ts';
import type { WeaponHit } from './lexicon-index.ts';
import { matches, type Sentence } from './text.ts';

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
  /** A placeless total that several places share: reported through those places instead. */
  pooled?: boolean;
  /** The place is named in an earlier sentence, of another strike there ("fresh strikes on the city on Wednesday"). */
  borrowed?: boolean;
  /** Another strike at (or near) the place of an earlier one, told with its own toll. */
  apart?: boolean;
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
  // So are places that each have a toll of their own ("11 were killed in A and another man died in B").
  const tolled = new Set<PlaceMention>();
  const killed = f.casualties.filter((c) => c.outcome === 'killed' && !c.subset);
  if (killed.length > 1)
    for (const c of killed) {
      const after = usable.find((p) => p.textStart >= c.end && p.textStart - c.end <= 40);
      if (after) tolled.add(after);
    }
  const list = usable.filter(
    (p) =>
      p !== best &&
      (p.coordinated || tolled.has(p)) &&
      precisionRank(p.place) <= 5 &&
      !sameTarget(p.place, best.place),
  );
  const byStart = [best, ...list].sort((a, b) => a.start - b.start);
  return byStart.filter((p, i) => byStart.findIndex((q) => sameTarget(q.place, p.place)) === i);
}

/** Groups sentences into events. */
export function groupEvents(facts: SentenceFacts[], published: string | null = null, fullText = ''): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let lastParagraph = -1;
  let afterList = false;
  /** Sentences with a toll that joined no event: kept for a text that tells of one strike only. */
  const orphans: SentenceFacts[] = [];
  facts.forEach((f, index) => {
    const startsEvent =
      f.strike &&
      !f.excluded &&
      (f.casualties.length > 0 || f.claims.length > 0 || f.dates.length > 0 || f.places.length > 0);
    // Victims in the plural without a number ("civilians were killed") add to an event, never start one.
    const supports =
      !f.excluded &&
      (f.casualties.some((c) => c.outcome === 'killed' || c.outcome === 'injured') ||
        f.claims.length > 0 ||
        (current !== null && pluralsOf(f).length > 0));
    if (!startsEvent && !supports) return;
    const near = current !== null && f.sentence.paragraph - lastParagraph <= 2;
    const places = mainPlaces(f);
    if (places.length === 0) {
      // After a sentence naming several struck places, a toll without a place pools them: it is
      // no one place's figure.
      if (current && afterList && f.casualties.length > 0 && !f.linked) return;
      // "Fresh air strikes hit the city on Wednesday", "forty minutes later another attack killed
      // another 20": a new strike at the same place, on a day of its own that the event so far does
      // not have, or with a toll of its own.
      const day = ownDay(f);
      const newDay =
        day !== null &&
        !current?.facts.some((g) =>
          g.dates.some((m) => m.date === day && m.role === undefined && !isDateline(m, published, fullText)),
        );
      const ownToll = killedIn(f) && current?.facts.some(killedIn) === true;
      if (current?.place && (near || f.linked) && startsEvent && FRESH.test(f.lower) && (newDay || ownToll)) {
        current = {
          place: current.place,
          placeSentence: current.placeSentence,
          facts: [f],
          firstIndex: index,
          borrowed: true,
        };
        drafts.push(current);
        lastParagraph = f.sentence.paragraph;
        return;
      }
      // "Others died in a separate incident that day, in which 22 were killed": another strike's toll.
      if (current && SEPARATE.test(f.lower) && killedIn(f)) return;
      if (current && (near || f.linked)) current.facts.push(f);
      else if (startsEvent && (f.casualties.length > 0 || f.claims.length > 0)) {
        current = { place: null, placeSentence: null, facts: [f], firstIndex: index };
        drafts.push(current);
      } else {
        orphans.push(f);
        return;
      }
      lastParagraph = f.sentence.paragraph;
      return;
    }
    if (!startsEvent && !(current && near)) {
      orphans.push(f);
      return;
    }
    // A toll told before naming several places ("strikes kill 12 ... 11 in A and one in B") pools
    // them: it is no one place's figure.
    const pooledParts =
      places.length > 1 && current !== null && current.place === null && near && current.facts.some(killedIn);
    if (pooledParts) current!.pooled = true;
    afterList = places.length > 1;
    places.forEach((p, i) => {
      // "15 killed in Manbij ... six more in a village near Manbij": a place told only relative to
      // the strike's place, with a toll of its own, is another strike there.
      const nearby =
        p.relation !== null && RELATIVE.test(p.relation) && killedIn(f) && !f.linked && !pooledParts;
      let target =
        drafts.find(
          (d) =>
            d.place &&
            sameTarget(d.place.place, p.place) &&
            !(nearby && d.place.relation === null && d.facts.some(killedIn)),
        ) ?? null;
      if (!target && nearby && drafts.some((d) => d.place && sameTarget(d.place.place, p.place))) {
        target = { place: p, placeSentence: f, facts: [], firstIndex: index, apart: true };
        drafts.push(target);
      }
      if (!target && current && current.place === null && near && !pooledParts) target = current;
      // A specific place inside the current event's broad one names where that strike hit, unless
      // the sentence tells of another strike ("a separate raid", its own toll).
      if (
        !target &&
        current?.place &&
        near &&
        i === 0 &&
        refines(current.place.place, p.place) &&
        !SEPARATE.test(f.lower) &&
        // Its own toll tells of another strike, unless it repeats the event's toll, or the sentence
        // places it in the current event's town ("the Sukkari neighbourhood in Aleppo"): a source's
        // figure for that strike.
        (!(killedIn(f) && current.facts.some(killedIn)) ||
          sameToll(f, current.facts) ||
          (!AREA.has(current.place.place.precision) &&
            !p.coordinated &&
            f.places.some(
              (q) => q !== p && q.relation === null && sameTarget(q.place, current!.place!.place),
            )))
      )
        target = current;
      // "Strikes killed 70 in a district outside Damascus ... 60 strikes on Eastern Ghouta": an area
      // near the place the strike was told relative to names where it hit. (A town there would
      // rather be one strike of several the lead sums up.)
      if (
        !target &&
        current?.place &&
        near &&
        i === 0 &&
        p.place.precision === 'district' &&
        current.place.relation !== null &&
        RELATIVE.test(current.place.relation) &&
        p.relation === null &&
        !sameTarget(p.place, current.place.place) &&
        kmBetween(p.place, current.place.place) <= LANDMARK_KM &&
        !SEPARATE.test(f.lower) &&
        !(killedIn(f) && current.facts.some(killedIn))
      ) {
        current.place = p;
        current.placeSentence = f;
        if (!current.facts.includes(f)) current.facts.push(f);
        return;
      }
      // A broader mention (the governorate, or its same-named capital) of the current event's place,
      // or a landmark the current place lies near ("a few kilometres south-west of Kafranbel").
      if (
        !target &&
        current?.place &&
        near &&
        (refines(p.place, current.place.place) ||
          (p.relation !== null &&
            kmBetween(p.place, current.place.place) <= LANDMARK_KM &&
            !SEPARATE.test(f.lower) &&
            !(killedIn(f) && current.facts.some(killedIn))))
      ) {
        if (!current.facts.includes(f)) current.facts.push(f);
        return;
      }
      // The parts of a pooled total start their own events, strike word or not.
      if (!target && !startsEvent && !pooledParts) {
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
  return joinOrphans(drafts, orphans, facts);
}

const RELATIVE = /^(?:outside|near|nearby|around|outskirts of|vicinity of|on the outskirts of)$/;
/** After a day: it is the attack's day ("Wednesday's attack", "Sunday's air strikes"). */
const ATTACK_DAY =
  /^(?:['’]s?)?\s+(?:deadly\s+|suspected\s+|alleged\s+)?(?:attacks?|air ?strikes?|strikes?|raids?|air ?raids?|bombings?|bombardment|massacre|shelling)\b/i;
const FRESH =
  /\b(?:fresh|new|further|renewed|more|another|separate|second)\s+(?:air ?strikes?|air ?raids?|raids?|strikes?|attacks?|bombings?|shelling|bombardment)\b/;
/** The one day a sentence dates itself to (not a day a source spoke), or null. */
function ownDay(f: SentenceFacts): string | null {
  const days = f.dates.filter(
    (m) => m.precision === 'day' && m.kind !== 'vague' && m.role === undefined && m.date !== null,
  );
  return days.length === 1 ? days[0]!.date : null;
}
/**
 * A text that tells of one strike only, at one place: a toll told further on without a place of its
 * own, or at that strike's place ("a relative wrote that five people had died"), is another
 * source's figure for it, unless it speaks of another strike.
 */
function joinOrphans(drafts: Draft[], orphans: SentenceFacts[], facts: SentenceFacts[]): Draft[] {
  const placed = drafts.filter((d) => d.place !== null);
  const only = placed.length === 1 ? placed[0]! : drafts.length === 1 ? drafts[0]! : null;
  // Only figures told after the strike's own toll: a headline total before it is no source's count.
  if (only === null || !only.facts.some((f) => f.casualties.length > 0)) return drafts;
  const first = only.facts[0]!;
  const start = first.sentence.start;
  // "At least 15 people were killed at dawn. An air strike hit their home in Rafah.": a toll told
  // just before the strike, in the same paragraph, is that strike's; a repeat of the headline under
  // a dateline is no such sentence.
  const title = facts.find(isTitle)?.lower.trim();
  const lead = (f: SentenceFacts): boolean =>
    facts.indexOf(f) === facts.indexOf(first) - 1 &&
    f.sentence.paragraph === first.sentence.paragraph &&
    !(title && f.lower.includes(title));
  const later = (f: SentenceFacts): boolean =>
    (f.sentence.start > start || lead(f)) && f.casualties.length > 0 && !SEPARATE.test(f.lower);
  const own = (f: SentenceFacts): boolean => {
    if (!later(f)) return false;
    const places = mainPlaces(f);
    return (
      places.length === 0 ||
      (only.place !== null && places.every((p) => sameTarget(p.place, only.place!.place)))
    );
  };
  const merged = drafts.filter((d) => d !== only && d.place === null && d.facts.every(later));
  const joined = [...orphans.filter(own), ...merged.flatMap((d) => d.facts)];
  if (joined.length === 0) return drafts;
  only.facts = [...new Set([...only.facts, ...joined])].sort((a, b) => a.sentence.start - b.sentence.start);
  return drafts.filter((d) => !merged.includes(d));
}

const AREA = new Set(['governorate', 'district', 'country']);
const SEPARATE =
  /\b(?:separate|another|other|second|further|new|different)\s+(?:air ?strikes?|raids?|strikes?|attacks?|bombings?|incidents?)\b|\bacross (?:several |multiple |the )?(?:air ?strikes|raids|strikes|attacks|bombings)\b/;
/** The sentence repeats a death toll the event already gives ("at least 10" and "at least 10"). */
const sameToll = (f: SentenceFacts, facts: readonly SentenceFacts[]): boolean =>
  f.casualties.some(
    (c) =>
      c.outcome === 'killed' &&
      !c.subset &&
      facts.some((g) =>
        g.casualties.some(
          (d) =>
            d.outcome === 'killed' &&
            !d.subset &&
            d.range.min === c.range.min &&
            // "35" and "at least 35" are one toll.
            (d.range.max === c.range.max || d.range.max === null || c.range.max === null),
        ),
      ),
  );
/** The sentence gives a death toll of its own: a part of another toll or a first count that was revised is none. */
const killedIn = (f: SentenceFacts): boolean =>
  f.casualties.some((c) => c.outcome === 'killed' && !c.subset && !c.early);

/** A place described relative to a landmark lies within this distance of it. */
const LANDMARK_KM = 15;

/** True when `specific` lies inside `broad`, a governorate or the same-named city of its governorate. */
function refines(broad: Place, specific: Place): boolean {
  if (precisionRank(specific) >= precisionRank(broad)) return false;
  if (broad.admin1 === null || broad.admin1 !== specific.admin1) return false;
  return (
    broad.precision === 'governorate' ||
    broad.precision === 'district' ||
    looseKey(broad.name) === looseKey(broad.admin1)
  );
}

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

/** Each sentence's plural victims, read once: grouping and every event it joins ask again. */
const plurals = new WeakMap<SentenceFacts, CasualtyMention[]>();
function pluralsOf(f: SentenceFacts): CasualtyMention[] {
  let found = plurals.get(f);
  if (found === undefined) {
    found = pluralVictims(f.lower);
    plurals.set(f, found);
  }
  return found;
}

/** A sentence's figures, plus "others were hurt" style plurals for outcomes it gives no figure for. */
export function sentenceCasualties(
  found: CasualtyMention[],
  lower: string,
  plurals: readonly CasualtyMention[] = pluralVictims(lower),
): CasualtyMention[] {
  // Read for every sentence: read only beside plural victims, an unmet list shape deoptimises the caller.
  const all: CasualtyMention[] = [];
  let killed = false;
  let injured = false;
  for (const m of found) {
    all.push(m);
    if (m.single) continue;
    if (m.outcome === 'killed') killed = true;
    else injured = true;
  }
  let plural = false;
  for (const p of plurals) {
    if (p.outcome === 'killed' ? killed : injured) continue;
    all.push(p);
    plural = true;
  }
  return plural ? all : found;
}

/**
 * The mentions an event's figures come from: a plural without a number or a lone named victim only
 * counts for an outcome (killed, injured) that no sentence of the event gives a figure for.
 */
export function usableCasualties(mentions: CasualtyMention[]): CasualtyMention[] {
  const stated = new Set(mentions.filter((m) => !m.plural && !m.single).map((m) => m.outcome));
  // "At least one civilian, and potentially others, were killed": a lone victim beside victims in
  // the plural is a toll of one to two, the least the plural says.
  const counted = mentions.filter((m) => !m.plural && !m.vague && !m.subset);
  const lone = new Set(
    counted.filter((m) => m.range.min === 1 && (m.range.max ?? 1) === 1).map((m) => m.outcome),
  );
  const higher = new Set(counted.filter((m) => (m.range.max ?? m.range.min ?? 0) > 1).map((m) => m.outcome));
  const few = (m: CasualtyMention): boolean => m.plural || (m.vague && (m.range.min ?? 0) <= 2);
  return mentions.filter((m) => {
    if (few(m) && lone.has(m.outcome) && !higher.has(m.outcome)) {
      // The mentions are the event's own copies: the plural's reading is set on it alone.
      m.range = { min: 1, max: 2 };
      m.plural = true;
      m.vague = false;
      return true;
    }
    return !(m.plural || m.single) || !stated.has(m.outcome);
  });
}

/**
 * "Eleven civilians were killed in Saraqeb and another man died in Sheikh Mustafa": where a sentence
 * names several places and gives several tolls, each toll belongs to the place nearest to it.
 */
function ownFigures(
  mentions: CasualtyMention[],
  f: SentenceFacts,
  own: PlaceMention | null,
): CasualtyMention[] {
  if (own === null || mentions.filter((m) => !m.subset).length < 2) return mentions;
  const places = mainPlaces(f);
  if (places.length < 2) return mentions;
  const mine = places.find((p) => sameTarget(p.place, own.place));
  if (!mine) return mentions;
  const gap = (m: CasualtyMention, p: PlaceMention): number =>
    p.textStart >= m.end ? p.textStart - m.end : m.start >= p.end ? m.start - p.end + 20 : 0;
  return mentions.filter((m) => {
    let best = places[0]!;
    for (const p of places) if (gap(m, p) < gap(m, best)) best = p;
    // "in Bani Suhaila, Khan Younis, killed two": the town the place lies in is the same strike's.
    return (
      best === mine ||
      (best.place.admin1 === mine.place.admin1 && kmBetween(best.place, mine.place) <= LANDMARK_KM)
    );
  });
}

const DEMOGRAPHIC = new Set(['children', 'women', 'men']);
const isPart = (m: CasualtyMention): boolean => m.partial || m.groups.every((g) => DEMOGRAPHIC.has(g));

/** A headline ("Strikes kill 20 in Idlib"), not a sentence of the text: it ends without a full stop. */
const isTitle = (f: SentenceFacts): boolean =>
  f.sentence.headline && !/[.!?]['"\u201d]?\s*$/.test(f.sentence.text);

/** The range an event reports for one field, from the mentions its sentences give. */
export function rangeOf(mentions: CasualtyMention[]): Range | null {
  if (mentions.length === 0) return null;
  // Stated figures first; then vague quantities ("dozens"), a plural ("others"), a lone named victim.
  // A part ("two of the farmers", "three others", "five children") yields to a whole figure.
  const stated = mentions.filter((m) => !m.vague && !m.single && !m.plural);
  // Victims named one by one below a whole figure are some of them: the list never lowers the toll.
  const wholeTop = Math.max(
    0,
    ...stated.filter((m) => !m.named && !isPart(m)).map((m) => m.range.min ?? m.range.max ?? 0),
  );
  const part = (m: CasualtyMention): boolean =>
    isPart(m) || (m.named === true && (m.range.min ?? 0) < wholeTop);
  const tiers = [
    stated.filter((m) => !part(m)),
    stated,
    mentions.filter((m) => m.vague),
    mentions.filter((m) => m.plural),
  ];
  let use = tiers.find((t) => t.length > 0) ?? mentions;
  // A lone victim's plural companions ("at least one ... and others"): one to two, beside the one.
  const pair = mentions.filter((m) => m.plural && m.range.min === 1 && m.range.max === 2);
  if (pair.length > 0 && !use.includes(pair[0]!)) use = [...use, ...pair];
  // A first count ("initially reported three dead") yields to a later figure as high or higher; a
  // lower figure from another source does not undo it.
  const top = (m: CasualtyMention): number => m.range.max ?? m.range.min ?? 0;
  const laterTop = Math.max(...use.filter((m) => !m.early).map(top));
  if (use.some((m) => !m.early)) use = use.filter((m) => !m.early || top(m) > laterTop);
  // The text's own lead figure stands over lower ones that particular sources give.
  const floor = Math.max(...use.filter((m) => m.lead && !m.sourced).map((m) => m.range.min ?? -1));
  if (floor > 0) use = use.filter((m) => m.lead || (m.range.max ?? m.range.min ?? 0) >= floor);
  // A toll update replaces lower figures stated before it.
  const lastUpdate = use.filter((m) => m.update).at(-1);
  if (lastUpdate) {
    const v = lastUpdate.range.min ?? lastUpdate.range.max ?? 0;
    use = use.filter((m) => m.update || (m.range.max ?? m.range.min ?? 0) >= v);
  }
  return envelope(use.map((m) => m.range));
}

/**
 * Where the dead are civilians and no fighter is among them, a higher count of "people" killed from
 * another source ("at least four civilians"; "five people were killed") is the most the civilian
 * toll may be. It may include others, so it never lowers the civilian figure; and where the
 * civilians are told as a part of a total ("five people, including four students"), the total
 * names others too.
 */
export function civilianCeiling(civilians: Range | null, mentions: CasualtyMention[]): Range | null {
  if (civilians === null || mentions.some(CASUALTY_FIELDS.combatants_killed)) return civilians;
  // "At least 19 people, including a journalist and eight children": the one person named as a
  // civilian is part of a toll of people, all civilians as far as the text says.
  const civ = mentions.filter(CASUALTY_FIELDS.civilians_killed);
  const whole = mentions.filter(
    (m) =>
      CASUALTY_FIELDS.killed(m) &&
      m.groups.every((g) => g === 'people') &&
      !(m.vague || m.single || m.plural || m.partial || m.early || m.subset),
  );
  if (
    civ.length > 0 &&
    civ.every((m) => (m.single || m.subset) && m.range.min === 1 && m.range.max === 1) &&
    whole.length > 0
  ) {
    // The largest of those tolls, as told.
    const biggest = whole.reduce((a, b) => ((b.range.min ?? -1) > (a.range.min ?? -1) ? b : a));
    if ((biggest.range.min ?? 0) > (civilians.max ?? civilians.min ?? 0)) return { ...biggest.range };
  }
  if (mentions.some((m) => CASUALTY_FIELDS.civilians_killed(m) && m.subset)) return civilians;
  const people = mentions.filter(
    (m) =>
      CASUALTY_FIELDS.killed(m) &&
      m.groups.every((g) => g === 'people') &&
      !(m.vague || m.single || m.plural || m.partial || m.early),
  );
  // A source's open figure ("a local agency said more than 20 died") is the most that source gives.
  const top =
    people.length > 0
      ? Math.max(...people.map((m) => m.range.max ?? (m.sourced ? m.range.min : null) ?? -1))
      : null;
  const own = civilians.max ?? civilians.min;
  if (top === null || own === null || top <= own) return civilians;
  return { min: civilians.min, max: top };
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
  allFacts: readonly SentenceFacts[] = [],
): ExtractedEvent {
  const evidence: Evidence[] = [];
  const ev = (field: string, f: SentenceFacts, start: number, end: number): void => {
    const s = f.sentence.start + start;
    const e = f.sentence.start + end;
    if (e <= s || evidence.some((x) => x.field === field && x.start === s)) return;
    evidence.push({ field, start: s, end: e, text: fullText.slice(s, e) });
  };
  const chosen = chooseDate(d, fullText, published, allFacts);
  const date = chosen?.mention ?? null;
  if (chosen) {
    const at = chosen.fact.sentence.start;
    ev('date', chosen.fact, chosen.mention.start - at, chosen.mention.end - at);
  }
  const place = d.place ?? docPlace;
  if (d.place && d.placeSentence) ev('place', d.placeSentence, d.place.textStart, d.place.end);
  // Casualties.
  // A sentence that dates its toll to another day ("since an attack on Tuesday that killed 87")
  // tells of another strike: its figures are not this one's.
  const otherDay = (f: SentenceFacts): boolean => {
    if (date?.precision !== 'day' || date.date === null) return false;
    const days = f.dates.filter(
      (m) =>
        m.precision === 'day' &&
        m.kind !== 'vague' &&
        m.role === undefined &&
        m.date !== null &&
        !isDateline(m, published, fullText),
    );
    return (
      days.length > 0 &&
      days.every((m) => Math.abs(Date.parse(m.date!) - Date.parse(date.date!)) > 86_400_000)
    );
  };
  // Loops into literals rather than filter/map chains: the lists keep one shape, empty or not.
  const facts: SentenceFacts[] = [];
  for (const f of d.facts) if (!otherDay(f)) facts.push(f);
  // The lead: the first sentence with a figure, in the paragraph the event starts in.
  const leadFact = facts.find((f) => f.casualties.some((c) => !c.single && !c.partial && !c.subset));
  // facts[0] is read only when a lead was found (an empty list's [0] would deoptimise buildEvent).
  const lead =
    leadFact !== undefined && leadFact.sentence.paragraph === facts[0]!.sentence.paragraph
      ? leadFact
      : undefined;
  const found: Array<{ m: CasualtyMention; f: SentenceFacts }> = [];
  for (const f of facts)
    for (const m of ownFigures(sentenceCasualties(f.casualties, f.lower, pluralsOf(f)), f, d.place))
      found.push({ m: { ...m, lead: f === lead && !isTitle(f) && !m.early && !m.partial }, f });
  const mentions: CasualtyMention[] = [];
  for (const x of found) mentions.push(x.m);
  const kept = new Set(usableCasualties(mentions));
  const all: Array<{ m: CasualtyMention; f: SentenceFacts }> = [];
  for (const x of found) if (kept.has(x.m)) all.push(x);
  const pick = (pred: (m: CasualtyMention) => boolean, field: string): Range | null => {
    // One loop into a literal (pred only reads): the list rangeOf gets has one shape, empty or not.
    const chosen: CasualtyMention[] = [];
    for (const { m, f } of all) {
      if (!pred(m)) continue;
      ev(field, f, m.start, m.end);
      chosen.push(m);
    }
    return rangeOf(chosen);
  };
  const killed = pick(CASUALTY_FIELDS.killed, 'killed');
  const civilians = civilianCeiling(
    pick(CASUALTY_FIELDS.civilians_killed, 'civilians_killed'),
    all.filter(({ f }) => !SEPARATE.test(f.lower)).map(({ m }) => m),
  );
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
    place: place ? withFacility(place, d.place ? d.placeSentence : null) : null,
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

interface ChosenDate {
  mention: DateMention;
  fact: SentenceFacts;
}

/**
 * A day (not a span, month or vague time) that is not merely the day a source spoke, nor after
 * publication (a later update, not the strike).
 */
const isStrikeDay = (m: DateMention, published: string | null): boolean =>
  m.kind !== 'vague' &&
  m.precision === 'day' &&
  m.date !== null &&
  m.role === undefined &&
  (published === null || m.date <= published);

/**
 * The date of an event, from the time words of its sentences:
 *
 * 1. The sentence naming the event's place, then the others in order: the first sentence with a
 *    day decides; a vague time ("overnight", "over the past 24 hours") or a span of days ("on
 *    Saturday and Sunday") there leaves the day unknown.
 * 2. Failing that, the day a source spoke ("the monitor said on Sunday") when its sentence gives
 *    no other time; a day weeks before it, told later, is then context, not the strike.
 * 3. With no time words at all, the event is told as part of the news before it: the nearest
 *    preceding sentence with a recent day gives it.
 * 4. Last, a photo caption's date, a month or a year.
 */
function chooseDate(
  d: Draft,
  fullText: string,
  published: string | null,
  allFacts: readonly SentenceFacts[],
): ChosenDate | null {
  const order =
    d.placeSentence && !d.borrowed
      ? [d.placeSentence, ...d.facts.filter((f) => f !== d.placeSentence)]
      : d.facts;
  let spoken: ChosenDate | null = null;
  let coarse: ChosenDate | null = null;
  for (const f of order) {
    const usable = f.dates.filter((m) => !isDateline(m, published, fullText));
    // "Wednesday's attack" names the strike's day, whatever else the sentence dates ("this
    // morning the ministry claimed").
    const day =
      usable.find((m) => isStrikeDay(m, published) && ATTACK_DAY.test(fullText.slice(m.end, m.end + 24))) ??
      usable.find((m) => isStrikeDay(m, published));
    // Once a source's report day is known, a day weeks before it told later is context.
    if (day && !(spoken && isBackground(day, spoken.mention.date))) return { mention: day, fact: f };
    const open = usable.some(
      (m) =>
        m.role === undefined &&
        (m.precision === 'range' || vagueness(m) === 'occasion' || vagueness(m) === 'period'),
    );
    if (open) return null;
    // The report day stands for the strike only when its sentence gives no other time (a photo
    // caption's date run into the sentence is none).
    const said = usable.find((m) => m.role === 'report' && m.precision === 'day');
    if (said && !spoken && usable.every((m) => m === said || m.role !== undefined))
      spoken = { mention: said, fact: f };
    const rough = usable.find((m) => m.date !== null);
    if (rough && !coarse) coarse = { mention: rough, fact: f };
    // "X also hit Y": the place's own sentence, linked to the news before it and giving no day,
    // takes that news's day before any later sentence's.
    if (f === d.placeSentence && f.linked && usable.length === 0) {
      const inherited = precedingDay(d, fullText, published, allFacts);
      if (inherited) return inherited;
    }
  }
  if (spoken) return spoken;
  // A month or a year where the event is told is its own time: it borrows no day from the lead.
  const told = order[0]?.dates.some(
    (m) => !isDateline(m, published, fullText) && vagueness(m) !== 'span' && m.precision !== 'day',
  );
  const inherited = told ? null : precedingDay(d, fullText, published, allFacts);
  return inherited ?? coarse;
}

/**
 * The day of the nearest earlier sentence that tells the same news: the event is linked to it
 * ("also", "meanwhile"), or that sentence names no place, the event's place or an area containing
 * it ("in Raqqa province ... on Saturday" before "the village of Hanida"). The day must lie within
 * the week before publication; an unnamed time there ("overnight") leaves the day unknown.
 */
function precedingDay(
  d: Draft,
  fullText: string,
  published: string | null,
  allFacts: readonly SentenceFacts[],
): ChosenDate | null {
  if (published === null) return null;
  const first = Math.min(...d.facts.map((f) => f.sentence.start));
  const linked = d.facts.some((f) => f.linked);
  const dayOf = (f: SentenceFacts): DateMention | null => {
    const days = f.dates.filter(
      (m) =>
        m.kind !== 'vague' &&
        m.precision === 'day' &&
        m.date !== null &&
        m.date <= published &&
        m.role !== 'caption' &&
        !isDateline(m, published, fullText) &&
        !isBackground(m, published),
    );
    return days.find((m) => m.role === undefined) ?? days[0] ?? null;
  };
  const unnamed = (f: SentenceFacts): boolean =>
    f.dates.some((m) => m.precision === 'range' || vagueness(m) === 'occasion');
  const before = allFacts.filter((f) => f.sentence.start < first);
  for (let i = before.length - 1; i >= 0; i--) {
    const f = before[i]!;
    if (unnamed(f)) return null;
    const day = dayOf(f);
    if (day) return sameNews(f, d.place, linked) ? { mention: day, fact: f } : null;
  }
  // Nothing before it (the event is told in the headline or the first lines): the lead that follows.
  for (const f of allFacts) {
    if (f.sentence.start <= first || d.facts.includes(f)) continue;
    if (unnamed(f)) return null;
    const day = dayOf(f);
    if (day) return sameNews(f, d.place, linked) ? { mention: day, fact: f } : null;
  }
  return null;
}

/**
 * Whether a sentence tells the news an event belongs to: it names no place, or the event's place or
 * an area containing it, and nothing more precise (then the event would be a wider re-telling of
 * that sentence's strike, not a part of it); or the event is linked to it ("also").
 */
function sameNews(f: SentenceFacts, place: PlaceMention | null, linked: boolean): boolean {
  if (place === null) return true;
  const named = f.places.filter((p) => p.place.precision !== 'country');
  if (named.length === 0) return true;
  // A sibling strike told with "also" shares the day whatever its place's size.
  if (linked) return true;
  const rank = precisionRank(place.place);
  return (
    named.some((q) => sameTarget(q.place, place.place) || (!q.weak && containsPlace(q.place, place.place))) &&
    !named.some((q) => !q.weak && precisionRank(q.place) < rank)
  );
}

/** Loose key of a name: letters only, without a leading article or a final "h" ("Ar Raqqah" = "Raqqa"). */
const looseKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/^(?:al|el|ar|as|ad|an|at|az)(?=[a-z]{4})/, '')
    .replace(/h$/, '');

/** A governorate, or the city that shares its governorate's name, counts as the whole governorate. */
function areaRank(p: Place): number {
  if (p.admin1 !== null && p.precision === 'city' && looseKey(p.name) === looseKey(p.admin1))
    return precisionRank({ ...p, precision: 'governorate' });
  return precisionRank(p);
}

/** `broad` is a wider area around `specific`: its governorate, or a city within 15 km of it. */
function containsPlace(broad: Place, specific: Place): boolean {
  if (areaRank(broad) <= precisionRank(specific)) return false;
  if (broad.admin1 !== null && broad.admin1 === specific.admin1 && areaRank(broad) >= 6) return true;
  return kmBetween(broad, specific) <= 15;
}

const FACILITY =
  /\b((?:(?:[A-Z][\w'’-]+|al-[A-Z][\w'’-]*)\s+){1,3})((?:military |army |air |naval |training |refugee |displacement |idp )?(?:camp|base|airbase|air base|airport|hospital|school|prison|mosque|market|refinery|dam|academy|college|barracks|checkpoint|factory|bakery|stadium|university|power station|power plant))\b/g;
const NOT_FACILITY_NAME =
  /^(?:The|A|An|In|On|At|Of|Syrian|Russian|Turkish|Israeli|American|Iraqi|Coalition|Regime|Government|Army|Military|Islamic State|IS|ISIS|Daesh|National|Central|Main|Field|Local|Its|Their|His|Her)\b/;

/**
 * A named facility next to the place ("the Saeqa military camp ... near the town of Ayyash") is the
 * most specific place the text gives; its coordinates stay those of the place it lies in or near.
 */
function withFacility(place: PlaceMention, f: SentenceFacts | null): string {
  if (!f) return place.name;
  const text = f.sentence.text;
  for (const m of matches(FACILITY, text)) {
    let name = m[1]!.trim();
    while (NOT_FACILITY_NAME.test(name)) name = name.replace(NOT_FACILITY_NAME, '').trim();
    if (name.length < 3 || /^(?:[A-Z][a-z]+day|[A-Z][a-z]+ary|May|June|July|August)$/.test(name)) continue;
    const start = m.index + m[0].indexOf(name);
    const end = m.index + m[0].length;
    const gap = start >= place.end ? start - place.end : place.textStart - end;
    if (gap > 90 || (start < place.end && end > place.textStart && !name.includes(place.name))) continue;
    const facility = `${name} ${m[2]}`;
    if (facility.includes(place.name)) return facility;
    return place.relation ? `${facility}, ${place.relation} ${place.name}` : `${facility}, ${place.name}`;
  }
  return place.name;
}

/** The publication dateline at the top of the text is when it was written, not when a strike happened. */
function isDateline(m: DateMention, published: string | null, fullText: string): boolean {
  if (m.start >= 400 || m.kind !== 'explicit' || m.date === null || m.date !== published) return false;
  // "Posted on April 2 2017", "Published on ...", "Last updated: ...": the byline's date.
  if (BYLINE_DATE.test(fullText.slice(Math.max(0, m.start - 24), m.start))) return true;
  if (/^(?:on|the)\b/i.test(m.text)) return false;
  return !/\b(?:on|since|from|of|until|by)\s+(?:the\s+)?$/i.test(
    fullText.slice(Math.max(0, m.start - 12), m.start),
  );
}

const BYLINE_DATE = /\b(?:posted|published|updated|update)\s*:?\s*(?:on\s+)?$/i;

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
