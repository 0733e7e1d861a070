import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { loadExtractor, openSources } from '../src/compose.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/strikewatch');
const REPORTS = 300;
const PLACES = ['Idlib', 'Aleppo', 'Saraqib', 'Kafr Nabl', 'Maarat al-Numan', 'Darayya', 'Douma', 'Raqqa'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function reportText(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  const day = WEEKDAYS[i % WEEKDAYS.length]!;
  return [
    `Strike number ${i} on ${place}`,
    '',
    `Warplanes struck a residential area of ${place} on ${day}, killing ${(i % 17) + 2} civilians and wounding ${(i % 11) + 3} others, a local monitor said.`,
    `Report ${i}: rescue workers searched the rubble of building ${i * 7} for survivors into the night.`,
    '',
  ].join('\n');
}

interface Counts {
  reports: number;
  distinctSha: number;
  processed: number;
  claims: number;
  pendingJobs: number;
  integrity: string;
}

function counts(path: string): Counts {
  const db = new Database(path, { readonly: true });
  try {
    const one = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    return {
      reports: one('SELECT count(*) AS n FROM reports'),
      distinctSha: one('SELECT count(DISTINCT sha256) AS n FROM reports'),
      processed: one("SELECT count(*) AS n FROM reports WHERE status = 'processed'"),
      claims: one('SELECT count(*) AS n FROM claims'),
      pendingJobs: one("SELECT count(*) AS n FROM jobs WHERE kind = 'process' AND status = 'pending'"),
      integrity: (db.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .join('; '),
    };
  } finally {
    db.close();
  }
}

/** Reports stored so far, or 0 while the file or its tables do not exist yet. */
function storedSoFar(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

let dir: string;
let inputs: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikewatch-kill-'));
  inputs = join(dir, 'reports');
  await mkdir(inputs);
  for (let i = 0; i < REPORTS; i++) {
    await writeFile(join(inputs, `report-${String(i).padStart(3, '0')}.txt`), reportText(i));
  }
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an ingest killed mid-run', () => {
  it('finishes on restart with every report stored and processed once, and a sound database', async () => {
    const db = join(dir, 'kill.db');
    const child = spawn(process.execPath, [BIN, 'ingest', inputs, '--db', db], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const deadline = Date.now() + 90_000;
    let seen = 0;
    while (Date.now() < deadline && child.exitCode === null) {
      seen = storedSoFar(db);
      if (seen >= 40) break;
      await sleep(20);
    }
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL', 'the run finished before it could be killed');
    const killed = counts(db);
    assert.equal(killed.integrity, 'ok');
    assert.ok(killed.reports >= seen && killed.reports < REPORTS, `killed after ${killed.reports} reports`);

    const restart = spawnSync(process.execPath, [BIN, 'ingest', inputs, '--db', db], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(restart.status, 0, restart.stderr + restart.stdout);
    const line = restart.stdout.split('\n')[0]!;
    const [, fresh, unchanged] =
      /: (\d+) new, 0 new versions, (\d+) unchanged, 0 failed, 0 refused$/.exec(line) ?? [];
    assert.equal(Number(fresh) + Number(unchanged), REPORTS, line);
    assert.equal(Number(unchanged), killed.reports, line);

    // What one uninterrupted run would have extracted.
    const extract = loadExtractor();
    let expectedClaims = 0;
    for await (const item of openSources([inputs])) {
      assert.ok(item.ok);
      expectedClaims += extract(item.doc).events.length;
    }
    assert.ok(expectedClaims >= REPORTS);
    assert.deepEqual(counts(db), {
      reports: REPORTS,
      distinctSha: REPORTS,
      processed: REPORTS,
      claims: expectedClaims,
      pendingJobs: 0,
      integrity: 'ok',
    });
  });

  it('lets two runs over the same reports share a database, storing each report once', async () => {
    const db = join(dir, 'shared.db');
    const runOnce = (): Promise<{ code: number | null; output: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, 'ingest', inputs, '--db', db, '--no-extract'], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('close', (code) => resolve({ code, output }));
      });
    const runs = await Promise.all([runOnce(), runOnce()]);
    assert.deepEqual(
      runs.map((r) => r.code),
      [0, 0],
      runs.map((r) => r.output).join('\n---\n'),
    );
    const c = counts(db);
    assert.deepEqual([c.reports, c.distinctSha, c.integrity], [REPORTS, REPORTS, 'ok']);
  });
});
