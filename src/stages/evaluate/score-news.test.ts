import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datesCompatible } from './dates.ts';
import { matchIncidents, pairScore } from './match.ts';
import { scoreNewsDocument, summarizeNews } from './score-news.ts';
import {
  attribution,
  goldDocument,
  goldIncident,
  predictedDocument,
  predictedEvent,
} from './test-records.ts';

test('dates are compatible when null or at most one day apart', () => {
  assert.equal(datesCompatible(null, '2016-05-10'), true);
  assert.equal(datesCompatible('2016-05-10', '2016-05-11'), true);
  assert.equal(datesCompatible('2016-05-31', '2016-06-01'), true);
  assert.equal(datesCompatible('2016-05-10', '2016-05-12'), false);
  assert.equal(datesCompatible('2016-09', '2016-09-14'), true);
  assert.equal(datesCompatible('2016-09', '2016-10-01'), false);
});

test('pair score: place x 10, +5 same date, +3 killed figure', () => {
  const gold = goldIncident({ place: 'Kafr Nabl', date: '2016-05-10', killed_min: 12, killed_max: 15 });
  assert.equal(pairScore(gold, predictedEvent({ place: 'Kafranbel', date: '2016-05-10' })).score, 25);
  assert.equal(pairScore(gold, predictedEvent({ place: 'Kafranbel', date: '2016-05-09' })).score, 20);
  // Either gold bound may equal either predicted bound.
  assert.equal(
    pairScore(gold, predictedEvent({ place: 'Kafr Nabl town', killed: { min: 15, max: null } })).score,
    23,
  );
  assert.equal(pairScore(gold, predictedEvent({ place: 'Kafr Nabl', date: '2016-05-13' })).place, 0);
  assert.equal(pairScore(gold, predictedEvent({ place: null })).place, 0);
});

test('gold without a place matches through admin1', () => {
  const gold = goldIncident({ admin1: 'Deir Ezzor' });
  assert.equal(pairScore(gold, predictedEvent({ admin1: 'Deir ez-Zor' })).place, 1);
  assert.equal(pairScore(gold, predictedEvent({ place: 'Dayr az Zawr' })).place, 1);
  assert.equal(pairScore(gold, predictedEvent({ place: 'Mayadin', admin1: 'Deir ez-Zor' })).place, 1);
  assert.equal(pairScore(gold, predictedEvent({ place: 'Raqqa', admin1: 'Raqqa' })).place, 0);
  assert.equal(pairScore(goldIncident(), predictedEvent({ place: 'Anywhere' })).place, 1);
});

test('greedy matching takes the best pair first, one to one', () => {
  const gold = [
    goldIncident({ place: 'Khan Sheikhoun', date: '2017-04-04', killed_min: 70, killed_max: 70 }),
    goldIncident({ place: 'Khan Sheikhoun hospital', date: '2017-04-04' }),
  ];
  const predicted = [
    predictedEvent({ place: 'Khan Sheikhoun hospital', date: '2017-04-04' }),
    predictedEvent({ place: 'Khan Shaykhun', date: '2017-04-04', killed: { min: 70, max: 70 } }),
  ];
  // Both predictions partly match both incidents; the exact pairs (28 and 25) win.
  assert.deepEqual(
    matchIncidents(gold, predicted).map((m) => [m.gold, m.predicted, m.score]),
    [
      [0, 1, 28],
      [1, 0, 25],
    ],
  );
});

test('a greedy choice is final even when another assignment would match more', () => {
  const gold = [
    goldIncident({ place: 'Saraqeb', date: '2016-02-01' }),
    goldIncident({ place: 'Saraqeb', date: '2016-02-02' }),
  ];
  const predicted = [
    predictedEvent({ place: 'Saraqeb', date: '2016-02-01' }),
    predictedEvent({ place: 'Saraqeb market', date: '2016-01-31' }),
  ];
  // Greedy takes gold 0 with prediction 0 (25 points); prediction 1 fits only gold 0, so gold 1 is missed.
  assert.deepEqual(
    matchIncidents(gold, predicted).map((m) => [m.gold, m.predicted, m.score]),
    [[0, 0, 25]],
  );
});

