/** Place names in a sentence: capitalised phrases with the words around them that say they are places. */
import { precisionRankOf } from '../../domain/geo.ts';
import type { Place, PlaceContext, PlaceResolver } from '../../domain/place.ts';
import { matches, splitOnSpaces } from './text.ts';

const CITY_RANK = precisionRankOf('city');

export interface PlaceMention {
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  /** The name as written. */
  name: string;
  /** The span including relation and type words ("near the town of Ayyash"). */
  textStart: number;
  place: Place;
  /** "near", "north of", "countryside": the strike was around, not in, the place. */
  relation: string | null;
  /** A place in a list ("the towns of A and B") or joined to the previous one by "and". */
  coordinated: boolean;
  /** Introduced by "from", "to", "based in": not where a strike happened. */
  weak: boolean;
}

const PARTICLE =
  "(?:al|el|ad|ar|as|ash|at|az|an|ath|ed|es|ez|er|bin|ibn|abu|umm|um|bani|beit|bayt|deir|dayr|tal|tell|kafr|jisr|ras|ain|ayn|khan|maarat|ma'arat|wadi|jabal|jebel|bab|bir|sheikh|mazraat|qasr|hay)";
const WORD = "(?:[A-Z][\\w'’]*(?:-[\\w'’]+)*|" + PARTICLE + "-[A-Z][\\w'’]*(?:-[\\w'’]+)*)";
const PHRASE_RE = new RegExp(`${WORD}(?:\\s+(?:${PARTICLE}[- ])?${WORD}){0,3}`, 'g');
const TYPE_AFTER =
  /^\s+(province|governorate|countryside|city|town|village|district|camp|refugee camp|neighbourhood|neighborhood|area|suburb|suburbs|region|outskirts|countryside)\b/i;
const TRIGGER_BEFORE =
  /(?:\b(in|near|nearby|at|outside|around|on|into|across|towards|toward|targeting|targeted|hit|hitting|struck|striking|bombed|bombing|shelled|shelling|pounded|raided|over|within|inside|across|throughout|west of|east of|north of|south of|northwest of|northeast of|southwest of|southeast of|north-west of|north-east of|south-west of|south-east of|outskirts of|vicinity of|area of|countryside of|edge of|from|to|based in|between)\s+(?:the\s+)?(?:(?:both|either|besieged|rebel-held|opposition-held|regime-held|government-held|is-held|isis-held|daesh-held|jihadist-held|militant-held|kurdish-held|nearby|northern|southern|eastern|western|central|rural|key|strategic|small|tiny|densely-populated|embattled|flashpoint|war-torn|syrian|iraqi|northwestern|northeastern|southwestern|southeastern|north-western|north-eastern|south-western|south-eastern)\s+){0,2}(?:(town|village|city|province|governorate|district|neighbourhood|neighborhood|area|countryside|outskirts|suburbs?|camp|region|hamlet|refugee camp|villages|towns|cities|neighbourhoods|neighborhoods)\s+of\s+)?)$/i;

// "against the town of X": a place word alone says a place follows (no relation word).
const TYPE_OF_BEFORE =
  /()\b(?:the\s+)?(town|village|city|district|neighbourhood|neighborhood|hamlet|refugee camp|towns|villages)\s+of\s+$/i;
/** What TRIGGER_BEFORE must hold to say "province": looked for before that regex is run. */
const PROVINCE_WORD = /province|governorate/i;
const NAME_PARTICLES = new Set(['Sheikh', 'Al', 'El', 'Abu', 'Umm', 'Bin']);
const TYPED_BEFORE =
  /\b(?:town|village|city|district|neighbourhood|neighborhood|area|camp|suburb|hamlet|towns|villages)\s+of\s+(?:the\s+)?$|\b(?:in|near|on|at)\s+$/i;

const ORG_WORD =
  /^(?:Agency|News|Network|Press|Ministry|Radio|TV|Post|Today|Information|Channel|Media|Service|Society|Association|Syndicate|Committee|Council|Crescent|Defense|Defence|Foundation|Institute)$/;
const FACILITY_WORD =
  /^(?:School|Schools|Hospital|Mosque|Complex|Clinic|Bakery|University|College|Tower|Building)$/;
const PLACE_WORD =
  /^(?:City|Town|Village|Camp|Province|Governorate|Countryside|District|Neighbourhood|Neighborhood|Area|Region|Old|New|Central|Northern|Southern|Eastern|Western|North|South|East|West|Upper|Lower|Military|Air|Airport|Airbase|Base|Medical|General|National|Market|Street|Road|Square|Roundabout|Bridge|Dam|Fields?|Oil|Refinery|Station|Plant|Prison|Stadium|Industrial|Zone)$/;

