import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredCasualtyStatement, StoredDeclaredStrike } from '../../domain/official.ts';
import { Reconciler, reconcileByScan } from './reconcile-incidents.ts';
import { syntheticReconcileSet } from './synthetic.ts';

const place = (name: string, lat: number, lon: number) => ({
  name,
  gazetteerId: null,
  admin1: null,
  country: 'Syria',
  lat,
  lon,
  precision: 'town' as const,
});
const strike = (
  id: number,
  day: string,
  p: ReturnType<typeof place> | null,
  n: number | null,
): StoredDeclaredStrike => ({
  id,
  reportId: 1,
  belligerent: 'us-coalition',
  date: { from: day, to: day },
  place: p,
  strikes: n,
  targets: [],
  evidence: { start: 0, end: 0, text: '' },
});

test('the nearest declared strike of the days around the incident, with its distance', () => {
  const strikes = [
    strike(1, '2017-03-08', place('Raqqa', 35.95, 39.01), 4),
    strike(2, '2017-03-09', place('Deir ez-Zor', 35.33, 40.14), 2),
    strike(3, '2017-05-01', place('Tabqa', 35.84, 38.55), 1),
  ];
  const r = new Reconciler(strikes, []);
  const [res] = r.reconcile({
    id: 7,
    date: { from: '2017-03-09', to: '2017-03-09' },
    lat: 35.33,
    lon: 40.15,
    place: 'Deir ez-Zor',
    belligerents: ['us-coalition'],
  });
  assert.equal(res?.strikesInWindow, 2);
  assert.equal(res?.nearest?.strikeId, 2);
  assert.ok(res!.nearest!.km < 2);
  assert.equal(res?.declaredAbsence, false);
});

test('a declared absence near the place, and the statement of that day and place', () => {
  const statement: StoredCasualtyStatement = {
    id: 3,
    reportId: 2,
    source: 'CJTF-OIR',
    belligerent: 'us-coalition',
    verdict: 'non-credible',
    reason: { code: 'no-strikes-in-area', words: 'no strikes in that area', evidence: null },
    date: { from: '2017-03-08', to: '2017-03-08' },
    place: place('Hajin', 34.69, 40.83),
    killedConceded: null,
    injuredConceded: null,
    evidence: { start: 0, end: 0, text: '' },
  };
  const r = new Reconciler(
    [
      strike(1, '2017-03-08', place('Hajin', 34.7, 40.84), 0),
      strike(2, '2017-03-08', place('Raqqa', 35.95, 39.01), 3),
    ],
    [statement],
  );
  const [res] = r.reconcile({
    id: 1,
    date: { from: '2017-03-08', to: '2017-03-08' },
    lat: 34.69,
    lon: 40.83,
    place: 'Hajin',
    belligerents: ['us-coalition'],
  });
  assert.equal(res?.declaredAbsence, true);
  assert.equal(res?.statementId, 3);
  assert.equal(res?.nearest?.place, 'Raqqa');
  assert.ok(res!.nearest!.km > 200 && res!.nearest!.km < 230, String(res?.nearest?.km));
});

test('the index gives what a full scan gives, on a seeded synthetic set', () => {
  const set = syntheticReconcileSet(11, { incidents: 400, strikes: 3000, statements: 300, days: 60 });
  const r = new Reconciler(set.strikes, set.statements);
  const indexed = set.incidents.flatMap((i) => r.reconcile(i));
  assert.deepEqual(indexed, reconcileByScan(set.incidents, set.strikes, set.statements));
  assert.ok(indexed.some((x) => x.nearest !== null && x.nearest.km > 20));
  assert.ok(indexed.some((x) => x.statementId !== null));
});
