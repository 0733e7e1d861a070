/** The kind of an outlet (docs/domain.md), from its name and the lexicon's lists. */
import { OUTLET_KINDS, type OutletKind } from './incident.ts';
import type { OutletKinds } from './lexicon.ts';

/** Shorter names (AP, RT, X) must be the whole outlet name: inside a longer one they are other words. */
const PHRASE_MIN = 4;

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A function from an outlet's name to its kind: the kind of the listed name that is the whole
 * name, else of the longest listed name (of 4 letters or more) the name contains as whole words
 * ("National News Agency (Lebanon)"); null for outlets nobody listed.
 */
export function outletKinds(lists: OutletKinds): (outlet: string | null) => OutletKind | null {
  const exact = new Map<string, OutletKind>();
  const phrases: Array<[string, OutletKind]> = [];
  for (const kind of OUTLET_KINDS)
    for (const name of lists[kind] ?? []) {
      const key = fold(name);
      if (key === '') continue;
      exact.set(key, kind);
      if (key.length >= PHRASE_MIN) phrases.push([` ${key} `, kind]);
    }
  phrases.sort((a, b) => b[0].length - a[0].length);
  const cache = new Map<string, OutletKind | null>();
  return (outlet) => {
    if (outlet === null) return null;
    let kind = cache.get(outlet);
    if (kind !== undefined) return kind;
    const key = fold(outlet);
    kind = exact.get(key) ?? phrases.find(([p]) => ` ${key} `.includes(p))?.[1] ?? null;
    cache.set(outlet, kind);
    return kind;
  };
}
