/**
 * Checks the date finder against the FA-KES development gold and datelines and measures its speed.
 * Usage: node --import tsx scripts/check-dates.ts [fakes-dir] [seeds-dir] [-v]
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findDates, findDateline, findDatesFullScan } from '../src/stages/extract/dates.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const fakesDir = args[0] ?? '../shared/data/fakes';
const seedsDir = args[1] ?? '../shared/seeds';
const verbose = process.argv.includes('-v');

interface GoldIncident {
  date: string | null;
  date_text: string | null;
}
interface GoldRecord {
  id: string;
  published: string | null;
  incidents: GoldIncident[];
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Lower case with straight apostrophes; keeps every offset. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'");
}

function checkGold(label: string, goldPath: string, textDir: string): void {
  if (!existsSync(goldPath)) return;
  let considered = 0;
  let agree = 0;
  let nullConsidered = 0;
  let nullAgree = 0;
  let notFound = 0;
  let inherited = 0;
  for (const rec of readJsonl<GoldRecord>(goldPath)) {
    const textPath = join(textDir, `${rec.id}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    const mentions = findDates(text, rec.published);
    const folded = fold(text);
    for (const inc of rec.incidents) {
      if (inc.date_text === null) continue;
      if (inc.date_text.includes('(') || /^(?:also|as well)/i.test(inc.date_text)) {
        inherited++;
        continue;
      }
      // "Wednesday / this morning" lists several phrases; "also (Tuesday)" is inherited, not in the text.
      const parts = inc.date_text
        .split(' / ')
        .map((p) => p.replace(/\s*\(.*\)\s*$/, '').trim())
        .map(fold)
        .filter((p) => p !== '' && folded.includes(p));
      if (parts.length === 0) {
        notFound++;
        if (verbose) console.log(`  ${label} ${rec.id} date_text not in the text: "${inc.date_text}"`);
        continue;
      }
      const spans = parts.map((p) => [folded.indexOf(p), folded.indexOf(p) + p.length] as const);
      const at = spans[0]![0];
      const end = spans[0]![1];
      const hits = mentions.filter((m) => spans.some(([s, e]) => m.start < e && s < m.end));
      let ok: boolean;
      if (inc.date === null) {
        // No single day: right when nothing overlapping claims one.
        nullConsidered++;
        ok = !hits.some((m) => m.precision === 'day');
        if (ok) nullAgree++;
      } else {
        considered++;
        ok = hits.some((m) => m.date === inc.date);
        if (ok) agree++;
      }
      if (ok) continue;
      if (verbose) {
        console.log(
          `  ${label} ${rec.id} pub=${rec.published} gold=${inc.date} "${inc.date_text}" got=${JSON.stringify(hits.map((h) => [h.text, h.date, h.precision]))} ctx="${squash(text.slice(Math.max(0, at - 40), end + 40))}"`,
        );
      }
    }
  }
  console.log(
    `${label}: ${agree}/${considered} dated incidents agree; ${nullAgree}/${nullConsidered} undated incidents get no day (${inherited} inherited from another sentence and ${notFound} date_text not found verbatim, skipped)`,
  );
}

checkGold('dev-gold', join(fakesDir, 'dev-gold.jsonl'), join(fakesDir, 'texts'));
checkGold('seeds', join(seedsDir, 'gold.jsonl'), seedsDir);

interface Article {
  id: string;
  published: string;
  outlet: string;
}
const articles = readJsonl<Article>(join(fakesDir, 'articles.jsonl'));
let dlAgree = 0;
let dlNull = 0;
const texts: Array<[string, string | null]> = [];
for (const a of articles) {
  const text = readFileSync(join(fakesDir, 'texts', `${a.id}.txt`), 'utf8');
  texts.push([text, a.published]);
  const got = findDateline(text);
  if (got === a.published) dlAgree++;
  else {
    if (got === null) dlNull++;
    if (verbose)
      console.log(
        `  dateline ${a.id} ${a.outlet} want=${a.published} got=${got} head="${squash(text.slice(0, 160))}"`,
      );
  }
}
console.log(`datelines: ${dlAgree}/${articles.length} agree (${dlNull} null)`);

const bytes = texts.reduce((n, [t]) => n + Buffer.byteLength(t), 0);
let count = 0;
const rates: number[] = [];
for (let r = 0; r < 7; r++) {
  const t0 = performance.now();
  count = 0;
  for (const [t, p] of texts) count += findDates(t, p).length;
  rates.push(bytes / 1e6 / ((performance.now() - t0) / 1000));
}
rates.sort((a, b) => a - b);
console.log(
  `speed: median ${rates[3]!.toFixed(1)} MB/s, best ${rates[6]!.toFixed(1)} MB/s over ${texts.length} texts (${(bytes / 1e6).toFixed(2)} MB, ${count} mentions)`,
);

// The windowed scan must find exactly what a full scan finds.
let differ = 0;
for (const [t, p] of texts) {
  const a = JSON.stringify(findDates(t, p));
  const b = JSON.stringify(findDatesFullScan(t, p));
  if (a !== b) {
    differ++;
    if (verbose) console.log('  window/full differ:', a.length, b.length);
  }
}
console.log(`windowed vs full scan: ${texts.length - differ}/${texts.length} texts identical`);
