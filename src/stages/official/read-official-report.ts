/**
 * One official report read whole: who published it, the declared strikes of its strike log and
 * its verdicts on civilian-casualty allegations, each allegation read apart (numbered items and
 * paragraphs).
 */
import type { BelligerentEntry, OfficialPhrases } from '../../domain/lexicon.ts';
import type { CasualtyStatement, OfficialReading } from '../../domain/official.ts';
import type { PlaceResolver } from '../../domain/place.ts';
import { compilePhrases, plain } from './official-phrases.ts';
import { namedPlaces, resolvePlace } from './places.ts';
import { readCasualtyStatement } from './read-casualty-statement.ts';
import { readStrikeLog } from './read-strike-log.ts';
import { findDates } from './statement-dates.ts';

export const OFFICIAL_KINDS = ['strike_report', 'civcas_statement'] as const;
export type OfficialKind = (typeof OFFICIAL_KINDS)[number];

/** One official report to read. */
export interface OfficialInput {
  text: string;
  /** The belligerent as the record or outlet names it (a code, a label, "U.S.-led Coalition", "CJTF-OIR"). */
  belligerent?: string | null;
  /** What the report is, when the record says; read from the text otherwise. */
  kind?: OfficialKind | null;
  /** The report's own date (ISO day): the year of dates written without one. */
  date?: string | null;
}

export interface OfficialReaderDeps {
  resolver: PlaceResolver;
  belligerents: BelligerentEntry[];
  phrases: OfficialPhrases;
}

export type OfficialReader = (input: OfficialInput) => OfficialReading;

/** Numbered items ("3. Oct. 18, 2018, in ...") and paragraphs, each with its offset. */
function allegations(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  const cuts = [0];
  const marker = /(?:^|\n|\s)(?:\(?\d{1,3}[.)]\s+)(?=(?:On )?[A-Z][a-z]{2,8}\.? ?\d)/g;
  for (let m = marker.exec(text); m !== null; m = marker.exec(text)) if (m.index > 0) cuts.push(m.index);
  const para = /\n\s*\n/g;
  for (let m = para.exec(text); m !== null; m = para.exec(text)) cuts.push(m.index);
  cuts.sort((a, b) => a - b);
  cuts.push(text.length);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const chunk = text.slice(cuts[i], cuts[i + 1]);
    if (chunk.trim().length > 0) out.push({ start: cuts[i]!, text: chunk });
  }
  return out;
}

/** A reader of official reports wired to the gazetteer and the lexicon. */
export function createOfficialReader(deps: OfficialReaderDeps): OfficialReader {
  const phrases = compilePhrases(deps.phrases);
  const names: Array<[string, string]> = [];
  for (const b of deps.belligerents)
    for (const n of [b.code, b.label, ...b.aliases, ...b.spokespeople, ...(b.state_media ?? [])])
      if (n.length >= 3) names.push([plain(n), b.code]);
  for (const [partner, code] of Object.entries(deps.phrases.partners ?? {}))
    names.push([plain(partner), code]);
  names.sort((a, b) => b[0].length - a[0].length);
  const codeOf = (name: string): string | null => {
    const key = plain(name).trim();
    return (
      names.find(([n]) => n === key)?.[1] ??
      names.find(([n]) => new RegExp(`\\b${escape(n)}\\b`).test(key))?.[1] ??
      null
    );
  };
  const firstIn = (text: string): string | null => {
    const lower = plain(text);
    let best: { at: number; code: string } | null = null;
    for (const [n, code] of names) {
      const at = lower.search(new RegExp(`\\b${escape(n)}\\b`));
      if (at >= 0 && (best === null || at < best.at)) best = { at, code };
    }
    return best?.code ?? null;
  };

  return (input) => {
    const notes: string[] = [];
    const reference = input.date ?? null;
    const belligerent = (input.belligerent ? codeOf(input.belligerent) : null) ?? firstIn(input.text);
    if (belligerent === null) {
      notes.push('no belligerent named (give the record a "belligerent" field or the report an outlet)');
      return { belligerent: null, strikes: [], statements: [], notes };
    }
    const reading: OfficialReading = { belligerent, strikes: [], statements: [], notes };
    for (const chunk of allegations(input.text)) {
      const statement =
        input.kind === 'strike_report'
          ? null
          : readCasualtyStatement(chunk.text, belligerent, phrases, chunk.start);
      if (statement !== null) {
        const date = findDates(chunk.text, reference)[0]?.window ?? null;
        const named = namedPlaces(chunk.text, phrases.placeLeads)[0];
        const full: CasualtyStatement = {
          ...statement,
          date,
          place: named === undefined ? null : resolvePlace(named, deps.resolver),
        };
        reading.statements.push(full);
        continue;
      }
      if (input.kind === 'civcas_statement') continue;
      reading.strikes.push(
        ...readStrikeLog(chunk.text, belligerent, reference, phrases, deps.resolver, chunk.start),
      );
    }
    if (reading.strikes.length === 0 && reading.statements.length === 0)
      notes.push('no declared strike and no casualty verdict found');
    return reading;
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
