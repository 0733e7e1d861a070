/** Casualty figures in one sentence: who (category), killed or injured, and the range the words give. */
import type { Range } from '../../domain/range.ts';
import { findNamedVictims } from './named-victims.ts';
import { findNumbers, UNITS, type NumberMention } from './numbers.ts';
import { matches } from './text.ts';

export type Outcome = 'killed' | 'injured';
export type Group = 'people' | 'civilians' | 'children' | 'women' | 'men' | 'combatants';

export interface CasualtyMention {
  start: number;
  end: number;
  outcome: Outcome;
  groups: Group[];
  range: Range;
  /** A later toll ("rose to 20"): replaces lower earlier figures. */
  update: boolean;
  /** "dozens", "scores": used only when a group has no number at all. */
  vague: boolean;
  /** "including four children": a part of another figure, not added to the total. */
  subset: boolean;
  /** One named victim ("Ali, 35, was killed"): used only when the event has no figure at all. */
  single: boolean;
  /** Victims in the plural without a number ("others were hurt"): at least two, only without a figure. */
  plural: boolean;
  /** "two of the farmers", "three others": some of the victims, used only when no whole figure is given. */
  partial: boolean;
  /** "initially reported three dead": a first count, given up for any other figure. */
  early?: boolean;
  /** "a local agency said that ten were killed": a figure a named source gives, not the text's own. */
  sourced?: boolean;
  /** Victims told one by one ("X, his wife Y and their son Z were killed"), counted. */
  named?: boolean;
  /** The text's own figure in the first sentence of its event (set when events are built). */
  lead?: boolean;
}

