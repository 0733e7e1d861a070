import type { ExtractedDocument, ExtractedEvent, SourceDocument } from '../../domain/extraction.ts';
import type { Lexicon } from '../../domain/lexicon.ts';
import { kmBetween } from '../../domain/geo.ts';
import type { Place, PlaceContext, PlaceResolver } from '../../domain/place.ts';
import { planAbsorption, type Absorbable } from './absorb.ts';
import { findClaims, type Claim } from './attribution.ts';
import { findCasualties } from './casualties.ts';
import { datesWithDateline, type DateMention } from './dates.ts';
import { buildEvent, groupEvents, type SentenceFacts } from './events.ts';
import { indexLexicon, type LexiconIndex } from './lexicon-index.ts';
import { findPlaces, precisionRank, type PlaceMention } from './places.ts';
import { fold, hasTitleLine, matches, splitSentences, type Sentence } from './text.ts';

export { findDateline } from './dates.ts';

export interface ExtractorDeps {
  resolver: PlaceResolver;
  lexicon: Lexicon;
}

export type Extractor = (doc: SourceDocument) => ExtractedDocument;

const STRIKE =
  /\b(?:air ?strikes?|air[- ]raids?|raids?|strikes?|struck|bomb(?:s|ed|ing|ings|ardment|ardments|ers?)?|shell(?:s|ed|ing)|missiles?|rockets?|barrel|drones?|warplanes?|war planes?|jets?|helicopters?|aircraft|artillery|mortars?|pounded|targeted|hit|attack(?:s|ed)?|massacre|blast|sorties?)\b/;
const CASUALTY_WORD =
  /\b(?:kill|dead|death|died|wound|injur|casualt|toll|lives|slain|martyr|perish|massacre)/;
// Totals over a period, habits and rates are not incidents.
const EXCLUDED =
  /\b(?:since (?:the (?:start|beginning)|(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:19|20)\d\d|last (?:year|month))|so far this (?:year|month)|(?:over|during|in) the (?:past|last) (?:few |several |two |three |\d+ )?(?:weeks|months|years)|a total of (?:[\d,]+|[a-z-]+) (?:(?:air|barrel|cluster|missile|rocket|drone)[ -]?)?(?:strikes|raids|sorties|bombs|missiles|rockets|shells|attacks|barrels|munitions|targets)|per day|every day|on a daily basis|regularly|routinely|often|frequently|usually|typically|commonly|campaign|since it (?:began|started)|since (?:its|their) (?:intervention|involvement))\b/;
// Tolls of the whole war ("a conflict that has killed more than 300000 people") are not incidents.
const WAR_TOTAL =
  /\b(?:(?:war|conflict|uprising|crisis|revolution|violence)\b[^.]{0,80}\b(?:began|begun|started|erupted|broke out)|since the (?:war|conflict|uprising|crisis|revolution)|(?:point|stage) in the (?:war|conflict)|throughout the (?:war|conflict)|(?:war|conflict|uprising|crisis|violence) (?:that |which )?(?:has |have |had )?(?:killed|claimed|left|caused))\b/;
/** A toll this large is a war or campaign total, never one strike's. */
const WAR_SCALE = 5000;
/** Above this, only a chemical attack has been one strike's toll; otherwise it is a campaign total. */
const MASS_SCALE = 1000;
const MASS_WEAPON = /\b(?:chemical|gas|sarin|chlorine|toxic|nerve agent|poison)/;
const OPPOSITION_COALITION =
  /\b(?:syrian (?:national )?coalition|opposition coalition|national coalition for syrian)\b/i;
/** A claim made by "the coalition" alone. */
const BARE_COALITION = /^coalitions?$/i;
const MILITARY_COALITION =
  /\b(?:(?:us|u\.s\.|american|washington|international|anti-(?:is|isis|isil|daesh))[- ]led coalition|international coalition|anti-(?:is|isis|isil|daesh) coalition|coalition (?:jets|warplanes|aircraft|air ?strikes|strikes|raids|planes|forces|bombing))\b/i;
