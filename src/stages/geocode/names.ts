/**
 * Name keys for place matching. Latin names: ASCII-folded, lowercased, articles dropped
 * (al-/el-/ad-/ar-/as-/ash-/at-/az-/an-), doubled letters collapsed, a final -ah/-eh `h` dropped,
 * spaces removed (so Kafr Nabl and Kafrnabl share a key). The skeleton key keeps consonants only
 * (Deir ez-Zor = Dayr Az Zawr = Deir Ezzor). Arabic names: hamza/alef forms, taa marbuta, alef
 * maqsura, tatweel and harakat folded, the article ال dropped.
 */

const ARTICLES = new Set([
  'al',
  'el',
  'ad',
  'ar',
  'as',
  'ash',
  'at',
  'az',
  'an',
  'ed',
  'er',
  'es',
  'et',
  'ez',
  'adh',
  'ath',
  'ul',
]);

const SPECIAL: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ŧ: 't',
};

const ARABIC_RE = /[\u0600-\u06ff]/;
const NON_ASCII_RE = /[^\x20-\x7e]/;
const COMBINING_RE = /[\u0300-\u036f]/g;
const SPECIAL_RE = /[ıłøđðħßæœþŧ]/g;
const APOSTROPHE_RE = /['`´ʿʾʻʼ‘’‛′]/g;
const SEPARATOR_RE = /[^a-z0-9]+/;

/** True when the string contains Arabic-script letters. */
export function isArabicScript(s: string): boolean {
  return ARABIC_RE.test(s);
}

/** ASCII-folded lowercase words, apostrophes removed, hyphens and punctuation as spaces. */
export function foldWords(s: string): string[] {
  // One pass, character by character: the same as folding the whole string (below), since case,
  // decomposition and the letters kept do not depend on neighbours, except for surrogate pairs.
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) word += s[i];
      else if (c >= 65 && c <= 90) word += String.fromCharCode(c + 32);
      else if (c !== 39 && c !== 96 && word !== '') {
        out.push(word);
        word = '';
      }
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) return foldWordsWhole(s);
    const f = foldChar(c);
    for (let j = 0; j < f.length; j++) {
      const d = f.charCodeAt(j);
      if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) word += f[j];
      else if (word !== '') {
        out.push(word);
        word = '';
      }
    }
  }
  if (word !== '') out.push(word);
  return out;
}

function foldWordsWhole(s: string): string[] {
  let t = s.toLowerCase();
  if (NON_ASCII_RE.test(t)) t = fold(t);
  const words = t.replace(APOSTROPHE_RE, '').split(SEPARATOR_RE);
  const out: string[] = [];
  for (const w of words) if (w !== '') out.push(w);
  return out;
}

/** Decomposed, accents dropped, special letters spelt out. */
const fold = (t: string): string =>
  t
    .normalize('NFD')
    .replace(COMBINING_RE, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);

/** What one non-ASCII character folds to, apostrophes removed. */
const foldedChars = new Map<number, string>();
function foldChar(code: number): string {
  let f = foldedChars.get(code);
  if (f === undefined) {
    f = fold(String.fromCharCode(code).toLowerCase()).replace(APOSTROPHE_RE, '');
    foldedChars.set(code, f);
  }
  return f;
}

/** Drops standalone articles (al, el, ash, ...); keeps a lone article so "As" stays matchable. */
export function dropArticles(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) if (!ARTICLES.has(w)) out.push(w);
  return out.length === 0 ? words : out;
}

// Words here are foldWords' output: ASCII letters and digits only, so code units are characters.
function collapseDoubles(w: string): string {
  let i = 1;
  while (i < w.length && w.charCodeAt(i) !== w.charCodeAt(i - 1)) i++;
  // Most words have no doubled letter: returned as they are, nothing built.
  if (i >= w.length) return w;
  let out = w.slice(0, i);
  for (let j = i + 1; j < w.length; j++) if (w.charCodeAt(j) !== w.charCodeAt(j - 1)) out += w[j];
  return out;
}

/** Character codes of a e i o u. */
function isAeiou(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117;
}

function baseWord(w: string): string {
  const c = collapseDoubles(w);
  const n = c.length;
  if (n > 3 && c.charCodeAt(n - 1) === 104 /* h */ && isAeiou(c.charCodeAt(n - 2))) return c.slice(0, -1);
  return c;
}

/** a e i o u y w: the letters a skeleton drops. */
function isSkeletonVowel(code: number): boolean {
  return isAeiou(code) || code === 121 || code === 119;
}

