/** Place names in official statements ("near Raqqah, Syria", "in the Raqqah and Idlib provinces"), resolved by the gazetteer. */
import type { OfficialPlace } from '../../domain/official.ts';
import type { PlaceResolver } from '../../domain/place.ts';

/** A capitalised name of up to five words, with the particles Arabic names carry. */
const NAME =
  "(?:[A-Z][\\w'’-]*|(?:al|el|ad|ar|as|ash|az)\\b-?)(?:[ -](?:[A-Z][\\w'’-]*|(?:al|el|ad|ar|as|ash|az|bin|ibn)\\b)){0,4}";
const COUNTRIES = ['Syria', 'Iraq', 'Gaza', 'Israel', 'Lebanon', 'Turkey', 'Türkiye', 'Yemen', 'Libya'];
const DIRECTION =
  '(?:(?:the )?(?:northern|southern|eastern|western|central|north|south|east|west)(?:ern)? )?';

/** A named place as written, with where it stands in the text. */
export interface NamedPlace {
  name: string;
  start: number;
  end: number;
  /** The country named right after it ("near Raqqah, Syria"), if any. */
  country: string | null;
}

/** Names that follow a place word ("near X", "in X"), and lists before "provinces"/"regions". */
export function namedPlaces(text: string, leads: string[]): NamedPlace[] {
  const out: NamedPlace[] = [];
  // Names must be capitalised, so only the lead's first letter may be either case.
  const lead = `(?:${leads.map((l) => `[${l[0]!.toUpperCase()}${l[0]}]${l.slice(1)}`).join('|')})`;
  const single = new RegExp(
    `\\b${lead} ${DIRECTION}(?:the )?(${NAME})(?:,? (${COUNTRIES.join('|')})\\b)?`,
    'g',
  );
  for (let m = single.exec(text); m !== null; m = single.exec(text)) {
    const name = cleanName(m[1]!);
    if (name === null || (!/^[A-Z]/.test(name) && !/^(?:al|el|ad|ar|as|ash|az)\b/i.test(name))) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    out.push({ name, start, end: start + m[1]!.length, country: m[2] ?? null });
  }
  const list = new RegExp(
    `\\b(?:in|across) the ((?:${NAME})(?:(?:, | and )(?:${NAME}))*) (?:provinces?|governorates?|regions?|areas?)\\b`,
    'g',
  );
  for (let m = list.exec(text); m !== null; m = list.exec(text)) {
    let at = m.index + m[0].indexOf(m[1]!);
    for (const part of m[1]!.split(/, | and /)) {
      const name = cleanName(part);
      const start = text.indexOf(part, at);
      at = start + part.length;
      if (name !== null && !out.some((p) => p.start === start))
        out.push({ name, start, end: at, country: null });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const NOT_PLACES = new Set([
  'isis',
  'isil',
  'daesh',
  'coalition',
  'the',
  'syria',
  'iraq',
  'syrian',
  'iraqi',
  'us',
  'u.s',
  'a',
  'an',
  'hamas',
  'idf',
  'iaf',
  'sdf',
  'ypg',
  'pkk',
  'russian',
  'russia',
  'turkish',
  'israeli',
]);

function cleanName(raw: string): string | null {
  const name = raw
    .replace(/['’]s$/, '')
    .replace(/[-\s]+$/, '')
    .trim();
  if (name.length < 3 || NOT_PLACES.has(name.toLowerCase())) return null;
  return name;
}

/** The place as the gazetteer knows it; the name alone when the gazetteer does not. */
export function resolvePlace(p: NamedPlace, resolver: PlaceResolver): OfficialPlace {
  const hit = resolver.resolve(p.name, {
    admin1Hints: [],
    countryHints: p.country === null ? [] : [p.country],
  });
  if (hit === null)
    return {
      name: p.name,
      gazetteerId: null,
      admin1: null,
      country: p.country,
      lat: null,
      lon: null,
      precision: null,
    };
  return {
    name: p.name,
    gazetteerId: hit.id,
    admin1: hit.admin1,
    country: hit.country,
    lat: hit.lat,
    lon: hit.lon,
    precision: hit.precision,
  };
}
