import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AirwarsFields, AirwarsRecord } from './airwars-record.ts';
import { parseAirwarsRecord } from './airwars-record.ts';
import {
  haversineKm,
  maxMatches,
  pickBestEvent,
  scoreAirwarsRecord,
  summarizeAirwars,
} from './score-airwars.ts';
import { attribution, predictedDocument, predictedEvent } from './test-records.ts';

const MAP = { 'Israeli Military': 'israel', 'Palestinian Militants': 'palestinian-militants' };

function record(over: Partial<AirwarsFields> = {}): AirwarsRecord {
  return {
    id: 'TEST001',
    text: 'A strike hit a house.',
    fields: {
      date: '2023-10-12',
      date_precision: 'day',
      lat: 31.5,
      lon: 34.45,
      belligerents: ['Israeli Military'],
      civ_killed_min: 5,
      civ_killed_max: 7,
      civ_injured_min: null,
      civ_injured_max: null,
      children_killed_min: 2,
      children_killed_max: 2,
      ...over,
    },
  };
}

test('haversine distance', () => {
  assert.ok(Math.abs(haversineKm(31.5, 34.45, 31.59, 34.45) - 10.0) < 0.1);
});

test('best event: same date and nearby beat a larger toll; background events are ignored', () => {
  const near = predictedEvent({ date: '2023-10-12', lat: 31.52, lon: 34.46, killed: { min: 3, max: 3 } });
  const farSameDay = predictedEvent({
    date: '2023-10-12',
    lat: 31.3,
    lon: 34.25,
    killed: { min: 40, max: 40 },
  });
  const background = predictedEvent({ date: '2023-10-12', lat: 31.5, lon: 34.45, background: true });
  assert.equal(pickBestEvent(record(), [farSameDay, background, near]), near);
  assert.equal(pickBestEvent(record(), [background]), null);
});

test('best event: on equal points the largest civilian death figure wins', () => {
  const small = predictedEvent({ date: '2023-10-12', civilians_killed: { min: 2, max: 2 } });
  const large = predictedEvent({ date: '2023-10-12', civilians_killed: { min: 9, max: null } });
  const other = predictedEvent({ date: '2023-10-11', civilians_killed: { min: 50, max: 50 } });
  assert.equal(pickBestEvent(record(), [small, other, large]), large);
});

test('a predicted max that is null is right when the min equals the gold max', () => {
  assert.equal(maxMatches({ min: 7, max: null }, 7), true);
  assert.equal(maxMatches({ min: 5, max: null }, 7), false);
  assert.equal(maxMatches({ min: 5, max: 7 }, 7), true);
  assert.equal(maxMatches(null, 7), false);
});

test('record score: fields, location, belligerents', () => {
  const event = predictedEvent({
    date: '2023-10-12',
    lat: 31.51,
    lon: 34.44,
    killed: { min: 7, max: null },
    children_killed: { min: 2, max: null },
    attributed: [attribution('israel', 'unsure'), attribution('palestinian-militants', 'denies')],
  });
  const score = scoreAirwarsRecord(record(), predictedDocument([event], 'TEST001'), MAP);
  assert.equal(score.hasEvent, true);
  assert.deepEqual(Object.fromEntries(score.fields.fields), {
    date: { right: 1, n: 1 },
    location_10km: { right: 1, n: 1 },
    // Without a civilian figure the killed range stands for it: min 7 is wrong (gold 5), open max right.
    civ_killed_min: { right: 0, n: 1 },
    civ_killed_max: { right: 1, n: 1 },
    children_killed_min: { right: 1, n: 1 },
    children_killed_max: { right: 1, n: 1 },
  });
  // A denial does not name a belligerent as the striker.
  assert.deepEqual(score.belligerents, { tp: 1, fp: 0, fn: 0 });
  assert.equal(score.errors, 1);
});

test('records without an event count against has_event only', () => {
  const none = scoreAirwarsRecord(record(), predictedDocument([], 'TEST001'), MAP);
  const some = scoreAirwarsRecord(
    record({ lat: null, lon: null, belligerents: ['Israeli Military', 'Palestinian Militants'] }),
    predictedDocument([
      predictedEvent({ date: '2023-10-13', attributed: [attribution('israel', 'blames')] }),
    ]),
    MAP,
  );
  const { metrics, counts } = summarizeAirwars([none, some]);
  assert.deepEqual(metrics['has_event'], { value: 0.5, n: 2 });
  assert.deepEqual(metrics['date'], { value: 0, n: 1 });
  assert.deepEqual(metrics['location_10km'], { value: null, n: 0 });
  assert.deepEqual(metrics['belligerent_precision'], { value: 1, n: 1 });
  assert.deepEqual(metrics['belligerent_recall'], { value: 0.5, n: 2 });
  assert.equal(counts['records'], 2);
});

test('only dev records with a narrative and coded fields are scored', () => {
  assert.deepEqual(parseAirwarsRecord({ id: 'X1', text: null, fields: {} }), { ok: true, value: null });
  assert.deepEqual(parseAirwarsRecord({ id: 'X1', text: 'a', fields: null, split: 'holdout' }), {
    ok: true,
    value: null,
  });
  const bad = parseAirwarsRecord({ id: 'X1', text: 'a', split: 'dev', fields: { lat: 'north' } });
  assert.deepEqual(bad, { ok: false, problems: ['fields.lat: expected a number or null'] });
});