const NOUNS: Array<[RegExp, Group[]]> = [
  [
    /^(?:civilians?|residents?|villagers?|inhabitants|worshippers|shoppers|passengers|displaced(?: people| persons)?|refugees|farmers|workers|labourers|laborers|citizens)\b/,
    ['civilians'],
  ],
  [
    /^(?:medics?|paramedics?|aid workers?|rescue workers?|rescuers|(?:civil )?defen[cs]e (?:workers?|volunteers?|members)|emergency workers?|doctors?|nurses?|health workers?|medical (?:staff|workers?|personnel)|hospital staff|journalists?|teachers?|students?)\b/,
    ['civilians'],
  ],
  [/^(?:schoolchildren|pupils)\b/, ['civilians', 'children']],
  [
    /^(?:children|child|kids|minors|boys?|girls?|babies|baby|infants?|toddlers?|sons|daughters)\b/,
    ['children'],
  ],
  [/^(?:women|woman|mothers?|wives)\b/, ['women']],
  [/^(?:men|man|fathers?|husbands?)\b/, ['men']],
  [
    /^(?:soldiers?|troops|servicemen|fighters?|militants?|terrorists?|jihadists?|rebels?|gunmen|insurgents?|militiamen|militia(?:men| members)?|combatants?|officers?|army personnel|military personnel|recruits|guards?|commanders?|extremists?|mercenaries|operatives)\b(?! of the [a-z' -]+ family)/,
    ['combatants'],
  ],
  [
    /^(?:people|persons?|individuals|others|more|family members|members of (?:the |a |one )?[a-z' -]{2,30}? family|members|members of (?:a|one|the same) family|relatives|brothers|sisters|siblings|cousins|nephews|nieces|grandchildren|grandsons|granddaughters|bodies|dead bodies|corpses|martyrs|victims|lives|patients|dead|killed|wounded|injured|deaths?|fatalities)\b/,
    ['people'],
  ],
];

const ADJ =
  /^(?:(?:moderate|armed|islamist|sunni|shia|alawite|allied|syrian|iraqi|palestinian|russian|turkish|kurdish|israeli|afghan|foreign|local|innocent|other|more|further|additional|unarmed|displaced|government|regime|pro-government|pro-regime|opposition|rebel|is|isis|isil|daesh|nusra|group|hezbollah|iranian|lebanese|army|civilian|young|elderly|male|female|small|total|identified|unidentified|named|unnamed|confirmed|of|the|those|these|them|from|same|one|a|family|fellow|[a-z]+-(?:backed|led|linked|allied|affiliated)|al-[a-z]+)\s+){0,3}/;

const KILLED_AFTER =
  /^[\s,]*(?:(?:were|was|are|is|have|has|had|been|being|having|as|got|reportedly|reported|all|also|later|confirmed|who|that|allegedly|likely|probably|possibly|people|of them|in total|so far|in all|said to have|believed to have|reported to have|thought to have|understood to have|known to have|feared)\s+){0,4}(?:killed|dead|died|slain|perished|martyred|lost their lives|lost his life|lost her life|deaths?|fatalities|massacred|murdered|burned to death|buried)\b/;
const INJURED_AFTER =
  /^[\s,]*(?:(?:were|was|are|is|have|has|had|been|being|got|reportedly|reported|allegedly|likely|probably|possibly|all|also|others|other|more|people|of them|reported to have|said to have|seriously|critically|severely|lightly|moderately)\s+){0,4}(?:wounded|injured|hurt|injuries|wounds|suffered (?:from )?(?:suffocation|injuries|wounds)|treated for)\b/;
const BOTH_AFTER =
  /^[\s,]*(?:(?:were|was|are|have|has|been|people)\s+){0,3}(?:killed|dead) (?:or|and|and\/or) (?:wounded|injured)\b|^[\s,]*casualties\b|^[\s,]*(?:and|or)\s+(?:the\s+)?missing\b/;
const BOTH_TAIL =
  /^\s*(?:(?:who|that)\s+(?:were|was|had been|have been)\s+(?:killed|dead)\s+)?(?:and|or|and\/or)\s+(?:wounded|injured)\b/;
const KILLED_BEFORE =
  /(?:killing of|killings of|killing|killed|kill|kills|lost|losing|left|leaving|leave|leaves|claimed the lives of|claiming the lives of|claims the lives of|took the lives of|taking the lives of|deaths of|death of|bodies of|massacre of|dead:|killed:|martyred|martyrdom of|(?<!(?:injury|injuries|wounded|injured) )toll (?:[a-z]+ ){0,4}(?:to|at|of|reached|hit)|number of (?:people |civilians |those |victims )?(?:killed|dead|deaths|martyrs|fatalities) (?:[a-z]+ ){0,4}?(?:at|to|as|reached)|dead (?:[a-z]+ ){0,2}(?:to|at))\s+(?:(?:at least|more than|over|about|around|some|up to|nearly|almost|approximately|as many as|roughly|an estimated|another|a further|an additional|a total of|the|about|only|exactly|at|to|between|(?:a|an|the) (?:entire |whole )?family of)\s+){0,3}$/;
const INJURED_BEFORE =
  /(?:wounding|wounded|injuring|injured|injure|injures|wounds|injuries to|injury of|injuries of)\s+(?:(?:at least|more than|over|about|around|some|up to|nearly|almost|approximately|as many as|roughly|an estimated|another|a further|an additional|a total of|the|only|between)\s+){0,3}$/;
const UPDATE_BEFORE =
  /(?:risen|rose|rising|climbed|climbing|increased|jumped|reached|mounted|soared|grew|gone up|went up|rises|climbs)\s+(?:to\s+)?(?:(?:at least|more than|over|about|around|nearly|almost)\s+)?$/;
const SUBSET_BEFORE =
  /(?:including|includes|include|among them|among whom|of whom|among the dead|among the victims|among those killed|most of them|of them|amongst them)\s+(?:(?:at least|more than|about|around|some|up to|nearly|almost|as many as)\s+)?$/;
const SUBSET_AFTER = /^\s*(?:of them|of whom|among them|of those|of the dead|of the victims)\b/;
/** "two of the farmers" (but "five of the Abu Salem family" is a whole family's toll). */
const PARTITIVE_AFTER = /^\s*of (?:the|those|these)\s+(?![^,.;]{0,40}\bfamil)/;
/** "relatives named four of those killed", "a list of ten victims": the victims known by name, some of the toll. */
const IDENTIFIED_BEFORE =
  /\b(?:identif(?:y|ies|ied|ying)|nam(?:e|es|ed|ing)|list(?:s|ed|ing)?|(?:names|list|identities|photos|pictures|images) of)\s+(?:(?:the|only|at least|a further|another|all)\s+)?(?:names of\s+(?:the\s+)?)?$/;
/** "her three sisters", "four brothers": some of a family's dead, used when no whole figure is given. */
const KIN = /\b(?:brothers|sisters|siblings|cousins|nephews|nieces|grandchildren|grandsons|granddaughters)$/;
const ADDITIONAL_BEFORE =
  /\b(?:another|a further|an additional|additional|remaining|the other|the rest of the)\s+$/;
const OTHERS_AFTER = /^\s*(?:others?|more|other [a-z]+|additional [a-z]+)\b/;
const NOT_PEOPLE_AFTER =
  /^[\s-]*(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|am|pm|a\.m|p\.m|hours?|minutes?|seconds?|%|percent|per cent|strikes?|airstrikes?|air strikes?|raids?|air raids?|sorties|missiles?|rockets?|shells?|mortars?|barrels?|barrel bombs?|bombs?|times|targets?|positions?|vehicles?|tanks?|trucks?|cars?|days?|weeks?|months?|years?|year-old|buildings?|houses?|homes?|villages?|towns?|jets?|aircraft|warplanes?|planes?|helicopters?|drones?|million|billion|dollars?|tons?|tonnes?|kg|square|sq|years? old)\b/;
const QUAL_BEFORE =
  /(at least|not less than|no fewer than|a minimum of|more than|over|in excess of|upwards of|up to|nearly|almost|close to|as many as|as high as|fewer than|less than|under|about|around|some|approximately|roughly|an estimated|estimated)\s+$/;

function qualify(qual: string | undefined, n: number): Range {
  switch (qual) {
    case 'at least':
    case 'not less than':
    case 'no fewer than':
    case 'a minimum of':
      return { min: n, max: null };
    case 'more than':
    case 'over':
    case 'in excess of':
    case 'upwards of':
      return { min: n + 1, max: null };
    case 'up to':
    case 'nearly':
    case 'almost':
    case 'close to':
    case 'as many as':
    case 'as high as':
      return { min: null, max: n };
    case 'fewer than':
    case 'less than':
    case 'under':
      return { min: null, max: n - 1 };
    default:
      return { min: n, max: n };
  }
}

function nounGroups(after: string): { groups: Group[]; len: number } | null {
  const lead = after.length - after.trimStart().length;
  const adj = ADJ.exec(after.slice(lead));
  const skip = lead + (adj ? adj[0].length : 0);
  const rest = after.slice(skip);
  for (const [re, groups] of NOUNS) {
    const m = re.exec(rest);
    if (!m) continue;
    // "four civilian deaths": the adjective says who they were.
    const civilian = groups[0] === 'people' && /\bcivilian\s/.test(adj?.[0] ?? '');
    return { groups: civilian ? ['civilians'] : groups, len: skip + m[0].length };
  }
  return null;
}

const ALONG_BEFORE =
  /\b(?:(?:along|together) with|alongside)\s+(?:(?:his|her|their|at least|some|another|the)\s+){0,2}$/;
const AND_OTHER_BEFORE = /\band\s+(?:(?:at least|some|the)\s+)?$/;
// "was killed along with his three children", "killing Hani al-Madhoun alongside 11 relatives".
const ALONG_KILLED =
  /\b(?:killed|killing|martyred|died)\s+(?:[a-z'’-]+\s+){0,5}?(?:(?:along|together) with|alongside)\s+(?:(?:his|her|their|at least|some|another|the)\s+){0,2}$/;
const DEATH_NOUN = /\b(?:martyrs|deaths?|fatalities|bodies|corpses|killed|dead)$/;
/** "18 wounded": the participle stands for the people it happened to. */
const HURT_NOUN = /^\s*(?:wounded|injured)$/;

/** "October 20th, 2023": the year after a month and day. */
const MONTH_DAY =
  /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+$/;
const MONTHS = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$/;

/**
 * Finds casualty figures in a lowercased sentence. Offsets are relative to the sentence. With the
 * sentence as written (`text`, same offsets), victims listed by name are counted too.
 */
export function findCasualties(lower: string, text?: string): CasualtyMention[] {
  const out: CasualtyMention[] = [];
  const numbers = findNumbers(lower);
  const used = new Set<number>();
  let lastOutcome: Outcome | null = null;
  for (let i = 0; i < numbers.length; i++) {
    const num: NumberMention = numbers[i]!;
    if (used.has(num.start)) continue;
    // Quotation marks do not part a figure from its words ("put the toll at “more than 20”").
    const before = lower.slice(Math.max(0, num.start - 60), num.start).replace(/["\u201c\u201d]/g, ' ');
    // Years and dates are not counts.
    if (
      num.value >= 1900 &&
      num.value <= 2100 &&
      (MONTHS.test(before) || MONTH_DAY.test(before) || /\b(?:in|since|of|year)\s+$/.test(before))
    )
      continue;
    if (MONTHS.test(before) && num.value <= 31) continue;
    let after = lower.slice(num.end, num.end + 120);
    let afterStart = num.end;
    if (NOT_PEOPLE_AFTER.test(after)) continue;
    if (/^\s*(?:of|from|out of)\s+(?:the\s+)?(?:\d|[a-z]+\s+(?:strikes|raids|missiles))/.test(after))
      continue;
    let range: Range;
    // What a toll statement before the figure says, read at most once (undefined: not read yet).
    let toll: Outcome | null | undefined;
    let start = num.start;
    let end = num.end;
    // "between 20 and 26", "20 to 26", "20-26"
    const next = numbers[i + 1];
    const between = /between\s+$/.test(before);
    // "at least 78, and up to 175, people": a floor and a ceiling of one toll.
    const upTo =
      next !== undefined &&
      /^,?\s*(?:and|or|but)?\s*(?:up to|as many as|possibly|perhaps)\s+$/.test(
        lower.slice(num.end, next.start),
      );
    if (upTo && next.value > num.value) {
      const q = QUAL_BEFORE.exec(before);
      range = { min: qualify(q?.[1], num.value).min ?? num.value, max: next.value };
      if (q) start = num.start - q[0].length;
      used.add(next.start);
      end = next.end;
      after = lower.slice(next.end, next.end + 120).replace(/^,/, '');
      afterStart = next.end;
    } else if (
      next &&
      (between || /^\s*(?:to|-|or)\s*$/.test(lower.slice(num.end, next.start))) &&
      next.value > num.value
    ) {
      if (
        between ||
        /^\s*(?:to|-)\s*$/.test(lower.slice(num.end, next.start)) ||
        /^\s*or\s*$/.test(lower.slice(num.end, next.start))
      ) {
        range = { min: num.value, max: next.value };
        used.add(next.start);
        end = next.end;
        after = lower.slice(next.end, next.end + 120);
        afterStart = next.end;
        if (between) start = num.start - 8;
      } else range = { min: num.value, max: num.value };
    } else {
      const q = QUAL_BEFORE.exec(before);
      range = num.vague ? { min: num.value, max: null } : qualify(q?.[1], num.value);
      if (q) start = num.start - q[0].length;
    }
    // Skip a family name and an inserted "including ..." clause between the figure and its verb.
    after = after
      .replace(
        /^(\s*[a-z-]*\s*(?:members|people|civilians|persons)?\s*of (?:the |a )?[a-z' -]{2,30}? family)/,
        '$1',
      )
      .replace(/,?\s*(?:including|among them|mostly|most of them)[^,]{0,80},/, ', ');
    let groups: Group[] = ['people'];
    const noun = nounGroups(after);
    let tail = after;
    if (noun) {
      groups = noun.groups;
      // "175 people from the same extended family were killed": the family says who, not what happened.
      tail = after
        .slice(noun.len)
        .replace(/^\s+from (?:the |a |one )?(?:[a-z'-]+ ){0,3}famil(?:y|ies)\b/, '');
      if (end === num.end) end = num.end + noun.len;
      // "five women and two children were killed": the coordinated group joins the figure.
      const coord =
        /^\s*and\s+(?:(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:(?:of\s+)?(?:her|his|their)\s+)?/.exec(
          tail,
        );
      if (coord) {
        const n2 = nounGroups(tail.slice(coord[0].length));
        // "ten members of one family and nine of another were killed" adds up as well.
        if (n2 && (n2.groups[0] !== 'people' || groups[0] === 'people')) {
          const word = coord[1] ?? '';
          const v2 = /^\d+$/.test(word) ? Number(word) : (UNITS[word] ?? undefined);
          if (v2 !== undefined) {
            const addTail = tail.slice(coord[0].length + n2.len);
            // Two counts of people ("ten killed and 60 more injured") add up only before one verb.
            const together =
              n2.groups[0] !== 'people'
                ? KILLED_AFTER.test(addTail) || KILLED_BEFORE.test(before)
                : KILLED_AFTER.test(addTail);
            if (together) {
              const spanEnd = num.end + noun.len + coord[0].length + n2.len;
              const total: Range = {
                min: range.min === null ? null : range.min + v2,
                max: range.max === null ? null : range.max + v2,
              };
              out.push(mention(start, spanEnd, 'killed', ['people'], total, before));
              out.push(mention(num.start, spanEnd, 'killed', n2.groups, { min: v2, max: v2 }, 'including '));
              if (groups[0] !== 'people')
                out.push(mention(start, end, 'killed', groups, range, 'including '));
              for (const other of numbers)
                if (other.start > num.end && other.start < spanEnd) used.add(other.start);
              lastOutcome = 'killed';
              continue;
            }
          }
        }
      }
    } else if (
      !/^\s*(?:dead|killed|wounded|injured|deaths|died|were|was|have|had|people|of them|of whom|among)/.test(
        after,
      ) &&
      !KILLED_BEFORE.test(before) &&
      !INJURED_BEFORE.test(before) &&
      !(UPDATE_BEFORE.test(before) && TOLL_SUBJECT.test(lower.slice(0, num.start))) &&
      (toll = tollStatement(lower, num.start)) === null &&
      !(UP_TO_MORE.test(before) && lastOutcome === 'killed')
    ) {
      continue;
    } else if (!FIGURE_END.test(after)) {
      // "leaving one survivor": the word after the figure names something that is not a victim.
      continue;
    }
    if (BOTH_AFTER.test(tail) || /\b(?:killed|dead) or (?:wounded|injured)\s+$/.test(before)) continue;
    // "200 dead and injured", "78 victims who were killed and injured": one count of both outcomes.
    if (
      BOTH_TAIL.test(tail) &&
      (/^\s*(?:who|that)\b/.test(tail) ||
        (noun !== null && /(?:killed|dead)\s*$/.test(after.slice(0, noun.len))))
    )
      continue;
    const subset = SUBSET_BEFORE.test(before) || SUBSET_AFTER.test(tail);
    let outcome: Outcome | null = null;
    // "ten martyrs", "four civilian deaths", "five bodies": the noun itself says they died.
    if (noun && DEATH_NOUN.test(after.slice(0, noun.len))) outcome = 'killed';
    else if (noun && HURT_NOUN.test(after.slice(0, noun.len))) outcome = 'injured';
    else if (KILLED_AFTER.test(tail)) outcome = 'killed';
    else if (INJURED_AFTER.test(tail)) outcome = 'injured';
    else if (INJURED_BEFORE.test(before)) outcome = 'injured';
    else if ((toll ??= tollStatement(lower, num.start)) !== null) outcome = toll;
    else if (KILLED_BEFORE.test(before)) outcome = 'killed';
    else if (subset && lastOutcome) outcome = lastOutcome;
    else if (UPDATE_BEFORE.test(before) && TOLL_SUBJECT.test(lower.slice(0, num.start))) {
      // "The number of people killed in the strikes has risen to at least 35".
      const subject = TOLL_SUBJECT.exec(lower.slice(0, num.start))!;
      outcome = /wound|injur/.test(subject[0]) ? 'injured' : 'killed';
    } else if (
      /^\s*(?:and|,)\s+(?:[a-z]+\s+){0,2}(?:\d+|dozens|scores)\s+(?:[a-z]+\s+){0,2}(?:wounded|injured)/.test(
        tail,
      ) ||
      /^\s*(?:and|,)\s+(?:(?!(?:were|was|are|is|had|have|has|been)\b)[a-z]+\s+){0,3}(?:wounded|injured)\b/.test(
        tail,
      )
    ) {
      // "12 civilians and wounded 20" style: look for a killed verb shortly before instead.
      outcome = /(?:kill|dead|death)/.test(before.slice(-30)) ? 'killed' : null;
    }
    // "was killed along with his three children": one person and a figure, when no figure comes before.
    // So is "the imam and 33 other members of his family".
    const alongOne =
      (ALONG_BEFORE.test(before) || (AND_OTHER_BEFORE.test(before) && /^\s*other\b/.test(after))) &&
      !out.some((o) => o.outcome === 'killed' && o.end <= num.start);
    if (!outcome && noun && alongOne && ALONG_KILLED.test(before)) outcome = 'killed';
    if (!outcome && noun && num.value > 1)
      outcome = laterPredicate(lower.slice(afterStart + noun.len, afterStart + noun.len + 500));
    // "dozens of wounded": the noun itself says what happened to them.
    if (!outcome && noun) {
      const word = /\bof (?:the )?(?:wounded|injured|dead)$/
        .exec(after.slice(0, noun.len))?.[0]
        .split(' ')
        .at(-1);
      if (word) outcome = word === 'dead' || word === 'killed' ? 'killed' : 'injured';
    }
    // "killing 21 members of the family ... and up to 30 civilians": the most the same toll may be.
    if (!outcome && UP_TO_MORE.test(before) && lastOutcome === 'killed') {
      const prev = out.filter((o) => o.outcome === 'killed' && !o.subset).at(-1);
      if (prev && (prev.range.min ?? 0) < num.value) {
        out.push(mention(start, end, 'killed', groups, { min: prev.range.min, max: num.value }, before));
        continue;
      }
    }
    if (!outcome) continue;
    // "the dead" / "lives" are the killed; a people-noun like "wounded" forces injured.
    if (
      noun &&
      /^(?:[a-z-]+\s+){0,3}?(?:wounded|injured)\b/.test(after.slice(0, noun.len).trim()) &&
      outcome === 'killed' &&
      !KILLED_AFTER.test(tail)
    )
      outcome = 'injured';
    lastOutcome = outcome;
    // "Ali, along with 15 relatives, was killed": the figure leaves out the one it goes with.
    if (outcome === 'killed' && alongOne && !subset) {
      const plusOne = (n: number | null): number | null => (n === null ? null : n + 1);
      // "and three other civilians": the one before them is one of them.
      const same = /^\s*other\b/.test(after) && groups[0] !== 'children';
      const whole: Group[] = same ? groups : ['people'];
      out.push(
        mention(start, end, 'killed', whole, { min: plusOne(range.min), max: plusOne(range.max) }, ''),
      );
      if (!same && groups[0] !== 'people')
        out.push(mention(start, end, 'killed', groups, range, 'including '));
      continue;
    }
    const m = mention(start, end, outcome, groups, range, before);
    m.vague = num.vague;
    m.subset = subset;
    m.partial =
      PARTITIVE_AFTER.test(after) ||
      ADDITIONAL_BEFORE.test(before) ||
      OTHERS_AFTER.test(after) ||
      IDENTIFIED_BEFORE.test(before) ||
      (noun !== null && KIN.test(after.slice(0, noun.len)));
    out.push(m);
  }
  // "30 were killed around Shadadi and another five outside Kobane": the figure's noun and verb
  // are those of the toll before it.
  const prior = out.find((m) => m.outcome === 'killed' && !m.subset);
  if (prior)
    for (const m of matches(ELLIPTIC, lower)) {
      if (m.index < prior.end || out.some((o) => o.start <= m.index + 4 && o.end > m.index)) continue;
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : UNITS[m[1]!];
      if (n === undefined) continue;
      out.push(mention(m.index, m.index + m[0].length, 'killed', prior.groups, { min: n, max: n }, ''));
    }
  // "another man died in Sheikh Mustafa", "a child was killed": one person, a figure of its own.
  for (const m of matches(ONE_PERSON, lower)) {
    const outcome: Outcome = /wound|injur|hurt/.test(m[2]!) ? 'injured' : 'killed';
    if (out.some((o) => o.start <= m.index && o.end > m.index)) continue;
    const groups = nounGroups(` ${m[1]!}`)?.groups ?? ['people'];
    const atLeast = /\bat least\s+$/.test(lower.slice(Math.max(0, m.index - 9), m.index));
    const one = mention(
      atLeast ? m.index - 9 : m.index,
      m.index + m[0].length,
      outcome,
      groups,
      atLeast ? { min: 1, max: null } : { min: 1, max: 1 },
      '',
    );
    one.single = true;
    out.push(one);
  }
  // "killing a 45-year-old farmer", "killed 28 year old Samir", "killed Samir Ali, a farmer": one
  // person, a figure of its own.
  addKilled(out, lower, ONE_PERSON_OBJECT, 1, true);
  // "both of whom were killed", "the two men were killed": two people.
  addKilled(out, lower, BOTH_KILLED, 2, false);
  // "an infant and a teenage boy were killed": two people, each named by a singular noun.
  addKilled(out, lower, TWO_PERSONS, 2, false);
  // "X, his wife Y and their two sons were killed": victims told one by one are counted, unless
  // the sentence gives a figure of its own beside them.
  if (text !== undefined) addNamedVictims(out, text);
  // A named person "was killed": one death, when the sentence gives no figure.
  if (!out.some((m) => m.outcome === 'killed')) {
    const single = hasSingleKilled(lower) ? SINGLE_KILLED.exec(lower) : null;
    if (single && !PLURAL_SUBJECT.test(single[0])) out.push(singleVictim(single, 'killed'));
  }
  if (!out.some((m) => m.outcome === 'injured')) {
    const single = hasSingleInjured(lower) ? SINGLE_INJURED.exec(lower) : null;
    if (single && !PLURAL_SUBJECT.test(single[0])) out.push(singleVictim(single, 'injured'));
  }
  // The steps below only mark the figures found: without one, their scans would mark nothing.
  if (out.length === 0) return out;
  // "the agency said that ten were killed": a source's figure. "Were reportedly killed", "it was
  // reported that" name no source.
  for (const m of matches(SOURCE_VOICE, lower)) for (const c of out) if (m.index < c.start) c.sourced = true;
  if (SOURCE_AFTER.test(lower)) for (const c of out) c.sourced = true;
  // "initially reported three dead, while others said five": a first count, up to the end of its clause.
  for (const m of matches(EARLY, lower)) {
    const from = m.index + m[0].length;
    const stop = CLAUSE_END.exec(lower.slice(from));
    const to = stop ? from + stop.index : lower.length;
    for (const c of out) if (c.start >= from && c.start < to && !c.update) c.early = true;
  }
  // "at first said seven had died; by the evening it said at least 25": the later figure revises.
  const first = REVISED_FROM.exec(lower);
  if (first) {
    REVISED_TO.lastIndex = first.index + first[0].length;
    const later = REVISED_TO.exec(lower);
    if (later) for (const m of out) if (m.start > later.index) m.update = true;
  }
  return out;
}

/**
 * "X, his wife Y and their two sons were killed": victims told one by one are counted, unless the
 * sentence gives a figure of its own beside them. A list names a dozen or so at most: beside a
 * larger figure there is none to count.
 */
function addNamedVictims(out: CasualtyMention[], text: string): void {
  for (const o of out) if (o.outcome === 'killed' && (o.range.max ?? o.range.min ?? 0) > 12) return;
  const named = findNamedVictims(text);
  if (named === null) return;
  for (const o of out)
    if (
      o.outcome === 'killed' &&
      (o.start < named.start || o.end > named.end || (o.range.max ?? o.range.min ?? 0) >= named.count)
    )
      return;
  for (let i = out.length - 1; i >= 0; i--) if (out[i]!.outcome === 'killed') out.splice(i, 1);
  const m = mention(named.start, named.end, 'killed', ['people'], { min: named.count, max: named.count }, '');
  m.named = true;
  out.push(m);
}

/** ", and up to": a ceiling for the toll just told. */
const UP_TO_MORE = /,\s*(?:and|or)\s+(?:up to|as many as)\s+$/;
const TOLL_QUAL = '(?:(?:as high as|at least|more than|over|about|around|nearly|almost|up to|some)\\s+)?';
/** "the death toll could be as high as 150", "the number of possible deaths was 37". */
const TOLL_IS = new RegExp(
  `\\b(?:(?:death |casualty )?toll|number of (?:[a-z]+ ){0,2}?(?:deaths|dead|fatalities|martyrs|killed|victims))\\s+(?:[a-z]+\\s+){0,3}?(?:be|is|was|stood|stands|at|to|reached|as high as)\\s+${TOLL_QUAL}$`,
);
/** "placed the number as high as 35", "raised the number to six", "put the death toll at seven". */
const TOLL_SET = new RegExp(
  `\\b(?:raised|raises|raising|put|puts|putting|placed|places|placing|brought|brings|bringing|took|takes|taking|revised|revises|updated|updates|set|sets)\\s+the\\s+(?:[a-z]+\\s+){0,2}?(?:toll|number|figure|count|tally|total)(?:\\s+of\\s+(?:[a-z]+\\s+){1,2}?)?\\s+(?:to|at|as high as)\\s+${TOLL_QUAL}$`,
);
const TOLL_WORD = /toll|number|figure|count|tally|total/;
const DEATH_WORD = /\b(?:kill|dead|death|died|martyr|fatalit|lives)/;
const HURT_WORD = /\b(?:wound|injur|hurt)/;
const OUTCOME_WORD = /\b(?:kill|dead|death|died|martyr|fatalit|wound|injur|hurt)/g;

/** The outcome a toll statement gives the figure at `at`, or null when the words before it are none. */
function tollStatement(lower: string, at: number): Outcome | null {
  const from = Math.max(0, at - 120);
  // Both patterns need one of these words: most figures have none of them before.
  if (!TOLL_WORD.test(lower.slice(from, at))) return null;
  const before = lower.slice(from, at).replace(/["\u201c\u201d]/g, ' ');
  const m = TOLL_IS.exec(before) ?? TOLL_SET.exec(before);
  if (!m) return null;
  if (HURT_WORD.test(m[0])) return 'injured';
  if (DEATH_WORD.test(m[0])) return 'killed';
  // "the number" alone: of whatever outcome the sentence last named before it.
  const words = [...lower.slice(0, at - (before.length - m.index)).matchAll(OUTCOME_WORD)];
  const last = words.at(-1)?.[0];
  if (last !== undefined) return HURT_WORD.test(last) ? 'injured' : 'killed';
  return DEATH_WORD.test(lower) ? 'killed' : null;
}

/** A figure of `n` killed per match of `re` that no figure overlaps (a `single` person's may touch one). */
function addKilled(out: CasualtyMention[], lower: string, re: RegExp, n: number, single: boolean): void {
  // One loop for three patterns: a rarely matching one then runs no step first met once optimised.
  for (const m of matches(re, lower)) {
    const end = m.index + m[0].length;
    const reach = single ? end + 1 : end;
    if (out.some((o) => o.start < reach && o.end > m.index)) continue;
    // "killing at least one civilian": one, and maybe more.
    const range = /\bat least\b/.test(m[0]) ? { min: n, max: null } : { min: n, max: n };
    const one = mention(m.index, end, 'killed', ['people'], range, '');
    one.single = single;
    out.push(one);
  }
}

const TOLL_SUBJECT =
  /\b(?:(?:death|casualty) toll|toll|number of (?:people |civilians |those |victims )?(?:killed|dead|wounded|injured)|number of (?:deaths|dead|fatalities|martyrs|injuries|wounded|injured))\b/;
const ELLIPTIC =
  /\b(?:and |while |with )?another (\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?=(?:in|outside|near|around|at|on|inside)\b)/g;
const ONE_PERSON =
  /\b(?:a|an|one|another)\s+(?:(?:young|elderly|old|local|syrian|palestinian|pregnant|teenage|little|[a-z]+-year-old)\s+)?(man|woman|child|boy|girl|baby|infant|civilian|person|teenager|fighter|soldier|resident|farmer|shepherd|doctor|nurse|paramedic|journalist|rescuer|volunteer)\s+(?:was\s+(?:also\s+|reportedly\s+|reported\s+)?|has\s+been\s+|had\s+been\s+)?(killed|died|shot dead|martyred|wounded|injured)\b/g;
const SOURCE_VOICE =
  /\b(?:according to|(?<!\b(?:it|was|were|been|being|is|are|be)\s+)(?:said|says|reported|reports|posted|stated|tweeted|wrote|claimed|announced|cited|recorded|counted|listed|put|placed|estimated|shared|mentioned|noted|told))\b/g;
const SOURCE_AFTER = /,\s+(?:the\s+)?[a-z][a-z' -]{1,40}\s+(?:said|says|reported|stated|added)\b[^,]*[.]?$/;
const EARLY =
  /\b(?:initially|at first|(?:had )?(?:earlier|previously) (?:reported|said|put|gave|counted|recorded)|(?:the |an? )?(?:initial|early|earlier|first) (?:reports?|reporting|sources|figures?|counts?|tolls?|death tolls?|accounts?))\b/g;
const CLAUSE_END =
  /[;:]|,? (?:while|whereas|but|however|though|although|then|before|later|and later|until|since)\b|\b(?:rose|risen|rising|raised|revised|updated?|increased|climbed)\b/;
const PERSON =
  '(?:man|woman|child|boy|girl|baby|infant|toddler|civilian|person|teenager|youth|farmer|shepherd|fisherman|doctor|nurse|paramedic|journalist|rescuer|volunteer|student|teacher|worker|resident)';
const ONE_PERSON_OBJECT = new RegExp(
  `\\b(?:killing|killed|kills)\\s+(?:(?:at least\\s+)?(?:a|an|one)\\s+(?:[a-z0-9-]+\\s+){0,3}?${PERSON}\\b|(?:a\\s+|an\\s+)?\\d+[- ]years?[- ]old\\b|` +
    // "killed journalist Ahmed Fatima": what the person was, then the name.
    `${PERSON}\\s+(?!and\\b|or\\b|in\\b|at\\b|on\\b|who\\b|with\\b)[a-z'’-]{3,}\\s+[a-z'’-]{3,}|` +
    // "killed Muhammad al-Hassi, a 45 year old civilian": a name, then who the person was.
    `(?:[a-z'’-]+\\s+){1,5}?[a-z'’-]+,\\s+(?:a|an)\\s+(?:\\d+[- ]years?[- ]old\\s+)?(?:[a-z-]+\\s+)?${PERSON}\\b)`,
  'g',
);
const BOTH_KILLED =
  /\b(?:both(?: of (?:whom|them))?|the two (?:men|women|brothers|sisters|children|boys|girls|people|civilians|victims))(?: were| had been| have been) (?:(?:reportedly|allegedly|also|later) )?(?:killed|martyred)\b/g;
const TWO_PERSONS = new RegExp(
  `\\b(?:a|an|one)\\s+(?:[a-z0-9-]+\\s+){0,2}?${PERSON},?\\s+and\\s+(?:a|an|one|his|her|their)\\s+(?:[a-z0-9-]+\\s+){0,2}?${PERSON}\\s+(?:were|have been|had been)\\s+(?:(?:reportedly|allegedly|also|both)\\s+)?(?:killed|martyred)\\b`,
  'g',
);
const REVISED_FROM = /\b(?:at first|initially|first|earlier|previously)\b/;
const REVISED_TO =
  /\b(?:later|by the (?:evening|morning|afternoon|night|end of the day)|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|has since|since then|now)\b/g;

const LATER_PREDICATE =
  /[\s,](?:were|have been|had been|are)\s+(?:(?:reportedly|allegedly|all|also|later|reported|confirmed|said to have been|believed to have been|feared)\s+){0,2}(?:(killed|dead|martyred|slain|buried)|(injured|wounded|hurt))\b/;
const LATER_GAP_START =
  /^\s*(?:[,(-]|(?:from|of|all|among|aged|across|in|at|inside|who|identified|known|called|mostly|mainly|largely|most|many|some|both|[a-z]+ing)\b)/;
/**
 * The predicate of a figure's noun phrase after inserted phrases: "four people from one family,
 * including two children, were killed". Nothing in between may be a plural verb of its own.
 */
function laterPredicate(tail: string): Outcome | null {
  const m = LATER_PREDICATE.exec(tail);
  if (!m) return null;
  const gap = tail.slice(0, m.index);
  if (!LATER_GAP_START.test(gap) || /\b(?:that|said|says|told|reported|according)\b/.test(gap)) return null;
  if (/[;:]|\b(?:were|are|have|had|killed|killing|injured|injuring|wounded|wounding|died)\b/.test(gap))
    return null;
  return m[1] ? 'killed' : 'injured';
}

const FIGURE_END =
  /^(?:\s*[,.;:)"\u201d]|\s*$|\s+(?:dead|killed|wounded|injured|people|and|in|on|at|when|after|during|as|while|but|were|was|had|have|has|from|by|of them|of whom|others?|more|including|among|so far|overnight|yesterday|today|this|last|[a-z]+day)\b)/;
const SINGLE_KILLED =
  /\b(?:he|she|and)\s+(?:later\s+|reportedly\s+|subsequently\s+|also\s+)?died\b|\b(?:he|she|who|[a-z0-9)]+),? (?:was|has been|had been) (?:(?:reportedly|allegedly|also|later|likely|instantly|immediately)\s+)?(?:killed|shot dead|martyred)\b/;
/** "people had been wounded": the subject of "had been" is no one person. */
const PLURAL_SUBJECT =
  /^(?:people|persons|civilians|others|men|women|children|residents|members|victims|relatives|families|soldiers|fighters)\b/;
const SINGLE_INJURED =
  /\b(?:he|she|who|[a-z)]+),? (?:was|has been|had been) (?:(?:reportedly|allegedly|also|later|seriously|critically|severely|lightly)\s+)?(?:injured|wounded)\b/;

// The words SINGLE_KILLED and SINGLE_INJURED cannot match without: looked for first, since the
// regexes try every word of the sentence.
const hasBeVerb = (lower: string): boolean => lower.includes(' was ') || lower.includes(' been ');
const hasSingleKilled = (lower: string): boolean =>
  lower.includes('died') ||
  (hasBeVerb(lower) &&
    (lower.includes('killed') || lower.includes('shot dead') || lower.includes('martyred')));
const hasSingleInjured = (lower: string): boolean =>
  hasBeVerb(lower) && (lower.includes('injured') || lower.includes('wounded'));

const PLURAL_QUANT =
  '(?:(?:a|an) (?:(?:unknown|unspecified|undetermined|large|small|further) )?number of |a group of |several |many |multiple |numerous |some |other |more |further |a few |the )?';
const PLURAL_NOUN = `(?:(?!(?:any|not|none|nor|without|never|whether|if|${Object.keys(UNITS).join('|')})\\b)[a-z]+ )?(?<noun>(?:civilians|people|persons|others|residents|palestinians|individuals|victims|family members|relatives|children|women|men|students|worshippers|paramedics|journalists)|members of (?:the |a |his |her |their )?(?:[a-z-]+ )?family|(?:a|an) (?:(?:unknown|unspecified|undetermined|large|small) )?[\\u0027"\\u201c]?number[\\u0027"\\u201d]?)`;
const VERB = '(killed|dead|died|martyred|injured|wounded|hurt)';
const verbGroup = (name: string): string => VERB.replace('(', `(?<${name}>`);
/** "civilians were killed and injured", "others wounded". */
const PLURAL_THEN_VERB = new RegExp(
  `\\b${PLURAL_QUANT}${PLURAL_NOUN},? (?:(?:who|that|were|had|have|been|are|being|also|reportedly|allegedly|reported|all|later|seriously|critically) ){0,4}${verbGroup('v1')}(?:(?: and| or|,) (?:(?:were|also) )?${verbGroup('v2')})?\\b`,
  'g',
);
/** "killing and injuring civilians", "wounding several others". */
const VERB_THEN_PLURAL = new RegExp(
  `\\b(?<v1>killing|injuring|wounding|killed|injured|wounded)(?: (?:and|or) (?<v2>killing|injuring|wounding|killed|injured|wounded))? ${PLURAL_QUANT}${PLURAL_NOUN}\\b`,
  'g',
);
/** "reported injuries", "martyrs and wounded", "deaths and injuries". */
const PLURAL_NOUNS_ONLY =
  /\b(?<pre>(?:resulting in|resulted in|result in|led to|leading to|caused|causing|reported|reports of|number of|there were|several|multiple|numerous|many|with|civilian)\s+(?:[a-z]+\s+){0,3}?)?(?<n1>deaths|martyrs|fatalities|injuries|wounded|injured)(?:\s+(?:and|or)\s+(?<n2>deaths|martyrs|fatalities|injuries|wounded|injured))?(?<post>\s+(?:were|had been|have been) reported)?\b/g;
const NUMBER_BEFORE = new RegExp(
  `(?:\\d|\\b(?:${Object.keys(UNITS).join('|')}|[a-z]+ty|[a-z]+teen|hundred|thousand|dozen))\\s*$`,
);
const NEGATED = /\b(?:no|not|any|none|nor|without|never|zero|whether|if)\s+(?:[a-z]+\s+){0,2}$/;

/** A stem of a word PLURAL_THEN_VERB, VERB_THEN_PLURAL or PLURAL_NOUNS_ONLY cannot match without. */
const PLURAL_VICTIM_WORD = /kill|dead|died|martyr|injur|wound|hurt|death|fatalit/;

const outcomeOf = (verb: string | undefined): Outcome | null =>
  verb === undefined ? null : /^(?:kill|dead|die|martyr|death|fatal)/.test(verb) ? 'killed' : 'injured';

/**
 * Victims named in the plural without a number ("others were injured"): at least two. Kept apart
 * from findCasualties: such a sentence adds to an event but is no reason to report one.
 */
export function pluralVictims(text: string): CasualtyMention[] {
  const out: CasualtyMention[] = [];
  // Quotation marks ("resulting in “a number” of deaths") part no words (same length: offsets hold).
  const lower = text.replace(/["“”]/g, ' ');
  // Each of the three patterns below needs one of these words: without them, none can match.
  if (!PLURAL_VICTIM_WORD.test(lower)) return out;
  for (const m of matches(PLURAL_THEN_VERB, lower)) {
    const noun = m.groups?.['noun'] ?? '';
    addPlural(out, lower, m.index, m.index + m[0].length, outcomeOf(m.groups?.['v1']), noun);
    addPlural(out, lower, m.index, m.index + m[0].length, outcomeOf(m.groups?.['v2']), noun);
  }
  for (const m of matches(VERB_THEN_PLURAL, lower)) {
    const noun = m.groups?.['noun'] ?? '';
    addPlural(out, lower, m.index, m.index + m[0].length, outcomeOf(m.groups?.['v1']), noun);
    addPlural(out, lower, m.index, m.index + m[0].length, outcomeOf(m.groups?.['v2']), noun);
  }
  for (const m of matches(PLURAL_NOUNS_ONLY, lower)) {
    // A bare "injured" or "deaths" names no plural victims; "reported injuries", "martyrs and wounded" do.
    const g = m.groups ?? {};
    if (g['pre'] === undefined && g['n2'] === undefined && g['post'] === undefined) continue;
    addPlural(out, lower, m.index, m.index + m[0].length, outcomeOf(g['n1']), 'people');
    addPlural(out, lower, m.index, m.index + m[0].length, outcomeOf(g['n2']), 'people');
  }
  return out;
}

/** Adds victims in the plural unless the outcome is there already or words before deny it. */
function addPlural(
  out: CasualtyMention[],
  lower: string,
  start: number,
  end: number,
  outcome: Outcome | null,
  nounText: string,
): void {
  if (outcome === null || out.some((m) => m.outcome === outcome)) return;
  if (NEGATED.test(lower.slice(Math.max(0, start - 30), start))) return;
  // "three deaths" is a figure; "a number of deaths" is not.
  if (
    !/^number\b/.test(lower.slice(start, start + 7)) &&
    NUMBER_BEFORE.test(lower.slice(Math.max(0, start - 12), start))
  )
    return;
  const groups = nounGroups(nounText)?.groups ?? ['people'];
  const m = mention(start, end, outcome, groups, { min: 2, max: null }, '');
  m.plural = true;
  out.push(m);
}

function singleVictim(m: RegExpExecArray, outcome: Outcome): CasualtyMention {
  const out = mention(m.index, m.index + m[0].length, outcome, ['people'], { min: 1, max: 1 }, '');
  out.single = true;
  return out;
}

function mention(
  start: number,
  end: number,
  outcome: Outcome,
  groups: Group[],
  range: Range,
  before: string,
): CasualtyMention {
  return {
    start: Math.max(0, start),
    end,
    outcome,
    groups,
    range,
    update: UPDATE_BEFORE.test(before),
    vague: false,
    subset: SUBSET_BEFORE.test(before),
    single: false,
    plural: false,
    partial: false,
    // Set later or never: present from the start, so that every mention has one shape.
    named: undefined,
    early: undefined,
    sourced: undefined,
    lead: undefined,
  };
}
