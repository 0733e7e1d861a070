/** Colours shared by the map and the timeline, so one belligerent looks the same everywhere. */

const BELLIGERENTS: Record<string, string> = {
  russia: '#d1495b',
  'us-coalition': '#3b6fb6',
  'syria-regime': '#2f8f5b',
  turkey: '#c98a00',
  israel: '#7b4fa6',
  iraq: '#8c5a3c',
  iran: '#1c9aa5',
  'saudi-coalition': '#e07b39',
  'ypg-sdf': '#c2569a',
  'palestinian-militants': '#6b7d1f',
};

/** For codes the lexicon may add later: picked by the code's letters, so stable across runs. */
const SPARE = ['#4d6a8a', '#a0522d', '#5f8f2f', '#8a4d76', '#2f7f7f', '#9a7b2f'];

/** Grey for incidents no report blames anyone for. */
export const NO_BELLIGERENT_COLOUR = '#8a9199';

export function belligerentColour(code: string | null): string {
  if (!code) return NO_BELLIGERENT_COLOUR;
  const known = BELLIGERENTS[code];
  if (known) return known;
  let hash = 0;
  for (const c of code) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return SPARE[hash % SPARE.length]!;
}

/** Darkest for the surest grades, pale for discounted ones. */
export const GRADING_COLOURS: Record<string, string> = {
  Confirmed: '#7a1010',
  Fair: '#d9822b',
  Weak: '#d8b453',
  Contested: '#8e7cc3',
  Discounted: '#a3a9b0',
  '': '#c4c9cf',
};