/** Words after a place name that leave it a place: not an outlet's name, not a facility named after someone. */
function isPlaceRest(rest: string[]): boolean {
  if (rest.some((w) => ORG_WORD.test(w))) return false;
  const last = rest.at(-1)!;
  return !(FACILITY_WORD.test(last) && rest.slice(0, -1).some((w) => !PLACE_WORD.test(w)));
}
const STRIP_AFTER = /^\s+strip\b/i;
const HOME_AFTER = /^\s+(?:residence|household|home|house)\b/i;
const FAMILY_AFTER = /^\s+(?:family|families|clan|tribe|brigades?|battalions?|front|group|movement)\b/i;
const VERB_TRIGGER =
  /^(?:targeting|targeted|hit|hitting|struck|striking|bombed|bombing|shelled|shelling|pounded|raided)$/i;
const LIST_JOIN =
  /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?(?:(?:town|village|city|neighbourhood|neighborhood)\s+of\s+)?$/i;

const STOP = new Set(
  'The A An In On At Of And But For With From By After Before During Since Until Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Tonight It He She They We This That These Those Russian Syrian Turkish Israeli American Iranian Iraqi Kurdish Arab Islamic State Daesh ISIS IS ISIL Nusra Hezbollah Hamas Coalition Regime Government Army Observatory Ministry Defence Defense President Minister General Gen Col Lt Colonel Major Human Rights Watch Amnesty UN United Nations Security Council Reuters AFP AP SANA TASS Sputnik Photo File Image Read Also Related Get Short URL Tags Copyright Posted Published Updated Date Source Sources Share Facebook Twitter Video Breaking News Agency Times Post Press Media Centre Center Unit Units Forces Force Air Mr Mrs Dr Sheikh Al El Abu Umm Bin There Three Two One Four Five Six Seven Eight Nine Ten Mon Tue Wed Thu Fri Sat Sun Syrias Syria Syrian Missile Missiles Rebels Rebel British French Turkey Jordan Moscow Beirut BEIRUT DAMASCUS MOSCOW AMMAN ANKARA CAIRO GENEVA UNICEF Katyusha Kilis Russia Iran Iraq Lebanon Israel Egypt Saudi America United States Washington Europe European Western Eastern Northern Southern Central Middle East Gulf Kurds Kurdish Turkish Russians Americans Sunni Shia Alawite Christian Muslim Jihadist Jihadists Opposition Jaish Ahrar Faylaq Fatah Tahrir Jabhat Nusra Liwa'.split(
    ' ',
  ),
);

export function precisionRank(p: Place): number {
  return precisionRankOf(p.precision);
}

/** Resolved names by context (its hints), per resolver; emptied when it holds too many names. */
interface ResolveCache {
  byContext: Map<string, Map<string, Place | null>>;
  size: number;
}

const MAX_CACHED = 50000;
const resolveCaches = new WeakMap<PlaceResolver, ResolveCache>();

/** A memoised resolve for one context. */
function cachedResolver(resolver: PlaceResolver, ctx: PlaceContext): (query: string) => Place | null {
  let cache = resolveCaches.get(resolver);
  if (!cache) {
    cache = { byContext: new Map(), size: 0 };
    resolveCaches.set(resolver, cache);
  }
  const all = cache;
  const ctxKey = `${ctx.admin1Hints.join(',')}|${ctx.countryHints.join(',')}`;
  let names = all.byContext.get(ctxKey);
  return (query) => {
    const known = names?.get(query);
    if (known !== undefined) return known;
    const p = resolver.resolve(query, ctx);
    if (all.size >= MAX_CACHED) {
      all.byContext.clear();
      all.size = 0;
      names = undefined;
    }
    if (!names) {
      names = new Map();
      all.byContext.set(ctxKey, names);
    }
    names.set(query, p);
    all.size++;
    return p;
  };
}

/** The 60 characters before a name: where its relation and place words are looked for. */
function before60(sentence: string, offset: number): string {
  return sentence.slice(Math.max(0, offset - 60), offset);
}

/** The relation or place words right before a name ("near the town of", "the province of"). */
function triggerBefore(sentence: string, offset: number): RegExpExecArray | null {
  const before = before60(sentence, offset);
  return TRIGGER_BEFORE.exec(before) ?? TYPE_OF_BEFORE.exec(before);
}

