import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { readSources, type SourceItem } from './read-sources.ts';
import { safeFetch } from './safe-fetch.ts';

const PAGE = `<!doctype html><html><head><title>Strike on a market</title>
<meta property="article:published_time" content="2017-02-08T09:00:00Z"></head>
<body><article><h1>Strike on a market</h1><p>Warplanes struck a crowded market in the town on Tuesday, killing
nine civilians, a local monitor said. Rescue workers searched the rubble for hours afterwards.</p></article></body></html>`;

let server: Server;
let base: string;
before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hops = Number(url.searchParams.get('n') ?? 0);
    switch (url.pathname) {
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        return;
      case '/gzip':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
        res.end(gzipSync('Jets bombed the bakery.\n'));
        return;
      case '/hop':
        res.writeHead(302, { location: hops > 0 ? `/hop?n=${hops - 1}` : '/page' }).end();
        return;
      case '/to-metadata':
        res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      case '/to-file':
        res.writeHead(302, { location: 'file:///etc/passwd' }).end();
        return;
      case '/big':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(200_000));
        return;
      case '/slow':
        setTimeout(() => res.writeHead(200).end('late'), 3000).unref();
        return;
      case '/missing':
        res.writeHead(404).end('no');
        return;
      case '/feed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Town Monitor</title>
<item><title>Market</title><link>${base}/page</link><pubDate>Wed, 08 Feb 2017 10:00:00 GMT</pubDate></item>
<item><title>Bakery</title><link>/gzip</link><pubDate>Thu, 09 Feb 2017 10:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>/missing</link></item>
</channel></rss>`);
        return;
      case '/atom':
        res.writeHead(200, { 'content-type': 'application/atom+xml' })
          .end(`<feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Monitor</title><entry><title>Market</title><link rel="alternate" href="/page"/>
<published>2017-02-08T10:00:00Z</published></entry></feed>`);
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
});

const OPEN = { allowPrivate: true, timeoutMs: 2000 };

async function read(inputs: string[], allowPrivate = true): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(inputs, { fetch: { allowPrivate, timeoutMs: 2000 } }))
    items.push(item);
  return items;
}

describe('safe fetching', () => {
  it('refuses loopback addresses unless private addresses are allowed', async () => {
    const refused = await safeFetch(`${base}/page`);
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.refused);
    assert.match(!refused.ok ? refused.error : '', /127\.0\.0\.1 is a loopback address/);
    const byName = await safeFetch(`${base.replace('127.0.0.1', 'localhost')}/page`);
    assert.ok(!byName.ok && byName.refused, JSON.stringify(byName));
    assert.match(!byName.ok ? byName.error : '', /localhost resolves to .*loopback/);
    const allowed = await safeFetch(`${base}/page`, OPEN);
    assert.ok(allowed.ok);
    assert.equal(allowed.status, 200);
  });

  it('follows up to five redirects, each checked again', async () => {
    const five = await safeFetch(`${base}/hop?n=4`, OPEN);
    assert.ok(five.ok, JSON.stringify(five));
    assert.equal(five.url, `${base}/page`);
    const six = await safeFetch(`${base}/hop?n=5`, OPEN);
    assert.deepEqual(six, { ok: false, error: 'more than 5 redirects', refused: false });
    const metadata = await safeFetch(`${base}/to-metadata`, OPEN);
    assert.ok(!metadata.ok && metadata.refused);
    assert.match(!metadata.ok ? metadata.error : '', /metadata/);
    const file = await safeFetch(`${base}/to-file`, OPEN);
    assert.deepEqual(file, { ok: false, error: 'only http and https are fetched, not file:', refused: true });
  });

  it('stops at the size cap and the deadline, and reports HTTP errors', async () => {
    const big = await safeFetch(`${base}/big`, { ...OPEN, maxBytes: 100_000 });
    assert.ok(!big.ok && !big.refused);
    assert.match(!big.ok ? big.error : '', /over the 97\.7 KB limit/);
    const slow = await safeFetch(`${base}/slow`, { ...OPEN, timeoutMs: 300 });
    assert.deepEqual(slow, { ok: false, error: 'timed out', refused: false });
    assert.deepEqual(await safeFetch(`${base}/missing`, OPEN), {
      ok: false,
      error: 'HTTP 404',
      refused: false,
    });
    const gz = await safeFetch(`${base}/gzip`, OPEN);
    assert.ok(gz.ok);
    assert.equal(gz.bytes.toString(), 'Jets bombed the bakery.\n');
  });
});

describe('reading URLs and feeds', () => {
  it('makes a page one report keyed by its address', async () => {
    const [item, ...rest] = await read([`${base}/page`]);
    assert.equal(rest.length, 0);
    assert.ok(item?.ok, JSON.stringify(item));
    assert.equal(item.received.key, `${base}/page`);
    assert.equal(item.received.mediaType, 'text/html');
    assert.equal(item.doc.published, '2017-02-08');
    assert.match(item.doc.text, /killing\s+nine civilians/);
  });

  it('fetches each item of an RSS feed, recording the ones that fail', async () => {
    const items = await read([`${base}/feed`]);
    assert.equal(items.length, 3);
    const [market, bakery, gone] = items;
    assert.ok(market?.ok && bakery?.ok);
    assert.equal(market.doc.outlet, 'Town Monitor');
    assert.equal(bakery.doc.published, '2017-02-09');
    assert.equal(bakery.doc.title, 'Bakery');
    assert.deepEqual(gone, { ok: false, source: `${base}/missing`, error: 'HTTP 404', refused: false });
  });

  it('reads Atom feeds too', async () => {
    const items = await read([`${base}/atom`]);
    const [entry, ...rest] = items;
    assert.equal(rest.length, 0);
    assert.ok(entry?.ok);
    assert.equal(entry.received.key, `${base}/page`);
  });

  it('refuses other schemes and private addresses without --allow-private', async () => {
    const items = await read(['ftp://example.org/report.txt', `${base}/page`], false);
    assert.deepEqual(
      items.map((i) => !i.ok && i.refused),
      [true, true],
    );
  });
});
