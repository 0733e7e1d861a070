/** Belligerents' own reports through ingest: stored, reconciled with incidents, shown and exported. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { belligerentLabels, openExistingStore, outletKindOf } from '../src/compose.ts';
import { buildServer } from '../src/apps/server/build-server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/strikewatch');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const NEWS = [
  {
    id: 'hajin',
    outlet: 'Step News',
    published: '2017-10-03',
    text: 'Activists said US-led coalition warplanes killed six civilians in an airstrike on Hajin in Deir ez-Zor on Monday, October 2.',
  },
  {
    id: 'mayadin',
    outlet: 'Smart News',
    published: '2017-10-08',
    text: 'On Sunday, October 8, an airstrike by the US-led coalition killed three civilians in the town of Al Mayadin, local sources said.',
  },
];

const OFFICIAL = [
  {
    id: 'log-1',
    belligerent: 'U.S.-led Coalition',
    kind: 'strike_report',
    date: '2017-10-04',
    text: 'For October 2nd-3rd, the Coalition reported: "Near Raqqah, 12 strikes engaged four ISIS tactical units." For October 2nd-3rd the Coalition did not report any strikes near Hajin.',
  },
  {
    id: 'log-2',
    belligerent: 'U.S.-led Coalition',
    kind: 'strike_report',
    date: '2017-10-09',
    text: 'On Oct. 8, near Al Mayadin, Syria, two strikes destroyed an ISIS headquarters.',
  },
  {
    id: 'civcas-1',
    belligerent: 'U.S.-led Coalition',
    kind: 'civcas_statement',
    outlet: 'CJTF-OIR',
    date: '2018-01-30',
    text: 'Oct. 2, 2017, in Hajin, Syria, via media report. After a review it was assessed that no Coalition strikes were conducted in the geographical area of the reported civilian casualties.',
  },
];

describe('ingest --official and reconciliation', () => {
  let dir: string;
  let db: string;
  let officialRun: ReturnType<typeof run>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'strikewatch-official-'));
    db = join(dir, 'sw.db');
    writeFileSync(join(dir, 'news.jsonl'), NEWS.map((r) => JSON.stringify(r)).join('\n') + '\n');
    writeFileSync(
      join(dir, 'official.jsonl'),
      [
        ...OFFICIAL.map((r) => JSON.stringify(r)),
        '{"id": "nobody", "text": "A review found nothing."}',
        '{"id": 3',
      ].join('\n') + '\n',
    );
    writeFileSync(
      join(dir, 'release.txt'),
      'On Oct. 8, 2017, near Al Mayadin, Syria, Coalition aircraft conducted three strikes.\n',
    );
    const news = run(['ingest', join(dir, 'news.jsonl'), '--db', db]);
    assert.equal(news.status, 0, news.stderr);
    officialRun = run([
      'ingest',
      '--official',
      join(dir, 'official.jsonl'),
      join(dir, 'release.txt'),
      '--db',
      db,
    ]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores what each report declares; a bad line or a report without a belligerent is named and the rest go on', () => {
    assert.equal(officialRun.status, 1);
    assert.match(officialRun.stdout, /official\.jsonl:4: processing failed: no belligerent named/);
    assert.match(officialRun.stdout, /official\.jsonl:5: invalid JSON/);
    assert.match(officialRun.stdout, /reconciled 2 incidents with belligerents' reports/);
    const sql = new Database(db, { readonly: true });
    try {
      const strikes = sql.prepare('SELECT place, strikes FROM declared_strikes ORDER BY id').all();
      assert.deepEqual(strikes, [
        { place: 'Raqqah', strikes: 12 },
        { place: 'Hajin', strikes: 0 },
        { place: 'Al Mayadin', strikes: 2 },
        { place: 'Al Mayadin', strikes: 3 },
      ]);
      const statement = sql.prepare('SELECT verdict, reason_code, date_from FROM casualty_statements').get();
      assert.deepEqual(statement, {
        verdict: 'non-credible',
        reason_code: 'no-strikes-in-area',
        date_from: '2017-10-02',
      });
      const links = sql
        .prepare(
          'SELECT incident_id, statement_id, declared_absence FROM reconciliations ORDER BY incident_id',
        )
        .all();
      assert.deepEqual(links, [
        { incident_id: 1, statement_id: 1, declared_absence: 1 },
        { incident_id: 2, statement_id: null, declared_absence: 0 },
      ]);
    } finally {
      sql.close();
    }
  });

  it('shows the denial with the distance of the closest declared strike, and a nearby strike as support', () => {
    const one = run(['show', '1', '--db', db]);
    assert.equal(one.status, 0, one.stderr);
    assert.match(one.stdout, /assessed the report as non-credible: "no strikes in that area"\./);
    assert.match(
      one.stdout,
      /The closest strike the US-led Coalition declared in those days was 2\d\d(\.\d)? km away \(near Raqqah\)\./,
    );
    assert.match(one.stdout, /belligerent assessment \(their own reports\):/);
    assert.match(
      one.stdout,
      /casualty statement 1 \(report \d+, CJTF-OIR\): non-credible, no-strikes-in-area/,
    );
    assert.match(one.stdout, /declared no strikes in this area/);
    const two = run(['show', '2', '--db', db]);
    assert.match(
      two.stdout,
      /strike status: Likely strike \(the US-led Coalition declared a strike less than 1 km away that day\)/,
    );
    assert.match(two.stdout, /strike log: 2 declared strike entries/);
  });

  it('exports the belligerent assessment columns', () => {
    const csv = run(['export', '--db', db]).stdout.split('\n');
    assert.match(csv[0]!, /,belligerent_assessment,nearest_declared_strike_km,declared_strikes_in_window$/);
    assert.match(csv[1]!, /,US-led Coalition: non-credible \(no strikes in that area\),2\d\d(\.\d)?,1$/);
    assert.match(csv[2]!, /,Likely strike,Smart News,,0,2$/);
  });

  it('shows the belligerent assessment block on the incident page and in the API', async () => {
    const result = await openExistingStore(db);
    assert.ok(result.ok);
    const opened = result.opened;
    const app = await buildServer({
      store: opened.store,
      outletKind: outletKindOf(),
      labels: belligerentLabels(),
      logLevel: 'silent',
    });
    try {
      const page = await app.inject({ url: '/incidents/1' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Belligerents' own statements/);
      assert.match(page.body, /US-led Coalition<\/strong>: non-credible/);
      assert.match(page.body, /reported no strikes in that area on those days;/);
      assert.match(page.body, /the nearest 2\d\d(\.\d)? km away \((?:near )?Raqqah\)/);
      const api = await app.inject({ url: '/api/incidents/1' });
      const official = (
        api.json() as {
          assessment: { belligerents: Array<{ official: { nearestStrike: { km: number } } | null }> };
        }
      ).assessment.belligerents.find((b) => b.official !== null)?.official;
      assert.ok(official && official.nearestStrike.km > 200);
    } finally {
      await app.close();
      await opened.store.close();
    }
  });

  it('db check counts what was declared', () => {
    const check = run(['db', 'check', '--db', db]);
    assert.match(
      check.stdout,
      /official reports: 3 declared strikes, 1 declared absences, 1 casualty statements; 2 incidents reconciled/,
    );
  });

  it('ingesting the same reports again stores nothing and changes no reconciliation', () => {
    const again = run([
      'ingest',
      '--official',
      join(dir, 'official.jsonl'),
      join(dir, 'release.txt'),
      '--db',
      db,
    ]);
    assert.match(again.stdout, /0 new, 0 new versions, 5 unchanged/);
    assert.match(again.stdout, /0 assessed again/);
  });
});
