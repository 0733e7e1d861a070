import type { GazetteerEntry, GazetteerIndex } from '../../domain/gazetteer.ts';
import { MIN_KEY, MIN_SKELETON, keysOf } from './names.ts';

/** Posting flag: the key comes from the entry's own name (not a variant). */
export const PRIMARY = 1;
/** Posting flag: the key comes from a hand-written alias. */
export const ALIAS = 2;

/** Name key -> postings (`entryIndex * 4 + flags`). */
export interface NameIndex {
  exact: Map<string, number[]>;
  skeleton: Map<string, number[]>;
  governorate: Map<string, number[]>;
  governorateSkeleton: Map<string, number[]>;
  /**
   * Skeleton key -> exact key of a Latin name (name, ASCII name, alternate) with that skeleton ->
   * postings (flags 0): what the skeleton tier compares spellings with, so that no entry's names
   * need folding at lookup time.
   */
  spellings: Map<string, Map<string, number[]>>;
}

export function emptyIndex(): NameIndex {
  return {
    exact: new Map(),
    skeleton: new Map(),
    governorate: new Map(),
    governorateSkeleton: new Map(),
    spellings: new Map(),
  };
}

export function addPosting(map: Map<string, number[]>, key: string, idx: number, flags: number): void {
  const list = map.get(key);
  if (list) addPostingTo(list, idx, flags);
  else map.set(key, [idx * 4 + flags]);
}

/** Adds entry `idx` to a postings list, or its flags to the posting already there. */
function addPostingTo(list: number[], idx: number, flags: number): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i] as number;
    if (p >> 2 === idx) {
      list[i] = p | flags;
      return;
    }
  }
  list.push(idx * 4 + flags);
}

/**
 * Indexes one name of entry `idx`; `withSkeleton` false for aliases (exact spellings only);
 * `spelling` true for the Latin names whose spellings the skeleton tier compares.
 */
export function indexName(
  index: NameIndex,
  name: string,
  idx: number,
  flags: number,
  governorate: boolean,
  withSkeleton = true,
  spelling = false,
): void {
  const { key, skeleton } = keysOf(name);
  if (key.length >= MIN_KEY) {
    addPosting(index.exact, key, idx, flags);
    if (governorate) addPosting(index.governorate, key, idx, 0);
  }
  if (withSkeleton && skeleton.length >= MIN_SKELETON) {
    addPosting(index.skeleton, skeleton, idx, 0);
    if (governorate) addPosting(index.governorateSkeleton, skeleton, idx, 0);
  }
  if (spelling && skeleton.length >= MIN_SKELETON) {
    let byKey = index.spellings.get(skeleton);
    if (!byKey) index.spellings.set(skeleton, (byKey = new Map()));
    addPosting(byKey, key, idx, 0);
  }
}

/** Indexes entries[from..] by every name. A governorate's names never count as primary, so "Idlib" is the city. */
export function indexEntries(
  entries: GazetteerEntry[],
  index: NameIndex = emptyIndex(),
  from = 0,
): NameIndex {
  for (let i = from; i < entries.length; i++) {
    const e = entries[i] as GazetteerEntry;
    const gov = e.precision === 'governorate';
    const primary = gov ? 0 : PRIMARY;
    indexName(index, e.name, i, primary, gov, true, true);
    if (e.asciiName !== e.name) indexName(index, e.asciiName, i, primary, gov, true, true);
    e.namesAr.forEach((n, j) => indexName(index, n, i, j === 0 ? primary : 0, gov));
    for (const n of e.altNames) indexName(index, n, i, 0, gov, true, true);
  }
  return index;
}

/** Postings of a key: the precomputed ones (parsed here) and those added at runtime. */
export function postingsOf(
  pre: Map<string, string> | undefined,
  runtime: Map<string, number[]>,
  key: string,
): number[] | undefined {
  const raw = pre?.get(key);
  const more = runtime.get(key);
  if (raw === undefined) return more;
  const parsed = parsePostings(raw);
  if (more) for (const p of more) addPostingTo(parsed, p >> 2, p & 3);
  return parsed;
}

/** `raw.split(',').map(Number)`, in one pass when it holds only digits and commas. */
function parsePostings(raw: string): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 44) {
      out.push(n);
      n = 0;
    } else if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
    else return raw.split(',').map(Number);
  }
  out.push(n);
  return out;
}

/** The index maps that hold plain postings lists. */
export type PostingsKind = 'exact' | 'skeleton' | 'governorate' | 'governorateSkeleton';

/** The precomputed maps of a GazetteerIndex, by NameIndex field. */
export function precomputed(
  index: GazetteerIndex | undefined,
): Partial<Record<PostingsKind, Map<string, string>>> {
  if (!index) return {};
  return {
    exact: index.exact,
    skeleton: index.skeleton,
    governorate: index.governorate,
    governorateSkeleton: index.governorateSkeleton,
  };
}

