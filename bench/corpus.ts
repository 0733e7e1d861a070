/** The texts the bench runs over: the FA-KES article texts and the Airwars English narratives. */
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export interface BenchText {
  id: string;
  corpus: 'fakes' | 'airwars';
  text: string;
}

export function loadFakesTexts(sharedDir: string, limit = Infinity): BenchText[] {
  const dir = join(sharedDir, 'data', 'fakes', 'texts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, limit)
    .map((f) => ({ id: f.slice(0, -4), corpus: 'fakes', text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Every record's `text` (the English narrative), holdout included: the bench reads no labels.
 * Read line by line so that the 27 MB file never sits in memory and does not inflate peak RSS.
 */
export async function loadAirwarsTexts(sharedDir: string, limit = Infinity): Promise<BenchText[]> {
  const path = join(sharedDir, 'data', 'airwars', 'incidents.jsonl');
  if (!existsSync(path)) return [];
  const texts: BenchText[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (texts.length >= limit) break;
    // Records without a narrative say so early ("text_kind": null): skip parsing their reports.
    if (line.trim() === '' || line.includes('"text_kind": null')) continue;
    const record = JSON.parse(line) as { id?: unknown; text?: unknown };
    if (typeof record.text === 'string' && record.text.length > 0)
      texts.push({ id: String(record.id), corpus: 'airwars', text: record.text });
  }
  lines.close();
  return texts;
}

export const megabytes = (texts: BenchText[]): number =>
  texts.reduce((sum, t) => sum + Buffer.byteLength(t.text, 'utf8'), 0) / 1e6;
