/** Sentences with offsets into the original text, and small text helpers. */

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (block separated by a blank line or newline) it belongs to. */
  paragraph: number;
  /** True for the document's title line. */
  headline: boolean;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  [
    'u.s',
    'u.k',
    'u.n',
    'mr',
    'mrs',
    'ms',
    'dr',
    'gen',
    'lt',
    'col',
    'maj',
    'capt',
    'sgt',
    'brig',
    'adm',
    'rep',
    'sen',
    'gov',
    'st',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'no',
    'vs',
    'approx',
    'est',
    'inc',
    'co',
    'corp',
    'e.g',
    'i.e',
    'al',
  ].map((s) => s.toLowerCase()),
);

const MAX_SENTENCE = 1500;

/** Character classes of UTF-16 code units, read by table: no branch is rare enough to deoptimise on. */
const SPACE = 1;
const STARTS_SENTENCE = 2;
const CHAR_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(65536);
  // What /\s/ matches.
  for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff])
    t[c] = SPACE;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = SPACE;
  // [A-Z0-9"\u201c'\u0600-\u06ff(]: what may start the next sentence.
  for (let c = 65; c <= 90; c++) t[c] = STARTS_SENTENCE;
  for (let c = 48; c <= 57; c++) t[c] = STARTS_SENTENCE;
  for (let c = 0x0600; c <= 0x06ff; c++) t[c] = STARTS_SENTENCE;
  for (const c of [34, 0x201c, 39, 40]) t[c] = STARTS_SENTENCE;
  return t;
})();

/** What /\s/ matches. */
function isSpace(c: number): boolean {
  return CHAR_CLASS[c] === SPACE;
}

/** `s.split(/\s+/)`, read by the character table instead of a regex. */
export function splitOnSpaces(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let from = 0;
  let inSpace = false;
  // The same steps for every character: a run of spaces first met once optimised deoptimises nothing.
  for (let i = 0; i < n; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (space && !inSpace) out.push(s.slice(from, i));
    from = inSpace && !space ? i : from;
    inSpace = space;
  }
  out.push(s.slice(inSpace ? n : from));
  return out;
}

/** [A-Z0-9"\u201c'\u0600-\u06ff(]: what may start the next sentence. */
function startsSentence(c: number): boolean {
  return CHAR_CLASS[c] === STARTS_SENTENCE;
}

/** " \u201d ' ) */
function isCloser(c: number): boolean {
  return c === 34 || c === 0x201d || c === 39 || c === 41;
}

/** A space or a tab. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** [A-Za-z.] */
function isLetterOrDot(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/**
 * Splits text into sentences. Newlines end a sentence; so do . ! ? followed by space and an
 * upper-case letter, digit or quote, unless the word before is a known abbreviation or an initial.
 */
export function splitSentences(text: string, hasTitle: boolean): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  const n = text.length;
  const push = (s: number, e: number): void => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    // Written so that the step runs on every call: trailing spaces are rare, and a step never
    // taken before optimisation would deoptimise this function when it first is.
    let t = e;
    do t--;
    while (t >= s && isSpace(text.charCodeAt(t)));
    e = t + 1;
    if (e <= s) return;
    // Long runs are cut at word boundaries; all steps run each time, so none first runs once optimised.
    for (;;) {
      const far = s + MAX_SENTENCE;
      const space = text.lastIndexOf(' ', far);
      const long = e > far;
      const spaced = space > s;
      const cut = long ? (spaced ? space : far) : e;
      out.push({ start: s, end: cut, text: text.slice(s, cut), paragraph, headline: false });
      s = cut + 1;
      if (!long) return;
    }
  };
  let sStart = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      push(sStart, i);
      sStart = i + 1;
      // A blank line or any newline starts a new paragraph.
      paragraph++;
      lineStart = i + 1;
      continue;
    }
    if (c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x061f /* ؟ */) {
      let j = i + 1;
      // Character codes: " \u201d ' ) after the stop, then spaces and tabs.
      while (j < n && isCloser(text.charCodeAt(j))) j++;
      if (j < n && !isBlank(text.charCodeAt(j))) continue;
      let k = j;
      while (k < n && isBlank(text.charCodeAt(k))) k++;
      if (k >= n) continue;
      if (!startsSentence(text.charCodeAt(k))) continue;
      if (c === 46) {
        let w = i - 1;
        while (w >= lineStart && isLetterOrDot(text.charCodeAt(w))) w--;
        const word = text.slice(w + 1, i).toLowerCase();
        if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) continue;
      }
      push(sStart, j);
      sStart = j;
    }
  }
  push(sStart, n);
  if (hasTitle && out.length > 0 && out[0]!.paragraph === 0) out[0]!.headline = true;
  return out;
}

/** True when the text starts with a title line followed by a blank line. */
export function hasTitleLine(text: string): boolean {
  const nl = text.indexOf('\n');
  return nl > 0 && nl < 300 && /^\s*\n/.test(text.slice(nl + 1));
}

/** The characters fold unifies. */
const TYPOGRAPHIC = /[\u2019\u2018`\u2010-\u2014]/g;
/** A dash (U+2010-U+2014) becomes a hyphen, a typographic apostrophe or backtick a plain one. */
const unified = (ch: string): string =>
  ch.charCodeAt(0) >= 0x2010 && ch.charCodeAt(0) <= 0x2014 ? '-' : "'";

/** Lowercase with typographic apostrophes and dashes unified; same length as the input. */
export function fold(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // A few characters change length when lowercased (İ); keep those as they are so offsets hold.
    lower = Array.from(text, (ch) => {
      const l = ch.toLowerCase();
      return l.length === ch.length ? l : ch;
    }).join('');
  }
  // One pass that runs on every text (the function is called only for each such character): no
  // branch first taken late, which would deoptimise the callers fold is inlined into.
  return lower.replace(TYPOGRAPHIC, unified);
}

/**
 * The matches of a global regex (without the `u` flag, used by nothing else mid-scan), as
 * `s.matchAll(re)` gives them, without the copy of the regex and the iterator matchAll makes.
 */
export function matches(re: RegExp, s: string): RegExpExecArray[] {
  // Without the g flag exec would give the first match forever (matchAll throws as well).
  if (!re.global) throw new TypeError(`matches needs a global regex, not ${String(re)}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push(m);
    // An empty match moves on one character, as in matchAll.
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}
