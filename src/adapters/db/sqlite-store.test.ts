import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { ExtractedEvent } from '../../domain/extraction.ts';
import type { ReceivedReport } from '../../domain/report.ts';
import {
  incidentSortValue,
  type IncidentCursor,
  type IncidentFields,
  type IncidentSortKey,
} from '../../domain/store.ts';
import { openSqlite, sqliteWriteLock } from './connection.ts';
import { currentVersion, migrate } from './migrations/migrate.ts';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.ts';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

const INGEST = { actor: 'ingest' };

function received(key: string, text: string, extra: Partial<ReceivedReport['doc']> = {}): ReceivedReport {
  return {
    key,
    bytes: new TextEncoder().encode(text),
    mediaType: 'text/plain',
    doc: {
      id: key,
      text,
      published: '2016-10-28',
      title: null,
      url: null,
      outlet: 'Local Monitor',
      ...extra,
    },
    language: 'en',
    retrieved: '2024-01-01T00:00:00.000Z',
    source: `${key}.txt`,
  };
}

function event(over: Partial<ExtractedEvent> = {}): ExtractedEvent {
  return {
    date: '2016-10-26',
    date_precision: 'day',
    date_text: 'on Wednesday',
    place: 'Hass',
    place_text: 'in Hass',
    admin1: 'Idlib',
    country: 'Syria',
    lat: 35.6,
    lon: 36.6,
    location_precision: 'village',
    gazetteer_id: 'geonames:1',
    attributed: [],
    killed: { min: 26, max: 26 },
    civilians_killed: null,
    children_killed: null,
    women_killed: null,
    combatants_killed: null,
    injured: null,
    strike_type: 'airstrike',
    weapons: [],
    target: 'school',
    background: false,
    evidence: [],
    ...over,
  };
}

function incidentFields(over: Partial<IncidentFields> = {}): IncidentFields {
  return {
    date: '2016-10-26',
    datePrecision: 'day',
    place: 'Hass',
    admin1: 'Idlib',
    country: 'Syria',
    lat: 35.6,
    lon: 36.6,
    locationPrecision: 'village',
    killedMin: 26,
    killedMax: 26,
    civiliansKilledMin: null,
    civiliansKilledMax: null,
    injuredMin: null,
    injuredMax: null,
    grading: 'Weak',
    strikeStatus: 'Single source claim',
    assessment: { sources: 1 },
    ...over,
  };
}

let dir: string;
let store: SqliteStore;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikewatch-store-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
beforeEach(async () => {
  const opened = await openSqliteStore(join(dir, `t${n++}.db`));
  assert.ok(opened.ok);
  store = opened.store;
});
afterEach(async () => {
  assert.deepEqual(store.integrityProblems(), []);
  await store.close();
});

describe('report store', () => {
  it('archives a report with its bytes, hash and outlet, and logs the change', async () => {
    const r = await store.reports.add(received('file:a', 'Jets struck Hass.'), INGEST);
    assert.equal(r.outcome, 'new');
    assert.equal(r.report.version, 1);
    assert.equal(r.report.sha256.length, 64);
    assert.equal(r.report.status, 'pending');
    assert.equal(new TextDecoder().decode((await store.reports.bytes(r.report.id))!), 'Jets struck Hass.');
    const log = await store.audit.list({ entity: 'report' });
    assert.deepEqual(
      log.map((e) => [e.actor, e.action, e.entityId]),
      [['ingest', 'create', String(r.report.id)]],
    );
  });

  it('keeps the same bytes once, and makes changed bytes the next version of the same report', async () => {
    const first = await store.reports.add(received('url:x', 'first text'), INGEST);
    const again = await store.reports.add(received('url:x', 'first text'), INGEST);
    const elsewhere = await store.reports.add(received('url:y', 'first text'), INGEST);
    assert.equal(again.outcome, 'unchanged');
    assert.equal(elsewhere.outcome, 'unchanged');
    assert.equal(again.report.id, first.report.id);
    const changed = await store.reports.add(received('url:x', 'second text'), INGEST);
    assert.equal(changed.outcome, 'new-version');
    assert.equal(changed.report.version, 2);
    assert.deepEqual(
      (await store.reports.versions('url:x')).map((r) => r.text),
      ['first text', 'second text'],
    );
    assert.equal((await store.reports.latest('url:x'))!.id, changed.report.id);
    assert.equal(await store.reports.count(), 2);
  });

  it('records processing state and finds reports by words of their text', async () => {
    const a = await store.reports.add(received('k:a', 'Barrel bombs fell on Daraya.'), INGEST);
    await store.reports.add(received('k:b', 'A market in Maarat was shelled.'), INGEST);
    await store.reports.setStatus(a.report.id, 'processed', null, 'en');
    assert.equal((await store.reports.get(a.report.id))!.status, 'processed');
    assert.deepEqual(
      (await store.reports.search('daraya barrel')).map((r) => r.key),
      ['k:a'],
    );
    assert.deepEqual(await store.reports.search('"NEAR(('), []);
  });
});

