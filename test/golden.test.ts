import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { canonicalExtraction } from '../src/apps/cli/extraction-json.ts';
import { loadExtractor, openSources } from '../src/compose.ts';

const GOLDEN_DIR = fileURLToPath(new URL('fixtures/golden/', import.meta.url));
const names = (await readdir(GOLDEN_DIR)).filter((n) => n.endsWith('.txt')).sort();

describe('golden extractions (regenerate with npm run golden:update, then review the diff)', () => {
  it('has fixtures', () => {
    assert.ok(names.length > 0, `no .txt fixtures in ${GOLDEN_DIR}`);
  });

  const extract = loadExtractor();
  for (const name of names) {
    it(name, async () => {
      const id = name.replace(/\.txt$/, '');
      const expected: unknown = JSON.parse(await readFile(join(GOLDEN_DIR, `${id}.expected.json`), 'utf8'));
      const items = [];
      for await (const item of openSources([join(GOLDEN_DIR, name)])) items.push(item);
      const [item] = items;
      assert.ok(item?.ok, JSON.stringify(item));
      assert.deepEqual(canonicalExtraction(extract(item.doc)), expected);
    });
  }
});
