/**
 * Loose transliteration keys for place names (docs/evaluation.md): "Kafranbel" = "Kafr Nabl",
 * "Raqqa" = "Ar Raqqah", "Deir Ezzor" = "Dayr Az Zawr".
 */

const ARTICLES = ['ath', 'ash', 'al', 'el', 'ad', 'ar', 'as', 'at', 'az', 'an', 'ez', 'es', 'ed', 'er'];
const ARTICLE_SET = new Set(ARTICLES);
const FILLERS = new Set([
  'the',
  'city',
  'town',
  'village',
  'camp',
  'countryside',
  'province',
  'governorate',
  'district',
  'near',
  'of',
  'in',
  'and',
]);
// Letters that Unicode decomposition does not reduce to ASCII.
const EXTRA_FOLDS: Record<string, string> = {
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  þ: 'th',
};

/** A place name reduced to its word keys; `joined` is the same keys without spaces. */
export interface PlaceKey {
  words: string[];
  joined: string;
}

function asciiFold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıøæœßđłþ]/g, (c) => EXTRA_FOLDS[c] ?? c);
}

/**
 * Drops an article glued to its word by sun-letter assimilation ("ezzor" = "ez-zor",
 * "ashshaar"): the article's consonants are repeated at the start of the rest. A bare "al"
 * glued to a word ("aleppo") is left alone: it cannot be told apart from the name itself.
 */
function dropGluedArticle(word: string): string {
  for (const article of ARTICLES) {
    const rest = word.slice(article.length);
    if (word.startsWith(article) && rest.length > 1 && rest.startsWith(article.slice(1))) return rest;
  }
  return word;
}

function wordKey(word: string): string {
  const consonants = word.replace(/[aeiouyw]/g, '');
  const collapsed = consonants.replace(/(.)\1+/g, '$1');
  return collapsed.endsWith('h') ? collapsed.slice(0, -1) : collapsed;
}

/** The loose key of a place name: ASCII-fold, words, no articles or fillers, consonant skeletons. */
export function placeKey(name: string): PlaceKey {
  const words = asciiFold(name)
    // Apostrophes and ayn/hamza marks sit inside words ("Ma'arrat"): drop them, do not split there.
    .replace(/['`\u2018\u2019\u02bb\u02bc\u02be\u02bf]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !ARTICLE_SET.has(w) && !FILLERS.has(w))
    .map((w) => wordKey(dropGluedArticle(w)))
    .filter((k) => k.length > 0);
  return { words, joined: words.join('') };
}

/** True when both names have the same key, spaces between words ignored (used for admin1). */
export function sameKey(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const ka = placeKey(a).joined;
  return ka.length > 0 && ka === placeKey(b).joined;
}

/** 2 when the keys are equal with or without spaces, 1 when they share a word key of 2+ letters, else 0. */
export function placeMatch(a: string, b: string): 0 | 1 | 2 {
  const ka = placeKey(a);
  const kb = placeKey(b);
  if (ka.joined.length === 0 || kb.joined.length === 0) return 0;
  if (ka.joined === kb.joined) return 2;
  const shared = new Set(ka.words.filter((w) => w.length >= 2));
  return kb.words.some((w) => shared.has(w)) ? 1 : 0;
}
