/**
 * Victims told one by one instead of by a figure: "Journalist Salam Mima, her husband Muhammad,
 * their two sons Hadi and Ali, and their daughter Sham were killed"; "the strike killed him
 * alongside his wife Iman and their three daughters Maryam, Banan and Afnan".
 */
import { UNITS } from './numbers.ts';

/** A counted list of victims: where it lies in the sentence and how many people it names. */
export interface NamedVictims {
  start: number;
  end: number;
  count: number;
}

/** "...were killed", "...lost their lives": the list is the subject before it. */
const SUBJECT_VERB =
  /\s*,?\s+(?:were|have been|had been)\s+(?:(?:all|also|reportedly|allegedly|both|later|then|confirmed|reported|likely|among those)\s+)*(?:killed|martyred)\b|\s+(?:all\s+)?(?:lost their lives|died)\b/;
/** "...killed X and Y": the list is the object after it. */
const OBJECT_VERB =
  /\b(?:killing|killed|kills|result(?:ed|ing) in the (?:deaths?|killing|martyrdom) of|led to the (?:deaths?|killing|martyrdom) of|claimed the lives of|took the lives of|claiming the lives of|taking the lives of)\s+/;
/** "alongside his wife": the list goes with someone told before it. */
const ALONG = /^(?:alongside|along with|together with|with)\s/i;
/** Where an object list ends. */
const OBJECT_END =
  /[.;:!?]|,?\s+(?:and\s+)?(?:injur|wound|leaving|in an?\b|in the\b|inside\b|when\b|after\b|as they\b|as he\b|as she\b|while\b|during\b|on\s+(?:the\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))/i;
/** A break before the subject (not the colon of "7:40"). */
const BREAK = /[;:]\s/g;
/** A clause of time or date before the subject: "On October 22nd 2023, ". */
const LEADING_TIME =
  /^(?:(?:(?:also|however|meanwhile|additionally|moreover|in addition|on|at|around|about|in|during|late|early|shortly|just|by|before|after|overnight|this|last|yesterday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:19|20)\d\d\b)[^,]{0,70},\s*)+/i;
const FIGURE_START =
  /^\s*(?:\d+(?:,\d+)?\s+(?!years?\b|months?\b)|at least|more than|over|about|around|nearly|almost|up to|some|several|many|dozens|scores|hundreds|tens|an? (?:number|total|dozen)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+(?!of\b)(?:[a-z-]+\s+)?(?:people|persons|civilians|others|members|individuals|residents|victims))/i;
/** The words that join the names of a list, with what they are. */
const JOINER =
  /\s*,\s*(?:and\s+|alongside\s+|along with\s+|together with\s+|as well as\s+)?|\s+and\s+|\s+(?:alongside|along with|together with|as well as)\s+/g;
const KIN_PLURAL =
  '(?:sons|daughters|children|kids|infants|babies|toddlers|teenagers|brothers|sisters|grandchildren|grandsons|granddaughters|nephews|nieces|cousins|siblings|wives|relatives|women|men|boys|girls|friends|neighbou?rs|colleagues)';
const PERSON_SINGULAR =
  '(?:wife|husband|son|daughter|mother|father|brother|sister|grandson|granddaughter|grandchild|grandmother|grandfather|child|baby|infant|toddler|nephew|niece|cousin|uncle|aunt|(?:mother|father|son|daughter|sister|brother)-in-law|man|woman|boy|girl|journalist|photographer|paramedic|doctor|nurse|teacher|student|engineer|friend|neighbou?r|civilian|fianc[ée]e?|relative|colleague|farmer|fisherman|worker|volunteer|patriarch|matriarch)';
