import type { ExtractedDocument, ExtractedEvent, SourceDocument } from '../../domain/extraction.ts';
import type { Lexicon } from '../../domain/lexicon.ts';
import type { PlaceContext, PlaceResolver } from '../../domain/place.ts';
import { findClaims } from './attribution.ts';
import { findCasualties } from './casualties.ts';
import { findDateline, findDates, type DateMention } from './dates.ts';
import { buildEvent, groupEvents, type SentenceFacts } from './events.ts';
import { indexLexicon } from './lexicon-index.ts';
import { findPlaces, precisionRank, type PlaceMention } from './places.ts';
import { fold, hasTitleLine, splitSentences } from './text.ts';

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
  /\b(?:since (?:the (?:start|beginning)|(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:19|20)\d\d|last (?:year|month))|so far this (?:year|month)|(?:over|during|in) the (?:past|last) (?:few |several |two |three |\d+ )?(?:weeks|months|years)|a total of|per day|every day|on a daily basis|regularly|routinely|campaign|since it (?:began|started)|since (?:its|their) (?:intervention|involvement))\b/;
const NON_STATE =
  /\b(?:car bomb|truck bomb|suicide|ied|improvised explosive|landmines?|mines? (?:explosion|blast)|(?:rebels?|terrorists?|militants?|jihadists?|insurgents?|opposition|is|isis|daesh|nusra|gunmen|armed groups?) (?:fired|shelled|launched|targeted)|(?:fired|launched) by (?:rebels?|terrorists?|militants?|is|isis|daesh)|shot down|crashed|executed|execution)\b/;
const LINKED =
  /^(?:also|meanwhile|in addition|elsewhere|another|separately|similarly)\b|\b(?:also|another|as well)\b/;

/** Arabic or English by which script has more letters in the first 5000 characters. */
function language(text: string): string {
  const n = Math.min(text.length, 5000);
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (arabic === 0 && latin === 0) return 'und';
  return arabic > latin ? 'ar' : 'en';
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
  return (doc) => {
    const text = doc.text;
    const published = doc.published ?? findDateline(text);
    const titled = hasTitleLine(text);
    const title = doc.title ?? (titled ? text.slice(0, text.indexOf('\n')).trim() : null);
    const sentences = splitSentences(text, titled);
    const dates = findDates(text, published);
    const emptyCtx: PlaceContext = { admin1Hints: [], countryHints: countryHints(text) };
    // First pass: per-sentence findings; places resolved without context.
    const facts: SentenceFacts[] = [];
    let di = 0;
    for (const s of sentences) {
      const lower = fold(s.text);
      const strike = STRIKE.test(lower);
      const casualtyWords = CASUALTY_WORD.test(lower);
      while (di < dates.length && dates[di]!.end <= s.start) di++;
      const sentDates: DateMention[] = [];
      for (let k = di; k < dates.length && dates[k]!.start < s.end; k++) {
        const m = dates[k]!;
        sentDates.push(m);
      }
      if (!strike && !casualtyWords) continue;
      facts.push({
        sentence: s,
        lower,
        strike,
        casualties: casualtyWords ? findCasualties(lower) : [],
        claims: findClaims(s.text, lower, lex, s.headline),
        places: findPlaces(s.text, resolver, emptyCtx),
        dates: sentDates,
        weapons: lex.weapons(lower),
        excluded: EXCLUDED.test(lower) || NON_STATE.test(lower),
        linked: LINKED.test(lower),
      });
    }
    // Governorates and cities named in the document pick between same-named villages.
    const counts = new Map<string, number>();
    for (const f of facts)
      for (const p of f.places)
        if (p.place.admin1 && precisionRank(p.place) >= 5)
          counts.set(p.place.admin1, (counts.get(p.place.admin1) ?? 0) + 1);
    const ctx: PlaceContext = {
      admin1Hints: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k),
      countryHints: [],
    };
    if (ctx.admin1Hints.length > 0) {
      for (const f of facts) {
        f.places = f.places.map((p) => {
          if (precisionRank(p.place) >= 5) return p;
          const better = resolver.resolve(p.name, ctx);
          return better ? { ...p, place: better } : p;
        });
      }
    }
    const drafts = groupEvents(facts);
    const docPlace = firstPlace(facts);
    const events: ExtractedEvent[] = [];
    let previousClaims: SentenceFacts['claims'] = [];
    for (const d of drafts) {
      const hasFigures = d.facts.some((f) => f.casualties.length > 0);
      const hasClaims = d.facts.some((f) => f.claims.length > 0);
      const linked = d.facts.find((f) => f.linked && f.strike && !f.excluded);
      // "X also struck Y", "as well": a linked strike sentence keeps the attribution before it.
      if (!hasClaims && previousClaims.length > 0 && linked) {
        linked.claims = previousClaims.map((c) => ({ ...c, start: 0, end: 0 }));
      } else if (!hasFigures && !hasClaims) continue;
      const claims = d.facts.flatMap((f) => f.claims);
      if (claims.length > 0) previousClaims = claims;
      events.push(buildEvent(d, text, published, docPlace));
    }
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
    return { id: doc.id, published, language: language(text), title, events: mergeSame(events) };
  };
}

const COUNTRIES = ['Syria', 'Palestine', 'Iraq', 'Yemen', 'Lebanon', 'Libya', 'Somalia'];
// One group per country above; no match of one can hold the start of another, so one scan
// counts what a scan per country would.
const COUNTRY_WORDS = /\b(?:(syria)|(gaza|palestin|west bank)|(iraq)|(yemen)|(leban)|(libya)|(somali))/gi;

/** Countries the text names, most often first; Syria when none is named. */
function countryHints(text: string): string[] {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const n = COUNTRIES.map(() => 0);
  for (const m of sample.matchAll(COUNTRY_WORDS)) {
    const g = m.findIndex((x, i) => i > 0 && x !== undefined);
    n[g - 1]!++;
  }
  const counts = COUNTRIES.map((name, i) => [name, n[i]!] as const).filter(([, k]) => k > 0);
  counts.sort((a, b) => b[1] - a[1]);
  return counts.length > 0 ? counts.map(([name]) => name) : ['Syria'];
}

function firstPlace(facts: SentenceFacts[]): PlaceMention | null {
  for (const f of facts) {
    const p = f.places.find((x) => !x.weak);
    if (p) return p;
  }
  return null;
}

/** Events at the same place on compatible dates are one event. */
function mergeSame(events: ExtractedEvent[]): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  for (const e of events) {
    const twin = out.find(
      (o) =>
        o.place !== null &&
        o.place === e.place &&
        o.admin1 === e.admin1 &&
        (o.date === null || e.date === null || o.date === e.date),
    );
    if (!twin) {
      out.push(e);
      continue;
    }
    twin.date ??= e.date;
    twin.attributed.push(
      ...e.attributed.filter(
        (a) =>
          !twin.attributed.some(
            (b) => b.belligerent === a.belligerent && b.stance === a.stance && b.by === a.by,
          ),
      ),
    );
    twin.evidence.push(...e.evidence);
  }
  return out;
}
