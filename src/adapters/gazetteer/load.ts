import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { LOCATION_PRECISIONS, type LocationPrecision } from '../../domain/extraction.ts';
import { COUNTRY_NAMES } from '../../domain/gazetteer.ts';
import type {
  GazetteerAlias,
  GazetteerData,
  GazetteerEntry,
  GazetteerIndex,
} from '../../domain/gazetteer.ts';

const gazetteerDir = fileURLToPath(new URL('../../../data/gazetteer/', import.meta.url));

const PRECISIONS = new Set<string>(LOCATION_PRECISIONS);

/**
 * The literal (internalised) strings of the fields with few values. A field read from the row is a
 * fresh string that V8 may turn into a thin string when it first serves as a key, and code compared
 * with the one kind deoptimises on the other.
 */
const CANONICAL = new Map<string, string>([
  ...LOCATION_PRECISIONS.map((p): [string, string] => [p, p]),
  ...Object.keys(COUNTRY_NAMES).map((cc): [string, string] => [cc, cc]),
]);
const canonical = (s: string | undefined): string | undefined =>
  s === undefined ? s : (CANONICAL.get(s) ?? s);

function list(s: string | undefined): string[] {
  return s ? s.split('|') : [];
}

/**
 * One places row, split into fields only when a field is first read: the resolver touches a few
 * hundred rows per document, so loading 81,000 rows stays cheap.
 */
class PlaceRow implements GazetteerEntry {
  readonly #line: string;
  #f: string[] | null = null;
  #ar: string[] | null = null;
  #alt: string[] | null = null;

  constructor(line: string) {
    this.#line = line;
  }

  #fields(): string[] {
    if (this.#f === null) {
      const f = this.#line.split('\t');
      f[7] = canonical(f[7])!;
      f[11] = canonical(f[11])!;
      this.#f = f;
    }
    return this.#f;
  }
  get id(): string {
    return this.#f ? (this.#f[0] as string) : this.#line.slice(0, this.#line.indexOf('\t'));
  }
  get name(): string {
    return this.#fields()[1] as string;
  }
  get asciiName(): string {
    return this.#fields()[2] || this.name;
  }
  get namesAr(): string[] {
    return (this.#ar ??= list(this.#fields()[3]));
  }
  get altNames(): string[] {
    return (this.#alt ??= list(this.#fields()[4]));
  }
  get lat(): number {
    return Number(this.#fields()[5]);
  }
  get lon(): number {
    return Number(this.#fields()[6]);
  }
  get countryCode(): string {
    return this.#fields()[7] as string;
  }
  get admin1(): string | null {
    return this.#fields()[8] || null;
  }
  get admin2(): string | null {
    return this.#fields()[9] || null;
  }
  get featureCode(): string {
    return this.#fields()[10] ?? '';
  }
  get precision(): LocationPrecision {
    return this.#fields()[11] as LocationPrecision;
  }
  get population(): number {
    return Number(this.#fields()[12]) || 0;
  }
  toJSON(): GazetteerEntry {
    const { id, name, asciiName, namesAr, altNames, lat, lon, countryCode, admin1, admin2 } = this;
    const { featureCode, precision, population } = this;
    return {
      id,
      name,
      asciiName,
      namesAr,
      altNames,
      lat,
      lon,
      countryCode,
      admin1,
      admin2,
      featureCode,
      precision,
      population,
    };
  }
}

/** Parses places TSV text (header line first) into eagerly checked entries; used for hand-written rows. */
export function parsePlaces(text: string, source: string): GazetteerEntry[] {
  const lines = text.split('\n');
  const entries: GazetteerEntry[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]?.replace(/\r$/, '');
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    const [id, name, , , , lat, lon, cc, , , , precision] = f;
    if (!id || !name || !cc || !precision || !PRECISIONS.has(precision) || !Number(lat) || !Number(lon)) {
      throw new Error(`${source}:${i + 1}: malformed gazetteer row`);
    }
    entries.push(new PlaceRow(line).toJSON());
  }
  return entries;
}

/** Parses aliases.tsv: alias, target, admin1, country_code. */
export function parseAliases(text: string): GazetteerAlias[] {
  const out: GazetteerAlias[] = [];
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]?.replace(/\r$/, '');
    if (!line || line.startsWith('#')) continue;
    const [alias, target, admin1, cc] = line.split('\t');
    if (!alias || !target) continue;
    out.push({ alias, target, admin1: admin1 || null, countryCode: cc || null });
  }
  return out;
}

/** Parses index.tsv.gz: `key<TAB>postings` lines; a `#<TAB>kind` line starts section e, s, g or h. */
function parseIndex(text: string, entryCount: number): GazetteerIndex {
  const index: GazetteerIndex = {
    entryCount,
    exact: new Map(),
    skeleton: new Map(),
    governorate: new Map(),
    governorateSkeleton: new Map(),
  };
  const maps: Record<string, Map<string, string>> = {
    e: index.exact,
    s: index.skeleton,
    g: index.governorate,
    h: index.governorateSkeleton,
  };
  // One split into alternating keys and values is the fastest way through 190,000 lines.
  const parts = text.split(/[\t\n]/);
  let map = index.exact;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const key = parts[i] as string;
    const value = parts[i + 1] as string;
    if (key === '#') map = maps[value] ?? map;
    else map.set(key, value);
  }
  return index;
}

/**
 * Reads the compiled gazetteer from data/gazetteer: places.tsv.gz and its precomputed name index,
 * then the hand-written extra-places.tsv and aliases.tsv. Throws when places.tsv.gz is missing:
 * the data ships with the repository.
 */
export function loadGazetteer(dir: string = gazetteerDir): GazetteerData {
  const text = gunzipSync(readFileSync(join(dir, 'places.tsv.gz'))).toString('utf8');
  const lines = text.split('\n');
  const entries: GazetteerEntry[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line !== '') entries.push(new PlaceRow(line));
  }
  const indexFile = join(dir, 'index.tsv.gz');
  const index = existsSync(indexFile)
    ? parseIndex(gunzipSync(readFileSync(indexFile)).toString('utf8'), entries.length)
    : undefined;
  const extraFile = join(dir, 'extra-places.tsv');
  if (existsSync(extraFile)) entries.push(...parsePlaces(readFileSync(extraFile, 'utf8'), extraFile));
  const aliasFile = join(dir, 'aliases.tsv');
  const aliases = existsSync(aliasFile) ? parseAliases(readFileSync(aliasFile, 'utf8')) : [];
  return { entries, ...(index ? { index } : {}), aliases, countries: { ...COUNTRY_NAMES } };
}
