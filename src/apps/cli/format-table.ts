import type { ExtractedDocument, ExtractedEvent } from '../../domain/extraction.ts';
import type { Range } from '../../domain/range.ts';

const HEADERS = [
  'DOCUMENT',
  'DATE',
  'PLACE',
  'ADMIN1',
  'KILLED',
  'CIVILIANS',
  'INJURED',
  'ATTRIBUTED',
  'TYPE',
];
const WIDEST = [36, 11, 28, 14, 9, 9, 9, 64, 11];

/** "3", "35+", "<=30", "20-26" or "-" when the text gives nothing. */
export function formatRange(r: Range | null): string {
  if (!r || (r.min === null && r.max === null)) return '-';
  if (r.min === r.max) return String(r.min);
  if (r.max === null) return `${r.min}+`;
  if (r.min === null) return `<=${r.max}`;
  return `${r.min}-${r.max}`;
}

/** "russia (blames, denies), us-coalition (unsure)": each belligerent once, with its stances. */
function attribution(event: ExtractedEvent): string {
  const stances = new Map<string, Set<string>>();
  for (const a of event.attributed) {
    const set = stances.get(a.belligerent) ?? new Set<string>();
    set.add(a.stance);
    stances.set(a.belligerent, set);
  }
  if (stances.size === 0) return '-';
  return [...stances].map(([b, s]) => `${b} (${[...s].join(', ')})`).join(', ');
}

function eventRow(id: string, e: ExtractedEvent): string[] {
  const date = e.date ?? '-';
  return [
    id,
    e.background ? `${date}*` : date,
    e.place ?? '-',
    e.admin1 ?? '-',
    formatRange(e.killed),
    formatRange(e.civilians_killed),
    formatRange(e.injured),
    attribution(e),
    e.strike_type,
  ];
}

/** Table rows for one document: one per event, or one saying it has none. */
export function documentRows(doc: ExtractedDocument): string[][] {
  if (doc.events.length === 0) return [[doc.id, '(no strike events)']];
  return doc.events.map((e) => eventRow(doc.id, e));
}

function fit(cell: string, width: number): string {
  const flat = cell.replace(/\s+/g, ' ');
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
}

/**
 * Aligns rows under the headers. A row with fewer cells (a document without events) runs on
 * from its first column without stretching the others.
 */
export function formatTable(rows: string[][]): string {
  const full = rows.filter((r) => r.length === HEADERS.length);
  // A loop, not Math.max(...rows), so a table of a large batch cannot overflow the stack.
  const widths = HEADERS.map((h, i) => {
    let width = h.length;
    for (const r of i === 0 ? rows : full) width = Math.max(width, (r[i] ?? '').length);
    return Math.min(WIDEST[i]!, width);
  });
  const line = (cells: string[]): string => {
    if (cells.length < HEADERS.length) {
      return [fit(cells[0] ?? '', widths[0]!).padEnd(widths[0]!), ...cells.slice(1)].join('  ').trimEnd();
    }
    return cells
      .map((c, i) => fit(c, widths[i]!).padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  };
  return [line(HEADERS), ...rows.map(line)].join('\n') + '\n';
}

export const BACKGROUND_NOTE = '* background event: an earlier strike mentioned as context';
