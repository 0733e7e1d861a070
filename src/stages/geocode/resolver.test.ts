import { before, test } from 'node:test';
import assert from 'node:assert/strict';
// The compiled gazetteer shipped in data/gazetteer; tests may reach the adapter directly.
import { loadGazetteer } from '../../adapters/gazetteer/load.ts';
import type { PlaceContext } from '../../domain/place.ts';
import { createResolver, distanceKm, type GazetteerResolver } from './index.ts';
import { closeSpelling } from './resolver.ts';
import { indexEntries } from './name-index.ts';

let resolver: GazetteerResolver;

before(() => {
  const t0 = performance.now();
  const data = loadGazetteer();
  const t1 = performance.now();
  resolver = createResolver(data);
  const t2 = performance.now();
  console.log(
    `gazetteer: ${data.entries.length} entries, load ${(t1 - t0).toFixed(0)} ms, index ${(t2 - t1).toFixed(0)} ms`,
  );
});

const ctx = (admin1: string[] = [], countries: string[] = []): PlaceContext => ({
  admin1Hints: admin1,
  countryHints: countries,
});

function place(name: string, context?: PlaceContext) {
  const p = resolver.resolve(name, context);
  assert.ok(p, `${name} should resolve`);
  return p;
}

test('every hand-written alias resolves to an entry', () => {
  assert.deepEqual(resolver.unresolvedAliases, []);
});

test('Deir ez-Zor in its press spellings is the city; with "province" the governorate', () => {
  for (const s of [
    'Deir ez-Zor',
    'Deir Az-Zour',
    'Deir Ezzor',
    'Deir el-Zour',
    'Dayr Az Zawr',
    'دير الزور',
  ]) {
    const p = place(s);
    assert.equal(p.id, 'geonames:170794', s);
    assert.equal(p.precision, 'city');
    assert.equal(p.admin1, 'Deir ez-Zor');
  }
  const gov = place('Deir Az-Zour province');
  assert.equal(gov.precision, 'governorate');
  assert.equal(gov.admin1, 'Deir ez-Zor');
  assert.equal(place('Deir Ezzor governorate').id, gov.id);
});

test('Idlib alone is the city, Idlib province the governorate', () => {
  const city = place('Idlib');
  assert.equal(city.precision, 'city');
  assert.equal(city.admin1, 'Idlib');
  assert.equal(city.country, 'Syria');
  assert.equal(place('Idlib province').precision, 'governorate');
  assert.equal(place('Idleb countryside').precision, 'governorate');
  assert.equal(place('countryside of Idlib').precision, 'governorate');
  assert.equal(place('Idlib city').id, city.id);
});

test('village variants: Hass/Haas, Kafranbel/Kafr Nabl, Sarmada, Duwaylah', () => {
  assert.equal(place('Hass', ctx(['Idlib'])).id, 'geonames:169835');
  assert.equal(place('Haas').id, 'geonames:169835');
  const kafrNabl = place('Kafr Nabl');
  assert.equal(place('Kafranbel').id, kafrNabl.id);
  assert.equal(place('Kafranbil').id, kafrNabl.id);
  assert.equal(kafrNabl.admin1, 'Idlib');
  const sarmada = place('Sarmada', ctx(['Idlib']));
  assert.equal(sarmada.id, 'geonames:164786');
  assert.equal(sarmada.precision, 'village');
  assert.equal(place('Duwaylah', ctx(['Idlib'])).id, 'geonames:170551');
  assert.equal(place('Ad Duwaylah').id, 'geonames:170551');
  assert.equal(place('al-Duwaylah').id, 'geonames:170551');
});

test('Ayyash in Deir ez-Zor is the village the extraction format example names', () => {
  const p = place('Ayyash', ctx(['Deir Ezzor'], ['Syria']));
  assert.equal(p.id, 'geonames:7632486');
  assert.equal(p.precision, 'village');
  assert.ok(distanceKm(p.lat, p.lon, 35.42022, 40.05303) < 0.1);
});

test('same-named villages follow the admin1 hint', () => {
  const byHint = new Map<string, string>();
  for (const admin1 of ['Hama', 'Deir ez-Zor', 'Homs', 'Latakia']) {
    const p = place('Al Khan', ctx([admin1]));
    assert.equal(p.admin1, admin1);
    assert.equal(p.match, 'name');
    byHint.set(admin1, p.id);
  }
  assert.equal(new Set(byHint.values()).size, 4);
  // No exact Al Khan in Hasakah: the skeleton tier finds the Hasakah village (Al Khanu).
  const hasakah = place('al-Khan', ctx(['Hasakah']));
  assert.equal(hasakah.admin1, 'Hasakah');
  assert.equal(hasakah.match, 'skeleton');
  assert.equal(place('Al Khan').country, 'Syria');
});

test('Arabic names, with or without hamza', () => {
  assert.equal(place('حلب').id, place('Aleppo').id);
  assert.equal(place('إدلب').id, place('Idlib').id);
  assert.equal(place('ادلب').id, place('Idlib').id);
  assert.equal(place('سرمدا').id, 'geonames:164786');
  assert.equal(place('كفرنبل').id, place('Kafr Nabl').id);
  assert.equal(place('محافظة إدلب').precision, 'governorate');
  assert.equal(place('الرقة').admin1, 'Raqqa');
});

