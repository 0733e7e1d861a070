import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { SourceDocument } from '../../domain/extraction.ts';
import { readSources, type ReadOptions, type SourceItem } from './read-sources.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikewatch-sources-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
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

function only(items: SourceItem[]): SourceDocument {
  assert.equal(items.length, 1, JSON.stringify(items));
  const item = items[0]!;
  assert.ok(item.ok, JSON.stringify(item));
  return item.doc;
}

function failure(items: SourceItem[]): { source: string; error: string } {
  assert.equal(items.length, 1, JSON.stringify(items));
  const item = items[0]!;
  assert.ok(!item.ok, `expected an error, got ${JSON.stringify(item)}`);
  return item;
}

const REPORT = 'Strike hits market\n\nBEIRUT, 8 February 2017\n\nWarplanes struck a market on Tuesday.\n';

describe('text files', () => {
  it('takes the id from the file name, the title from a first line followed by a blank line, text as is', async () => {
    const doc = only(await read([await file('market-strike.txt', REPORT)]));
    assert.deepEqual(doc, {
      id: 'market-strike',
      text: REPORT,
      published: null,
      title: 'Strike hits market',
      url: null,
      outlet: null,
    });
  });

  it('has no title when the first line runs straight into the body', async () => {
    const doc = only(await read([await file('no-title.txt', 'One line\nand another.\n')]));
    assert.equal(doc.title, null);
  });

  it('finds the publication day through the dateline hook, given only the start of the text', async () => {
    const seen: string[] = [];
    const findDateline = (text: string): string | null => {
      seen.push(text);
      return text.includes('8 February 2017') ? '2017-02-08' : null;
    };
    const long = REPORT + 'x'.repeat(5000);
    const doc = only(await read([await file('dated.txt', long)], { findDateline }));
    assert.equal(doc.published, '2017-02-08');
    assert.ok(seen[0]!.length < 1000);
  });

  it('lets --published override the dateline', async () => {
    const doc = only(
      await read([await file('over.txt', REPORT)], {
        published: '2020-01-01',
        findDateline: () => '2017-02-08',
      }),
    );
    assert.equal(doc.published, '2020-01-01');
  });

  it('uses --id for a single file', async () => {
    const doc = only(await read([await file('named.txt', REPORT)], { id: 'custom-id' }));
    assert.equal(doc.id, 'custom-id');
  });
});

const PAGE = `<!DOCTYPE html><html><head>
<title>Page title | Outlet</title>
<meta property="og:title" content="Strike on Idlib">
<meta property="og:site_name" content="Example Outlet">
<meta property="article:published_time" content="2017-02-07T23:30:00-05:00">
<link rel="canonical" href="https://example.org/idlib">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Strike on Idlib</h1>
<p>Warplanes struck the centre of Idlib city on Tuesday, killing at least 20 people according to rescue workers.</p>
<p>Rescuers searched the <b>rubble</b> through the night.<br>Hospitals asked for blood donors in the evening.</p>
<p>Russia denied that its aircraft had flown over the city on that day, while activists blamed Russian jets.</p>
</article><footer>Copyright</footer><script>var x = 1;</script></body></html>`;

describe('HTML files', () => {
  it('extracts the article with blank lines between paragraphs, title, day, url and outlet', async () => {
    const doc = only(await read([await file('page.html', PAGE)]));
    assert.equal(doc.id, 'page');
    assert.equal(doc.title, 'Strike on Idlib');
    assert.equal(doc.published, '2017-02-07');
    assert.equal(doc.url, 'https://example.org/idlib');
    assert.equal(doc.outlet, 'Example Outlet');
    assert.match(
      doc.text,
      /killing at least 20 people according to rescue workers\.\n\nRescuers searched the rubble/,
    );
    assert.match(doc.text, /through the night\.\nHospitals asked/);
    assert.doesNotMatch(doc.text, /var x|Copyright|Home World/);
  });

  const dated: [string, string][] = [
    ['og:published_time', '<meta property="og:published_time" content="2016-10-26T09:00:00Z">'],
    [
      'JSON-LD datePublished',
      '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2016-10-26"}]}</script>',
    ],
    ['JSON-LD dateCreated', '<script type="application/ld+json">{"dateCreated":"2016-10-26T10:00"}</script>'],
    ['<time datetime>', '<time datetime="2016-10-26">Wednesday</time>'],
    ['meta name=date', '<meta name="date" content="2016-10-26">'],
    ['meta name=pubdate', '<meta name="pubdate" content="2016-10-26">'],
    ['meta name=DC.date', '<meta name="DC.date" content="October 26, 2016">'],
  ];
  for (const [what, tag] of dated) {
    it(`reads the publication day from ${what}`, async () => {
      const html = `<html><head>${tag}</head><body><p>Air strikes hit a school complex in the village.</p>${tag}</body></html>`;
      const doc = only(await read([await file(`dated-${dated.findIndex((d) => d[0] === what)}.html`, html)]));
      assert.equal(doc.published, '2016-10-26');
    });
  }

  it('reads the url from og:url when there is no canonical link, and .htm files', async () => {
    const html =
      '<html><head><meta property="og:url" content="https://example.org/x"></head><body><p>Text.</p></body></html>';
    const doc = only(await read([await file('og.htm', html)]));
    assert.equal(doc.url, 'https://example.org/x');
  });

  it('lets --published override the page metadata', async () => {
    const doc = only(await read([await file('page2.html', PAGE)], { published: '2001-02-03' }));
    assert.equal(doc.published, '2001-02-03');
  });

  it('still extracts text from malformed HTML', async () => {
    const broken =
      '<html><body><div><p>Barrel bombs hit <b>Aleppo<p>Second part without closing tags <table><tr><td>cell';
    const doc = only(await read([await file('broken.html', broken)]));
    assert.match(doc.text, /Barrel bombs hit Aleppo/);
    assert.match(doc.text, /Second part without closing tags/);
  });

  it('reads a fragment without <html> or <body>', async () => {
    const doc = only(await read([await file('fragment.html', '<p>First.</p><p>Second.</p>')]));
    assert.equal(doc.text, 'First.\n\nSecond.');
  });

  it('fails when the page has no text', async () => {
    const { error } = failure(
      await read([
        await file(
          'blank.html',
          '<html><head><title>t</title></head><body> <script>1</script></body></html>',
        ),
      ]),
    );
    assert.match(error, /no text/);
  });
});