const GOVERNMENT_VOICE =
  /^\s*(?:has |had |also )?(?:called|condemned|accused|denied|blamed|rejected|dismissed)\b|^['’]s\s+(?:account|claims?|accusations?|version|statements?|allegations?|denials?|charges?|position|narrative|envoy|ambassador|allies|ally|government|regime|foreign ministry)\b/i;

// "Moscow has deployed Su-34 bombers to an air base near Latakia": aircraft moved, not a strike.
const DEPLOYMENT = /\b(?:deployed|stationed|based at|arrived at|relocated|flew (?:out )?(?:of|from))\b/;
const STRUCK =
  /\b(?:conducted|carried out|launched|killing|killed|struck|strikes? on|hit|bombed|pounded|targeted|shelled|raided|attacked)\b/;

/** How far from its landmark a place described by it ("north of Raqqa") can lie. */
const LANDMARK_REACH_KM = 60;

/** GeoNames codes of a governorate's seat and the capital. */
const SEATS = new Set(['PPLA', 'PPLC']);
const NON_STATE_GROUP =
  '(?:the )?(?:terrorists?|terrorist (?:groups?|organi[sz]ations?)|rebels?|militants?|jihadists?|insurgents?|armed groups?|gunmen|opposition (?:forces|fighters|groups?)|islamic state(?: group)?|is group|isis|daesh|nusra(?: front)?|al-nusra|jaish al-[a-z]+|ahrar al-sham|jabhat [a-z-]+|hayat tahrir al-sham)';
const NON_STATE_AGENT = new RegExp(
  `\\b(?:(?:fired|launched|shelled|targeted|carried out|set off|detonated|planted|claimed) by ${NON_STATE_GROUP}|(?:blamed on|attributed to|blaming|blamed|blames) ${NON_STATE_GROUP}|${NON_STATE_GROUP}(?: [a-z-]+){0,3}? (?:fired|launched|shelled|shelling|set off|detonated|exploded|thrown|threw|lobbed)|(?:terrorist|rebel|militant|jihadist|insurgent)s?'? (?:mortar|rocket|shell|artillery|missile)|tunnel bombs?|bombs? in tunnels|car bombs?|truck bombs?|suicide (?:bombers?|bombings?|attackers?|attacks?)|(?:bomb|explosive)-laden (?:cars?|trucks?|vehicles?)|improvised explosive devices?|booby-trapped (?:cars?|vehicles?))\\b`,
);
const STATEMENT_VOICE =
  /\b(?:the|its|a|in a|in its) (?:statement|communiqu[eé]|briefing|ministry|defen[cs]e ministry|general staff|command)\b,? (?:said|says|added|stated|noted|read|reported)\b|\baccording to (?:the|its|a) (?:statement|ministry|communiqu[eé]|briefing|general staff)\b|\b(?:the|a) (?:statement|communiqu[eé]) (?:said|read|added)\b/;
/** Words STATEMENT_VOICE cannot match without, looked for before it. */
const STATEMENT_WORDS = ['statement', 'communiqu', 'briefing', 'ministry', 'general staff', 'command'];
// A sentence that tells of strikes from the air is about them, whatever else it mentions.
const FROM_THE_AIR =
  /\b(?:air ?strikes?|air[- ]raids?|warplanes?|war planes?|jets|helicopters?|barrel bombs?|aircraft|bombers|airstrikes?)\b/;
const NON_STATE =
  /\b(?:car bomb|truck bomb|suicide|ied|improvised explosive|landmines?|mines? (?:explosion|blast)|(?:rebels?|terrorists?|militants?|jihadists?|insurgents?|opposition|is|isis|daesh|nusra|gunmen|armed groups?) (?:fired|shelled|launched|targeted)|(?:fired|launched) by (?:rebels?|terrorists?|militants?|is|isis|daesh)|(?:rocket|mortar|missile)s? (?:attacks?|fire|strikes?|shells?) by (?:the )?(?:[a-z-]+ ){0,3}(?:rebels?|insurgents?|militants?|terrorists?|jihadists?)|(?:ground )?(?:attacks?|assaults?|offensives?|counter-?attacks?) (?:by|from) (?:the )?(?:daesh|isis|isil|is|nusra|rebels?|terrorists?|militants?|jihadists?|insurgents?)\b|(?:daesh|isis|isil|nusra) (?:fighters |militants |terrorists )?(?:attacked|launched|stormed)|shot down|crashed|executed|execution)\b/;
// Deaths in ground fighting are not a strike's ("killed in clashes", "in this battle").
const GROUND_FIGHTING =
  /\b(?:clash(?:es|ed)?|(?:in|during) (?:this|the|these|those|fierce|heavy) (?:battles?|fighting|ground (?:assault|offensive))|gun ?battles?|firefights?|ambush(?:ed)?)\b/;
/** A photo credit opening a sentence: "(TRT World and Agencies) ...", "(AP)". */
const PHOTO_CREDIT = /^\((?:[A-Z][A-Za-z&.' -]{1,40})\)/;
// An aircraft shot down or crashing is no strike, unless the sentence also tells of one.
const DOWNED = /\b(?:shot down|was downed|were downed|crash(?:ed|es)?|went down)\b/;
const STRUCK_FROM_THE_AIR =
  /\b(?:air ?strikes?|air[- ]raids?|raids?|bomb(?:ed|ing|ings|s)?|struck|shell(?:ed|ing))\b/;
/** Any of the patterns excludedBy reads, in one scan that most sentences fail. */
const EXCLUDING = new RegExp(
  [DEPLOYMENT, EXCLUDED, GROUND_FIGHTING, NON_STATE, DOWNED].map((re) => `(?:${re.source})`).join('|'),
);
const LINKED =
  /^(?:also|meanwhile|in addition|elsewhere|another|separately|similarly)\b|\b(?:also|another|as well)\b/;

/** 1 for Arabic letters (U+0600-U+06FF), 2 for Latin ones (A-Z, a-z), by UTF-16 code unit. */
const SCRIPT = ((): Uint8Array => {
  const t = new Uint8Array(65536);
  for (let c = 0x0600; c <= 0x06ff; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) t[c] = 2;
  for (let c = 97; c <= 122; c++) t[c] = 2;
  return t;
})();

/** Arabic or English by which script has more letters in the first 5000 characters. */
function language(text: string): string {
  const n = Math.min(text.length, 5000);
  let arabic = 0;
  let latin = 0;
  // Counted without branches: a text's first Arabic letter deoptimises nothing.
  for (let i = 0; i < n; i++) {
    const k = SCRIPT[text.charCodeAt(i)]!;
    arabic += k & 1;
    latin += k >> 1;
  }
  if (arabic === 0 && latin === 0) return 'und';
  return arabic > latin ? 'ar' : 'en';
}

/** A belligerent's officials by name: a label and the lowercased phrases that name them. */
interface OfficialVoice {
  code: string;
  label: string;
  phrases: string[];
}

/** Builds an extractor: one pure function from a document to its strike claims. */
export function createExtractor(deps: ExtractorDeps): Extractor {
  const lex = indexLexicon(deps.lexicon);
  const resolver = deps.resolver;
  const stateVoice = (outlet: string): string | null => {
    const o = outlet.toLowerCase();
    const b = deps.lexicon.belligerents.find((x) =>
      (x.state_media ?? []).some((m) => o.includes(m.toLowerCase())),
    );
    return b?.code ?? null;
  };
  // Official voices by name (ministries, named spokesmen), not the capitals that also stand for them.
  const officialVoices: OfficialVoice[] = deps.lexicon.belligerents.map((b) => ({
    code: b.code,
    label: b.spokespeople.find((x) => / /.test(x)) ?? b.code,
    phrases: b.spokespeople.filter((x) => / /.test(x) || x.length > 6).map((x) => x.toLowerCase()),
  }));
  return (doc) => {
    const text = doc.text;
    const { published, dates } = datesWithDateline(text, doc.published ?? null);
    const titled = hasTitleLine(text);
    const title = doc.title ?? (titled ? text.slice(0, text.indexOf('\n')).trim() : null);
    const sentences = splitSentences(text, titled);
    // In a text about the opposition's Syrian Coalition, a bare "the coalition" is that body.
    const oppositionCoalition = OPPOSITION_COALITION.test(text) && !MILITARY_COALITION.test(text);
    const emptyCtx: PlaceContext = { admin1Hints: [], countryHints: countryHints(text) };
    const facts = sentenceFacts(sentences, dates, lex, resolver, emptyCtx, oppositionCoalition);
    resolveWithHints(facts, resolver, emptyCtx.countryHints);
    placeByLandmarks(facts);
    confirmByStatements(facts, text, officialVoices);
    const events = assembleEvents(facts, text, published);
    const voice = doc.outlet ? stateVoice(doc.outlet) : null;
    if (voice) {
      // State media reporting its own side's strikes speak for that side (the belligerent confirms).
      for (const e of events)
        for (const a of e.attributed)
          if (a.belligerent === voice && a.stance === 'blames' && a.by.startsWith('the article itself')) {
            a.stance = 'confirms';
            a.by = doc.outlet!;
          }
    }
    const merged = events;
    blameByLead(facts, merged);
    return { id: doc.id, published, language: language(text), title, events: merged };
  };
}

const COUNTRIES = ['Syria', 'Palestine', 'Iraq', 'Yemen', 'Lebanon', 'Libya', 'Somalia'];
// One group per country above; no match of one can hold the start of another, so one scan
// counts what a scan per country would.
const COUNTRY_WORDS = /\b(?:(syria)|(gaza|palestin|west bank)|(iraq)|(yemen)|(leban)|(libya)|(somali))/gi;

/** Countries the text names, most often first; Syria when none is named. */
function countryHints(text: string): string[] {
  // Sliced whatever the length: a slice first made for a long text would deoptimise this.
  const sample = text.slice(0, 20000);
  // Plain loops over one literal of counts: no list here changes shape as texts name more countries.
  const n = [0, 0, 0, 0, 0, 0, 0];
  for (const m of matches(COUNTRY_WORDS, sample)) {
    let g = 1;
    while (m[g] === undefined) g++;
    n[g - 1]!++;
  }
  const named: string[] = [];
  for (let i = 0; i < COUNTRIES.length; i++) if (n[i]! > 0) named.push(COUNTRIES[i]!);
  // A stable sort: countries named as often keep the order of COUNTRIES.
  named.sort((a, b) => n[COUNTRIES.indexOf(b)]! - n[COUNTRIES.indexOf(a)]!);
  return named.length > 0 ? named : ['Syria'];
}

function firstPlace(facts: SentenceFacts[]): PlaceMention | null {
  for (const f of facts) {
    const p = f.places.find((x) => !x.weak);
    if (p) return p;
  }
  return null;
}

/**
 * First pass: per-sentence findings; places resolved without context. The steps after it are
 * functions of their own, so that each is optimised on its own.
 */
function sentenceFacts(
  sentences: readonly Sentence[],
  dates: readonly DateMention[],
  lex: LexiconIndex,
  resolver: PlaceResolver,
  emptyCtx: PlaceContext,
  oppositionCoalition: boolean,
): SentenceFacts[] {
  const facts: SentenceFacts[] = [];
  let di = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const lower = fold(s.text);
    const strike = STRIKE.test(lower);
    const casualtyWords = CASUALTY_WORD.test(lower);
    while (di < dates.length && dates[di]!.end <= s.start) di++;
    if (!strike && !casualtyWords) continue;
    const sentDates: DateMention[] = [];
    for (let k = di; k < dates.length && dates[k]!.start < s.end; k++) {
      const m = dates[k]!;
      sentDates.push(m);
    }
    // A photo caption (the next sentence opens with its credit, "(AFP)") that gives no date is
    // no report of a strike: the picture's event is not told.
    const undatedCaption = sentDates.length === 0 && PHOTO_CREDIT.test(sentences[si + 1]?.text ?? '');
    const casualties = casualtyWords ? findCasualties(lower, s.text) : [];
    const warTotal =
      casualties.some((c) => (c.range.min ?? c.range.max ?? 0) >= WAR_SCALE) ||
      (casualties.some((c) => (c.range.min ?? c.range.max ?? 0) >= MASS_SCALE) &&
        (WAR_TOTAL.test(lower) || !MASS_WEAPON.test(lower))) ||
      // "our sixty martyrs since the day the war broke out": a toll of the war, told of no strike.
      (!strike && casualties.length > 0 && WAR_TOTAL.test(lower));
    facts.push({
      sentence: s,
      lower,
      strike,
      casualties: warTotal ? [] : casualties,
      claims: sentenceClaims(s, lower, lex, oppositionCoalition),
      places: withoutOutlets(sentencePlaces(s.text, resolver, emptyCtx), s.text, lex),
      dates: sentDates,
      weapons: lex.weapons(lower),
      excluded: warTotal || undatedCaption || (EXCLUDING.test(lower) && excludedBy(lower, casualtyWords)),
      linked: LINKED.test(lower),
    });
  }
  return facts;
}

// Lists built by loops into literals: a filtered list may be empty in a full one's shape, which deoptimises.

/** A sentence's claims; in a text on the opposition's coalition, none that a bare "the coalition" makes. */
function sentenceClaims(
  s: Sentence,
  lower: string,
  lex: LexiconIndex,
  oppositionCoalition: boolean,
): Claim[] {
  const claims: Claim[] = [];
  for (const c of findClaims(s.text, lower, lex, s.headline)) {
    // Tested for every claim: a step first run after optimisation (rare coalition texts) would deoptimise.
    const bare = BARE_COALITION.test(s.text.slice(c.start, c.end));
    if (!(c.belligerent === 'us-coalition' && oppositionCoalition && bare)) claims.push(c);
  }
  return claims;
}

/** A sentence's places; "rejected Damascus's account": a capital's words or envoys are its government. */
function sentencePlaces(sentence: string, resolver: PlaceResolver, ctx: PlaceContext): PlaceMention[] {
  const places: PlaceMention[] = [];
  for (const p of findPlaces(sentence, resolver, ctx))
    if (
      !GOVERNMENT_VOICE.test((/['’]s$/.test(p.name) ? "'s" : '') + sentence.slice(p.end, p.end + 30)) &&
      !isSpeaker(sentence, p.start, p.end)
    )
      places.push(p);
  return places;
}

/** A sentence that tells of a deployment, a total, ground fighting, a non-state attack or a crash. */
function excludedBy(lower: string, casualtyWords: boolean): boolean {
  return (
    (DEPLOYMENT.test(lower) && !casualtyWords && !STRUCK.test(lower)) ||
    EXCLUDED.test(lower) ||
    (GROUND_FIGHTING.test(lower) && !STRUCK_FROM_THE_AIR.test(lower) && !FROM_THE_AIR.test(lower)) ||
    (NON_STATE.test(lower) && !FROM_THE_AIR.test(lower)) ||
    (DOWNED.test(lower) && !STRUCK_FROM_THE_AIR.test(lower))
  );
}

/** A mention with another place: the fields of findPlaces' literal in its order, so that mentions keep one shape. */
function withPlace(p: PlaceMention, place: Place): PlaceMention {
  return {
    start: p.start,
    end: p.end,
    name: p.name,
    textStart: p.textStart,
    place,
    relation: p.relation,
    coordinated: p.coordinated,
    weak: p.weak,
  };
}

// "Khan Yunis City posted that...": a place name as the subject of a speech verb is a page or an
// outlet speaking; "activists in Aleppo said" keeps Aleppo, which a preposition introduces.
const SPEAKS_AFTER =
  /^(?:\s+(?:City|Today|News|Now|Post|Voice|Network|Agency|Media|Centre|Center|Press|Online|Net|TV|24))?\s+(?:has |had |also |later |then )?(?:posted|reported|tweeted|wrote|shared|published|announced)\b/;
const PREPOSITION_BEFORE =
  /\b(?:in|from|of|at|near|around|outside|inside|to|into|for|on|across|by)\s+(?:the\s+)?$/i;
function isSpeaker(text: string, start: number, end: number): boolean {
  return (
    SPEAKS_AFTER.test(text.slice(end, end + 40)) &&
    !PREPOSITION_BEFORE.test(text.slice(Math.max(0, start - 20), start))
  );
}

/** Places that are part of an outlet's name ("Halab Today", "Deir Ezzor 24") are no places. */
function withoutOutlets(places: PlaceMention[], sentence: string, lex: LexiconIndex): PlaceMention[] {
  if (places.length === 0) return places;
  const outlets = lex.outletIn(sentence);
  if (outlets.length === 0) return places;
  const kept: PlaceMention[] = [];
  for (const p of places) if (!outlets.some((o) => p.start >= o.start && p.end <= o.end)) kept.push(p);
  return kept;
}

/** Governorates and cities named in the document pick between same-named villages. */
function resolveWithHints(facts: SentenceFacts[], resolver: PlaceResolver, countryHints: string[]): void {
  const counts = new Map<string, number>();
  for (const f of facts)
    for (const p of f.places)
      if (p.place.admin1 && precisionRank(p.place) >= 5)
        counts.set(p.place.admin1, (counts.get(p.place.admin1) ?? 0) + 1);
  const ctx: PlaceContext = {
    admin1Hints: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k),
    countryHints,
  };
  if (counts.size > 0) {
    for (const f of facts) {
      // A governorate named in the same sentence ("al-Khan in Hasakah province") comes first.
      const local: string[] = [];
      for (const p of f.places)
        if (p.place.admin1 !== null && precisionRank(p.place) >= 5) local.push(p.place.admin1);
      const here: PlaceContext =
        local.length === 0 ? ctx : { admin1Hints: [...new Set(local)], countryHints: ctx.countryHints };
      const places: PlaceMention[] = [];
      for (const p of f.places) {
        const better = precisionRank(p.place) >= 5 ? null : resolver.resolve(p.name, here);
        places.push(better ? withPlace(p, better) : p);
      }
      f.places = places;
    }
  }
}

/**
 * "Maisaloun farm, north of Raqqa": a place told relative to a landmark lies near it; a
 * same-named village far away is another place, so the landmark stands in for it.
 */
function placeByLandmarks(facts: SentenceFacts[]): void {
  for (const f of facts) {
    const landmark = f.places.find((p) => p.relation !== null && !p.weak);
    if (!landmark) continue;
    const places: PlaceMention[] = [];
    for (const p of f.places)
      places.push(
        p === landmark || p.relation !== null || kmBetween(p.place, landmark.place) <= LANDMARK_REACH_KM
          ? p
          : withPlace(p, landmark.place),
      );
    f.places = places;
  }
}

/**
 * "... conducted strikes east of Palmyra, the statement said": a statement of the belligerent's
 * own officials, named elsewhere in the text, confirms the strike.
 */
function confirmByStatements(facts: SentenceFacts[], text: string, officialVoices: OfficialVoice[]): void {
  let folded: string | undefined;
  for (const f of facts) {
    if (!STATEMENT_WORDS.some((w) => f.lower.includes(w)) || !STATEMENT_VOICE.test(f.lower)) continue;
    // Only where the statement speaks of one side: that side's own officials are speaking.
    if (new Set(f.claims.map((c) => c.belligerent)).size !== 1) continue;
    for (const c of f.claims) {
      if (c.stance !== 'blames') continue;
      const voice = officialVoices.find((v) => v.code === c.belligerent);
      const whole = (folded ??= fold(text));
      const named = voice?.phrases.find((x) => whole.includes(x));
      c.stance = 'confirms';
      c.by = named
        ? text.slice(whole.indexOf(named), whole.indexOf(named) + named.length)
        : (voice?.label ?? c.by);
    }
  }
}

/** Events from the sentences' findings: grouped, built, broad mentions folded into specific ones. */
function assembleEvents(facts: SentenceFacts[], text: string, published: string | null): ExtractedEvent[] {
  const drafts = groupEvents(facts, published, text);
  const docPlace = firstPlace(facts);
  const built: Array<Absorbable<(typeof drafts)[number]>> = [];
  let previousClaims: SentenceFacts['claims'] = [];
  for (const d of drafts) {
    if (d.pooled) continue;
    const hasFigures = d.facts.some((f) => f.casualties.length > 0);
    const hasClaims = d.facts.some((f) => f.claims.length > 0);
    const linked = d.facts.find((f) => f.linked && f.strike && !f.excluded);
    // "X also struck Y", "as well": a linked strike sentence keeps the attribution before it.
    if (!hasClaims && previousClaims.length > 0 && linked) {
      // A literal in findClaims' field order, not a spread: every claim keeps one shape.
      linked.claims = previousClaims.map((c) => ({
        belligerent: c.belligerent,
        stance: c.stance,
        by: c.by,
        start: 0,
        end: 0,
      }));
    } else if (!hasFigures && !hasClaims) continue;
    const claims = d.facts.flatMap((f) => f.claims);
    if (claims.length > 0) previousClaims = claims;
    built.push({
      event: buildEvent(d, text, published, docPlace, facts),
      at: d.facts[0]!.sentence.start,
      seat: SEATS.has((d.place ?? docPlace)?.place.featureCode ?? ''),
      placeless: d.place === null,
      separate: d.borrowed === true || d.apart === true,
      source: d,
    });
  }
  // Broad mentions (the governorate, its capital) of a specific strike fold into it.
  const plan = planAbsorption(built);
  const events: ExtractedEvent[] = [];
  // An event nobody pins on a state force, in a text that pins the attack on a non-state group
  // (rebel rockets, "terrorist" mortars, tunnel bombs), is not a strike of this record.
  // Read only for an event nobody pins on a state force.
  let nonStateText: boolean | undefined;
  const stateNamed = (e: ExtractedEvent): boolean => e.attributed.some((a) => a.belligerent !== 'unknown');
  built.forEach((b, i) => {
    if (plan.has(i)) return;
    const joined: Array<(typeof built)[number]['source']> = [];
    for (const [from, to] of plan) if (to === i) joined.push(built[from]!.source);
    let event = b.event;
    if (joined.length > 0) {
      const merged = [...new Set([b.source, ...joined].flatMap((d) => d.facts))].sort(
        (x, y) => x.sentence.start - y.sentence.start,
      );
      event = buildEvent({ ...b.source, facts: merged }, text, published, docPlace, facts);
    }
    // Judged after the folding: a broad mention folded in may be what names the state force.
    if (!stateNamed(event) && (nonStateText ??= NON_STATE_AGENT.test(fold(text)))) return;
    events.push(event);
  });
  return events;
}

/** Attribution the lead gives to events that name no perpetrator; "unknown" goes once one is named. */
function blameByLead(facts: SentenceFacts[], merged: ExtractedEvent[]): void {
  // Strikes the story names without saying who flew them belong to the one side its lead blames
  // ("Regime air strikes kill 39 in two battlegrounds ... strikes on A and B").
  const lead: Claim[] = [];
  for (const f of facts) if (f.sentence.paragraph <= 1 && !f.excluded) for (const c of f.claims) lead.push(c);
  const leadSides = new Set<string>();
  for (const c of lead) if (c.stance === 'blames' || c.stance === 'confirms') leadSides.add(c.belligerent);
  const leadClaim = leadSides.size === 1 ? lead.find((c) => leadSides.has(c.belligerent)) : undefined;
  if (leadClaim)
    for (const e of merged)
      if (!e.background && e.attributed.every((a) => a.belligerent === 'unknown'))
        e.attributed = [
          { belligerent: leadClaim.belligerent, stance: leadClaim.stance, by: leadClaim.by, quote: '' },
        ];
  // "Unknown" stands for no named perpetrator: once someone is named, it goes.
  for (const e of merged)
    if (e.attributed.some((a) => a.belligerent !== 'unknown' && a.stance !== 'denies'))
      e.attributed = e.attributed.filter((a) => a.belligerent !== 'unknown');
}