test('governorates by any spelling', () => {
  const cases: [string, string][] = [
    ['Deir Ezzor', 'Deir ez-Zor'],
    ['Hassakeh', 'Hasakah'],
    ['Al-Hasakah', 'Hasakah'],
    ['Damascus countryside', 'Rif Dimashq'],
    ['Rif Dimashq', 'Rif Dimashq'],
    ['Reef Damascus', 'Rif Dimashq'],
    ['Damascus', 'Damascus'],
    ['Raqqah', 'Raqqa'],
    ['Ar-Raqqah', 'Raqqa'],
    ['Sweida', 'As-Suwayda'],
    ['Lattakia', 'Latakia'],
    ['Idleb', 'Idlib'],
    ['Deraa', 'Daraa'],
    ['Nineveh', 'Nineveh'],
    ['Al Anbar', 'Anbar'],
    ['Khan Yunis', 'Khan Younis'],
    ['North Gaza', 'North Gaza'],
    ['Deir al-Balah', 'Deir al-Balah'],
  ];
  for (const [input, admin1] of cases) {
    const p = resolver.admin1(input);
    assert.ok(p, input);
    assert.equal(p.admin1, admin1, input);
    assert.equal(p.precision, 'governorate', input);
  }
  assert.equal(resolver.admin1('Gaza Strip'), null);
  assert.equal(resolver.admin1('Damascus', 'Iraq'), null);
  assert.equal(resolver.admin1('Gaza', 'Palestine')?.admin1, 'Gaza');
});

test('Gaza Strip places', () => {
  const ky = place('Khan Younis');
  assert.equal(ky.admin1, 'Khan Younis');
  assert.equal(ky.precision, 'city');
  assert.equal(ky.country, 'Palestine');
  assert.equal(place('Khan Yunis').id, ky.id);
  assert.equal(place('Jabalia').admin1, 'North Gaza');
  assert.equal(place('Jabalia camp').admin1, 'North Gaza');
  assert.equal(place('Rafah').admin1, 'Rafah');
  assert.notEqual(place('Rafah').precision, 'governorate');
  const dab = place('Deir al-Balah');
  assert.equal(dab.admin1, 'Deir al-Balah');
  assert.equal(dab.precision, 'town');
  assert.equal(place('Deir al-Balah governorate').precision, 'governorate');
  assert.equal(place('Nuseirat').admin1, 'Deir al-Balah');
  assert.equal(place('Nuseirat refugee camp').id, place('Nuseirat').id);
  assert.equal(place('Shujaiya').precision, 'neighbourhood');
  assert.equal(place('Gaza').precision, 'city');
  assert.equal(place('Gaza Strip').precision, 'country');
});

test('misses and type words alone resolve to nothing', () => {
  for (const s of ['', 'the', 'province', 'airstrike', 'killed on Monday', 'air base in central Syria']) {
    assert.equal(resolver.resolve(s), null, s);
  }
});

test('country hints pick the country; Syria wins ties otherwise', () => {
  assert.equal(place('Tripoli', ctx([], ['Lebanon'])).countryCode, 'LB');
  assert.equal(place('Tripoli', ctx([], ['Libya'])).countryCode, 'LY');
  assert.equal(place('Mosul').country, 'Iraq');
});

test('the precomputed index matches the name keys of the current code', () => {
  const data = loadGazetteer();
  assert.ok(data.index, 'index.tsv.gz ships with places.tsv.gz');
  // Re-index a sample of rows and check every key points at the same row.
  const step = 400;
  const sample = data.entries.slice(0, data.index.entryCount).filter((_, i) => i % step === 0);
  const fresh = indexEntries(sample);
  for (const [key, postings] of fresh.exact) {
    for (const p of postings) {
      const row = (p >> 2) * step;
      const stored = (data.index.exact.get(key) ?? '').split(',').map((x) => Number(x) >> 2);
      assert.ok(stored.includes(row), `key ${key} of row ${row}: rebuild the gazetteer`);
    }
  }
  // Skeleton keys list the exact keys of the names behind them.
  for (const [skeleton, byKey] of fresh.spellings) {
    const stored = new Map(
      (data.index.skeleton.get(skeleton) ?? '').split('|').map((g) => {
        const space = g.indexOf(' ');
        return [
          g.slice(0, space),
          g
            .slice(space + 1)
            .split(',')
            .map((x) => Number(x) >> 2),
        ] as const;
      }),
    );
    for (const [key, postings] of byKey) {
      for (const p of postings) {
        const row = (p >> 2) * step;
        assert.ok(
          stored.get(key)?.includes(row),
          `skeleton ${skeleton}, key ${key} of row ${row}: rebuild the gazetteer`,
        );
      }
    }
  }
});

test('distanceKm is the haversine distance', () => {
  assert.equal(distanceKm(35, 40, 35, 40), 0);
  const d = distanceKm(36.20244, 37.15183, 35.93062, 36.63393); // Aleppo - Idlib
  assert.ok(d > 55 && d < 60, String(d));
});

test('closeSpelling: vowels cost half, the first letter must agree', () => {
  assert.ok(closeSpelling('kafarjales', 'kafrjalis'));
  assert.ok(closeSpelling('qasrbreij', 'qasrburayj'));
  assert.ok(closeSpelling('oremkubra', 'urumkubra'));
  assert.ok(!closeSpelling('ainjara', 'nijara'));
  assert.ok(!closeSpelling('airbasesyria', 'arabyasir'));
});
