import { distanceKm } from '../../domain/geo.ts';
import type { LocationPrecision } from '../../domain/extraction.ts';
import type { GazetteerData, GazetteerEntry } from '../../domain/gazetteer.ts';
import type { Place, PlaceContext, PlaceMatch, PlaceResolver } from '../../domain/place.ts';
import {
  ALIAS,
  PRIMARY,
  emptyIndex,
  indexEntries,
  indexName,
  closeSkeletonPostings,
  keyFilter,
  postingsOf,
  precomputed,
  skeletonPostingsOf,
  type KeyFilter,
  type NameIndex,
  type PostingsKind,
  type SkeletonPostings,
} from './name-index.ts';
import {
  MIN_SKELETON,
  arabicKey,
  arabicWords,
  baseKey,
  dropArticles,
  foldWords,
  isArabicScript,
  skeletonKey,
} from './names.ts';

/**
 * Place-type weight; a match on a primary name adds PRIMARY_BONUS, so a village's own name beats a
 * town's odd variant. Governorates sit below towns' own names: "Idlib" is the city, "Idlib
 * province" (asked for explicitly) the governorate.
 */
const PRIMARY_BONUS = 2.5;
/** A name shorter than this (as an exact-tier key) is not matched by its skeleton. */
const MIN_SKELETON_QUERY = 5;
const IMPORTANCE: Record<LocationPrecision, number> = {
  country: 7,
  city: 6,
  governorate: 4.8,
  town: 4,
  district: 3,
  village: 2,
  neighbourhood: 2,
  street: 1,
  exact: 1,
};

type Want = 'admin' | 'locality' | 'district' | 'any';

const TRAILING: Record<string, Want> = {
  province: 'admin',
  governorate: 'admin',
  gov: 'admin',
  governate: 'admin',
  countryside: 'admin',
  rural: 'admin',
  region: 'admin',
  city: 'locality',
  town: 'locality',
  village: 'locality',
  municipality: 'locality',
  district: 'district',
  subdistrict: 'district',
  camp: 'any',
  neighbourhood: 'any',
  neighborhood: 'any',
  quarter: 'any',
  area: 'any',
  suburbs: 'any',
  outskirts: 'any',
};

const LEADING: Record<string, Want> = {
  countryside: 'admin',
  rural: 'admin',
  province: 'admin',
  governorate: 'admin',
  city: 'locality',
  town: 'locality',
  village: 'locality',
  district: 'district',
  outskirts: 'any',
  suburbs: 'any',
  the: 'any',
  of: 'any',
  north: 'any',
  northern: 'any',
  south: 'any',
  southern: 'any',
  east: 'any',
  eastern: 'any',
  west: 'any',
  western: 'any',
  central: 'any',
  northeastern: 'any',
  northwestern: 'any',
  southeastern: 'any',
  southwestern: 'any',
};

/** Arabic type words (after folding): محافظة, ريف, مدينة, بلدة, قرية, مخيم, حي, منطقة. */
const ARABIC_LEADING: Record<string, Want> = {
  محافظه: 'admin',
  ريف: 'admin',
  مدينه: 'locality',
  بلده: 'locality',
  قريه: 'locality',
  مخيم: 'any',
  حي: 'any',
  منطقه: 'any',
};

const COUNTRY_WORDS: Record<string, string> = {
  syria: 'SY',
  syrian: 'SY',
  iraq: 'IQ',
  iraqi: 'IQ',
  yemen: 'YE',
  yemeni: 'YE',
  libya: 'LY',
  libyan: 'LY',
  somalia: 'SO',
  somali: 'SO',
  somaliland: 'SO',
  palestine: 'PS',
  palestinian: 'PS',
  'palestinian territories': 'PS',
  gaza: 'PS',
  'gaza strip': 'PS',
  'west bank': 'PS',
  lebanon: 'LB',
  lebanese: 'LB',
};

interface Query {
  /** Key of the whole input. */
  full: string;
  fullSkeleton: string;
  /** Key with type words (province, city, countryside of ...) removed, and what they asked for. */
  stripped: string;
  strippedSkeleton: string;
  want: Want;
}

interface Candidate {
  idx: number;
  flags: number;
}

/** Skeleton-tier candidates close in spelling to a name, before any hint is applied. */
interface SkeletonMatch {
  close: Candidate[];
  /** The name is too short to match by skeleton outside a hinted governorate. */
  short: boolean;
}