describe('record files', () => {
  it('reads .jsonl records, with text_file relative to the record file and published from the record', async () => {
    await file('recs/texts/a.txt', 'Title A\n\nBody of A.\n');
    const path = await file(
      'recs/batch.jsonl',
      [
        JSON.stringify({ id: 'a', text_file: 'texts/a.txt', published: '2017-04-05', outlet: 'Agency' }),
        '',
        JSON.stringify({ id: 'b', html: '<p>Body of B.</p>', url: 'https://example.org/b', title: 'B' }),
        JSON.stringify({ id: 'c', text: 'Body of C.', published: '2017-04-06T10:00:00Z' }),
      ].join('\r\n'),
    );
    const items = await read([path]);
    assert.deepEqual(
      items.map((i) => (i.ok ? [i.source, i.doc.id, i.doc.title, i.doc.published, i.doc.text] : i)),
      [
        [`${path}:1`, 'a', 'Title A', '2017-04-05', 'Title A\n\nBody of A.\n'],
        [`${path}:3`, 'b', 'B', null, 'Body of B.'],
        [`${path}:4`, 'c', null, '2017-04-06', 'Body of C.'],
      ],
    );
    const a = items[0]!;
    assert.ok(a.ok && a.doc.outlet === 'Agency');
  });

  it('names file:line and the field for each bad record, and keeps reading', async () => {
    const path = await file(
      'bad.jsonl',
      [
        '{"text": "no id"}',
        '{"id": "x"}',
        '{"id": "y", "text": 5}',
        '{"id": "z", "text": "ok", "published": "last week"}',
        '{"id": "w", "text": "ok", "title": ["a"]}',
        '{"id": "v", "text_file": "missing.txt"}',
        'not json',
        '[1, 2]',
        '{"id": "good", "text": "Fine."}',
      ].join('\n'),
    );
    const items = await read([path]);
    const errors = items.filter((i) => !i.ok).map((i) => `${i.source} ${i.ok ? '' : i.error}`);
    assert.equal(errors.length, 8);
    const expected = [
      /:1 field "id" is missing/,
      /:2 needs one of the fields "text", "html" or "text_file"/,
      /:3 field "text" must be a string/,
      /:4 field "published" must be a date YYYY-MM-DD/,
      /:5 field "title" must be a string/,
      /:6 field "text_file" \(missing\.txt\): no such file or directory/,
      /:7 invalid JSON/,
      /:8 expected a JSON object/,
    ];
    expected.forEach((re, i) => assert.match(errors[i]!, re));
    assert.ok(items.at(-1)!.ok);
  });

  it('reads .json with one record or an array, naming the line of a bad element', async () => {
    const one = only(await read([await file('one.json', '{"id": "solo", "text": "Alone."}')]));
    assert.equal(one.id, 'solo');
    const items = await read([
      await file(
        'many.json',
        '[\n  {"id": "a", "text": "A [x], {y}"},\n  {"id": "b"},\n  {"id": "c", "text": "C"}\n]\n',
      ),
    ]);
    assert.equal(items.length, 3);
    const bad = items[1]!;
    assert.ok(!bad.ok);
    assert.match(bad.source, /many\.json:3$/);
  });

  it('rejects JSON that is not records', async () => {
    assert.match(failure(await read([await file('num.json', '42')])).error, /expected a record object/);
    assert.match(failure(await read([await file('broken.json', '{"id": ')])).error, /invalid JSON/);
    assert.match(failure(await read([await file('none.json', '[]')])).error, /no records/);
    assert.match(failure(await read([await file('blank.jsonl', '\n\n  \n')])).error, /no records/);
  });

  it('does not take --id for record files', async () => {
    const { error } = failure(await read([await file('ids.jsonl', '{"id":"a","text":"x"}')], { id: 'z' }));
    assert.match(error, /records carry their own ids/);
  });
});

