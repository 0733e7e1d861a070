/**
 * Compiles ../shared/data/gazetteer/boundaries (WOF country, governorate and district polygons)
 * into data/boundaries/boundaries.geojson for the map: outlines simplified to about a kilometre,
 * coordinates to three decimals, English governorate names as the incidents carry them. Run with
 * `npm run build:boundaries`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNTRY_NAMES } from '../src/domain/gazetteer.ts';
import { ADMIN1, PS_GOVERNORATES } from './admin-names.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(repoRoot, '..', 'shared', 'data', 'gazetteer', 'boundaries');
const outDir = join(repoRoot, 'data', 'boundaries');

/** About a kilometre at these latitudes: finer detail is invisible at the zooms the map opens at. */
const TOLERANCE = 0.009;
const DECIMALS = 3;

type Position = [number, number];
type Ring = Position[];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

interface SourceFeature {
  geometry: Geometry;
  properties: {
    placetype: string;
    country_code: string;
    name: string;
    admin1_code: string;
    admin1_name: string;
    admin2_name: string;
  };
}

type Level = 'country' | 'governorate' | 'district';

function segmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas-Peucker, iterative so long coastlines cannot overflow the stack. */
function simplifyLine(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i]!, points[first]!, points[last]!);
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (index >= 0 && worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function round(p: Position): Position {
  const f = 10 ** DECIMALS;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

/** A closed ring simplified and rounded, or null when too little of it is left to draw. */
function simplifyRing(ring: Ring, tolerance: number): Ring | null {
  // Split at the point farthest from the start, so a closed ring keeps its shape.
  let far = 0;
  for (let i = 1; i < ring.length; i++)
    if (
      Math.hypot(ring[i]![0] - ring[0]![0], ring[i]![1] - ring[0]![1]) >
      Math.hypot(ring[far]![0] - ring[0]![0], ring[far]![1] - ring[0]![1])
    )
      far = i;
  const out = [
    ...simplifyLine(ring.slice(0, far + 1), tolerance),
    ...simplifyLine(ring.slice(far), tolerance).slice(1),
  ]
    .map(round)
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  return out.length >= 4 ? out : null;
}

function simplifyPolygon(rings: Ring[], tolerance: number): Ring[] | null {
  const outer = simplifyRing(rings[0]!, tolerance);
  if (!outer) return null;
  const holes = rings
    .slice(1)
    .map((r) => simplifyRing(r, tolerance))
    .filter((r): r is Ring => r !== null);
  return [outer, ...holes];
}

/** The geometry simplified; a shape that would vanish is kept at a finer tolerance. */
function simplify(geometry: Geometry): Geometry {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (let tolerance = TOLERANCE; ; tolerance /= 4) {
    const kept = polygons.map((p) => simplifyPolygon(p, tolerance)).filter((p): p is Ring[] => p !== null);
    if (kept.length > 0 || tolerance < 1e-5)
      return kept.length === 1
        ? { type: 'Polygon', coordinates: kept[0]! }
        : { type: 'MultiPolygon', coordinates: kept };
  }
}

function governorateOf(p: SourceFeature['properties'], level: Level): string | null {
  if (level === 'country') return null;
  if (p.country_code === 'PS')
    return level === 'district' ? (PS_GOVERNORATES[p.admin2_name] ?? p.name) : p.admin1_name || p.name;
  return ADMIN1[p.country_code]?.[p.admin1_code] ?? (p.admin1_name || null);
}

function compile(file: string, level: Level): object[] {
  const source = JSON.parse(readFileSync(join(sourceDir, file), 'utf8')) as { features: SourceFeature[] };
  return source.features.map((f) => {
    const p = f.properties;
    const governorate = governorateOf(p, level);
    const country = COUNTRY_NAMES[p.country_code as keyof typeof COUNTRY_NAMES] ?? p.country_code;
    const name = level === 'country' ? country : level === 'governorate' ? (governorate ?? p.name) : p.name;
    return {
      type: 'Feature',
      properties: { level, name, governorate, country },
      geometry: simplify(f.geometry),
    };
  });
}

const README = (features: number, kb: string): string => `# Compiled boundaries

Country, governorate and district outlines for the map (Syria, Iraq, Yemen, Libya, Somalia,
Palestine and Lebanon), so that it works offline without a tile server.

## Attribution

Contains data from Who's On First (https://whosonfirst.org/docs/licenses/), including data from
GeoNames (geonames.org, CC BY 4.0), foursquare Quattroshapes (CC BY) and Yahoo! GeoPlanet
(CC BY 3.0 US); district and governorate shapes from Mesoshapes (CC0). Administrative codes from
GeoNames (www.geonames.org), CC BY 4.0.

The compiled file is therefore CC BY 4.0; keep this attribution when you copy it. The map shows it.

## Files

- \`boundaries.geojson\`: a FeatureCollection, one feature per country, governorate and
  district, with properties \`level\` (\`country\`, \`governorate\`, \`district\`), \`name\`,
  \`governorate\` (the plain English name the incidents carry) and \`country\`. Generated by
  \`npm run build:boundaries\` from the team's WOF extract (\`../shared/data/gazetteer/boundaries\`);
  do not edit by hand.

## How it is built

Each ring is simplified with Douglas-Peucker at ${TOLERANCE}° (about a kilometre) and rounded to
${DECIMALS} decimals; a shape that would vanish is kept at a finer tolerance. The source polygons
overlap slightly and have small gaps (they are not a clean topology): good for display, not for
deciding which district a point on a border lies in. Districts are the pre-2011 division; Libya has
none in the source.

${features} features, ${kb}.
`;

function main(): void {
  if (!existsSync(sourceDir)) {
    console.error(
      `Boundary source not found at ${sourceDir}. Check out the shared data beside the repository.`,
    );
    process.exit(1);
  }
  const features = [
    ...compile('admin0-countries.geojson', 'country'),
    ...compile('admin1-regions.geojson', 'governorate'),
    ...compile('admin2-districts.geojson', 'district'),
  ];
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, 'boundaries.geojson');
  writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
  const kb = `${(statSync(out).size / 1024).toFixed(0)} KB`;
  writeFileSync(join(outDir, 'README.md'), README(features.length, kb));
  console.log(`${features.length} outlines -> ${out} (${kb})`);
}

main();
