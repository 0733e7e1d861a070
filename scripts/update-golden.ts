/**
 * Regenerates the golden files: runs the extractor over test/fixtures/golden/*.txt and writes
 * <name>.expected.json beside each. Review the diff before committing it.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { canonicalExtraction } from '../src/apps/cli/extraction-json.ts';
import { loadExtractor, openSources } from '../src/compose.ts';

export const GOLDEN_DIR = fileURLToPath(new URL('../test/fixtures/golden/', import.meta.url));

async function main(): Promise<number> {
  const names = (await readdir(GOLDEN_DIR)).filter((n) => n.endsWith('.txt')).sort();
  if (names.length === 0) {
    console.error(`update-golden: no .txt fixtures in ${GOLDEN_DIR}`);
    return 1;
  }
  const extract = loadExtractor();
  const config = (await prettier.resolveConfig(join(GOLDEN_DIR, 'x.expected.json'))) ?? {};
  let failures = 0;
  for await (const item of openSources(names.map((n) => join(GOLDEN_DIR, n)))) {
    if (!item.ok) {
      console.error(`update-golden: ${item.source}: ${item.error}`);
      failures++;
      continue;
    }
    const json = JSON.stringify(canonicalExtraction(extract(item.doc)), null, 2);
    const target = join(GOLDEN_DIR, `${item.doc.id}.expected.json`);
    await writeFile(target, await prettier.format(json, { ...config, parser: 'json' }));
    console.log(`wrote ${item.doc.id}.expected.json`);
  }
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