/** The entries of a skeleton key, and the exact keys of their Latin names with that skeleton. */
export interface SkeletonPostings {
  /** Postings (flags 0), by entry. */
  postings: number[];
  /** Exact key -> postings; the key '' holds entries none of whose Latin names has the skeleton. */
  spellings: Map<string, number[]>;
}

/**
 * A skeleton section value as the build writes it: `key postings` groups separated by `|`, one per
 * exact key of the Latin names with that skeleton, then a group with an empty key for entries
 * indexed under the skeleton by other names.
 */
export function skeletonText(postings: number[], spellings: Map<string, number[]> | undefined): string {
  const groups: string[] = [];
  const covered = new Set<number>();
  for (const [key, list] of spellings ?? []) {
    groups.push(`${key} ${list.join(',')}`);
    for (const p of list) covered.add(p >> 2);
  }
  const rest = postings.filter((p) => !covered.has(p >> 2));
  if (rest.length > 0) groups.push(` ${rest.join(',')}`);
  return groups.join('|');
}

/** The postings and spellings of a skeleton key: the precomputed ones (parsed here) and those added at runtime. */
export function skeletonPostingsOf(
  pre: Map<string, string> | undefined,
  runtime: NameIndex,
  key: string,
): SkeletonPostings | undefined {
  const raw = pre?.get(key);
  const more = runtime.skeleton.get(key);
  if (raw === undefined && more === undefined) return undefined;
  const spellings = new Map<string, number[]>();
  let postings: number[] = [];
  if (raw !== undefined) {
    const seen = new Set<number>();
    for (const group of raw.split('|')) {
      const space = group.indexOf(' ');
      const list = parsePostings(group.slice(space + 1));
      spellings.set(group.slice(0, space), list);
      for (const p of list) {
        if (seen.has(p)) continue;
        seen.add(p);
        postings.push(p);
      }
    }
    // Postings ascend by entry, as the build added them.
    postings.sort((a, b) => a - b);
  }
  if (more) {
    if (raw === undefined) postings = [...more];
    else for (const p of more) addPostingTo(postings, p >> 2, p & 3);
    for (const [k, list] of runtime.spellings.get(key) ?? []) {
      const known = spellings.get(k);
      if (!known) spellings.set(k, [...list]);
      else for (const p of list) addPostingTo(known, p >> 2, p & 3);
    }
  }
  return { postings, spellings };
}

/**
 * The postings of a skeleton key's entries with a Latin name of that skeleton whose exact key
 * `isClose` accepts, ascending: what filtering skeletonPostingsOf's postings by its spellings
 * gives, without parsing the groups of spellings that are not close.
 */
export function closeSkeletonPostings(
  pre: Map<string, string> | undefined,
  runtime: NameIndex,
  key: string,
  isClose: (spelling: string) => boolean,
): number[] {
  const close = new Set<number>();
  const raw = pre?.get(key);
  if (raw !== undefined) {
    for (let from = 0; from < raw.length;) {
      let to = raw.indexOf('|', from);
      if (to < 0) to = raw.length;
      const space = raw.indexOf(' ', from);
      const spelling = raw.slice(from, space);
      if (spelling !== '' && isClose(spelling))
        for (const p of parsePostings(raw.slice(space + 1, to))) close.add(p);
      from = to + 1;
    }
  }
  for (const [spelling, list] of runtime.spellings.get(key) ?? [])
    if (spelling !== '' && isClose(spelling)) for (const p of list) close.add(p);
  return [...close].sort((a, b) => a - b);
}

/** Bits of a KeyFilter: about 200,000 keys set two bits each, so few absent keys pass. */
const FILTER_BITS = 22;

/** Two bit positions of a key, from one FNV-1a hash of its UTF-16 code units. */
function filterHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h;
}

/**
 * A Bloom filter over index keys: `mayHave` is false only for a key none of the maps holds, so a
 * name none of whose keys passes can be given up without reading the maps.
 */
export interface KeyFilter {
  mayHave(key: string): boolean;
}

export function keyFilter(maps: Iterable<Map<string, unknown> | undefined>): KeyFilter {
  const bits = new Uint32Array(1 << (FILTER_BITS - 5));
  const shift = 32 - FILTER_BITS;
  for (const map of maps) {
    if (!map) continue;
    for (const key of map.keys()) {
      const h = filterHash(key);
      const a = h >>> shift;
      const b = Math.imul(h, 0x9e3779b1) >>> shift;
      bits[a >>> 5]! |= 1 << (a & 31);
      bits[b >>> 5]! |= 1 << (b & 31);
    }
  }
  return {
    mayHave(key) {
      const h = filterHash(key);
      const a = h >>> shift;
      const b = Math.imul(h, 0x9e3779b1) >>> shift;
      return (bits[a >>> 5]! & (1 << (a & 31))) !== 0 && (bits[b >>> 5]! & (1 << (b & 31))) !== 0;
    },
  };
}
