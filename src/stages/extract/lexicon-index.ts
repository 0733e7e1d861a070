/** Compiled matchers over the lexicon: belligerent mentions, speakers and weapons. */
import type { Lexicon, WeaponEntry } from '../../domain/lexicon.ts';

export interface AliasHit {
  start: number;
  end: number;
  code: string;
  /** True when the phrase names the belligerent's officials or media (a speaker for it). */
  official: boolean;
}

export interface WeaponHit {
  start: number;
  end: number;
  weapon: WeaponEntry;
}

export interface LexiconIndex {
  belligerents(sentence: string, lower: string): AliasHit[];
  weapons(lower: string): WeaponHit[];
  label(code: string): string;
  outletIn(sentence: string): Array<{ start: number; end: number; name: string }>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Organisations whose names contain a belligerent word but are not that belligerent. Each
// starts a word (checked by matchesAfter: a leading \b would make the scan much slower).
const NOT_BELLIGERENT =
  /(?:free syrian army|syrian national army|national army|syrian national coalition|national coalition|syrian observatory|syrian network|syrian civil defen[cs]e|syrian american|army of (?:islam|conquest)|syrian democratic forces|syrian arab red crescent|syrian revolution|syrian coalition|russian-backed|russia-backed|us-backed|u\.s\.-backed|turkish-backed|turkey-backed|iranian-backed|iran-backed|israeli-occupied|coalition-backed|anti-government|anti-regime|opposition coalition|coalition of)\b/g;
const WORD_CHAR = /\w/;
const WORD_OR_HYPHEN = /[\w-]/;

/**
 * Matches of a global regex that are not preceded by a character `before` accepts: the same as
 * a lookbehind (?<!...) at the start of the regex, which keeps V8 from scanning for the
 * alternatives' first letters. A rejected match is retried one character further on.
 */
/** Where phrases that name no belligerent lie in a lowercased sentence. */
function blockedSpans(lower: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of matchesAfter(NOT_BELLIGERENT, lower, WORD_CHAR))
    spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function inBlocked(spans: Array<[number, number]>, s: number, e: number): boolean {
  return spans.some(([bs, be]) => s < be && e > bs);
}

function matchesAfter(re: RegExp, text: string, before: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && before.test(text[m.index - 1]!)) re.lastIndex = m.index + 1;
    else out.push(m);
  }
  return out;
}

/**
 * `\b(?:phrases)` as a regex and the check matchesAfter makes for the leading \b: none when a
 * phrase does not start with a letter or digit (then \b stays in the regex).
 */
function wordStart(phrases: string[]): { head: string; before: RegExp | null } {
  return phrases.every((p) => /^\w/.test(p))
    ? { head: `(?:${phrases.map(escape).join('|')})`, before: WORD_CHAR }
    : { head: `\\b(?:${phrases.map(escape).join('|')})`, before: null };
}

const NOTHING = /(?!)/;

// Short names that are also ordinary words ("us") only count in capitals.
const isAcronym = (a: string): boolean => /^[a-z]{2,3}$/.test(a) || a === 'sana' || a === 'irgc';

export function indexLexicon(lex: Lexicon): LexiconIndex {
  const ci: Array<[string, string, boolean]> = [];
  const cs: Array<[string, string, boolean]> = [];
  for (const b of lex.belligerents) {
    for (const a of b.aliases) (isAcronym(a) ? cs : ci).push([a, b.code, false]);
    for (const a of b.spokespeople) (isAcronym(a) ? cs : ci).push([a, b.code, true]);
  }
  const byPhrase = new Map<string, Array<[string, boolean]>>();
  for (const [a, code, official] of ci) {
    const list = byPhrase.get(a) ?? [];
    list.push([code, official]);
    byPhrase.set(a, list);
  }
  const phrases = [...byPhrase.keys()].sort((a, b) => b.length - a.length);
  // Not after a letter, digit or hyphen (see matchesAfter), nor followed by more of the word.
  const ciRe = new RegExp(`(?:${phrases.map(escape).join('|')})(?![\\w-]*\\w)`, 'g');
  const csMap = new Map<string, Array<[string, boolean]>>();
  for (const [a, code, official] of cs) {
    const list = csMap.get(a.toUpperCase()) ?? [];
    list.push([code, official]);
    csMap.set(a.toUpperCase(), list);
  }
  const csStart = wordStart([...csMap.keys(), 'U.S.', 'U.S']);
  const csRe = new RegExp(`${csStart.head}(?![\\w])`, 'g');
  const labels = new Map(lex.belligerents.map((b) => [b.code, b.label]));
  const weaponPhrases = new Map<string, WeaponEntry>();
  for (const w of lex.weapons) for (const a of w.aliases) weaponPhrases.set(a, w);
  const wRe = new RegExp(
    `(?:${[...weaponPhrases.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})(?![\\w-]*\\w)`,
    'g',
  );
  const outlets = [...lex.outlets].sort((a, b) => b.length - a.length);
  const outletStart = wordStart(outlets);
  const outletRe = new RegExp(`${outletStart.head}\\b`, 'g');

  // The last sentence's weapons: the extractor and the attribution step both ask for them.
  let weaponsOf: string | null = null;
  let weaponHits: WeaponHit[] = [];

  return {
    belligerents(sentence, lower) {
      // Spans that name no belligerent, read when a hit is first checked against them.
      let blocked: Array<[number, number]> | null = null;
      const hits: AliasHit[] = [];
      for (const m of matchesAfter(ciRe, lower, WORD_OR_HYPHEN)) {
        const s = m.index;
        const e = s + m[0].length;
        if (inBlocked((blocked ??= blockedSpans(lower)), s, e)) continue;
        for (const [code, official] of byPhrase.get(m[0]) ?? [])
          hits.push({ start: s, end: e, code, official });
      }
      for (const m of matchesAfter(csRe, sentence, csStart.before ?? NOTHING)) {
        const key = m[0].replace(/\./g, '') === 'US' ? 'US' : m[0];
        const s = m.index;
        const e = s + m[0].length;
        if (
          inBlocked((blocked ??= blockedSpans(lower)), s, e) ||
          hits.some((h) => h.start <= s && h.end >= e)
        )
          continue;
        for (const [code, official] of csMap.get(key) ?? csMap.get('US') ?? [])
          hits.push({ start: s, end: e, code, official });
      }
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      return hits;
    },
    weapons(lower) {
      if (lower !== weaponsOf) {
        weaponHits = [];
        for (const m of matchesAfter(wRe, lower, WORD_OR_HYPHEN))
          weaponHits.push({ start: m.index, end: m.index + m[0].length, weapon: weaponPhrases.get(m[0])! });
        weaponsOf = lower;
      }
      const copies: WeaponHit[] = [];
      for (const h of weaponHits) copies.push({ start: h.start, end: h.end, weapon: h.weapon });
      return copies;
    },
    label: (code) => labels.get(code) ?? code,
    outletIn(sentence) {
      return matchesAfter(outletRe, sentence, outletStart.before ?? NOTHING).map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        name: m[0],
      }));
    },
  };
}
