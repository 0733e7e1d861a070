import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { StoredClaim } from '../../domain/incident.ts';
import { at, event, PLACES } from '../../../test/fixtures/claims.ts';
import {
  addClaim,
  isGridded,
  keysOf,
  MemoryIncidentIndex,
  nameKey,
  queryKeys,
} from '../../stages/cluster/index.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'strikewatch-index-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const placeNames = Object.keys(PLACES) as (keyof typeof PLACES)[];
const days = ['2016-06-01', '2016-06-02', '2016-06-03', '2016-06-05', '2016-07-01'];

const arbClaim = fc.record({
  place: fc.constantFrom(...placeNames),
  day: fc.constantFrom(...days),
  precision: fc.constantFrom('day', 'day', 'month', 'unknown') as fc.Arbitrary<'day' | 'month' | 'unknown'>,
  killed: fc.option(fc.integer({ min: 0, max: 60 })),
  report: fc.integer({ min: 0, max: 5 }),
});

let runs = 0;

test('the store index makes the same clustering decisions as the memory index', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(arbClaim, { maxLength: 25 }), async (rows) => {
      const claims: StoredClaim[] = rows.map((r, i) => ({
        id: `c${i}`,
        reportId: `r${r.report}`,
        outlet: `Outlet ${r.report}`,
        outletKind: null,
        published: '2016-06-06',
        event: event({
          ...at(r.place),
          date: r.precision === 'day' ? r.day : r.precision === 'month' ? r.day.slice(0, 7) : null,
          date_precision: r.precision,
          killed: r.killed === null ? null : { min: r.killed, max: r.killed },
        }),
      }));
      const path = join(dir, `run${runs++}.db`);
      const opened = await openSqliteStore(path);
      assert.ok(opened.ok);
      const writer = new Database(path);
      try {
        const index = opened.store.incidentIndex({ nameKey, isGridded, keysOf, queryKeys });
        const newRow = (): string =>
          String(
            writer.prepare("INSERT INTO incidents (created_at, updated_at) VALUES ('x', 'x')").run()
              .lastInsertRowid,
          );
        const memory = new MemoryIncidentIndex();
        let n = 0;
        for (const claim of claims) {
          const inMemory = addClaim(claim, memory, () => String(++n));
          const inStore = addClaim(claim, index, newRow);
          // Rejected candidates may be quoted in another order; the decision itself must agree.
          const { reason: _r1, ...storeDecision } = inStore.decision;
          const { reason: _r2, ...memoryDecision } = inMemory.decision;
          assert.deepEqual(storeDecision, memoryDecision);
          assert.deepEqual(inStore.footprint, inMemory.footprint);
          if (inMemory.decision.rule !== 'no-match') assert.equal(_r1, _r2);
        }
        for (const fp of memory.all()) assert.deepEqual(index.get(fp.id), fp);
        assert.deepEqual(opened.store.integrityProblems(), []);
      } finally {
        writer.close();
        await opened.store.close();
      }
    }),
    { numRuns: 30 },
  );
});

test('a store indexed before the keys table existed gets its keys when the index opens it', async () => {
  const path = join(dir, 'backfill.db');
  const opened = await openSqliteStore(path);
  assert.ok(opened.ok);
  const keys = { nameKey, isGridded, keysOf, queryKeys };
  const writer = new Database(path);
  try {
    const index = opened.store.incidentIndex(keys);
    const newRow = (): string =>
      String(
        writer.prepare("INSERT INTO incidents (created_at, updated_at) VALUES ('x', 'x')").run()
          .lastInsertRowid,
      );
    const claim: StoredClaim = {
      id: 'c1',
      reportId: 'r1',
      outlet: 'Outlet',
      outletKind: null,
      published: '2016-06-02',
      event: event({ ...at(placeNames[0]!), date: '2016-06-02', date_precision: 'day' }),
    };
    const first = addClaim(claim, index, newRow);
    assert.equal(first.decision.kind, 'new');
    // What a version 3 store holds: footprints without lookup rows.
    writer.prepare('DELETE FROM incident_keys').run();
    const reopened = opened.store.incidentIndex(keys);
    const again = addClaim({ ...claim, id: 'c2', reportId: 'r2' }, reopened, newRow);
    assert.equal(again.decision.kind, 'join');
    assert.ok((writer.prepare('SELECT count(*) AS n FROM incident_keys').get() as { n: number }).n > 0);
    assert.deepEqual(opened.store.integrityProblems(), []);
  } finally {
    writer.close();
    await opened.store.close();
  }
});
