import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/strikewatch');

function run(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function query<T>(path: string, sql: string): T {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

let dir: string;
let inputs: string;
let db: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikewatch-ingest-'));
  inputs = join(dir, 'inputs');
  db = join(dir, 'nested', 'reports.db');
  await mkdir(join(inputs, 'texts'), { recursive: true });
  await writeFile(
    join(inputs, 'market.txt'),
    'Jets strike a market\n\nIDLIB, 8 February 2017\n\nWarplanes struck a market in Idlib city on Tuesday, killing 12 civilians, a local monitor said.\n',
  );
  await writeFile(
    join(inputs, 'school.html'),
    '<html><head><title>School hit</title><meta property="article:published_time" content="2016-10-28"></head><body><article><p>Airstrikes hit a school complex in the village of Hass on Wednesday, killing 22 children and six teachers, rescuers said. The strikes were carried out by Russian or Syrian jets, witnesses said.</p></article></body></html>',
  );
  await writeFile(
    join(inputs, 'texts', 'bakery.txt'),
    'A barrel bomb fell on a bakery in Aleppo on Monday, killing five people.\n',
  );
  await writeFile(
    join(inputs, 'records.jsonl'),
    [
      '{"id":"bakery","text_file":"texts/bakery.txt","published":"2016-05-03","outlet":"Aleppo Media Centre"}',
      '{"id":"drone","text":"A drone strike hit a car near Sarmada on Sunday, killing two men.","published":"2017-01-02"}',
      '{"id":"broken", "text": ',
      '{"id":"dated","text":"A raid hit a clinic.","published":"last week"}',
    ].join('\n'),
  );
  await writeFile(
    join(inputs, 'sheet.csv'),
    'ref,body,day\nq1,"Shelling hit the hospital in Azaz on Friday, wounding 14 people.",2016-02-15\n',
  );
  await writeFile(join(inputs, 'photo.png'), 'not a report');
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strikewatch ingest', () => {
  it('archives every readable report, extracts claims, and names each bad record by file and line', () => {
    // texts/bakery.txt is read twice, as a file and as a record's text: its bytes are stored once.
    const r = run(['ingest', inputs, '--db', db, '--columns', 'id=ref,text=body,published=day']);
    assert.equal(r.status, 1, r.stderr);
    const out = r.stdout.trim().split('\n');
    assert.match(
      out[0]!,
      /^ingested 8 items in [\d.]+ s: 5 new, 0 new versions, 1 unchanged, 2 failed, 0 refused$/,
    );
    assert.match(out[1]!, /^processed 5 reports: \d+ claims; 0 failed$/);
    assert.match(r.stdout, /failed {2}.*records\.jsonl:3: invalid JSON/);
    assert.match(
      r.stdout,
      /failed {2}.*records\.jsonl:4: field "published" must be a date YYYY-MM-DD, got "last week"/,
    );
    // Piped: progress as plain lines on stderr, no terminal control codes.
    assert.match(r.stderr, /^ingest: 8\/\d+ items, 5 new/m);
    assert.ok(!r.stderr.includes('\u001b['), r.stderr);
    assert.equal(query<{ n: number }>(db, 'SELECT count(*) AS n FROM reports').n, 5);
    assert.ok(query<{ n: number }>(db, 'SELECT count(*) AS n FROM claims').n >= 4);
    assert.equal(
      query<{ n: number }>(db, "SELECT count(*) AS n FROM reports WHERE status = 'processed'").n,
      5,
    );
    const bakery = query<{ outlet: string; published: string; media_type: string }>(
      db,
      "SELECT outlet, published, media_type FROM reports WHERE report_key = 'record:bakery'",
    );
    assert.deepEqual(
      { ...bakery },
      { outlet: 'Aleppo Media Centre', published: '2016-05-03', media_type: 'text/plain' },
    );
  });

  it('stores nothing twice on a second run, and makes a changed file a new version', async () => {
    const again = run(['ingest', inputs, '--db', db, '--columns', 'id=ref,text=body,published=day']);
    assert.match(again.stdout, /: 0 new, 0 new versions, 6 unchanged, 2 failed, 0 refused/);
    assert.equal(query<{ n: number }>(db, 'SELECT count(*) AS n FROM reports').n, 5);
    await writeFile(
      join(inputs, 'market.txt'),
      'Jets strike a market\n\nIDLIB, 8 February 2017\n\nWarplanes struck a market in Idlib city on Tuesday, killing 14 civilians, a local monitor said.\n',
    );
    const changed = run(['ingest', join(inputs, 'market.txt')], { STRIKEWATCH_DB: db });
    assert.equal(changed.status, 0, changed.stderr);
    assert.match(changed.stdout, /^ingested 1 item in [\d.]+ s: 0 new, 1 new versions, 0 unchanged/);
    const versions = query<{ n: number; top: number }>(
      db,
      "SELECT count(*) AS n, max(version) AS top FROM reports WHERE report_key LIKE 'file:%market.txt'",
    );
    assert.deepEqual({ ...versions }, { n: 2, top: 2 });
  });

  it('checks and migrates the database from the command line', () => {
    const check = run(['db', 'check', '--db', db]);
    assert.equal(check.status, 0, check.stderr);
    assert.match(
      check.stdout,
      /schema version 7; 6 reports, \d+ claims, \d+ incidents( \(and 1 emptied by merges or new report versions, kept for their history\)); 0 reports waiting/,
    );
    assert.match(check.stdout, /integrity check: ok/);
    const fresh = join(dir, 'fresh.db');
    assert.match(
      run(['db', 'migrate', '--db', fresh]).stdout,
      /schema version 0 -> 7 \(applied 001-initial, 002-report-search, 003-incident-footprint, 004-incident-keys, 005-analyst-accounts, 006-official, 007-incident-toll-order\)/,
    );
    assert.match(run(['db', 'migrate', '--db', fresh]).stdout, /schema version 7, up to date/);
    // Checking a database that is not there says so; it does not create one.
    const missing = join(dir, 'missing', 'none.db');
    const absent = run(['db', 'check', '--db', missing]);
    assert.equal(absent.status, 1);
    assert.match(absent.stderr, /^strikewatch: no database at .*none\.db/);
    assert.equal(existsSync(missing), false);
  });

  it('refuses a private address without --allow-private and says so in the summary', () => {
    const r = run([
      'ingest',
      'http://127.0.0.1:9/report',
      'file:///etc/passwd',
      '--db',
      join(dir, 'urls.db'),
    ]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /0 failed, 2 refused/);
    assert.match(r.stdout, /refused http:\/\/127\.0\.0\.1:9\/report: 127\.0\.0\.1 is a loopback address/);
    assert.match(r.stdout, /refused file:\/\/\/etc\/passwd: only http and https are fetched/);
  });
});
