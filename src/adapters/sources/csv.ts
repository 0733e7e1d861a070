/** One CSV row: its cells, the line it starts on, and its text as written. */
export interface CsvRow {
  line: number;
  cells: string[];
  raw: string;
}

export type CsvParse = { ok: true; rows: CsvRow[] } | { ok: false; line: number; error: string };

/**
 * Parses RFC 4180 CSV: comma-separated, cells quoted with `"` may hold commas, line breaks and
 * doubled quotes. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvParse {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = i;
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let endOfRow = false;
    while (i < text.length && !endOfRow) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          const next = text[i];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
            return { ok: false, line, error: 'unexpected text after a closing quote' };
          }
          continue;
        }
        if (c === '\n') line++;
        cell += c;
        i++;
        continue;
      }
      if (c === '"' && cell === '') {
        quoted = true;
        i++;
      } else if (c === ',') {
        cells.push(cell);
        cell = '';
        i++;
      } else if (c === '\n' || c === '\r') {
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRow = true;
      } else {
        cell += c;
        i++;
      }
    }
    if (quoted) return { ok: false, line: startLine, error: 'a quoted cell is never closed' };
    cells.push(cell);
    const raw = text.slice(start, i).replace(/\r?\n$/, '');
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: startLine, cells, raw });
  }
  return { ok: true, rows };
}
