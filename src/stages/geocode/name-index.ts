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
}

export function emptyIndex(): NameIndex {
  return { exact: new Map(), skeleton: new Map(), governorate: new Map(), governorateSkeleton: new Map() };
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

/** Indexes one name of entry `idx`; `withSkeleton` false for aliases (exact spellings only). */
export function indexName(
  index: NameIndex,
  name: string,
  idx: number,
  flags: number,
  governorate: boolean,
  withSkeleton = true,
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
    indexName(index, e.name, i, primary, gov);
    if (e.asciiName !== e.name) indexName(index, e.asciiName, i, primary, gov);
    e.namesAr.forEach((n, j) => indexName(index, n, i, j === 0 ? primary : 0, gov));
    for (const n of e.altNames) indexName(index, n, i, 0, gov);
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

/** The precomputed maps of a GazetteerIndex, by NameIndex field. */
export function precomputed(
  index: GazetteerIndex | undefined,
): Partial<Record<keyof NameIndex, Map<string, string>>> {
  if (!index) return {};
  return {
    exact: index.exact,
    skeleton: index.skeleton,
    governorate: index.governorate,
    governorateSkeleton: index.governorateSkeleton,
  };
}
