/**
 * Compiles ../shared/data/gazetteer (WOF places with GeoNames records) into data/gazetteer/places.tsv.gz:
 * live rows only, one row per GeoNames id, WOF-only duplicates merged, English governorate names,
 * Latin and Arabic names only. Run with `npm run build:gazetteer`.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { LocationPrecision } from '../src/domain/extraction.ts';
import { COUNTRY_NAMES, type GazetteerEntry } from '../src/domain/gazetteer.ts';
import { indexEntries, skeletonText, type NameIndex } from '../src/stages/geocode/name-index.ts';
import { entryKeys, nameKey } from '../src/stages/geocode/names.ts';
import { ADMIN1, PS_GOVERNORATES } from './admin-names.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(repoRoot, '..', 'shared', 'data', 'gazetteer');
const outDir = join(repoRoot, 'data', 'gazetteer');

const COUNTRIES = COUNTRY_NAMES;

interface Row {
  wofId: string;
  gnId: string;
  name: string;
  ascii: string;
  namesAr: string[];
  altNames: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  placetype: string;
  cc: string;
  admin1: string | null;
  admin2: string | null;
  admin1Code: string;
  population: number;
  isCurrent: string;
  geomSource: string;
}

const LATIN_RE = /^[\p{Script=Latin}\p{M}\s'’‘ʿʾʻ`\-.,()/&0-9]+$/u;
const HAS_LETTER_RE = /\p{L}/u;
/** Pure Arabic letters (no Persian/Urdu/Kurdish-only letters), spaces and harakat. */
const ARABIC_ONLY_RE = /^[\u0621-\u063a\u0640-\u065f\u0670\u0671\s]+$/;
const INVISIBLE_RE = /[\u200b-\u200f\u202a-\u202e\ufeff]/g;

function clean(s: string): string {
  return s.replace(INVISIBLE_RE, '').replace(/\s+/g, ' ').trim();
}

function isLatin(s: string): boolean {
  return s.length <= 60 && LATIN_RE.test(s) && HAS_LETTER_RE.test(s);
}

function isArabic(s: string): boolean {
  return s.length <= 60 && ARABIC_ONLY_RE.test(s);
}

function splitList(s: string | undefined): string[] {
  if (!s) return [];
  return s
    .split('|')
    .map(clean)
    .filter((x) => x !== '');
}

function stripSuffix(s: string): string {
  return s.replace(/ (District|Governorate|Province)$/i, '');
}

function readRows(file: string): Row[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = (lines[0] ?? '').split('\t');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const c = {
    wof: col('wof_id'),
    gn: col('geonameid'),
    name: col('name'),
    ascii: col('asciiname'),
    wofName: col('wof_name'),
    nameAr: col('name_ar'),
    arabic: col('names_arabic_script'),
    alt: col('alternatenames'),
    lat: col('latitude'),
    lon: col('longitude'),
    fclass: col('feature_class'),
    fcode: col('feature_code'),
    type: col('wof_placetype'),
    cc: col('country_code'),
    a1: col('admin1_code'),
    a2name: col('admin2_name'),
    county: col('wof_county_name'),
    pop: col('population'),
    current: col('is_current'),
    deprecated: col('deprecated'),
    superseded: col('superseded_by'),
    geom: col('geom_source'),
  };
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const f = line.split('\t');
    const get = (j: number): string => f[j] ?? '';
    if (get(c.deprecated) !== '' || get(c.superseded) !== '' || get(c.current) === '0') continue;
    const cc = get(c.cc);
    if (!COUNTRIES[cc]) continue;
    const lat = Number(get(c.lat));
    const lon = Number(get(c.lon));
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || (lat === 0 && lon === 0)) continue;
    const name = clean(get(c.name));
    const ascii = clean(get(c.ascii)) || name;
    const ar: string[] = [];
    const alt: string[] = [];
    const addName = (s: string): void => {
      if (isArabic(s)) ar.push(s);
      else if (isLatin(s)) alt.push(s);
    };
    for (const s of splitList(get(c.nameAr))) addName(s);
    addName(clean(get(c.wofName)));
    for (const s of splitList(get(c.arabic))) addName(s);
    for (const s of splitList(get(c.alt))) addName(s);
    const placetype = get(c.type);
    const a1Code = get(c.a1);
    const a2Name = get(c.a2name) || get(c.county);
    let admin1: string | null;
    let admin2: string | null;
    if (cc === 'PS') {
      admin1 = PS_GOVERNORATES[get(c.a2name)] ?? null;
      admin2 = null;
    } else {
      admin1 = ADMIN1[cc]?.[a1Code] ?? null;
      admin2 = a2Name ? stripSuffix(a2Name) : null;
    }
    rows.push({
      wofId: get(c.wof),
      gnId: get(c.gn),
      name: isLatin(name) ? name : ascii,
      ascii,
      namesAr: ar,
      altNames: alt,
      lat,
      lon,
      featureClass: get(c.fclass),
      featureCode: get(c.fcode),
      placetype,
      cc,
      admin1,
      admin2,
      admin1Code: a1Code,
      population: Number(get(c.pop)) || 0,
      isCurrent: get(c.current),
      geomSource: get(c.geom),
    });
  }
  return rows;
}

