import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { validateExtraction } from '../src/domain/validate-extraction.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/strikewatch');
const TEXTS = ['examples/saeqa-camp-ayyash.txt', 'examples/hass-school.txt'];
const DOCUMENT_KEYS = ['id', 'published', 'language', 'title', 'events'];

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function noStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at /m, stderr);
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikewatch-cli-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strikewatch extract', () => {
  it('prints one valid extraction-format line per document, keys in the documented order', async () => {
    const r = run(['extract', ...TEXTS]);
    assert.equal(r.status, 0, r.stderr);
    const docs = lines(r.stdout);
    assert.deepEqual(
      docs.map((d) => d.id),
      ['saeqa-camp-ayyash', 'hass-school'],
    );
    for (const [i, d] of docs.entries()) {
      assert.deepEqual(Object.keys(d).slice(0, 5), DOCUMENT_KEYS);
      const text = await readFile(join(ROOT, TEXTS[i]!), 'utf8');
      assert.deepEqual(validateExtraction(d, text), []);
    }
    assert.equal(
      docs[0]!.title,
      'Syria accuses coalition of bombing army camp in Deir Az-Zour; US officials point at Russia',
    );
  });

  it('still prints the good documents when one input is bad, and exits 1', async () => {
    const binary = join(dir, 'binary.txt');
    await writeFile(binary, new Uint8Array([1, 0, 2, 0]));
    const r = run(['extract', TEXTS[0]!, binary, join(dir, 'missing.txt'), TEXTS[1]!]);
    assert.equal(r.status, 1);
    assert.equal(lines(r.stdout).length, 2);
    const errors = r.stderr.trim().split('\n');
    assert.equal(errors.length, 2, r.stderr);
    assert.match(errors[0]!, /^strikewatch: .*binary\.txt: binary file/);
    assert.match(errors[1]!, /^strikewatch: .*missing\.txt: no such file or directory$/);
    noStackTrace(r.stderr);
  });

  it('reads stdin with -, using --id and --published', () => {
    const r = run(
      ['extract', '-', '--id', 'piped', '--published', '2017-02-08'],
      'Title\n\nJets struck a market.\n',
    );
    assert.equal(r.status, 0, r.stderr);
    const [d] = lines(r.stdout);
    assert.equal(d!.id, 'piped');
    assert.equal(d!.published, '2017-02-08');
    assert.equal(d!.title, 'Title');
  });

  it('exits 2 on usage errors', () => {
    for (const args of [
      ['extract', TEXTS[0]!, '--published', '8 Feb 2017'],
      ['extract', TEXTS[0]!, '--published', '2017-02-30'],
      ['extract', TEXTS[0]!, '--format', 'xml'],
      ['extract', ...TEXTS, '--id', 'x'],
      ['extract'],
    ]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      noStackTrace(r.stderr);
    }
  });

  it('prints an aligned table with a total line', () => {
    const r = run(['extract', '--format', 'table', ...TEXTS]);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.split('\n');
    assert.match(
      out[0]!,
      /^DOCUMENT\s+DATE\s+PLACE\s+ADMIN1\s+KILLED\s+CIVILIANS\s+INJURED\s+ATTRIBUTED\s+TYPE$/,
    );
    assert.ok(out.some((l) => l.startsWith('saeqa-camp-ayyash ')));
    assert.match(r.stdout, /^2 documents, \d+ events?, 0 failures$/m);
  });
});

describe('strikewatch start', () => {
  it('ingests the shipped examples into an empty database, serves them, and stops cleanly on SIGTERM', async () => {
    const db = join(dir, 'start.db');
    const child = spawn(process.execPath, [BIN, 'start', '--db', db, '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${stdout} ${stderr}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /serving (http:\/\/[^\s]+)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    try {
      assert.match(stdout, /^processed 11 reports: \d+ claims; 0 failed$/m);
      const page = (await (await fetch(`${url}/api/incidents?limit=200`)).json()) as { total: number };
      assert.ok(page.total >= 5, JSON.stringify(page));
      const home = await fetch(`${url}/`);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /<h1>Incidents<\/h1>/);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, stderr);
    noStackTrace(stderr);
  });

  it('serve refuses a database that does not exist, in one line', () => {
    const r = run(['serve', '--db', join(dir, 'missing.db'), '--port', '0']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^strikewatch: no database at .*missing\.db/);
    noStackTrace(r.stderr);
  });

  it('serve rejects a bad port as a usage error', () => {
    const r = run(['serve', '--port', 'eighty']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /port/);
  });
});
