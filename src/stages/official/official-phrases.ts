/** The official-statement lexicon compiled once into regular expressions. */
import type { BelligerentVerdict } from '../../domain/grading.ts';
import { BELLIGERENT_VERDICTS } from '../../domain/grading.ts';
import type { OfficialPhrases } from '../../domain/lexicon.ts';

export interface CompiledReason {
  code: string;
  verdict: BelligerentVerdict;
  words: string;
  airwars: string;
  re: RegExp;
}

export interface CompiledPhrases {
  verdicts: Array<{ verdict: BelligerentVerdict; re: RegExp }>;
  reasons: CompiledReason[];
  noReason: { code: string; words: string; airwars: string };
  strikeWord: string;
  strikeVerb: string;
  absence: RegExp;
  placeLeads: string[];
}

const anyOf = (phrases: string[]): string => `(?:${phrases.join('|')})`;
const words = (phrases: string[]): RegExp => new RegExp(`\\b${anyOf(phrases)}\\b`, 'i');

function verdictOf(name: string): BelligerentVerdict {
  const v = BELLIGERENT_VERDICTS.find((x) => x === name);
  if (v === undefined) throw new Error(`official-statements.json: unknown verdict "${name}"`);
  return v;
}

/** Compiles the lexicon's phrases; a bad verdict name or pattern is a data bug and throws. */
export function compilePhrases(p: OfficialPhrases): CompiledPhrases {
  return {
    verdicts: p.verdict_order.map((v) => ({ verdict: verdictOf(v), re: words(p.verdicts[v] ?? []) })),
    reasons: p.reasons.map((r) => ({
      code: r.code,
      verdict: verdictOf(r.verdict),
      words: r.words,
      airwars: r.airwars,
      re: words(r.phrases),
    })),
    noReason: p.no_reason,
    strikeWord: anyOf(p.strike_words),
    strikeVerb: anyOf(p.strike_verbs),
    absence: words(p.absences),
    placeLeads: [...p.place_lead].sort((a, b) => b.length - a.length),
  };
}

/** Lowercase with plain quotes, dashes and single spaces, the same length as the text (offsets stay valid). */
export function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s/g, ' ');
}
