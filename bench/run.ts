/**
 * Benchmarks, run with `npm run bench [-- --limit N] [-- --only SECTION]`. Each section lives in
 * its own file and is registered below. Sections that read ../shared are skipped, with a word,
 * when it is absent.
 * Results are printed and written to artifacts/bench.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clusterSection } from './cluster.ts';
import { extractSection } from './extract.ts';
import { ingestSection } from './ingest.ts';
import { reconcileSection } from './reconcile.ts';
import { serverSection } from './server.ts';
import type { BenchSection, TargetCheck } from './section.ts';

const SECTIONS: BenchSection[] = [
  extractSection,
  clusterSection,
  ingestSection,
  reconcileSection,
  serverSection,
];

const root = fileURLToPath(new URL('..', import.meta.url));
const sharedDir = resolve(root, '..', 'shared');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { limit: { type: 'string' }, only: { type: 'string', multiple: true } },
  });
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    console.error('bench: --limit expects a whole number of documents per corpus (1 or more)');
    return 2;
  }
  const only = values.only ?? [];
  const unknown = only.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(
      `bench: unknown section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`,
    );
    return 2;
  }
  const named = only.length > 0 ? SECTIONS.filter((s) => only.includes(s.name)) : SECTIONS;
  const haveShared = existsSync(sharedDir);
  const chosen = named.filter((s) => haveShared || s.needsShared === false);
  for (const s of named.filter((s) => !chosen.includes(s)))
    console.log(`bench: ${s.name} skipped: the shared reference data (${sharedDir}) is absent.`);
  if (chosen.length === 0) return 0;
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    limit: limit ?? null,
    sections: {},
  };
  const allTargets: TargetCheck[] = [];
  for (const section of chosen) {
    console.log(`== ${section.name}: ${section.description}`);
    const started = performance.now();
    const result = await section.run({ sharedDir, limit });
    for (const line of result.lines) console.log(line);
    for (const t of result.targets) console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.detail}`);
    const seconds = (performance.now() - started) / 1000;
    console.log(`(${section.name} took ${seconds.toFixed(1)} s)\n`);
    allTargets.push(...result.targets);
    (report['sections'] as Record<string, unknown>)[section.name] = {
      ...result.json,
      targets: result.targets,
      seconds,
    };
  }
  const passed = allTargets.filter((t) => t.pass).length;
  console.log(
    `targets: ${passed} of ${allTargets.length} passed${limit ? ` (--limit ${limit}: not a full run)` : ''}`,
  );
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  const out = join(root, 'artifacts', 'bench.json');
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${out}`);
  return 0;
}

process.exitCode = await main();
