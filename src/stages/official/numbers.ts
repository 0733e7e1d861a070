/** Counts as statements write them: digits, number words up to ninety-nine, "a", "dozens". */
const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const WORDS = new Map<string, number>();
UNITS.forEach((w, i) => WORDS.set(w, i));
TENS.forEach((t, i) => {
  if (t === '') return;
  WORDS.set(t, i * 10);
  for (let u = 1; u < 10; u++) WORDS.set(`${t}-${UNITS[u]}`, i * 10 + u);
});
WORDS.set('a', 1);
WORDS.set('an', 1);
WORDS.set('single', 1);

/** A regex source for one count word or figure. */
export const COUNT = `(?:\\d{1,5}|${[...WORDS.keys()].sort((a, b) => b.length - a.length).join('|')})`;

/** The number a count word or figure stands for, or null. */
export function countOf(word: string): number | null {
  const w = word.toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(w)) return Number(w);
  return WORDS.get(w) ?? null;
}
