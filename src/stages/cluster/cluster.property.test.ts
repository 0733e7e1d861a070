import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { GRADES, STRIKE_STATUSES } from '../../domain/grading.ts';
import type { StoredClaim } from '../../domain/incident.ts';
import { at, event, PLACES, says } from '../../../test/fixtures/claims.ts';
import { assessIncident } from '../assess/index.ts';
import { clusterAll, footprintFromClaims, MemoryIncidentIndex } from './index.ts';
import { dayNumber } from './days.ts';

const placeNames = Object.keys(PLACES) as (keyof typeof PLACES)[];
const days = ['2016-05-29', '2016-05-30', '2016-05-31', '2016-06-01', '2016-06-03'];

const arbClaim = fc.record({
  place: fc.constantFrom(...placeNames),
  day: fc.constantFrom(...days),
  precision: fc.constantFrom('day', 'day', 'day', 'month', 'unknown') as fc.Arbitrary<
    'day' | 'month' | 'unknown'
  >,
  killed: fc.option(fc.integer({ min: 0, max: 80 })),
  report: fc.integer({ min: 0, max: 6 }),
  blame: fc.constantFrom('russia', 'us-coalition', 'syria-regime', 'unknown'),
  stance: fc.constantFrom('blames', 'unsure', 'denies', 'confirms') as fc.Arbitrary<
    'blames' | 'unsure' | 'denies' | 'confirms'
  >,
  background: fc.boolean(),
});

type Row = typeof arbClaim extends fc.Arbitrary<infer T> ? T : never;

function toClaims(rows: Row[]): StoredClaim[] {
  return rows.map((r, i) => ({
    id: `c${i}`,
    reportId: `r${r.report}`,
    outlet: `Outlet ${r.report % 4}`,
    outletKind: null,
    published: '2016-06-03',
    event: event({
      ...at(r.place),
      date: r.precision === 'day' ? r.day : r.precision === 'month' ? r.day.slice(0, 7) : null,
      date_precision: r.precision,
      killed: r.killed === null ? null : { min: r.killed, max: r.killed },
      attributed: [says(r.blame, r.blame === 'unknown' ? 'unsure' : r.stance)],
      background: r.background,
    }),
  }));
}

test('every claim lands in one incident at most, under the rules, whatever arrives', () => {
  fc.assert(
    fc.property(fc.array(arbClaim, { maxLength: 40 }), (rows) => {
      const claims = toClaims(rows);
      const index = new MemoryIncidentIndex();
      let n = 0;
      const added = clusterAll(claims, index, () => `I${++n}`);
      const seen = new Set<string>();
      for (const fp of index.all()) {
        for (const id of fp.claimIds) {
          assert.ok(!seen.has(id), `${id} is in two incidents`);
          seen.add(id);
        }
        assert.equal(
          new Set(fp.reportIds).size,
          fp.reportIds.length,
          `${fp.id} holds two claims of one report`,
        );
        if (fp.date?.precision === 'day') assert.ok(dayNumber(fp.date.to)! - dayNumber(fp.date.from)! < 3);
        const members = fp.claimIds.map((id) => claims.find((c) => c.id === id)!);
        assert.deepEqual(
          footprintFromClaims(fp.id, members),
          fp,
          'incremental footprint differs from a rebuild',
        );
        const a = assessIncident(members);
        assert.ok(GRADES.includes(a.grading.value) && a.grading.reason.length > 0);
        assert.ok(STRIKE_STATUSES.includes(a.strikeStatus.value) && a.strikeStatus.reason.length > 0);
        for (const d of Object.values(a.ranges))
          if (d.value?.min != null && d.value.max != null) assert.ok(d.value.min <= d.value.max);
        for (const outlet of a.outlets) assert.ok(a.summary.includes(outlet), `summary omits ${outlet}`);
      }
      for (const c of claims) {
        const skipped = added.get(c.id)!.decision.kind === 'skip';
        assert.equal(seen.has(c.id), !skipped, `${c.id} ${skipped ? 'skipped yet placed' : 'lost'}`);
      }
    }),
    { numRuns: 300 },
  );
});
