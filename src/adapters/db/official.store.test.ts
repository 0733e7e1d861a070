import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CasualtyStatement, DeclaredStrike } from '../../domain/official.ts';
import type { IncidentFields } from '../../domain/store.ts';
import { openSqliteStore } from './sqlite-store.ts';

const by = { actor: 'official' };
const span = { start: 0, end: 10, text: 'Near Raqqa' };
const raqqa = {
  name: 'Raqqa',
  gazetteerId: 'g:1',
  admin1: 'Raqqa',
  country: 'Syria',
  lat: 35.95,
  lon: 39.01,
  precision: 'city' as const,
};
const strike: DeclaredStrike = {
  belligerent: 'us-coalition',
  date: { from: '2017-03-08', to: '2017-03-09' },
  place: raqqa,
  strikes: 4,
  targets: ['a tactical unit'],
  evidence: span,
};
const statement: CasualtyStatement = {
  belligerent: 'us-coalition',
  verdict: 'credible',
  reason: { code: 'no-reason-given', words: 'no reason given', evidence: null },
  date: { from: '2017-03-08', to: '2017-03-08' },
  place: raqqa,
  killedConceded: { min: 2, max: 2 },
  injuredConceded: null,
  evidence: span,
};

it('stores what a report declares, replaces it when read again, and links statements and incidents both ways', async () => {
  const opened = await openSqliteStore(':memory:');
  assert.ok(opened.ok);
  const store = opened.store;
  try {
    const { report } = await store.reports.add(
      {
        key: 'record:o1',
        bytes: new TextEncoder().encode('Near Raqqa, four strikes'),
        mediaType: 'text/plain',
        doc: {
          id: 'o1',
          text: 'Near Raqqa, four strikes',
          published: '2017-03-10',
          title: null,
          url: null,
          outlet: 'CJTF-OIR',
        },
        language: 'en',
        retrieved: '2024-01-01T00:00:00.000Z',
        source: 'o1.txt',
      },
      by,
    );
    await store.official.replaceForReport(
      report.id,
      { strikes: [strike, { ...strike, strikes: 0 }], statements: [statement], source: 'CJTF-OIR' },
      by,
    );
    await store.official.replaceForReport(
      report.id,
      { strikes: [strike], statements: [statement], source: 'CJTF-OIR' },
      by,
    );
    const strikes = await store.official.strikes();
    assert.equal(strikes.length, 1);
    assert.deepEqual({ ...strikes[0], id: 0 }, { ...strike, id: 0, reportId: report.id });
    const [stored] = await store.official.statements();
    assert.equal(stored?.source, 'CJTF-OIR');
    assert.deepEqual(stored?.killedConceded, { min: 2, max: 2 });
    const incident = await store.incidents.create({ assessment: {} } as IncidentFields, by);
    const result = {
      incidentId: incident.id,
      belligerent: 'us-coalition',
      strikesInWindow: 1,
      nearest: { strikeId: strikes[0]!.id, date: strike.date, place: 'Raqqa', km: 1.5, absence: false },
      declaredAbsence: false,
      statementId: stored!.id,
    };
    assert.equal(await store.official.replaceReconciliations(incident.id, [result]), true);
    assert.equal(await store.official.replaceReconciliations(incident.id, [result]), false);
    assert.deepEqual(await store.official.reconciliations(incident.id), [result]);
    assert.deepEqual(await store.official.incidentsOfStatement(stored!.id), [incident.id]);
    assert.deepEqual(await store.official.counts(), {
      strikes: 1,
      absences: 0,
      statements: 1,
      reconciled: 1,
    });
    const audit = await store.audit.list({ entity: 'report', entityId: String(report.id) });
    assert.equal(audit.filter((a) => a.action === 'replace-official').length, 2);
  } finally {
    await store.close();
  }
});
