import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readSources, type ReadOptions, type SourceItem } from './read-sources.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikewatch-formats-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

async function read(inputs: string[], options: ReadOptions = {}): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(inputs, options)) items.push(item);
  return items;
}

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('what ingest keeps of each input', () => {
  it('keys a file by its real path and keeps its bytes', async () => {
    const path = await file('a/report.txt', 'Shelling hit the bakery.\n');
    const [item] = await read([path], { outlet: 'Town Monitor' });
    assert.ok(item?.ok);
    assert.equal(item.received.key, `file:${await realpath(path)}`);
    assert.equal(decode(item.received.bytes), 'Shelling hit the bakery.\n');
    assert.equal(item.received.mediaType, 'text/plain');
    assert.equal(item.doc.outlet, 'Town Monitor');
  });

  it('keys records by id; a record pointing to a text file keeps that file as its bytes', async () => {
    await file('b/texts/one.txt', 'Barrel bombs fell on the town.');
    const path = await file(
      'b/records.jsonl',
      '{"id":"r1","text_file":"texts/one.txt","language":"en"}\n{"id":"r2","text":"A drone hit a car.","lang":"ar"}\n',
    );
    const items = await read([path]);
    assert.ok(items[0]?.ok && items[1]?.ok);
    assert.deepEqual(
      items.map((i) => (i.ok ? [i.received.key, i.received.mediaType, i.received.language] : null)),
      [
        ['record:r1', 'text/plain', 'en'],
        ['record:r2', 'application/json', 'ar'],
      ],
    );
    assert.equal(decode(items[0].received.bytes), 'Barrel bombs fell on the town.');
    assert.equal(decode(items[1].received.bytes), '{"id":"r2","text":"A drone hit a car.","lang":"ar"}');
  });
});

describe('CSV records', () => {
  it('reads fields through the column map and names bad rows by line', async () => {
    const path = await file(
      'c/reports.csv',
      'uid,body,date,source\nx1,"Jets struck the market, killing 4.",2017-02-08,Monitor\nx2,,2017-02-09,Monitor\nx3,Short,,\nx4,too,many,cells,here\n',
    );
    const items = await read([path], {
      columns: { id: 'uid', text: 'body', published: 'date', outlet: 'source' },
    });
    assert.equal(items.length, 4);
    const [first, empty, third, wide] = items;
    assert.ok(first?.ok);
    assert.equal(first.doc.id, 'x1');
    assert.equal(first.doc.text, 'Jets struck the market, killing 4.');
    assert.equal(first.doc.published, '2017-02-08');
    assert.equal(first.doc.outlet, 'Monitor');
    assert.equal(first.received.key, 'record:x1');
    assert.equal(first.received.mediaType, 'text/csv');
    assert.deepEqual(empty, {
      ok: false,
      source: `${path}:3`,
      error: 'needs one of the fields "text", "html" or "text_file"',
    });
    assert.ok(third?.ok);
    assert.deepEqual(wide, { ok: false, source: `${path}:5`, error: 'row has 5 cells, the header has 4' });
  });

  it('says which mapped column is missing', async () => {
    const path = await file('c/plain.csv', 'text\nhello there\n');
    const [item] = await read([path], { columns: { text: 'body' } });
    assert.deepEqual(item, {
      ok: false,
      source: path,
      error: 'column "body" (for text) is not in the header (text)',
    });
  });

  it('names rows without an id column after the file and line', async () => {
    const path = await file('c/noid.csv', 'text\nA strike on a school.\n');
    const [item] = await read([path]);
    assert.ok(item?.ok);
    assert.equal(item.doc.id, 'noid-2');
    assert.equal(item.received.key, `file:${await realpath(path)}#2`);
  });
});

describe('Airwars incident records', () => {
  it('makes the narrative and each archived report a report, one shared report per cited page', async () => {
    const record = (id: string, text: string | null, reports: unknown[]): string =>
      JSON.stringify({ id, url: null, text, reports, official_statements: [], fields: null });
    const path = await file(
      'd/incidents.jsonl',
      [
        record('CS1', 'Local sources said jets struck a farm near the village.', [
          {
            url: 'https://example.org/a',
            publisher: 'Local Page',
            title: 'A',
            published: '2017-03-01',
            lang: 'en',
            text: 'Jets struck a farm.',
          },
          { url: null, publisher: 'Page B', title: null, published: null, lang: 'ar', text: '' },
        ]),
        record('CS2', null, [
          { url: 'https://example.org/a', publisher: 'Local Page', text: 'Jets struck a farm.' },
        ]),
        '{not json',
        record('CS3', null, []),
      ].join('\n'),
    );
    const items = await read([path], { layout: 'airwars' });
    assert.deepEqual(
      items.map((i) => (i.ok ? `${i.source} ${i.received.key}` : `${i.source}: ${i.error.slice(0, 20)}`)),
      [
        `${path}:1 text airwars:CS1`,
        `${path}:1 reports[0] https://example.org/a`,
        `${path}:1 reports[1]: field "text" is miss`,
        `${path}:2 reports[0] https://example.org/a`,
        `${path}:3: invalid JSON: Expect`,
      ],
    );
    const report = items[1];
    assert.ok(report?.ok);
    assert.equal(report.doc.outlet, 'Local Page');
    assert.equal(report.doc.published, '2017-03-01');
    assert.equal(report.received.language, 'en');
  });
});
