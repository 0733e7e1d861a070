/** The official stage: belligerents' strike logs and casualty statements read into declared strikes and verdicts. */
export {
  createOfficialReader,
  OFFICIAL_KINDS,
  type OfficialInput,
  type OfficialKind,
  type OfficialReader,
  type OfficialReaderDeps,
} from './read-official-report.ts';
export { classifyStatement, concededHarm } from './read-casualty-statement.ts';
export { compilePhrases, type CompiledPhrases } from './official-phrases.ts';
export { findDates, widen } from './statement-dates.ts';
export { addDays, dayNumber, isoOfDay } from './days.ts';

/** The reason code of "no strikes were conducted in that area": the belligerent denies striking there. */
export const NO_STRIKES_REASON = 'no-strikes-in-area';