const NUMBER_WORD = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
/** "their two sons Hadi": a number of people, maybe with the first of their names. */
const GROUP = new RegExp(
  `^(?:(?:his|her|their|the|and)\\s+)?(${NUMBER_WORD})\\s+(?:[a-z-]+\\s+){0,2}?${KIN_PLURAL}\\b(.*)$`,
  'i',
);
/** "his wife Iman", "a 68-year-old Palestinian civilian Hajj Abdul": one person, maybe named. */
const ONE = new RegExp(
  `^(?:with\\s+)?(?:(?:his|her|their|the|a|an|one)\\s+)?(?:[\\w'’-]+\\s+){0,3}${PERSON_SINGULAR}\\b`,
  'i',
);
const COUPLE = /^(?:a|the)\s+(?:young\s+|elderly\s+|married\s+){0,2}couple\b/i;
const ONE_OF = new RegExp(`^one of (?:his|her|their) ${KIN_PLURAL}\\b`, 'i');
/** A person's name, after any age: "Hadi al-Masry", "48-year-old Iyad Matar". */
const NAME =
  /^(?:(?:aged\s+)?\d+[- ]years?[- ]old\s+)?(?:dr\.?\s+|hajj\s+|sheikh\s+)?[A-Z][\w'’.-]*(?:\s+(?:al|el|abu|bin|ibn|[A-Z][\w'’.-]*)(?:-[\w'’]+)?)*$/;
/** "engineer Hani bin Saeed": what someone was, then their name. */
const ROLE_NAME = new RegExp(`^${PERSON_SINGULAR}\\s+[A-Z]`, 'i');
/** "wife of a journalist": who someone was, told without a determiner. */
const BARE_OF = new RegExp(`^${PERSON_SINGULAR}\\s+of\\b`, 'i');
/** Words that say an item tells who someone already named is, not another victim. */
const APPOSITION =
  /^(?:a|an|respectively|who|whose|both|all|each|described|identified|known|also|reportedly)\b/i;

/** The victims a sentence lists one by one, or null when it gives no such list. */
export function findNamedVictims(text: string): NamedVictims | null {
  const subject = SUBJECT_VERB.exec(text);
  if (subject) {
    const head = text.slice(0, subject.index);
    // The subject starts after a clause of time and after the last break ("; ", ": ").
    let cut = 0;
    for (const b of head.matchAll(BREAK)) cut = b.index + b[0].length;
    const lead = LEADING_TIME.exec(head.slice(cut));
    const start = cut + (lead ? lead[0].length : 0);
    const count = countList(head.slice(start));
    if (count !== null && count >= 2) return { start, end: subject.index + subject[0].length, count };
  }
  const object = OBJECT_VERB.exec(text);
  if (object) {
    const start = object.index + object[0].length;
    const rest = text.slice(start);
    const stop = OBJECT_END.exec(rest);
    const list = stop ? rest.slice(0, stop.index) : rest;
    let count = countList(list);
    // "X was killed alongside his wife": the one the sentence is about died too.
    if (count !== null && /\bwas\s+(?:\w+\s+)?$/.test(text.slice(0, object.index)) && ALONG.test(list))
      count += 1;
    if (count !== null && count >= 2) return { start: object.index, end: start + list.length, count };
  }
  return null;
}

/** How many people a list of two or more names; null unless every item is a person or a counted group. */
function countList(list: string): number | null {
  // Most lists after "killed" open with a figure ("at least 10 people"): no names to count there.
  if (list.length > 600 || FIGURE_START.test(list)) return null;
  // Ages in brackets and clauses between dashes say who someone is, not who else died.
  const clean = list
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s[–—-]\s[^–—]*?(?:\s[–—-](?:\s|$)|$)/g, ' ')
    .replace(/["“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length === 0 || clean.length > 400) return null;
  const items: { text: string; joiner: string }[] = [];
  let last = 0;
  let joiner = '';
  for (const m of clean.matchAll(JOINER)) {
    items.push({ text: clean.slice(last, m.index).trim(), joiner });
    joiner = m[0].trim();
    last = m.index + m[0].length;
  }
  items.push({ text: clean.slice(last).trim(), joiner });
  if (items.length < 2 && !ALONG.test(clean)) return null;
  let count = 0;
  let pendingNames = 0;
  let previousNamed = false;
  /** The item before was a person told by who they were ("his mother"), without a name. */
  let previousUnnamed = false;
  /** The count of a first group that the items after it break down ("five children, two boys, ..."). */
  let firstGroup: number | null = null;
  for (const [i, { text: item, joiner: by }] of items.entries()) {
    if (item === '') continue;
    // "respectively the wife and son of ...": the rest says who the victims were.
    // "respectively the wife and son of ...", "including a son": the rest says who the victims were.
    if (/^(?:respectively|who|whose|including|among them|of whom)\b/i.test(item)) break;
    if (by === ',' && previousNamed && APPOSITION.test(item)) {
      previousNamed = false;
      continue;
    }
    // "his mother, Noura", "their son, engineer Hani": the name of the one just told.
    if (by === ',' && previousUnnamed && (NAME.test(item) || ROLE_NAME.test(item))) {
      previousUnnamed = false;
      previousNamed = true;
      continue;
    }
    previousUnnamed = false;
    // "a Dutch citizen and wife of a journalist": a description, not another victim.
    if (BARE_OF.test(item)) continue;
    const group = GROUP.exec(item);
    if (group) {
      const word = group[1]!.toLowerCase();
      const n = /^\d+$/.test(word) ? Number(word) : UNITS[word];
      if (n === undefined || n > 12) return null;
      if (i === 0) firstGroup = n;
      count += n;
      pendingNames = NAME.test(group[2]!.trim()) ? n - 1 : n;
      previousNamed = false;
      continue;
    }
    if (COUPLE.test(item)) {
      count += 2;
      previousNamed = false;
      continue;
    }
    const one = ONE.exec(item);
    if (ONE_OF.test(item) || one || /^(?:him|her)$/i.test(item)) {
      count += 1;
      pendingNames = 0;
      const rest = one ? item.slice(one[0].length).trim() : '';
      // "the son of the journalist Hazem, Anas": the name told after is still to come.
      previousUnnamed = rest === '' || /^of\b/i.test(rest);
      previousNamed = !previousUnnamed;
      continue;
    }
    if (NAME.test(item)) {
      if (pendingNames > 0) pendingNames--;
      else count += 1;
      previousNamed = true;
      continue;
    }
    return null;
  }
  // "Five children, two boys, two girls and one infant": the items after the first break it down.
  if (firstGroup !== null && count === 2 * firstGroup) count = firstGroup;
  return count >= 1 ? count : null;
}
