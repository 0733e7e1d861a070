/**
 * Reconciliation cost: 10k synthetic incidents against 50k declared strikes and 2k casualty
 * statements (a fixed seed, four belligerents, Syria-sized ground, three years), through the
 * grid-cell × day index, against a full scan of every strike and statement per incident. The
 * scan is timed on a sample of incidents (it is too slow to run on all of them in a bench) and
 * its results are checked equal to the index's on that sample.
 */
import { Reconciler, reconcileByScan, syntheticReconcileSet } from '../src/stages/reconcile/index.ts';
import type { BenchSection, SectionResult } from './section.ts';

const SEED = 20240601;
const INCIDENTS = 10_000;
const STRIKES = 50_000;
const STATEMENTS = 2_000;
const DAYS = 3 * 365;
const SCAN_SAMPLE = 500;
const TARGET_SECONDS = 5;

export const reconcileSection: BenchSection = {
  name: 'reconcile',
  description: `${INCIDENTS / 1000}k incidents against ${STRIKES / 1000}k declared strikes: grid × day index vs full scan`,
  needsShared: false,
  async run(): Promise<SectionResult> {
    const set = syntheticReconcileSet(SEED, {
      incidents: INCIDENTS,
      strikes: STRIKES,
      statements: STATEMENTS,
      days: DAYS,
    });
    const started = performance.now();
    const reconciler = new Reconciler(set.strikes, set.statements);
    const built = performance.now();
    const results = set.incidents.flatMap((i) => reconciler.reconcile(i));
    const indexSeconds = (performance.now() - started) / 1000;
    const buildSeconds = (built - started) / 1000;
    const sample = set.incidents.slice(0, SCAN_SAMPLE);
    const scanStarted = performance.now();
    const scanned = reconcileByScan(sample, set.strikes, set.statements);
    const scanSampleSeconds = (performance.now() - scanStarted) / 1000;
    const scanSeconds = (scanSampleSeconds * INCIDENTS) / SCAN_SAMPLE;
    const sampleResults = results.slice(0, scanned.length);
    const same = JSON.stringify(sampleResults) === JSON.stringify(scanned);
    const perIndexMs = (indexSeconds * 1000) / INCIDENTS;
    const perScanMs = (scanSampleSeconds * 1000) / SCAN_SAMPLE;
    const ratio = perScanMs / perIndexMs;
    const withNearest = results.filter((r) => r.nearest !== null).length;
    return {
      lines: [
        `index: ${indexSeconds.toFixed(2)} s for ${INCIDENTS} incidents (${results.length} incident-belligerent pairs; building the index ${buildSeconds.toFixed(2)} s), ${perIndexMs.toFixed(3)} ms per incident`,
        `full scan: ${scanSampleSeconds.toFixed(2)} s for a sample of ${SCAN_SAMPLE} incidents, ${perScanMs.toFixed(2)} ms per incident (about ${scanSeconds.toFixed(0)} s for all ${INCIDENTS})`,
        `index is ${ratio.toFixed(0)}x faster per incident; results on the sample ${same ? 'equal the scan' : 'DIFFER from the scan'}; ${withNearest} pairs have a declared strike within 250 km`,
      ],
      targets: [
        {
          name: `reconcile ${INCIDENTS / 1000}k incidents against ${STRIKES / 1000}k strikes < ${TARGET_SECONDS} s`,
          pass: indexSeconds < TARGET_SECONDS && same,
          detail: `${indexSeconds.toFixed(2)} s${same ? '' : '; results differ from the full scan'}`,
        },
      ],
      json: {
        incidents: INCIDENTS,
        strikes: STRIKES,
        statements: STATEMENTS,
        index_seconds: indexSeconds,
        build_seconds: buildSeconds,
        scan_sample: SCAN_SAMPLE,
        scan_sample_seconds: scanSampleSeconds,
        scan_seconds_estimated: scanSeconds,
        ratio_per_incident: ratio,
        same_as_scan: same,
      },
    };
  },
};