describe('bad input', () => {
  it('names an unreadable path and continues with the rest', async () => {
    const good = await file('good.txt', REPORT);
    const items = await read([join(dir, 'nope.txt'), good]);
    assert.equal(items.length, 2);
    assert.deepEqual(items[0], {
      ok: false,
      source: join(dir, 'nope.txt'),
      error: 'no such file or directory',
    });
    assert.ok(items[1]!.ok);
  });

  it('reports a directory without supported files', async () => {
    await file('docs-only/readme.md', '# hi');
    const skipped: string[] = [];
    const { error } = failure(await read([join(dir, 'docs-only')], { onSkipped: (p) => skipped.push(p) }));
    assert.match(error, /no supported files/);
    assert.equal(skipped.length, 1);
  });

  it('rejects empty and whitespace-only files', async () => {
    assert.equal(failure(await read([await file('empty.txt', '')])).error, 'empty file');
    assert.match(failure(await read([await file('spaces.txt', ' \n\t\n')])).error, /^empty file/);
  });

  it('rejects binary content', async () => {
    const nul = failure(await read([await file('nul.txt', new Uint8Array([0x41, 0x00, 0x42]))]));
    assert.match(nul.error, /binary/);
    const controls = new Uint8Array(200).map((_, i) => (i % 2 === 0 ? 0x01 : 0x41));
    assert.match(failure(await read([await file('ctl.txt', controls)])).error, /binary/);
    const utf16 = failure(await read([await file('u16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00]))]));
    assert.match(utf16.error, /UTF-16/);
  });

  it('rejects invalid UTF-8 with the offset of the first bad byte', async () => {
    const bytes = new Uint8Array([...Buffer.from('Aleppo '), 0xc3, 0x28, 0x41]);
    assert.match(failure(await read([await file('latin.txt', bytes)])).error, /not valid UTF-8 .*offset 7/);
  });

  it('refuses a file over the size limit before reading it, saying size and limit', async () => {
    const path = await file('huge.txt', '');
    await truncate(path, 51 * 1024 * 1024);
    assert.equal(failure(await read([path])).error, 'file is 51.0 MB, over the 50.0 MB limit');
  });

  it('holds each .jsonl line to the size limit while streaming the rest', async () => {
    const path = await file(
      'long.jsonl',
      `{"id":"a","text":"${'x'.repeat(300)}"}\n{"id":"b","text":"short"}\n`,
    );
    const items = await read([path], { maxBytes: 100 });
    assert.match(items[0]!.ok ? '' : items[0]!.error, /line is 3\d\d bytes, over the 100 bytes limit/);
    assert.ok(items[1]!.ok);
  });

  it('rejects an unsupported extension named explicitly', async () => {
    assert.match(failure(await read([await file('report.pdf', 'x')])).error, /unsupported file type "\.pdf"/);
  });
});

describe('directories', () => {
  it('reads supported files recursively in name order, skipping hidden and unsupported files', async () => {
    await file('tree/b.txt', 'B text');
    await file('tree/a/c.html', '<p>C text</p>');
    await file('tree/a/notes.md', 'skip me');
    await file('tree/.hidden.txt', 'hidden');
    await file('tree/z.jsonl', '{"id":"z","text":"Z text"}');
    const skipped: string[] = [];
    const items = await read([join(dir, 'tree')], { onSkipped: (p) => skipped.push(p) });
    assert.deepEqual(
      items.map((i) => (i.ok ? i.doc.id : i.error)),
      ['c', 'b', 'z'],
    );
    assert.deepEqual(skipped, [join(dir, 'tree/a/notes.md')]);
  });

  it('does not take --id for a directory', async () => {
    await file('iddir/a.txt', 'x');
    assert.match(failure(await read([join(dir, 'iddir')], { id: 'x' })).error, /--id/);
  });
});

describe('stdin', () => {
  const stdin = (...chunks: string[]): AsyncIterable<Uint8Array> =>
    Readable.from(chunks.map((c) => Buffer.from(c)));

  it('reads text from - with --id', async () => {
    const doc = only(await read(['-'], { stdin: stdin('Title\n\n', 'Body.'), id: 'from-pipe' }));
    assert.equal(doc.id, 'from-pipe');
    assert.equal(doc.title, 'Title');
    assert.equal(doc.text, 'Title\n\nBody.');
  });

  it('treats input that starts like a page as HTML', async () => {
    const doc = only(
      await read(['-'], { stdin: stdin('<!doctype html><html><body><p>A.</p><p>B.</p></body></html>') }),
    );
    assert.equal(doc.id, 'stdin');
    assert.equal(doc.text, 'A.\n\nB.');
  });

  it('reports empty and oversized input', async () => {
    assert.match(failure(await read(['-'], { stdin: stdin('') })).error, /empty input/);
    assert.match(
      failure(await read(['-'], { stdin: stdin('x'.repeat(50)), maxBytes: 10 })).error,
      /over the 10 bytes limit/,
    );
  });
});
