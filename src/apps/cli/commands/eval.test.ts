import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const bin = fileURLToPath(new URL('../../../../bin/strikewatch', import.meta.url));
const run = promisify(execFile);

const gold = {
  id: 'tiny-report',
  published: '2016-05-10',
  incidents: [
    {
      date: '2016-05-09',
      place: 'Kafr Nabl',
      admin1: 'Idlib',
      attributed: [{ belligerent: 'russia', stance: 'blames', by: 'activists' }],
      killed_min: 4,
      killed_max: 4,
      strike_type: 'airstrike',
      background: false,
    },
  ],
};

test('eval --gold --json prints one JSON object with metrics and counts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strikewatch-eval-'));
  try {
    const goldFile = join(dir, 'tiny.jsonl');
    writeFileSync(goldFile, `${JSON.stringify(gold)}\n{"id": "broken", "incidents": 3}\nnot json\n`);
    writeFileSync(
      join(dir, 'tiny-report.txt'),
      'Strike on Kafr Nabl\n\nActivists said Russian jets killed four people in Kafr Nabl on Monday.\n',
    );
    const { stdout, stderr } = await run(bin, ['eval', '--gold', goldFile, '--json', '--worst', '5']);
    const report = JSON.parse(stdout);
    assert.deepEqual(Object.keys(report).sort(), ['combined', 'datasets', 'problems', 'seconds', 'worst']);
    const set = report.datasets.tiny;
    assert.equal(set.kind, 'news');
    assert.equal(set.documents, 1);
    assert.equal(set.counts.gold_incidents, 1);
    for (const key of [
      'incident_precision',
      'incident_recall',
      'incident_f1',
      'date',
      'attribution_f1',
      'blamed_f1',
    ]) {
      assert.deepEqual(Object.keys(set.metrics[key]).sort(), ['n', 'value'], key);
    }
    assert.equal(set.metrics.incident_recall.n, 1);
    assert.deepEqual(report.combined.datasets, ['tiny']);
    assert.ok(Array.isArray(report.worst));
    // Malformed lines are reported with file:line and skipped.
    assert.match(stderr, new RegExp(`tiny\\.jsonl:2: incidents: expected an array`));
    assert.match(stderr, new RegExp(`tiny\\.jsonl:3: not valid JSON`));
    assert.equal(report.problems.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('eval with a missing gold file exits 2 with a clear message', async () => {
  await assert.rejects(
    run(bin, ['eval', '--gold', join(tmpdir(), 'strikewatch-no-such-gold.jsonl')]),
    (err: unknown) => {
      const e = err as { code: number; stderr: string };
      assert.equal(e.code, 2);
      assert.match(e.stderr, /no such file/);
      return true;
    },
  );
});

test('eval --official --records --json scores verdicts and reasons with their counts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'strikewatch-eval-official-'));
  try {
    const statement = (text: string) => ({
      kind: 'civcas_statement',
      belligerent: 'U.S.-led Coalition',
      date: '2018-01-05',
      text,
    });
    const assessment = (assessment: string, reasons: string[] | null) => ({
      belligerent: 'U.S.-led Coalition',
      role: 'suspected',
      assessment,
      reasons,
    });
    const records = [
      {
        id: 'T1',
        official_statements: [
          statement(
            'It was assessed that no Coalition strikes were conducted in the geographical area of the report.',
          ),
          {
            kind: 'strike_report',
            belligerent: 'U.S.-led Coalition',
            date: null,
            text: 'For March 8th-9th 2017, the Coalition reported: "Near Raqqa, four strikes engaged an ISIS tactical unit."',
          },
        ],
        fields: {
          date: '2017-03-09',
          lat: 35.95,
          lon: 39.0,
          belligerent_assessments: [assessment('non_credible', ['no_coalition_strikes'])],
        },
      },
      {
        id: 'T2',
        official_statements: [
          statement('During a strike on a depot, two civilians were unintentionally killed.'),
        ],
        fields: { belligerent_assessments: [assessment('credible', ['no_reason_given'])] },
      },
      {
        id: 'T3',
        official_statements: [statement('The report holds insufficient information to assess it.')],
        fields: { belligerent_assessments: [assessment('non_credible', ['insufficient_evidence'])] },
      },
      {
        id: 'T4',
        official_statements: [statement('No Coalition strikes were conducted there.')],
        fields: null,
      },
    ];
    const file = join(dir, 'records.jsonl');
    writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n[1]\n`);
    const { stdout, stderr } = await run(bin, ['eval', '--official', '--records', file, '--json']);
    const report = JSON.parse(stdout);
    assert.equal(report.verdict_accuracy, 1);
    assert.equal(report.reason_accuracy, 0.6667);
    assert.equal(report.counts.assessments, 3);
    assert.equal(report.counts.verdict_correct, 3);
    assert.equal(report.counts.reason_n, 3);
    assert.equal(report.counts.reason_correct, 2);
    assert.equal(report.counts.strike_log_records, 1);
    assert.equal(report.strike_log_in_days, 1);
    assert.equal(report.strike_log_near, 1);
    assert.match(stderr, /records\.jsonl:5: expected a JSON object; line skipped/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