function precisionOf(r: Row): LocationPrecision {
  switch (r.placetype) {
    case 'country':
      return 'country';
    case 'region':
      if (r.cc === 'PS') return 'country';
      return r.admin1 ? 'governorate' : 'district';
    case 'county':
      return r.cc === 'PS' ? 'governorate' : 'district';
    case 'localadmin':
      return 'city';
    case 'campus':
      return 'exact';
    case 'neighbourhood':
      return 'neighbourhood';
  }
  const code = r.featureCode;
  if (code === 'PPLX') return 'neighbourhood';
  if (code === 'PPLC' || code === 'PPLA') return 'city';
  if (r.population >= 100_000) return 'city';
  if (code === 'PPLA2' || code === 'PPLA3' || code === 'PPLA4')
    return r.population >= 50_000 ? 'city' : 'town';
  if (r.population >= 10_000) return 'town';
  if (r.cc === 'PS' && /\bcamp\b/i.test(r.name)) return 'town';
  return 'village';
}

function rowScore(r: Row): number {
  return (r.isCurrent === '1' ? 4 : 0) + (r.featureClass ? 2 : 0) + (r.geomSource === 'geonames' ? 1 : 0);
}

function distanceKm(a: Row, b: Row): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

interface Entry extends Row {
  id: string;
}

function mergeNames(into: Entry, from: Row): void {
  for (const n of [from.name, from.ascii, ...from.altNames]) if (isLatin(n)) into.altNames.push(n);
  into.namesAr.push(...from.namesAr);
  if (!into.admin1 && from.admin1) into.admin1 = from.admin1;
  if (!into.admin2 && from.admin2) into.admin2 = from.admin2;
  if (into.population === 0) into.population = from.population;
}

function compile(rows: Row[]): Entry[] {
  // One entry per GeoNames id: the most authoritative row wins, the others lend their names.
  const byGn = new Map<string, Row[]>();
  const wofOnly: Row[] = [];
  for (const r of rows) {
    if (r.gnId) {
      const list = byGn.get(r.gnId);
      if (list) list.push(r);
      else byGn.set(r.gnId, [r]);
    } else wofOnly.push(r);
  }
  const entries: Entry[] = [];
  for (const [gn, list] of byGn) {
    list.sort((a, b) => rowScore(b) - rowScore(a));
    const [best, ...rest] = list as [Row, ...Row[]];
    const e: Entry = {
      ...best,
      id: `geonames:${gn}`,
      altNames: [...best.altNames],
      namesAr: [...best.namesAr],
    };
    for (const r of rest) mergeNames(e, r);
    entries.push(e);
  }
  // A WOF-only locality is a duplicate when an entry with the same name key lies within 3 km.
  const byKey = new Map<string, Entry[]>();
  const index = (e: Entry): void => {
    if (e.placetype !== 'locality' && e.placetype !== 'neighbourhood') return;
    for (const n of new Set([e.name, e.ascii].map(nameKey))) {
      if (!n) continue;
      const list = byKey.get(n);
      if (list) list.push(e);
      else byKey.set(n, [e]);
    }
  };
  entries.forEach(index);
  wofOnly.sort((a, b) => rowScore(b) - rowScore(a));
  for (const r of wofOnly) {
    if (r.placetype === 'locality' || r.placetype === 'neighbourhood') {
      const near = (byKey.get(nameKey(r.name)) ?? []).find((e) => e.cc === r.cc && distanceKm(e, r) < 3);
      if (near) {
        mergeNames(near, r);
        continue;
      }
    }
    const e: Entry = { ...r, id: `wof:${r.wofId}`, altNames: [...r.altNames], namesAr: [...r.namesAr] };
    entries.push(e);
    index(e);
  }
  return entries;
}