/** The context-free part of resolving a name. */
interface Analysis {
  q: Query;
  exact: Candidate[] | null;
  /** Computed when first needed. */
  skeleton: SkeletonMatch | null | undefined;
}

/** How many names' analyses the resolver keeps in each of its two generations. */
const MAX_ANALYSES = 10000;

function parseQuery(input: string): Query | null {
  if (isArabicScript(input)) {
    const words = arabicWords(input);
    if (words.length === 0) return null;
    let want: Want = 'any';
    let rest = words;
    const first = words[0] ?? '';
    if (words.length > 1 && first in ARABIC_LEADING) {
      want = ARABIC_LEADING[first] ?? 'any';
      rest = words.slice(1);
    }
    const full = arabicKey(words);
    return { full, fullSkeleton: '', stripped: arabicKey(rest), strippedSkeleton: '', want };
  }
  const words = dropArticles(foldWords(input));
  if (words.length === 0) return null;
  let start = 0;
  let end = words.length;
  let want: Want = 'any';
  for (let changed = true; changed && end - start > 1;) {
    changed = false;
    const last = words[end - 1] ?? '';
    const t = TRAILING[last];
    if (t) {
      if (t !== 'any' && want === 'any') want = t;
      end--;
      changed = true;
      // "refugee camp": tested whatever the word, so that the first camp deoptimises nothing.
      const camp = last === 'camp';
      const refugee = words[end - 1] === 'refugee';
      const more = end - start > 1;
      end -= camp && refugee && more ? 1 : 0;
      continue;
    }
    const l = LEADING[words[start] ?? ''];
    if (l) {
      if (l !== 'any' && want === 'any') want = l;
      start++;
      changed = true;
    }
  }
  const rest = start === 0 && end === words.length ? words : dropArticles(words.slice(start, end));
  const full = baseKey(words);
  const fullSkeleton = skeletonKey(words);
  if (rest === words) return { full, fullSkeleton, stripped: full, strippedSkeleton: fullSkeleton, want };
  return { full, fullSkeleton, stripped: baseKey(rest), strippedSkeleton: skeletonKey(rest), want };
}

/** 1 for the letters that cost half in closeSpelling: a e i o u y w. */
const VOWEL = new Uint8Array(128);
for (const c of 'aeiouyw') VOWEL[c.charCodeAt(0)] = 1;
const isVowel = (code: number): boolean => code < 128 && VOWEL[code] === 1;

// Rows of the edit-distance table, reused between calls and grown when a name is longer.
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

/**
 * True when the edit distance between a and b is at most a fifth of the longer one (at least 1),
 * vowels costing half; the first letters must agree (or both be vowels). Costs are counted in
 * halves so that the table holds integers.
 */
export function closeSpelling(a: string, b: string): boolean {
  const a0 = a.charCodeAt(0);
  const b0 = b.charCodeAt(0);
  if (a0 !== b0 && !(isVowel(a0) && isVowel(b0))) return false;
  const la = a.length;
  const lb = b.length;
  const budget = 2 * Math.max(1, Math.max(la, lb) / 5);
  // Each letter one has more than the other costs at least a half.
  if (Math.abs(la - lb) > budget) return false;
  if (prevRow.length <= lb) {
    prevRow = new Int32Array(lb + 1);
    curRow = new Int32Array(lb + 1);
  }
  let prev = prevRow;
  let cur = curRow;
  prev[0] = 0;
  for (let j = 1; j <= lb; j++) prev[j] = prev[j - 1]! + (isVowel(b.charCodeAt(j - 1)) ? 1 : 2);
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    const costA = isVowel(ca) ? 1 : 2;
    let left = prev[0]! + costA;
    cur[0] = left;
    let rowMin = left;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const costB = isVowel(cb) ? 1 : 2;
      const change = ca === cb ? 0 : costA === 1 && costB === 1 ? 1 : 2;
      let v = prev[j]! + costA;
      const ins = left + costB;
      if (ins < v) v = ins;
      const sub = prev[j - 1]! + change;
      if (sub < v) v = sub;
      cur[j] = v;
      left = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > budget) return false;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]! <= budget;
}

/** Great-circle distance in kilometres (haversine). */
export { distanceKm };