/** Place mentions in one sentence, resolved against the gazetteer. */
export function findPlaces(sentence: string, resolver: PlaceResolver, ctx: PlaceContext): PlaceMention[] {
  const out: PlaceMention[] = [];
  let resolve: ((query: string) => Place | null) | undefined;
  for (const m of matches(PHRASE_RE, sentence)) {
    let words = splitOnSpaces(m[0]);
    let offset = m.index;
    // Leading stop words ("In Idlib", "Russian Aleppo") are not part of the name, but a particle
    // after a place word is ("the village of Sheikh Mustafa").
    let stop = 0;
    while (
      stop < words.length &&
      STOP.has(words[stop]!) &&
      !(
        words.length - stop > 1 &&
        NAME_PARTICLES.has(words[stop]!) &&
        TYPED_BEFORE.test(sentence.slice(Math.max(0, offset - 40), offset))
      )
    )
      offset += words[stop++]!.length + 1;
    if (stop === words.length) continue;
    if (stop > 0) words = words.slice(stop);
    // Where the words end when joined by single spaces (as the names tried below are).
    let after = offset + words.length - 1;
    for (const w of words) after += w.length;
    // "the Al Najjar family", "Abu Qouta family": people, not places.
    if (FAMILY_AFTER.test(sentence.slice(after, after + 15))) continue;
    // "the al-Durra residence", "the Shamlakh home": a family's house, named after the family.
    if (
      HOME_AFTER.test(sentence.slice(after, after + 12)) &&
      /\bthe\s+$/i.test(sentence.slice(Math.max(0, offset - 5), offset))
    )
      continue;
    // "Gaza strip": the territory, as "Gaza Strip" is, not its city.
    if (STRIP_AFTER.test(sentence.slice(after, after + 8))) continue;
    const prev = out.at(-1);
    // The words before the name, looked at once a name resolves (no closures here: this loop is
    // hot, and each closure made per phrase costs an allocation).
    let listedM: boolean | undefined;
    let trigM: RegExpExecArray | null | undefined;
    // The names tried are prefixes of the words joined by single spaces.
    const joined = words.join(' ');
    let nameLength = joined.length;
    // Try the longest prefix that resolves.
    for (let n = words.length; n >= 1; n--) {
      const name = joined.slice(0, nameLength);
      nameLength -= words[n - 1]!.length + 1;
      if (n === 1 && (STOP.has(name) || name.length < 3)) break;
      const end = offset + name.length;
      const typeM = n === words.length ? TYPE_AFTER.exec(sentence.slice(end, end + 30)) : null;
      const typeWord = typeM?.[1]?.toLowerCase() ?? null;
      // "Raqqa province", "the province of Raqqa": the governorate, not its capital. The words
      // before are read here only when they can say so, else once a name resolves.
      if (n === words.length && trigM === undefined && PROVINCE_WORD.test(before60(sentence, offset)))
        trigM = triggerBefore(sentence, offset);
      const typeBefore = n === words.length ? (trigM?.[2]?.toLowerCase() ?? null) : null;
      const province =
        typeWord === 'province' || typeWord === 'governorate'
          ? typeWord
          : typeBefore === 'province' || typeBefore === 'governorate'
            ? typeBefore
            : undefined;
      const query = province ? `${name} ${province}` : name;
      // "Shehab News Agency", "Hassan Salama School": the first words of an outlet's or a named
      // facility's name are no place ("Deir Ezzor Military Airport" is one).
      if (n < words.length && !isPlaceRest(words.slice(n)) && !/\n/.test(sentence.slice(offset, after)))
        continue;
      resolve ??= cachedResolver(resolver, ctx);
      const place = resolve(query);
      if (!place) continue;
      if (place.precision === 'country') break;
      // A document about one country does not name villages of another that share a name.
      if (ctx.countryHints.length > 0 && !ctx.countryHints.includes(place.country)) continue;
      if (trigM === undefined) trigM = triggerBefore(sentence, offset);
      const trig = trigM;
      const listed = (listedM ??= prev !== undefined && LIST_JOIN.test(sentence.slice(prev.end, offset)));
      const strong = trig !== null || typeWord !== null || listed;
      // A name that matched only by its consonant skeleton needs a place word before or after it.
      if (place.match === 'skeleton' && (!strong || name.length < 5)) continue;
      if (!strong && precisionRank(place) < CITY_RANK) break;
      const relWord = trig?.[1]?.toLowerCase() ?? null;
      const relation =
        typeWord === 'countryside' || typeWord === 'outskirts' || trig?.[2]?.toLowerCase() === 'countryside'
          ? 'countryside'
          : relWord &&
              /near|nearby|of$|around|outside|vicinity|outskirts|area/.test(relWord) &&
              relWord !== 'of'
            ? relWord
            : null;
      const listType = trig?.[2] && /s$/.test(trig[2]) && !/^(?:suburbs|outskirts)$/i.test(trig[2]);
      const coordinated = Boolean(listType) || listed;
      if (listed && prev) prev.coordinated = true;
      out.push({
        start: offset,
        end: typeM ? end + typeM[0].length : end,
        name,
        // The place text starts at its relation words ("near the town of"), not at a verb before them.
        textStart: trig
          ? offset - trig[0].length + (VERB_TRIGGER.test(trig[1] ?? '') ? (trig[1]?.length ?? 0) + 1 : 0)
          : offset,
        place,
        relation,
        coordinated,
        weak: relWord !== null && /^(?:from|to|based in|between)$/.test(relWord),
      });
      break;
    }
  }
  return out;
}
