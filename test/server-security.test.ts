/**
 * Every report is untrusted: a report whose text, outlet, title, address and key carry script
 * and HTML payloads goes through ingest, and no page or API response lets any of it through as
 * markup. Every response carries the security headers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DOMParser } from 'linkedom';
import { PAYLOADS, serverFixture, type ServerFixture } from './fixtures/server-store.ts';

let f: ServerFixture;
let urls: string[];
before(async () => {
  f = await serverFixture();
  const incidents = (await f.app.inject({ url: '/api/incidents' })).json<{ items: { id: number }[] }>().items;
  const reports = [1, 2, 3, 4];
  urls = [
    '/',
    '/incidents',
    `/incidents?q=${encodeURIComponent('<script>alert(1)</script>')}`,
    `/incidents?country=${encodeURIComponent('"><svg onload=alert(1)>')}&governorate=${encodeURIComponent("'onfocus='alert(1)")}`,
    `/incidents?from=${encodeURIComponent('<script>')}`,
    `/incidents?belligerent=${encodeURIComponent('"><script>alert(1)</script>')}`,
    '/methodology',
    '/api/docs',
    '/map',
    `/map?q=${encodeURIComponent('<script>alert(1)</script>')}&governorate=${encodeURIComponent('"><svg onload=alert(1)>')}`,
    '/api/map',
    `/api/map?q=${encodeURIComponent('<script>')}`,
    `/nothing/${encodeURIComponent('<script>alert(1)</script>')}`,
    ...incidents.map((i) => `/incidents/${i.id}`),
    ...reports.map((id) => `/reports/${id}`),
    '/api/incidents',
    `/api/incidents?q=${encodeURIComponent('<script>')}`,
    `/api/incidents?sort=${encodeURIComponent('<script>')}`,
    ...incidents.map((i) => `/api/incidents/${i.id}`),
    ...reports.map((id) => `/api/reports/${id}`),
    '/api/export.geojson',
    '/api/export.jsonl',
    '/api/openapi.json',
    `/api/${encodeURIComponent('<script>')}`,
    // Malformed URLs are answered before any hook: the headers must be there too.
    '/incidents/%ZZ<script>',
    '/api/incidents/%ZZ<script>',
  ];
});
after(async () => {
  await f.close();
});

/** Markup a payload would need to run or to break out of its place (the server's own charts are SVG, its one script external). */
const DANGEROUS = [/<script(?! src="\/assets\/map\.js" defer><\/script>)/i, /<img/i, /<svg\s+on/i, /<b\s/i];

/** Tags with their quoted attribute values emptied, so text inside a value is not read as markup. */
function tagsOf(body: string): string[] {
  return (body.match(/<[a-z][^<>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
}

describe('untrusted report content', () => {
  it('reaches the store as received (the test would prove nothing otherwise)', async () => {
    const report = await f.opened.store.reports.get(4);
    assert.equal(report?.outlet, PAYLOADS.outlet);
    assert.equal(report?.title, PAYLOADS.title);
    assert.match(report?.text ?? '', /<script>alert\("text"\)<\/script>/);
  });

  it('never appears as markup in any page or API response', async () => {
    for (const url of urls) {
      const r = await f.app.inject({ url });
      for (const pattern of DANGEROUS) assert.doesNotMatch(r.body, pattern, `${url} lets ${pattern} through`);
      for (const tag of tagsOf(r.body)) assert.doesNotMatch(tag, /\son\w+\s*=/i, `${url}: handler in ${tag}`);
    }
  });

  it('leaves every page well formed: no script element, no event handler, no javascript: link, every attribute quoted', async () => {
    for (const url of urls.filter((u) => !u.startsWith('/api/') || u === '/api/docs')) {
      const r = await f.app.inject({ url });
      assert.match(String(r.headers['content-type']), /^text\/html/, url);
      const doc = new DOMParser().parseFromString(r.body, 'text/html');
      assert.equal(doc.querySelectorAll('iframe, object, embed, img, foreignObject').length, 0, url);
      for (const script of doc.querySelectorAll('script')) {
        assert.equal(script.getAttribute('src'), '/assets/map.js', `${url}: script ${script.outerHTML}`);
        assert.equal(script.textContent, '', `${url}: inline script`);
      }
      for (const element of doc.querySelectorAll('*')) {
        for (const name of element.getAttributeNames()) {
          assert.doesNotMatch(name, /^on/i, `${url}: ${element.tagName} has ${name}`);
          assert.ok(name !== 'style', `${url}: inline style on ${element.tagName}`);
        }
        const href = element.getAttribute('href');
        if (href !== null) assert.match(href, /^(\/|#|https?:\/\/)/, `${url}: link to ${href}`);
      }
      // An unquoted attribute value inside a tag is a way out of it.
      for (const tag of tagsOf(r.body))
        assert.doesNotMatch(tag, /=(?!"")/, `${url}: unquoted attribute in ${tag}`);
    }
  });

  it('shows the payloads as the text they are', async () => {
    const r = await f.app.inject({ url: '/reports/4' });
    const doc = new DOMParser().parseFromString(r.body, 'text/html');
    assert.equal(doc.querySelector('h1')?.textContent, PAYLOADS.title);
    assert.ok((doc.querySelector('.report-meta')?.textContent ?? '').includes(PAYLOADS.outlet));
    assert.ok(
      (doc.querySelector('.report-text')?.textContent ?? '').includes(`<script>alert('strike')</script>`),
    );
    // A javascript: address is shown, never linked.
    assert.ok(![...doc.querySelectorAll('a')].some((a) => a.getAttribute('href')?.includes('alert')));
    const api = (await f.app.inject({ url: '/api/reports/4' })).json<{ outlet: string; url: string }>();
    assert.equal(api.outlet, PAYLOADS.outlet);
    assert.equal(api.url, PAYLOADS.url);
  });
});

describe('security headers', () => {
  it('are on every response: pages, API answers, errors, assets and downloads', async () => {
    for (const url of [...urls, '/assets/site.css', '/reports/1/original', '/api/export.csv']) {
      const r = await f.app.inject({ url });
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'|default-src 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url);
      if (url !== '/reports/1/original') assert.match(csp, /frame-ancestors 'none'/, url);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(r.headers['referrer-policy'], 'no-referrer', url);
      assert.equal(r.headers['x-frame-options'], 'DENY', url);
    }
  });
});
