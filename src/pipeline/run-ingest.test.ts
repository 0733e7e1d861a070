import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../adapters/db/sqlite-store.ts';
import type { IngestItem, ReceivedReport } from '../domain/report.ts';
import { runIngest, type ReportProcessor } from './run-ingest.ts';

const dir = mkdtempSync(join(tmpdir(), 'strikewatch-pipeline-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let store: SqliteStore;
let n = 0;
beforeEach(async () => {
  const opened = await openSqliteStore(join(dir, `p${n++}.db`));
  assert.ok(opened.ok);
  store = opened.store;
});
afterEach(async () => {
  assert.deepEqual(store.integrityProblems(), []);
  await store.close();
});

function item(key: string, text: string): IngestItem {
  const report: ReceivedReport = {
    key,
    bytes: new TextEncoder().encode(text),
    mediaType: 'text/plain',
    doc: { id: key, text, published: null, title: null, url: null, outlet: null },
    language: null,
    retrieved: '2024-01-01T00:00:00.000Z',
    source: `${key}.txt`,
  };
  return { ok: true, report };
}

async function* items(list: IngestItem[]): AsyncGenerator<IngestItem> {
  yield* list;
}

/** Stores one claim per report, or fails for texts that say so. */
const oneClaim: ReportProcessor = async (report, stores) => {
  if (report.text.includes('FAIL')) throw new Error('cannot read this one');
  const event = JSON.parse('{"date":"2016-10-26","lat":null,"lon":null,"background":false}');
  await stores.claims.replaceForReport(report.id, [event], { actor: 'test' });
  return { claims: 1, language: 'en' };
};

describe('runIngest', () => {
  it('stores each report once, however often it is ingested', async () => {
    const list = [item('a', 'one'), item('b', 'two'), item('c', 'one')];
    const first = await runIngest({ store, items: items(list), process: oneClaim });
    assert.deepEqual([first.new, first.unchanged, first.processed, first.claims], [2, 1, 2, 2]);
    const audit = (await store.audit.list()).length;
    const again = await runIngest({ store, items: items(list), process: oneClaim });
    assert.deepEqual([again.new, again.unchanged, again.processed], [0, 3, 0]);
    assert.equal(await store.reports.count(), 2);
    assert.equal(await store.claims.count(), 2);
    assert.equal((await store.audit.list()).length, audit);
    assert.equal((await store.reports.latest('a'))!.status, 'processed');
    assert.equal((await store.reports.latest('a'))!.language, 'en');
  });

  it('makes changed bytes a new version and processes it', async () => {
    await runIngest({ store, items: items([item('a', 'first')]), process: oneClaim });
    const s = await runIngest({ store, items: items([item('a', 'second')]), process: oneClaim });
    assert.deepEqual([s.new, s.versions, s.processed], [0, 1, 1]);
    assert.deepEqual(
      (await store.reports.versions('a')).map((r) => [r.version, r.text]),
      [
        [1, 'first'],
        [2, 'second'],
      ],
    );
  });

  it('records failures, refusals and failed processing per item and goes on', async () => {
    const s = await runIngest({
      store,
      items: items([
        { ok: false, source: 'bad.jsonl:3', error: 'invalid JSON:\n x' },
        { ok: false, source: 'http://10.0.0.1/', error: 'private address', refused: true },
        item('f', 'FAIL here'),
        item('g', 'fine'),
      ]),
      process: oneClaim,
    });
    assert.deepEqual([s.read, s.failed, s.refused, s.new, s.processed, s.processFailed], [4, 1, 1, 2, 1, 1]);
    assert.deepEqual(
      s.problems.map((p) => [p.source, p.error, p.refused]),
      [
        ['bad.jsonl:3', 'invalid JSON: x', false],
        ['http://10.0.0.1/', 'private address', true],
        ['f.txt', 'processing failed: cannot read this one', false],
      ],
    );
    assert.equal((await store.jobs.get('ingest', 'http://10.0.0.1/'))!.error, 'refused: private address');
    const failed = await store.reports.latest('f');
    assert.equal(failed!.status, 'failed');
    assert.equal(failed!.statusError, 'processing failed: cannot read this one');
  });

  it('stores many reports in batches, and one failing report does not take its batch with it', async () => {
    const list = Array.from({ length: 70 }, (_, i) => item(`r${i}`, i === 40 ? 'FAIL 40' : `report ${i}`));
    let attempts = 0;
    const counting: ReportProcessor = async (report, stores) => {
      if (report.text.includes('FAIL')) attempts++;
      return oneClaim(report, stores);
    };
    const s = await runIngest({ store, items: items(list), process: counting });
    // Once in its batch, once alone: a failure is recorded, not run a third time.
    assert.equal(attempts, 2);
    assert.deepEqual([s.read, s.new, s.processed, s.processFailed, s.claims], [70, 70, 69, 1, 69]);
    assert.equal(await store.reports.count(), 70);
    assert.equal(await store.claims.count(), 69);
    assert.equal((await store.reports.latest('r40'))!.status, 'failed');
    assert.equal((await store.reports.latest('r41'))!.status, 'processed');
  });

  it('goes on when one report cannot be stored', async () => {
    const broken = item('x', 'fine');
    (broken as { report: ReceivedReport }).report.bytes = undefined as unknown as Uint8Array;
    const s = await runIngest({ store, items: items([broken, item('y', 'also fine')]), process: oneClaim });
    assert.deepEqual([s.failed, s.new, s.processed], [1, 1, 1]);
    assert.match(s.problems[0]!.error, /^could not store: /);
  });

  it('processes reports an earlier run stored without processing', async () => {
    await runIngest({ store, items: items([item('p', 'stored only')]), process: null });
    assert.equal((await store.reports.latest('p'))!.status, 'pending');
    const s = await runIngest({ store, items: items([item('p', 'stored only')]), process: oneClaim });
    assert.deepEqual([s.unchanged, s.processed], [1, 1]);
    assert.equal((await store.reports.latest('p'))!.status, 'processed');
  });

  it('finishes the processing an interrupted run left pending', async () => {
    // What a run killed between storing and processing a report leaves behind.
    await store.transaction(async (s) => {
      const added = await s.reports.add((item('k', 'left over') as { report: ReceivedReport }).report, {
        actor: 'ingest',
      });
      await s.jobs.enqueue('process', String(added.report.id), added.report.id);
    });
    const s = await runIngest({ store, items: items([item('k', 'left over')]), process: oneClaim });
    assert.deepEqual([s.resumed, s.processed, s.unchanged], [1, 1, 1]);
    assert.equal(await store.claims.count(), 1);
    assert.deepEqual(await store.jobs.counts('process'), { pending: 0, done: 1, failed: 0 });
  });
});
