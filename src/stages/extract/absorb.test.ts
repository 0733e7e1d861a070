import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExtractedEvent } from '../../domain/extraction.ts';
import { event } from '../../../test/fixtures/claims.ts';
import { DROP, isBroad, planAbsorption, type Absorbable } from './absorb.ts';

const item = (e: ExtractedEvent, at: number, seat = false): Absorbable<number> => ({
  event: e,
  at,
  seat,
  source: at,
});

const raqqaCity = event({
  place: 'Raqqa',
  admin1: 'Raqqa',
  location_precision: 'city',
  lat: 35.95,
  lon: 39.01,
});
const village = (name: string, killed: number | null, lat = 35.9, lon = 38.9): ExtractedEvent =>
  event({
    place: name,
    admin1: 'Raqqa',
    location_precision: 'village',
    lat,
    lon,
    killed: killed === null ? null : { min: killed, max: killed },
  });

test('a governorate, or the city named like it, is broad; a seat is broad by any name', () => {
  assert.ok(isBroad(raqqaCity));
  assert.ok(isBroad(event({ place: 'Idlib province', admin1: 'Idlib', location_precision: 'governorate' })));
  assert.ok(!isBroad(event({ place: 'Halab', admin1: 'Aleppo', location_precision: 'city' })));
  assert.ok(isBroad(event({ place: 'Halab', admin1: 'Aleppo', location_precision: 'city' }), true));
  assert.ok(!isBroad(village('Hanida', 20)));
});

test('a broad mention without a toll joins the nearest specific strike', () => {
  const plan = planAbsorption([item(raqqaCity, 0, true), item(village('Hanida', 20), 100)]);
  assert.deepEqual([...plan], [[0, 1]]);
});

test('a broad toll joins only one agreeing strike', () => {
  const broad = { ...raqqaCity, killed: { min: 20, max: null } };
  assert.deepEqual([...planAbsorption([item(broad, 0), item(village('Hanida', 20), 50)])], [[0, 1]]);
  const other = { ...raqqaCity, killed: { min: 9, max: 9 } };
  assert.equal(planAbsorption([item(other, 0), item(village('Hanida', 3), 50)]).size, 0);
});

test('a broad toll that is the sum of the places named is left out', () => {
  const broad = { ...raqqaCity, killed: { min: 8, max: 8 } };
  const plan = planAbsorption([item(broad, 0), item(village('A', 5), 10), item(village('B', 3), 20)]);
  assert.deepEqual([...plan], [[0, DROP]]);
});

test('a broad toll that sums some of the places named (another told with a later figure) is left out', () => {
  const broad = { ...raqqaCity, killed: { min: 8, max: 8 } };
  const parts = [item(village('A', 5), 10), item(village('B', 3), 20), item(village('C', 2), 30)];
  assert.deepEqual([...planAbsorption([item(broad, 0), ...parts])], [[0, DROP]]);
  // A total none of the sums reaches is another figure: it stays.
  const nine = { ...raqqaCity, killed: { min: 9, max: 9 } };
  assert.equal(planAbsorption([item(nine, 0), ...parts]).size, 0);
});

test('dates more than a day apart, or background and news, stay apart', () => {
  const dated = { ...raqqaCity, date: '2017-04-01' };
  assert.equal(
    planAbsorption([item(dated, 0), item({ ...village('A', 2), date: '2017-04-05' }, 10)]).size,
    0,
  );
  assert.equal(
    planAbsorption([item(raqqaCity, 0), item({ ...village('A', 2), background: true }, 10)]).size,
    0,
  );
});
