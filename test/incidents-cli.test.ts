/** The reading commands over a database built from short reports written for this test. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/strikewatch');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const RECORDS = [
  {
    id: 'one',
    outlet: 'Step News',
    text: 'Russian warplanes bombed a bakery in the city of Idlib on Monday, killing 11 civilians, rescuers said.',
  },
  {
    id: 'two',
    outlet: 'Al Jazeera',
    text: 'At least 19 civilians were killed on Monday when air strikes hit a bakery in Idlib city, activists said. They blamed Russian and US-led coalition aircraft.',
  },
  {
    id: 'three',
    outlet: 'Syrian Observatory',
    text: 'The Syrian Observatory for Human Rights said 23 people were killed in air strikes on Idlib city on Monday. It said the US-led coalition carried out the raids.',
  },
  {
    id: 'four',
    outlet: 'Smart News',
    text: 'An air strike on the village of Hass in Idlib province killed seven people on Monday, local activists said.',
  },
];

let dir: string;
let db: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'strikewatch-read-'));
  db = join(dir, 'read.db');
  const file = join(dir, 'reports.jsonl');
  writeFileSync(
    file,
    RECORDS.map((r) => JSON.stringify({ ...r, published: '2017-03-15' })).join('\n') + '\n',
  );
  const r = run(['ingest', file, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
});
after(() => {
  const raw = new Database(db, { readonly: true });
  try {
    assert.deepEqual(raw.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  } finally {
    raw.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('strikewatch incidents and show', () => {
  it('lists the incidents, filtered', () => {
    const all = run(['incidents', '--db', db]);
    assert.equal(all.status, 0, all.stderr);
    assert.match(all.stdout, /^1 +2017-03-13 +Idlib +Idlib +11-23 +11\+ +- +Contested +Russia/m);
    assert.match(all.stdout, /^2 +2017-03-13 +Hass +Idlib +7 /m);
    const contested = run(['incidents', '--db', db, '--grading', 'contested', '--format', 'jsonl']);
    const rows = contested.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number });
    assert.deepEqual(
      rows.map((r) => r.id),
      [1],
    );
    const ids = (args: string[]): number[] =>
      run(['incidents', '--db', db, '--format', 'jsonl', ...args])
        .stdout.trim()
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as { id: number }).id);
    assert.deepEqual(ids(['--belligerent', 'US-led Coalition']), [1]);
    assert.deepEqual(ids(['--q', 'Hass']), [2]);
    assert.deepEqual(ids(['--q', 'bakery']), [1]);
    assert.deepEqual(ids(['--min-killed', '8']), [1]);
    assert.deepEqual(ids(['--admin1', 'Idlib', '--from', '2017-03-13', '--to', '2017-03-13']), [1, 2]);
    assert.deepEqual(ids(['--from', '2017-03-14']), []);
  });

  it('shows an incident with its claims, evidence and audit trail', () => {
    const r = run(['show', '1', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stdout,
      /grading: Contested \(Contested: 2 sources blame Russia, 2 blame the US-led Coalition\)/,
    );
    assert.match(r.stdout, /claims \(3\):/);
    assert.match(r.stdout, /linked by cluster:match: joins 1: same place/);
    assert.match(r.stdout, /killed: "At least 19 civilians"/);
    assert.match(r.stdout, /cluster:no-match create incident 1/);
    // Each source with its outlet and the outlet's kind, when the lexicon knows it.
    assert.match(r.stdout, /from report 1 \(Step News, local media\)/);
    assert.match(r.stdout, /\(Syrian Observatory, monitor\)/);
  });

  it('exports CSV, GeoJSON and JSON lines', () => {
    const csv = run(['export', '--format', 'csv', '--db', db]);
    assert.equal(csv.status, 0, csv.stderr);
    const [header, first, second, rest] = csv.stdout.split('\n');
    assert.equal(
      header,
      'event_id,event_date,date_precision,admin1,location,latitude,longitude,geo_precision,belligerents,civilian_deaths_low,civilian_deaths_best,civilian_deaths_high,injured_low,injured_high,grading,strike_status,sources,belligerent_assessment,nearest_declared_strike_km,declared_strikes_in_window',
    );
    assert.match(
      first!,
      /^SW1,2017-03-13,day,Idlib,Idlib,35\.93\d*,36\.63\d*,1,Russia \(suspected\); US-led Coalition \(suspected\),11,11,,,,Contested,Contested strike,Step News; Al Jazeera; Syrian Observatory,,,$/,
    );
    assert.match(second!, /^SW2,2017-03-13,day,Idlib,Hass,[\d.]+,[\d.]+,1,,7,7,7,,,Weak,/);
    assert.equal(rest, '');
    const geo = JSON.parse(run(['export', '--format', 'geojson', '--db', db]).stdout) as {
      type: string;
      features: { geometry: { coordinates: number[] }; properties: { grading: string } }[];
    };
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, 2);
    assert.equal(geo.features[0]!.properties.grading, 'Contested');
    assert.ok(Math.abs(geo.features[0]!.geometry.coordinates[0]! - 36.63) < 0.01);
    const jsonl = run(['export', '--format', 'jsonl', '--db', db, '--grading', 'Weak'])
      .stdout.trim()
      .split('\n');
    assert.deepEqual(
      jsonl.map((l) => (JSON.parse(l) as { place: string }).place),
      ['Hass'],
    );
  });

  it('answers bad input with one line', () => {
    for (const [args, code, message] of [
      [['show', '99', '--db', db], 2, /^strikewatch: no incident 99\n$/],
      [['show', 'abc', '--db', db], 2, /^strikewatch: not an incident id: "abc"/],
      [['incidents', '--db', db, '--from', '2017-02-30'], 2, /^strikewatch: --from expects a date/],
      [['incidents', '--db', join(dir, 'missing.db')], 1, /^strikewatch: no database at /],
      [['export', '--format', 'xml', '--db', db], 2, /^strikewatch: --format expects csv, geojson or jsonl/],
      [['export', '--db', join(dir, 'missing.db')], 1, /^strikewatch: no database at /],
    ] as const) {
      const r = run([...args]);
      assert.equal(r.status, code, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
  });

  it('splits claims off an incident and merges them back, as pins and audit entries', () => {
    const split = run([
      'incident',
      'split',
      '1',
      '--claims',
      '3',
      '--by',
      'tester',
      '--why',
      'another raid',
      '--db',
      db,
    ]);
    assert.equal(split.status, 0, split.stderr);
    assert.match(split.stdout, /split 1 claim off incident 1 into 3/);
    const list = run(['incidents', '--db', db]).stdout;
    assert.match(list, /^1 +2017-03-13 +Idlib .* 11\+ /m);
    assert.match(list, /^3 +2017-03-13 +Idlib .* 23 /m);
    assert.match(
      run(['show', '3', '--db', db]).stdout,
      /linked by analyst:tester \(pinned by analyst:tester\)/,
    );
    const merge = run(['incident', 'merge', '1', '3', '--by', 'tester', '--why', 'same raid', '--db', db]);
    assert.equal(merge.status, 0, merge.stderr);
    const after = run(['incidents', '--db', db, '--format', 'jsonl']).stdout.trim().split('\n');
    assert.deepEqual(
      after.map((l) => (JSON.parse(l) as { id: number }).id),
      [1, 2],
    );
    const shown = run(['show', '1', '--db', db]).stdout;
    assert.match(shown, /claims \(3\):/);
    assert.match(shown, /analyst:tester pin-apart claim 3/);
    assert.match(shown, /3 \(1 claim\) merged into 1: same raid/);
    const check = run(['db', 'check', '--db', db]);
    assert.match(
      check.stdout,
      / 2 incidents \(and 1 emptied by merges or new report versions, kept for their history\);/,
    );
    const emptied = run(['show', '3', '--db', db]);
    assert.equal(emptied.status, 0, emptied.stderr);
    assert.match(emptied.stdout, /claims \(0\)/);
    assert.match(emptied.stdout, /^ {2}no claims now: 3 \(1 claim\) merged into 1: same raid$/m);
    const bad = run(['incident', 'merge', '1', '1', '--db', db]);
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr, 'strikewatch: cannot merge 1 with itself\n');
  });
});
