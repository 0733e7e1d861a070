import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredClaim } from '../../domain/incident.ts';
import { at, claim, on, range, says } from '../../../test/fixtures/claims.ts';
import {
  activePins,
  clusterAll,
  clusterClaim,
  mergeIncidents,
  splitIncident,
  MemoryIncidentIndex,
  type ClaimPins,
} from './index.ts';

function ids(): () => string {
  let n = 0;
  return () => `I${++n}`;
}

/** Clusters claims in order; returns the incident each claim landed in. */
function run(claims: StoredClaim[], pins?: Map<string, ClaimPins>) {
  const index = new MemoryIncidentIndex();
  const added = clusterAll(claims, index, ids(), pins);
  const where = (c: StoredClaim) => added.get(c.id)?.footprint?.id ?? null;
  return { index, added, where };
}

describe('clusterClaim', () => {
  it('puts one strike reported by three outlets into one incident', () => {
    const a = claim({
      ...on('2017-02-07'),
      ...at('idlibCity'),
      killed: range(15),
      attributed: [says('russia', 'blames')],
    });
    const b = claim({ ...on('2017-02-07'), ...at('idlibCity'), killed: range(24, null) });
    // The monitor dates it by its report, the day after.
    const c = claim({ ...on('2017-02-08'), ...at('idlibCity'), killed: range(30) });
    const { where, index, added } = run([a, b, c]);
    assert.equal(where(a), 'I1');
    assert.equal(where(b), 'I1');
    assert.equal(where(c), 'I1');
    assert.equal(index.size, 1);
    const fp = index.get('I1')!;
    assert.deepEqual(fp.date, { from: '2017-02-07', to: '2017-02-08', precision: 'day' });
    assert.deepEqual(fp.killed, { min: 15, max: 30 });
    assert.match(added.get(c.id)!.decision.reason, /a day apart/);
  });

  it('keeps two strikes on the same day in different villages apart', () => {
    const a = claim({ ...on('2016-05-31'), ...at('kafrNabl'), killed: range(4) });
    const b = claim({ ...on('2016-05-31'), ...at('hass'), killed: range(5) });
    const b2 = claim({ ...on('2016-05-31'), ...at('hass'), killed: range(6) });
    const { where, added } = run([a, b, b2]);
    assert.equal(where(a), 'I1');
    assert.equal(where(b), 'I2');
    assert.equal(where(b2), 'I2');
    assert.match(added.get(b.id)!.decision.reason, /different places: Hass .* km apart/);
  });

  it('keeps a town and a village beside it apart, but finds a neighbourhood within its city', () => {
    const town = claim({ ...on('2016-05-31'), ...at('kafrNabl'), location_precision: 'town' });
    const village = claim({ ...on('2016-05-31'), ...at('hass') });
    const quarter = claim({
      ...on('2016-05-31'),
      place: 'Al-Qusour',
      admin1: 'Idlib',
      lat: 35.935,
      lon: 36.64,
      location_precision: 'neighbourhood',
      gazetteer_id: 'test:qusour',
    });
    const city = claim({ ...on('2016-05-31'), ...at('idlibCity') });
    const { where } = run([town, village, quarter, city]);
    assert.equal(where(village), 'I2');
    assert.equal(where(city), where(quarter));
  });

  it('lets a governorate-level claim join a village incident without moving it', () => {
    const village = claim({ ...on('2016-05-31'), ...at('kafrNabl'), killed: range(4) });
    const broad = claim({ ...on('2016-05-31'), ...at('idlibGovernorate'), killed: range(4) });
    const { where, index } = run([village, broad]);
    assert.equal(where(broad), 'I1');
    assert.equal(index.get('I1')!.place.name, 'Kafr Nabl');
    assert.equal(index.get('I1')!.place.precision, 'village');
  });

  it('never pins a governorate-level incident to a point, and refines it when a village claim joins', () => {
    const broad = claim({ ...on('2016-05-31'), ...at('idlibGovernorate'), killed: range(4) });
    const village = claim({ ...on('2016-05-31'), ...at('hass'), killed: range(4, 5) });
    const { index } = run([broad]);
    assert.equal(index.get('I1')!.place.lat, null);
    const decision = clusterClaim(village, index);
    assert.equal(decision.kind, 'join');
    const again = run([broad, village]);
    assert.equal(again.index.get('I1')!.place.name, 'Hass');
  });

  it('keeps a governorate-level claim on its own when it fits two incidents equally', () => {
    const a = claim({ ...on('2016-05-31'), ...at('kafrNabl') });
    const b = claim({ ...on('2016-05-31'), ...at('hass') });
    const broad = claim({ ...on('2016-05-31'), ...at('idlibGovernorate') });
    const { added } = run([a, b, broad]);
    assert.equal(added.get(broad.id)!.decision.rule, 'ambiguous');
  });

  it('does not match a governorate-level claim across governorates', () => {
    const a = claim({ ...on('2016-05-31'), ...at('kafrNabl') });
    const broad = claim({ ...on('2016-05-31'), ...at('hamaGovernorate') });
    assert.notEqual(run([a, broad]).where(broad), 'I1');
  });

  it('keeps strikes three days apart separate, and stops a chain of days from drifting', () => {
    const a = claim({ ...on('2016-05-01'), ...at('kafrNabl') });
    const b = claim({ ...on('2016-05-04'), ...at('kafrNabl') });
    assert.equal(run([a, b]).index.size, 2);
    const d1 = claim({ ...on('2016-06-01'), ...at('hass') });
    const d2 = claim({ ...on('2016-06-02'), ...at('hass') });
    const d3 = claim({ ...on('2016-06-03'), ...at('hass') });
    const d4 = claim({ ...on('2016-06-04'), ...at('hass') });
    const { where, added } = run([d1, d2, d3, d4]);
    assert.equal(where(d3), 'I1');
    assert.equal(where(d4), 'I2');
    assert.match(added.get(d4.id)!.decision.reason, /stretch the incident over 4 days/);
  });

  it('lets a month-level date join only at the same place', () => {
    const day = claim({ ...on('2016-05-31'), ...at('hass') });
    const sameVillage = claim({ date: '2016-05', date_precision: 'month', ...at('hass') });
    const town = claim({ date: '2016-05', date_precision: 'month', ...at('idlibGovernorate') });
    const { where, added } = run([day, sameVillage, town]);
    assert.equal(where(sameVillage), 'I1');
    assert.notEqual(where(town), 'I1');
    assert.match(added.get(town.id)!.decision.reason, /coarse date needs the same town or village/);
  });

  it('reads an undated claim as the week before its report, joining only the same place', () => {
    const day = claim({ ...on('2016-05-31'), ...at('hass') });
    const undated = claim({ ...at('hass') }, { published: '2016-06-02' });
    const tooLate = claim({ ...at('hass') }, { published: '2016-06-20' });
    const { where } = run([day, undated, tooLate]);
    assert.equal(where(undated), 'I1');
    assert.equal(where(tooLate), 'I2');
  });

  it('starts a new incident when the tolls contradict in scale', () => {
    const small = claim({ ...on('2016-05-31'), ...at('hass'), killed: range(2) });
    const large = claim({ ...on('2016-05-31'), ...at('hass'), killed: range(60, null) });
    const close = claim({ ...on('2016-05-31'), ...at('hass'), killed: range(10) });
    const { where, added } = run([small, large, close]);
    assert.equal(where(large), 'I2');
    assert.match(added.get(large.id)!.decision.reason, /tolls contradict/);
    assert.equal(where(close), 'I1');
  });

  it('never puts two events of one report into one incident', () => {
    const first = claim({ ...on('2016-05-31'), ...at('hass'), killed: range(3) }, { id: 'same' });
    const followUp = claim({ ...on('2016-05-31'), ...at('hass'), killed: range(20) }, { id: 'same' });
    const { where, added } = run([first, followUp]);
    assert.equal(where(followUp), 'I2');
    assert.equal(added.get(followUp.id)!.decision.kind, 'new');
  });

  it('matches unresolved place names by their spelling key', () => {
    const a = claim({ ...on('2017-04-08'), place: 'Hanida', admin1: null });
    const b = claim({ ...on('2017-04-08'), place: 'Haneeda', admin1: null });
    const c = claim({ ...on('2017-04-08'), place: 'Khuneida', admin1: null });
    const { where } = run([a, b, c]);
    assert.equal(where(b), 'I1');
    assert.equal(where(c), 'I2');
  });

  it('skips a vague background mention that matches nothing, but lets it join a match', () => {
    const news = claim({ ...on('2017-04-04'), ...at('kafrZeita'), killed: range(58) });
    const mention = claim({ date: '2017-04', date_precision: 'month', ...at('kafrZeita'), background: true });
    const vague = claim({
      date: '2015',
      date_precision: 'year',
      ...at('idlibGovernorate'),
      background: true,
    });
    const { where, added } = run([news, mention, vague]);
    assert.equal(where(mention), 'I1');
    assert.equal(added.get(vague.id)!.decision.kind, 'skip');
  });

  it('keeps claims with no usable place or date on their own', () => {
    const nowhere = claim({ ...on('2017-04-04') });
    const undated = claim({ ...at('hass') }, { published: null });
    const { added } = run([nowhere, undated]);
    assert.equal(added.get(nowhere.id)!.decision.rule, 'unplaced');
    assert.equal(added.get(undated.id)!.decision.rule, 'undated');
  });
});