/** A PlaceResolver plus what the build and tests want to know about the index. */
export interface GazetteerResolver extends PlaceResolver {
  /** Aliases whose target did not resolve (should be empty). */
  readonly unresolvedAliases: string[];
  readonly size: number;
}

/** Builds the name index over the gazetteer and returns the resolver. */
export function createResolver(data: GazetteerData): GazetteerResolver {
  const entries: GazetteerEntry[] = data.entries;
  const pre = precomputed(data.index);
  // Entries the build did not index (hand-added rows) and aliases are indexed here.
  const runtime: NameIndex = indexEntries(entries, emptyIndex(), data.index ? data.index.entryCount : 0);
  // Precomputed postings are parsed once, on first use.
  const parsed: NameIndex = emptyIndex();
  const get = (kind: PostingsKind, key: string): number[] | undefined => {
    if (!key) return undefined;
    let list = parsed[kind].get(key);
    if (list === undefined) {
      list = postingsOf(pre[kind], runtime[kind], key);
      if (list !== undefined) parsed[kind].set(key, list);
    }
    return list;
  };
  const parsedSkeletons = new Map<string, SkeletonPostings | null>();
  const getSkeleton = (key: string): SkeletonPostings | undefined => {
    if (!key) return undefined;
    let found = parsedSkeletons.get(key);
    if (found === undefined) {
      found = skeletonPostingsOf(pre.skeleton, runtime, key) ?? null;
      parsedSkeletons.set(key, found);
    }
    return found ?? undefined;
  };
  let byIdMap: Map<string, number> | undefined;
  const byId = (id: string): number | undefined => {
    if (!byIdMap) {
      byIdMap = new Map();
      for (let i = 0; i < entries.length; i++) byIdMap.set((entries[i] as GazetteerEntry).id, i);
    }
    return byIdMap.get(id);
  };
  // Places handed out, by how they matched: built once per entry and match.
  const places: Record<PlaceMatch, (Place | undefined)[]> = {
    name: new Array<Place | undefined>(entries.length),
    alias: new Array<Place | undefined>(entries.length),
    skeleton: new Array<Place | undefined>(entries.length),
  };

  const countryKeys = new Map<string, string>();
  for (const [word, cc] of Object.entries(COUNTRY_WORDS)) countryKeys.set(baseKey(foldWords(word)), cc);
  for (const [cc, name] of Object.entries(data.countries)) {
    countryKeys.set(baseKey(foldWords(name)), cc);
    countryKeys.set(cc.toLowerCase(), cc);
  }

  const admin1Cache = new Map<string, string | null>();
  const countryCache = new Map<string, string | null>();

  const canonicalAdmin1 = (hint: string): string | null => {
    let v = admin1Cache.get(hint);
    if (v === undefined) {
      const idx = admin1Index(hint, undefined);
      v = idx === null ? null : ((entries[idx] as GazetteerEntry).admin1 ?? null);
      admin1Cache.set(hint, v);
    }
    return v;
  };

  const countryCode = (hint: string): string | null => {
    let v = countryCache.get(hint);
    if (v === undefined) {
      v =
        countryKeys.get(hint.length === 2 ? hint.toLowerCase() : baseKey(dropArticles(foldWords(hint)))) ??
        null;
      countryCache.set(hint, v);
    }
    return v;
  };

  interface Ranking {
    admin1: (string | null)[];
    countries: (string | null)[];
  }

  const ranking = (context: PlaceContext | undefined): Ranking => {
    // Pushed into literals (not mapped), so that the lists have one shape whether empty or not.
    const admin1: (string | null)[] = [];
    const countries: (string | null)[] = [];
    if (context) {
      for (const h of context.admin1Hints) admin1.push(canonicalAdmin1(h));
      for (const h of context.countryHints) countries.push(countryCode(h));
    }
    return { admin1, countries };
  };

  const rankIn = (list: (string | null)[], value: string | null): number => {
    if (value === null) return list.length;
    const i = list.indexOf(value);
    return i < 0 ? list.length : i;
  };

  const score = (c: Candidate, e: GazetteerEntry): number =>
    IMPORTANCE[e.precision] + (c.flags & PRIMARY ? PRIMARY_BONUS : 0);

  /** Negative when a ranks before b. */
  const compare = (a: Candidate, b: Candidate, r: Ranking): number => {
    const ea = entries[a.idx] as GazetteerEntry;
    const eb = entries[b.idx] as GazetteerEntry;
    return (
      rankIn(r.admin1, ea.admin1) - rankIn(r.admin1, eb.admin1) ||
      rankIn(r.countries, ea.countryCode) - rankIn(r.countries, eb.countryCode) ||
      score(b, eb) - score(a, ea) ||
      (eb.countryCode === 'SY' ? 1 : 0) - (ea.countryCode === 'SY' ? 1 : 0) ||
      eb.population - ea.population ||
      (eb.id.startsWith('geonames:') ? 1 : 0) - (ea.id.startsWith('geonames:') ? 1 : 0) ||
      a.idx - b.idx
    );
  };

  /** The postings of the wanted kind of place, or all when there are none of that kind. */
  const wanted = (postings: number[], want: Want): number[] => {
    if (want === 'any') return postings;
    const levels: LocationPrecision[][] =
      want === 'admin'
        ? [['governorate'], ['district']]
        : want === 'district'
          ? [['district'], ['governorate']]
          : [['city', 'town', 'village', 'neighbourhood']];
    for (const level of levels) {
      const kept = postings.filter((p) => level.includes((entries[p >> 2] as GazetteerEntry).precision));
      if (kept.length > 0) return kept;
    }
    return postings;
  };

  // Candidate lists are built by loops into literals: a mapped or filtered list can take a shape that
  // the ranking code, optimised before meeting it, deoptimises on.
  const toCandidates = (postings: number[]): Candidate[] => {
    const out: Candidate[] = [];
    for (const p of postings) out.push({ idx: p >> 2, flags: p & 3 });
    return out;
  };

  const filterWant = (postings: number[], want: Want): Candidate[] => toCandidates(wanted(postings, want));

  const best = (cands: Candidate[], r: Ranking): Candidate => {
    let top = cands[0] as Candidate;
    for (let i = 1; i < cands.length; i++) {
      const c = cands[i] as Candidate;
      if (compare(c, top, r) < 0) top = c;
    }
    return top;
  };

  const inHint = (c: Candidate, r: Ranking): boolean => {
    const a1 = (entries[c.idx] as GazetteerEntry).admin1;
    return a1 !== null && r.admin1.includes(a1);
  };
  /** 2: some candidate lies in a hinted governorate, 1: in a hinted country, 0: neither. */
  const hintLevel = (cands: Candidate[], r: Ranking): number => {
    let level = 0;
    for (const c of cands) {
      if (inHint(c, r)) return 2;
      const cc = (entries[c.idx] as GazetteerEntry).countryCode;
      if (level === 0 && r.countries.includes(cc)) level = 1;
    }
    return level;
  };

  const lookup = (kind: PostingsKind, q: Query, full: string, stripped: string): Candidate[] | null => {
    const f = get(kind, full);
    if (f) return filterWant(f, 'any');
    const s = stripped !== full ? get(kind, stripped) : undefined;
    return s ? filterWant(s, q.want) : null;
  };

  /**
   * Skeleton-tier candidates whose name is also close in spelling (edit distance at most a third
   * of the length), so "air base Syria" does not become 'Arab al Yasir. Null when the skeleton
   * matches nothing; `short` when the name is too short to match outside a hinted governorate.
   */
  const hasSkeleton = (key: string): boolean =>
    key !== '' && (pre.skeleton?.has(key) === true || runtime.skeleton.has(key));

  const closeSkeletons = (q: Query): SkeletonMatch | null => {
    const full = q.fullSkeleton.length >= MIN_SKELETON ? q.fullSkeleton : '';
    const stripped = q.strippedSkeleton.length >= MIN_SKELETON ? q.strippedSkeleton : '';
    let skel = full;
    let base = q.full;
    let want: Want = 'any';
    if (!hasSkeleton(full)) {
      if (!stripped || stripped === full || !hasSkeleton(stripped)) return null;
      [skel, base, want] = [stripped, q.stripped, q.want];
    }
    // An entry is close when one of its Latin names with this skeleton is: each spelling is
    // compared once, and only the close ones' entries are read.
    let close = closeSkeletonPostings(pre.skeleton, runtime, skel, (key) => closeSpelling(base, key));
    if (want !== 'any') {
      // The wanted kind of place is picked among all the skeleton's entries, close or not.
      const kept = new Set(wanted(getSkeleton(skel)!.postings, want));
      close = close.filter((p) => kept.has(p));
    }
    return { close: toCandidates(close), short: base.length < MIN_SKELETON_QUERY };
  };

  const skeletonCandidates = (a: Analysis, r: Ranking): Candidate[] | null => {
    if (a.skeleton === undefined) a.skeleton = closeSkeletons(a.q);
    const m = a.skeleton;
    if (!m) return null;
    // Short words (most, center) share skeletons with too many villages: only within a hinted governorate.
    let close = m.close;
    if (m.short) {
      close = [];
      for (const c of m.close) if (inHint(c, r)) close.push(c);
    }
    return close.length > 0 ? close : null;
  };

  /**
   * What a name yields whatever the context, kept for the names seen lately (the same names recur
   * within a document and across documents): two generations of at most MAX_ANALYSES names each;
   * when the young one is full it becomes the old one, and a name found in the old one moves back.
   */
  let analyses = new Map<string, Analysis | null>();
  let olderAnalyses = new Map<string, Analysis | null>();
  /** Every key of the index, aliases included: set once they are indexed. */
  let keys: KeyFilter | null = null;
  const mayMatch = (q: Query, filter: KeyFilter): boolean =>
    filter.mayHave(q.full) ||
    (q.stripped !== q.full && filter.mayHave(q.stripped)) ||
    (q.fullSkeleton.length >= MIN_SKELETON && filter.mayHave(q.fullSkeleton)) ||
    (q.strippedSkeleton.length >= MIN_SKELETON &&
      q.strippedSkeleton !== q.fullSkeleton &&
      filter.mayHave(q.strippedSkeleton));
  const analyse = (name: string): Analysis | null => {
    let a = analyses.get(name);
    if (a !== undefined) return a;
    a = olderAnalyses.get(name);
    if (a === undefined) {
      const q = parseQuery(name);
      // A name with no key in the index matches nothing; not kept, so that places stay cached longer.
      if (q && keys && !mayMatch(q, keys)) return null;
      a = q ? { q, exact: lookup('exact', q, q.full, q.stripped), skeleton: undefined } : null;
    }
    if (analyses.size >= MAX_ANALYSES) {
      olderAnalyses = analyses;
      analyses = new Map();
    }
    analyses.set(name, a);
    return a;
  };

  const resolveIndex = (name: string, context?: PlaceContext): { c: Candidate; match: PlaceMatch } | null => {
    const a = analyse(name);
    if (!a) return null;
    const q = a.q;
    if (q.want === 'admin') {
      // "Deir Az-Zour province", "Idlib countryside": the governorate, by any spelling.
      const gov = admin1Of(q, context?.countryHints[0]);
      if (gov !== null) return { c: { idx: gov, flags: 0 }, match: 'name' };
    }
    const exactCands = a.exact;
    const r = ranking(context);
    const reachable = r.admin1.some((h) => h !== null) ? 2 : r.countries.some((h) => h !== null) ? 1 : 0;
    if (exactCands && hintLevel(exactCands, r) >= reachable) return { c: best(exactCands, r), match: 'name' };
    // A spelling variant in the hinted governorate (or country) beats an exact name elsewhere.
    const skelCands = skeletonCandidates(a, r);
    if (skelCands && (!exactCands || hintLevel(skelCands, r) > hintLevel(exactCands, r))) {
      return { c: best(skelCands, r), match: 'skeleton' };
    }
    return exactCands ? { c: best(exactCands, r), match: 'name' } : null;
  };

  const toPlace = (idx: number, match: PlaceMatch): Place => {
    const matched = places[match][idx];
    if (matched) return matched;
    const other = places.name[idx] ?? places.alias[idx] ?? places.skeleton[idx];
    let p: Place;
    // Both literals list the same fields in the same order, so that every Place has one shape.
    if (other)
      p = {
        id: other.id,
        name: other.name,
        nameAr: other.nameAr,
        country: other.country,
        admin1: other.admin1,
        admin2: other.admin2,
        lat: other.lat,
        lon: other.lon,
        precision: other.precision,
        population: other.population,
        asciiName: other.asciiName!,
        countryCode: other.countryCode!,
        featureCode: other.featureCode!,
        match,
      };
    else {
      const e = entries[idx] as GazetteerEntry;
      p = {
        id: e.id,
        name: e.name,
        nameAr: e.namesAr[0] ?? null,
        country: data.countries[e.countryCode] ?? e.countryCode,
        admin1: e.admin1,
        admin2: e.admin2,
        lat: e.lat,
        lon: e.lon,
        precision: e.precision,
        population: e.population,
        asciiName: e.asciiName,
        countryCode: e.countryCode,
        featureCode: e.featureCode,
        match,
      };
    }
    places[match][idx] = p;
    return p;
  };

  function admin1Index(name: string, country: string | undefined): number | null {
    const q = parseQuery(name);
    return q ? admin1Of(q, country) : null;
  }

  function admin1Of(q: Query, country: string | undefined): number | null {
    const cc = country ? countryCode(country) : null;
    const pick = (kind: PostingsKind, full: string, stripped: string): number | null => {
      const postings = get(kind, full) ?? get(kind, stripped);
      if (!postings) return null;
      let top: GazetteerEntry | null = null;
      let topIdx: number | null = null;
      for (const p of postings) {
        const e = entries[p >> 2] as GazetteerEntry;
        if (cc && e.countryCode !== cc) continue;
        const better =
          !top ||
          (e.countryCode === 'SY' ? 1 : 0) - (top.countryCode === 'SY' ? 1 : 0) > 0 ||
          ((e.countryCode === 'SY') === (top.countryCode === 'SY') && e.population > top.population);
        if (better) [top, topIdx] = [e, p >> 2];
      }
      return topIdx;
    };
    return (
      pick('governorate', q.full, q.stripped) ??
      pick(
        'governorateSkeleton',
        q.fullSkeleton.length >= MIN_SKELETON ? q.fullSkeleton : '',
        q.strippedSkeleton.length >= MIN_SKELETON ? q.strippedSkeleton : '',
      )
    );
  }

  // Aliases: a target id, or a name resolved within the given governorate.
  const unresolvedAliases: string[] = [];
  for (const a of data.aliases) {
    let idx = byId(a.target);
    if (idx === undefined) {
      const found = resolveIndex(a.target, {
        admin1Hints: a.admin1 ? [a.admin1] : [],
        countryHints: a.countryCode ? [a.countryCode] : [],
      });
      const e = found ? (entries[found.c.idx] as GazetteerEntry) : null;
      if (found && e && (!a.admin1 || e.admin1 === canonicalAdmin1(a.admin1))) idx = found.c.idx;
    }
    if (idx === undefined) {
      unresolvedAliases.push(`${a.alias} -> ${a.target}${a.admin1 ? ` (${a.admin1})` : ''}`);
      continue;
    }
    const gov = (entries[idx] as GazetteerEntry).precision === 'governorate';
    // Like a governorate's own names, an alias of one never counts as primary.
    indexName(runtime, a.alias, idx, gov ? ALIAS : PRIMARY | ALIAS, gov, false);
  }
  // Lookups made while resolving alias targets saw the index without the aliases.
  admin1Cache.clear();
  analyses.clear();
  olderAnalyses.clear();
  for (const map of Object.values(parsed)) map.clear();
  parsedSkeletons.clear();
  keys = keyFilter([
    pre.exact,
    pre.governorate,
    pre.skeleton,
    pre.governorateSkeleton,
    runtime.exact,
    runtime.governorate,
    runtime.skeleton,
    runtime.governorateSkeleton,
  ]);

  return {
    unresolvedAliases,
    size: entries.length,
    resolve(name: string, context?: PlaceContext): Place | null {
      const found = resolveIndex(name, context);
      if (!found) return null;
      return toPlace(found.c.idx, found.c.flags & ALIAS && found.match === 'name' ? 'alias' : found.match);
    },
    candidates(name: string, context?: PlaceContext): Place[] {
      const a = analyse(name);
      if (!a) return [];
      const r = ranking(context);
      const cands = a.exact;
      const match: PlaceMatch = cands ? 'name' : 'skeleton';
      // The analysis keeps its lists: sort a copy.
      const list = [...(cands ?? skeletonCandidates(a, r) ?? [])];
      return list
        .sort((a, b) => compare(a, b, r))
        .map((c) => toPlace(c.idx, c.flags & ALIAS && match === 'name' ? 'alias' : match));
    },
    admin1(name: string, country?: string): Place | null {
      const idx = admin1Index(name, country);
      return idx === null ? null : toPlace(idx, 'name');
    },
    byId(id: string): Place | null {
      const idx = byId(id);
      return idx === undefined ? null : toPlace(idx, 'name');
    },
  };
}