function skeletonWord(w: string): string {
  let from = 0;
  // Press spellings glue the article on (Alkobra, Alsibil); only the skeleton tier undoes that.
  if (
    w.length >= 5 &&
    (w.startsWith('al') || w.startsWith('el')) &&
    w[2] !== 'l' &&
    !isSkeletonVowel(w.charCodeAt(2))
  ) {
    from = 2;
  }
  let c = '';
  let prev = -1;
  for (let i = from; i < w.length; i++) {
    const code = w.charCodeAt(i);
    if (isSkeletonVowel(code) || code === prev) continue;
    c += w[i];
    prev = code;
  }
  if (c.length > 1 && c.charCodeAt(c.length - 1) === 104 /* h */) c = c.slice(0, -1);
  return c;
}

/** The exact-tier key of article-free words: doubled letters collapsed, final -ah/-eh h dropped, no spaces. */
export function baseKey(words: string[]): string {
  let k = '';
  for (const w of words) k += baseWord(w);
  return k;
}

/**
 * The consonant skeleton key: a glued al-/el- dropped, vowels a e i o u y w dropped, doubles
 * collapsed, a final h dropped.
 */
export function skeletonKey(words: string[]): string {
  let k = '';
  for (const w of words) k += skeletonWord(w);
  return collapseDoubles(k);
}

const AR_DIACRITICS_RE = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const AR_FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ک: 'ك',
  ء: '',
};
const AR_FOLD_RE = /[أإآٱةىیئؤکء]/g;
const AR_SEPARATOR_RE = /[^\u0621-\u064a\u0660-\u0669]+/;

/** Arabic words with letter forms folded and the article ال dropped from each word. */
export function arabicWords(s: string): string[] {
  const t = s.replace(AR_DIACRITICS_RE, '').replace(AR_FOLD_RE, (c) => AR_FOLD[c] ?? c);
  const out: string[] = [];
  for (const w of t.split(AR_SEPARATOR_RE)) {
    if (w === '') continue;
    out.push(w.length > 3 && w.startsWith('ال') ? w.slice(2) : w);
  }
  return out;
}

/** The Arabic exact-tier key: folded words without spaces. */
export function arabicKey(words: string[]): string {
  return words.join('');
}

/** Words of any script, ready for baseKey/arabicKey (articles dropped). */
export function nameWords(s: string): { arabic: boolean; words: string[] } {
  if (isArabicScript(s)) return { arabic: true, words: arabicWords(s) };
  return { arabic: false, words: dropArticles(foldWords(s)) };
}

/** The exact-tier key of a whole name in any script ('' when nothing is left). */
export function nameKey(s: string): string {
  const { arabic, words } = nameWords(s);
  return arabic ? arabicKey(words) : baseKey(words);
}

/** Exact keys shorter than this are not indexed. */
export const MIN_KEY = 2;
/** Skeleton keys shorter than this match too much to be useful. */
export const MIN_SKELETON = 3;

/** An entry's match keys: exact keys (`*` marks a primary name's key) and skeleton keys. */
export interface EntryKeys {
  keys: string[];
  skeletons: string[];
  /** The alternate names that contributed a key not already given by another name. */
  altNames: string[];
}

/** Latin exact and skeleton keys of one name (skeleton '' for Arabic script). */
export function keysOf(name: string): { key: string; skeleton: string } {
  if (isArabicScript(name)) return { key: arabicKey(arabicWords(name)), skeleton: '' };
  const words = dropArticles(foldWords(name));
  return { key: baseKey(words), skeleton: skeletonKey(words) };
}

/** Computes the match keys of an entry: primary names, Latin alternates, Arabic names (first is primary). */
export function entryKeys(primary: string[], alt: string[], arabic: string[]): EntryKeys {
  const keys = new Map<string, boolean>();
  const skeletons = new Set<string>();
  const altNames: string[] = [];
  const take = (name: string, isPrimary: boolean, isAlt: boolean): void => {
    const { key, skeleton } = keysOf(name);
    const newKey = key.length >= MIN_KEY && (!keys.has(key) || (isPrimary && !keys.get(key)));
    const newSkeleton = skeleton.length >= MIN_SKELETON && !skeletons.has(skeleton);
    if (newKey) keys.set(key, isPrimary);
    if (newSkeleton) skeletons.add(skeleton);
    if (isAlt && (newKey || newSkeleton)) altNames.push(name);
  };
  for (const n of primary) take(n, true, false);
  arabic.forEach((n, i) => take(n, i === 0, false));
  for (const n of alt) take(n, false, true);
  return {
    keys: [...keys].map(([k, p]) => (p ? '*' + k : k)),
    skeletons: [...skeletons],
    altNames,
  };
}