describe('analyst decisions', () => {
  const decision = { by: 'analyst:test', at: '2026-01-01T10:00:00Z', why: 'same funeral footage' };

  it('merges two incidents, and a rebuild from scratch keeps them merged', () => {
    const a = claim({ ...on('2016-05-31'), ...at('kafrNabl') });
    const b = claim({ ...on('2016-05-31'), ...at('hass') });
    const first = run([a, b]);
    assert.equal(first.index.size, 2);
    const merged = mergeIncidents(first.index.get('I1')!, first.index.get('I2')!, [a, b], decision);
    assert.ok(merged.ok);
    assert.deepEqual(merged.footprint.claimIds, [a.id, b.id]);
    assert.match(merged.audit.reason, /I2 \(1 claim\) merged into I1: same funeral footage/);
    const rebuilt = run([b, a], activePins(merged.pins));
    assert.equal(rebuilt.where(a), 'I1');
    assert.equal(rebuilt.where(b), 'I1');
    assert.equal(rebuilt.added.get(b.id)!.decision.rule, 'analyst-pin');
  });

  it('splits claims off, and neither a rebuild nor new claims undo it', () => {
    const a = claim({ ...on('2016-05-31'), ...at('hass') });
    const b = claim({ ...on('2016-05-31'), ...at('hass') });
    const c = claim({ ...on('2016-05-31'), ...at('hass') });
    const first = run([a, b, c]);
    assert.equal(first.index.size, 1);
    const split = splitIncident(first.index.get('I1')!, [a, b, c], [c.id], 'I9', decision);
    assert.ok(split.ok);
    assert.deepEqual(split.kept.claimIds, [a.id, b.id]);
    assert.deepEqual(split.created.claimIds, [c.id]);
    const pins = activePins(split.pins);
    assert.deepEqual(pins.get(c.id), { with: 'I9', apart: ['I1'] });
    const rebuilt = run([c, a, b], pins);
    assert.equal(rebuilt.where(c), 'I9');
    assert.equal(rebuilt.where(a), 'I1');
    assert.equal(rebuilt.where(b), 'I1');
    // A new report still joins one of them by the ordinary rules.
    const later = claim({ ...on('2016-05-31'), ...at('hass') });
    assert.equal(clusterClaim(later, rebuilt.index).kind, 'join');
  });

  it('refuses splits that make no sense, as values', () => {
    const a = claim({ ...on('2016-05-31'), ...at('hass') });
    const { index } = run([a]);
    const all = splitIncident(index.get('I1')!, [a], [a.id], 'I2', decision);
    assert.equal(all.ok, false);
    const stranger = splitIncident(index.get('I1')!, [a], ['nope'], 'I2', decision);
    assert.deepEqual(stranger, { ok: false, problem: 'not in I1: nope' });
  });

  it('lets a later pin replace an earlier one', () => {
    const pins = activePins([
      { claimId: 'c', incidentId: 'A', kind: 'with', by: 'x', at: '2026-01-01', why: '' },
      { claimId: 'c', incidentId: 'A', kind: 'apart', by: 'x', at: '2026-01-02', why: '' },
      { claimId: 'c', incidentId: 'B', kind: 'with', by: 'x', at: '2026-01-03', why: '' },
    ]);
    assert.deepEqual(pins.get('c'), { with: 'B', apart: ['A'] });
  });
});

describe('MemoryIncidentIndex', () => {
  it('forgets an incident once removed', () => {
    const a = claim({ ...on('2016-05-31'), ...at('hass') });
    const { index } = run([a]);
    index.remove('I1');
    assert.equal(index.size, 0);
    assert.equal(clusterClaim(claim({ ...on('2016-05-31'), ...at('hass') }), index).kind, 'new');
  });
});