test('background gold counts neither as hit nor as miss', () => {
  const gold = goldDocument([
    goldIncident({ place: 'Atareb', date: '2016-05-09' }),
    goldIncident({ place: 'Darat Izza', date: '2016-03-01', background: true }),
    goldIncident({ place: 'Aleppo', date: '2016-01-01', background: true }),
  ]);
  const predicted = predictedDocument([
    predictedEvent({ place: 'al-Atarib', date: '2016-05-09' }),
    predictedEvent({ place: 'Darat Izza', date: '2016-03-01' }),
    predictedEvent({ place: 'Binnish' }),
  ]);
  const score = scoreNewsDocument(gold, predicted);
  assert.deepEqual(score.incidents, { tp: 1, fp: 1, fn: 0 });
  assert.equal(score.matchedBackground, 1);
  assert.ok(score.problems.includes('false positive: Binnish undated'));
  // The unmatched background incident (Aleppo) is no miss.
  assert.equal(score.problems.filter((p) => p.startsWith('missed')).length, 0);
});

test('field accuracy on matched pairs maps flat gold bounds to predicted ranges', () => {
  const gold = goldDocument([
    goldIncident({
      place: 'Kafr Nabl',
      admin1: 'Idlib',
      date: '2016-05-10',
      killed_min: 10,
      killed_max: null,
      civilians_killed_min: 8,
      children_killed_min: 3,
      strike_type: 'airstrike',
      attributed: [
        { belligerent: 'russia', stance: 'blames' },
        { belligerent: 'russia', stance: 'denies' },
      ],
    }),
  ]);
  const predicted = predictedDocument([
    predictedEvent({
      place: 'Kafranbel',
      admin1: 'Idleb',
      date: '2016-05-10',
      killed: { min: 10, max: 12 },
      civilians_killed: { min: 7, max: null },
      children_killed: { min: 3, max: 3 },
      strike_type: 'barrel bomb',
      attributed: [attribution('russia', 'blames'), attribution('syria-regime', 'blames')],
    }),
  ]);
  const score = scoreNewsDocument(gold, predicted);
  assert.deepEqual(Object.fromEntries(score.fields.fields), {
    date: { right: 1, n: 1 },
    admin1: { right: 1, n: 1 },
    place_exact: { right: 1, n: 1 },
    killed_min: { right: 1, n: 1 },
    civilians_killed_min: { right: 0, n: 1 },
    children_killed_min: { right: 1, n: 1 },
    strike_type: { right: 0, n: 1 },
  });
  // Gold has no killed_max, so predicted max 12 is not judged.
  assert.deepEqual(score.attribution, { tp: 1, fp: 1, fn: 1 });
  assert.deepEqual(score.blamed, { tp: 1, fp: 1, fn: 0 });
  // civilians_killed_min, strike_type and attribution.
  assert.equal(score.errors, 3);
});

test('strike_type is not judged when gold says unknown, place_exact not when gold has no place', () => {
  const gold = goldDocument([goldIncident({ admin1: 'Hama' })]);
  const score = scoreNewsDocument(
    gold,
    predictedDocument([predictedEvent({ place: 'Hama', strike_type: 'drone' })]),
  );
  assert.equal(score.fields.get('strike_type').n, 0);
  assert.equal(score.fields.get('place_exact').n, 0);
  assert.deepEqual(score.fields.get('admin1'), { right: 0, n: 1 });
});

test('summary: micro precision, recall and F1 with their counts', () => {
  const doc1 = scoreNewsDocument(
    goldDocument([goldIncident({ place: 'Douma' }), goldIncident({ place: 'Harasta' })], 'a'),
    predictedDocument([predictedEvent({ place: 'Duma' }), predictedEvent({ place: 'Zamalka' })], 'a'),
  );
  const doc2 = scoreNewsDocument(
    goldDocument([goldIncident({ place: 'Jobar' })], 'b'),
    predictedDocument([predictedEvent({ place: 'Jobar' })], 'b'),
  );
  const { metrics, counts } = summarizeNews([doc1, doc2]);
  // tp 2, fp 1, fn 1
  assert.deepEqual(metrics['incident_precision'], { value: 2 / 3, n: 3 });
  assert.deepEqual(metrics['incident_recall'], { value: 2 / 3, n: 3 });
  assert.deepEqual(metrics['incident_f1'], { value: 4 / 6, n: 4 });
  assert.equal(counts['documents'], 2);
  assert.equal(counts['gold_incidents'], 3);
  // No attribution on either side: nothing to score.
  assert.deepEqual(metrics['attribution_f1'], { value: null, n: 0 });
});

test('F1 is 0, not undefined, when nothing is predicted', () => {
  const score = scoreNewsDocument(goldDocument([goldIncident({ place: 'Douma' })]), predictedDocument([]));
  const { metrics } = summarizeNews([score]);
  assert.deepEqual(metrics['incident_precision'], { value: null, n: 0 });
  assert.deepEqual(metrics['incident_recall'], { value: 0, n: 1 });
  assert.deepEqual(metrics['incident_f1'], { value: 0, n: 1 });
});
