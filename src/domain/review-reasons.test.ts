import assert from 'node:assert/strict';
import { it } from 'node:test';
import { mayHaveTollConflict, reviewReasons } from './review-reasons.ts';
import type { StoredIncident } from './store.ts';

const BASE: StoredIncident = {
  id: 1,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  date: '2017-03-14',
  datePrecision: 'day',
  place: 'Hass',
  admin1: 'Idlib',
  country: 'Syria',
  lat: 35.6,
  lon: 36.6,
  locationPrecision: 'village',
  killedMin: 12,
  killedMax: 14,
  civiliansKilledMin: 12,
  civiliansKilledMax: 14,
  injuredMin: null,
  injuredMax: null,
  grading: 'Fair',
  strikeStatus: 'Likely strike',
  assessment: {},
};

function belligerent(label: string, blamedBy: string[], deniedBy: string[] = []) {
  return {
    code: label,
    label,
    blamedBy,
    suspectedBy: [],
    deniedBy: deniedBy.map((by) => ({ by, outlet: 'X' })),
  };
}

it('a precise, agreed incident needs no review', () => {
  assert.deepEqual(reviewReasons(BASE), []);
});

it('coarse places and dates and missing figures are low confidence, in one reason', () => {
  const coarse = {
    ...BASE,
    locationPrecision: 'governorate',
    datePrecision: 'month',
    killedMin: null,
    killedMax: null,
  };
  assert.deepEqual(reviewReasons(coarse), [
    {
      code: 'low-confidence',
      message:
        'Extraction unsure: placed only to the governorate, dated only to the month, no casualty figure.',
    },
  ]);
  assert.match(reviewReasons({ ...BASE, place: null, date: null })[0]!.message, /no place, no date/);
});

it('several belligerents blamed, and a denial beside a blame, are conflicts', () => {
  const a = {
    belligerents: [belligerent('Russia', ['Local'], ['Russian MoD']), belligerent('Syria', ['Monitor'])],
  };
  assert.deepEqual(
    reviewReasons({ ...BASE, assessment: a }).map((r) => r.message),
    [
      'Several belligerents blamed: Russia by Local; Syria by Monitor.',
      'Russia blamed by Local but denied by Russian MoD.',
    ],
  );
});

it('belligerents named together by the same sources are no conflict', () => {
  const a = { belligerents: [belligerent('Russia', ['Local']), belligerent('Syria', ['Local'])] };
  assert.deepEqual(reviewReasons({ ...BASE, assessment: a }), []);
});

it('tolls far apart disagree; early and late counts of one toll do not', () => {
  const wide = { ...BASE, killedMin: 2, killedMax: 10 };
  assert.ok(mayHaveTollConflict(wide));
  assert.ok(!mayHaveTollConflict(BASE));
  const tolls = [
    { outlet: 'A', killed: 2 },
    { outlet: 'B', killed: 10 },
  ];
  assert.deepEqual(reviewReasons(wide, tolls), [
    { code: 'tolls-disagree', message: 'Tolls disagree: 2 killed (A) against 10 (B).' },
  ]);
  assert.deepEqual(
    reviewReasons(wide, [{ outlet: 'A', killed: 2 }]),
    [],
    'one source with a range is no conflict',
  );
  assert.deepEqual(
    reviewReasons(BASE, [
      { outlet: 'A', killed: 12 },
      { outlet: 'B', killed: 14 },
    ]),
    [],
  );
});