describe('claim store', () => {
  it('replaces a report claims, keeps key columns queryable and records places', async () => {
    const { report } = await store.reports.add(received('k:c', 'text'), INGEST);
    await store.claims.replaceForReport(
      report.id,
      [event(), event({ date: '2016-11-02', lat: null, lon: null })],
      {
        actor: 'extract',
      },
    );
    const again = await store.claims.replaceForReport(report.id, [event()], { actor: 'extract' });
    assert.equal(again.length, 1);
    assert.equal(await store.claims.count(), 1);
    assert.deepEqual((await store.claims.forReport(report.id))[0]!.event, event());
    const box = { south: 35, north: 36, west: 36, east: 37 };
    assert.equal((await store.claims.near({ from: '2016-10-20', to: '2016-10-26', box })).length, 1);
    assert.equal((await store.claims.near({ from: '2016-10-27', to: '2016-10-30' })).length, 0);
    assert.equal((await store.claims.unlinked()).length, 1);
    const log = await store.audit.list({ entity: 'report', entityId: String(report.id) });
    assert.deepEqual(
      log.map((e) => e.action),
      ['create', 'replace-claims', 'replace-claims'],
    );
  });
});

describe('incident store', () => {
  it('creates, updates and links incidents, respecting analyst pins, with an audit entry for each change', async () => {
    const { report } = await store.reports.add(received('k:i', 'text'), INGEST);
    const [claim] = await store.claims.replaceForReport(report.id, [event()], { actor: 'extract' });
    const rule = { actor: 'cluster:same-day', reason: 'same day, 2 km apart' };
    const a = await store.incidents.create(incidentFields(), rule);
    const b = await store.incidents.create(incidentFields({ place: 'Kafr Nabl' }), rule);
    assert.equal(await store.incidents.link(a.id, claim!.id, rule), true);
    assert.equal(
      await store.incidents.link(
        b.id,
        claim!.id,
        { actor: 'analyst:rana', reason: 'wrong village' },
        { pin: true },
      ),
      true,
    );
    // An automatic run cannot move a pinned claim back.
    assert.equal(await store.incidents.link(a.id, claim!.id, rule), false);
    assert.equal(await store.incidents.incidentOf(claim!.id), b.id);
    assert.equal((await store.incidents.links(b.id))[0]!.pinnedBy, 'analyst:rana');
    const updated = await store.incidents.update(a.id, incidentFields({ grading: 'Fair' }), rule);
    assert.equal(updated.grading, 'Fair');
    assert.deepEqual(updated.assessment, { sources: 1 });
    assert.equal((await store.incidents.near({ from: '2016-10-26', to: '2016-10-26' })).length, 2);
    await store.incidents.unlink(claim!.id, { actor: 'analyst:rana' });
    assert.equal(await store.incidents.incidentOf(claim!.id), null);
    const claimLog = await store.audit.list({ entity: 'claim', entityId: String(claim!.id) });
    assert.deepEqual(
      claimLog.map((e) => [e.actor, e.action]),
      [
        ['cluster:same-day', 'link'],
        ['analyst:rana', 'link'],
        ['analyst:rana', 'unlink'],
      ],
    );
    assert.equal(claimLog[1]!.reason, 'wrong village');
    const incidentLog = await store.audit.list({ entity: 'incident', entityId: String(a.id) });
    assert.deepEqual(
      incidentLog.map((e) => e.action),
      ['create', 'update'],
    );
    assert.equal((incidentLog[1]!.before as IncidentFields).grading, 'Weak');
  });

  it('sorts, pages by cursor and filters by country and strike status, counting what matches', async () => {
    const { report } = await store.reports.add(received('k:list', 'text'), INGEST);
    const claims = await store.claims.replaceForReport(
      report.id,
      [event(), event(), event(), event(), event()],
      { actor: 'extract' },
    );
    const rule = { actor: 'cluster' };
    const rows: [string | null, number | null, string][] = [
      ['2016-10-26', 26, 'Syria'],
      ['2016-10-20', null, 'Syria'],
      [null, 3, 'Iraq'],
      ['2016-10-26', 5, 'Syria'],
      ['2016-11-02', 26, 'Syria'],
    ];
    const ids: number[] = [];
    for (const [i, [date, killed, country]] of rows.entries()) {
      const incident = await store.incidents.create(
        incidentFields({
          date,
          killedMin: killed,
          country,
          strikeStatus: i === 4 ? 'Likely strike' : 'Single source claim',
        }),
        rule,
      );
      await store.incidents.link(incident.id, claims[i]!.id, rule);
      ids.push(incident.id);
    }
    const pages = async (by: IncidentSortKey, descending: boolean): Promise<number[]> => {
      const seen: number[] = [];
      let after: IncidentCursor | null = null;
      for (;;) {
        const page = await store.incidents.list({ sort: { by, descending }, after, limit: 2 });
        if (page.length === 0) return seen;
        seen.push(...page.map((i) => i.id));
        const last = page.at(-1)!;
        after = { key: incidentSortValue(last, by), id: last.id };
      }
    };
    const [a, b, c, d, e] = ids as [number, number, number, number, number];
    assert.deepEqual(await pages('date', false), [c, b, a, d, e]);
    assert.deepEqual(await pages('date', true), [e, d, a, b, c]);
    assert.deepEqual(await pages('killed', true), [e, a, d, c, b]);
    assert.deepEqual(
      (await store.incidents.list({ country: 'iraq' })).map((i) => i.id),
      [c],
    );
    assert.deepEqual(
      (await store.incidents.list({ strikeStatus: 'likely strike' })).map((i) => i.id),
      [e],
    );
    assert.equal(await store.incidents.count({ country: 'Syria', minKilled: 5 }), 3);
    assert.equal(await store.incidents.count(), 5);
  });
});