/** Palestine rows without a district take the nearest governorate (district polygon centroid point). */
function fillPalestineAdmin1(entries: Entry[]): void {
  const governorates = entries.filter((e) => e.cc === 'PS' && e.placetype === 'county' && e.admin1);
  for (const e of entries) {
    if (e.cc !== 'PS' || e.admin1 || e.placetype === 'region' || e.placetype === 'country') continue;
    if (e.admin1Code !== 'GZ' && e.admin1Code !== 'WE') continue;
    let best: Entry | undefined;
    let bestKm = Infinity;
    for (const g of governorates) {
      if (g.admin1Code !== e.admin1Code) continue;
      const km = distanceKm(g, e);
      if (km < bestKm) [best, bestKm] = [g, km];
    }
    if (best) e.admin1 = best.admin1;
  }
}

function finish(e: Entry): GazetteerEntry {
  const precision = precisionOf(e);
  let name = e.name;
  // Governorate rows carry their plain English name, the source spelling becomes a variant.
  if (precision === 'governorate' && e.admin1) {
    e.altNames.push(name, e.ascii);
    name = e.admin1;
  }
  const ascii = precision === 'governorate' && e.admin1 ? e.admin1 : e.ascii;
  const seen = new Set([name.toLowerCase(), ascii.toLowerCase()]);
  const alt: string[] = [];
  for (const n of e.altNames) {
    const k = n.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    alt.push(n);
  }
  const ar = [...new Set(e.namesAr)];
  return {
    id: e.id,
    name,
    asciiName: ascii,
    namesAr: ar,
    // Only variants that add a match key are kept.
    altNames: entryKeys([name, ascii], alt, ar).altNames,
    lat: e.lat,
    lon: e.lon,
    countryCode: e.cc,
    admin1: e.admin1,
    admin2: e.admin2,
    featureCode: e.featureCode || e.placetype,
    precision,
    population: e.population,
  };
}

function line(e: GazetteerEntry): string {
  return [
    e.id,
    e.name,
    e.asciiName,
    e.namesAr.join('|'),
    e.altNames.join('|'),
    e.lat.toFixed(5),
    e.lon.toFixed(5),
    e.countryCode,
    e.admin1 ?? '',
    e.admin2 ?? '',
    e.featureCode,
    e.precision,
    String(e.population),
  ].join('\t');
}

function indexText(index: NameIndex): string {
  const out: string[] = [];
  const sections: [string, Map<string, number[]>][] = [
    ['e', index.exact],
    ['s', index.skeleton],
    ['g', index.governorate],
    ['h', index.governorateSkeleton],
  ];
  for (const [kind, map] of sections) {
    out.push(`#\t${kind}`);
    for (const [key, postings] of map) {
      // Skeleton keys carry the exact keys of the names behind them (see name-index.ts).
      const value = kind === 's' ? skeletonText(postings, index.spellings.get(key)) : postings.join(',');
      out.push(`${key}\t${value}`);
    }
  }
  return out.join('\n');
}

export const HEADER = [
  'id',
  'name',
  'ascii_name',
  'names_ar',
  'alt_names',
  'lat',
  'lon',
  'country_code',
  'admin1',
  'admin2',
  'feature_code',
  'precision',
  'population',
];