describe('audit log and jobs', () => {
  it('refuses to rewrite or delete the audit log', async () => {
    await store.audit.append({
      actor: 'analyst:sam',
      action: 'note',
      entity: 'incident',
      entityId: '1',
      before: null,
      after: null,
      reason: 'checked',
    });
    const opened = openSqlite(join(dir, `t${n - 1}.db`));
    try {
      assert.throws(() => opened.raw.prepare("UPDATE audit_log SET actor = 'x'").run(), /append-only/);
      assert.throws(() => opened.raw.prepare('DELETE FROM audit_log').run(), /append-only/);
    } finally {
      opened.raw.close();
    }
    assert.equal((await store.audit.list()).length, 1);
  });

  it('tracks jobs through pending, failed and done', async () => {
    await store.jobs.enqueue('process', '1');
    await store.jobs.enqueue('process', '2');
    await store.jobs.finish('process', '1', 'failed', 'boom');
    assert.deepEqual(
      (await store.jobs.pending('process')).map((j) => j.key),
      ['2'],
    );
    await store.jobs.enqueue('process', '1');
    await store.jobs.finish('process', '1', 'done');
    const job = await store.jobs.get('process', '1');
    assert.equal(job!.status, 'done');
    assert.equal(job!.attempts, 2);
    assert.equal(job!.error, null);
    assert.deepEqual(await store.jobs.counts('process'), { pending: 1, done: 1, failed: 0 });
  });

  it('rolls a failed transaction back whole', async () => {
    await assert.rejects(
      store.transaction(async (s) => {
        await s.reports.add(received('k:t', 'rolled back'), INGEST);
        throw new Error('stop');
      }),
      /stop/,
    );
    assert.equal(await store.reports.count(), 0);
    assert.equal((await store.audit.list()).length, 0);
  });
});

describe('migrations', () => {
  it('migrates a database left at an older schema version when it is opened', async () => {
    const path = join(dir, 'old.db');
    const old = openSqlite(path);
    const db = old.db as unknown as Kysely<unknown>;
    const first = await migrate(db, SQLITE_MIGRATIONS.slice(0, 1), sqliteWriteLock);
    assert.deepEqual(first, { ok: true, from: 0, to: 1, applied: ['001-initial'] });
    old.raw
      .prepare(
        `INSERT INTO reports (report_key, version, sha256, bytes, media_type, retrieved, text, source, created_at)
         VALUES ('k:old', 1, ?, x'00', 'text/plain', 'then', 'Helicopters dropped barrel bombs', 'old.txt', 'then')`,
      )
      .run('a'.repeat(64));
    await old.db.destroy();
    const opened = await openSqliteStore(path);
    assert.ok(opened.ok);
    assert.deepEqual(opened.migration, {
      ok: true,
      from: 1,
      to: 7,
      applied: [
        '002-report-search',
        '003-incident-footprint',
        '004-incident-keys',
        '005-analyst-accounts',
        '006-official',
        '007-incident-toll-order',
      ],
    });
    assert.deepEqual(
      (await opened.store.reports.search('barrel')).map((r) => r.key),
      ['k:old'],
    );
    assert.deepEqual(opened.store.integrityProblems(), []);
    await opened.store.close();
    const again = await openSqliteStore(path);
    assert.ok(again.ok);
    assert.deepEqual(again.migration.applied, []);
    await again.store.close();
  });

  it('leaves a database from a newer strikewatch alone', async () => {
    const path = join(dir, 'new.db');
    const c = openSqlite(path);
    await migrate(c.db as unknown as Kysely<unknown>, SQLITE_MIGRATIONS, sqliteWriteLock);
    c.raw.prepare("INSERT INTO schema_version VALUES (99, 'future', 'later')").run();
    assert.equal(await currentVersion(c.db as unknown as Kysely<unknown>), 99);
    await c.db.destroy();
    const opened = await openSqliteStore(path);
    assert.equal(opened.ok, false);
    assert.match(
      !opened.ok ? opened.error : '',
      /schema version 99, newer than this strikewatch knows \(7\)/,
    );
  });
});