function readme(counts: Record<string, number>, total: number, bytes: number): string {
  const rows = Object.entries(counts)
    .map(([cc, n]) => `| ${cc} | ${COUNTRIES[cc] ?? cc} | ${n} |`)
    .join('\n');
  return `# Compiled gazetteer

Offline place data for the geocode stage: Syria, Iraq, Yemen, Libya, Somalia, Palestine and
Lebanon.

## Attribution

Contains data from Who's On First (https://whosonfirst.org/docs/licenses/), including data from
GeoNames (geonames.org, CC BY 4.0), foursquare Quattroshapes (CC BY) and Yahoo! GeoPlanet
(CC BY 3.0 US). Administrative codes from GeoNames (www.geonames.org), CC BY 4.0.

The compiled files are therefore CC BY 4.0; keep this attribution when you copy them.

## Files

- \`places.tsv.gz\`: gzip'd UTF-8 TSV with a header line, no quoting, \`|\` between several values.
  Columns:
  ${HEADER.map((h) => `\`${h}\``).join(', ')}.
  Generated by \`npm run build:gazetteer\` from the team's WOF/GeoNames extract
  (\`../shared/data/gazetteer\`); do not edit by hand.
- \`index.tsv.gz\`: the name index over \`places.tsv.gz\` (match keys of
  \`src/stages/geocode/names.ts\` -> row numbers), precomputed so that loading stays fast. Rebuild
  both whenever the name keys change. Skeleton keys (section \`s\`) list, for each exact key of
  a Latin name with that skeleton, the rows that have it (\`key rows|key rows\`), so that the
  skeleton tier compares spellings without folding any row's names (docs/decisions/0003).
- \`extra-places.tsv\`: hand-written entries the source lacks (districts of Gaza City, Rafah, Khan Younis,
  Aleppo, Damascus, Homs and Raqqa; Eastern Ghouta), same columns, ids \`sw:<slug>\`. Coordinates
  are approximate centres, good to a kilometre or two.
- \`aliases.tsv\`: hand-written press spellings the source lacks: \`alias\`, \`target\` (an entry id,
  or a name resolved within \`admin1\`), \`admin1\`, \`country_code\`. An alias of a governorate
  capital usually appears twice, once for the city and once for the governorate. The geocode
  tests fail when a target no longer resolves.

## How \`places.tsv.gz\` is built

1. Rows that are deprecated, superseded or not current (\`is_current = 0\`) are dropped.
2. Rows sharing a GeoNames id become one entry (id \`geonames:<geonameid>\`); the current,
   GeoNames-sourced row gives the coordinates and the others lend their names. A row without a
   GeoNames id (id \`wof:<wof_id>\`) is merged into an entry with the same normalised name within
   3 km.
3. Names: the GeoNames name and ASCII name, Arabic-script names in Arabic letters only, and
   Latin-script variants that add a match key; names in other scripts are dropped.
4. \`admin1\` is a plain English governorate name (Syria: Aleppo, Idlib, Hama, Homs, Latakia,
   Tartus, Rif Dimashq, Damascus, Quneitra, Daraa, As-Suwayda, Deir ez-Zor, Raqqa, Hasakah). In
   Palestine GeoNames' admin1 is Gaza Strip or West Bank, so the governorate (North Gaza, Gaza,
   Deir al-Balah, Khan Younis, Rafah; Jenin, Nablus, Hebron, ...) is taken from the district level;
   the Gaza Strip and West Bank entries have precision \`country\`, and \`admin2\` is empty there.
5. \`precision\`: region = governorate, county = district, PPLX and neighbourhoods =
   neighbourhood, PPLC/PPLA or population >= 100,000 = city, other admin seats and population >=
   10,000 = town, the rest = village.

${total} entries, ${(bytes / 1e6).toFixed(1)} MB compressed:

| code | country | entries |
|---|---|---|
${rows}
`;
}

function main(): void {
  if (!existsSync(join(sourceDir, 'places'))) {
    console.error(
      `Gazetteer source not found at ${sourceDir} (expected places/wof-places-XX.tsv). ` +
        'Check out the shared data next to the repository and run again.',
    );
    process.exit(1);
  }
  const files = readdirSync(join(sourceDir, 'places'))
    .filter((f) => /^wof-places-[A-Z]{2}\.tsv$/.test(f))
    .sort();
  const rows = files.flatMap((f) => readRows(join(sourceDir, 'places', f)));
  const entries = compile(rows);
  fillPalestineAdmin1(entries);
  entries.sort((a, b) => a.cc.localeCompare(b.cc) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.cc] = (counts[e.cc] ?? 0) + 1;
  const compiled = entries.map(finish);
  const body = [HEADER.join('\t'), ...compiled.map(line)].join('\n') + '\n';
  const gz = gzipSync(body, { level: 9 });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'places.tsv.gz'), gz);
  writeFileSync(join(outDir, 'index.tsv.gz'), gzipSync(indexText(indexEntries(compiled)), { level: 9 }));
  writeFileSync(join(outDir, 'README.md'), readme(counts, entries.length, gz.length));
  const kb = (p: string): string => (statSync(join(outDir, p)).size / 1024).toFixed(0) + ' KB';
  console.log(
    `${rows.length} live source rows -> ${entries.length} entries; places.tsv.gz ${kb('places.tsv.gz')} ` +
      `(${(body.length / 1e6).toFixed(1)} MB uncompressed), index.tsv.gz ${kb('index.tsv.gz')}`,
  );
}

main();
