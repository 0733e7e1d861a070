/** The public pages over a store filled from the server fixtures. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DOMParser } from 'linkedom';
import { GRADE_DEFINITIONS, STRIKE_STATUS_DEFINITIONS } from '../src/domain/definitions.ts';
import { serverFixture, type ServerFixture } from './fixtures/server-store.ts';

let f: ServerFixture;
before(async () => {
  f = await serverFixture();
});
after(async () => {
  await f.close();
});

type Document = ReturnType<DOMParser['parseFromString']>;

async function page(url: string, status = 200): Promise<Document> {
  const r = await f.app.inject({ url });
  assert.equal(r.statusCode, status, `${url}: ${r.body.slice(0, 300)}`);
  assert.match(String(r.headers['content-type']), /^text\/html; charset=utf-8/);
  return new DOMParser().parseFromString(r.body, 'text/html');
}

function texts(doc: Document, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim());
}

async function incidentId(q: string): Promise<number> {
  const r = await f.app.inject({ url: `/api/incidents?q=${q}` });
  return r.json<{ items: { id: number }[] }>().items[0]!.id;
}

describe('incident list', () => {
  it('lists every incident at / and /incidents, linking each to its page', async () => {
    for (const url of ['/', '/incidents']) {
      const doc = await page(url);
      assert.equal(doc.querySelector('h1')?.textContent, 'Incidents');
      const links = [...doc.querySelectorAll('table.incidents tbody tr td:first-child a')];
      assert.equal(links.length, 3);
      assert.ok(links.every((a) => /^\/incidents\/\d+$/.test(a.getAttribute('href') ?? '')));
      assert.match(texts(doc, '.count')[0]!, /^3 incidents match/);
    }
  });

  it('keeps the filters in the URL: the list narrows and the form shows them', async () => {
    const doc = await page('/incidents?governorate=Idlib&grading=Fair&q=market');
    assert.equal(doc.querySelectorAll('table.incidents tbody tr').length, 1);
    assert.match(texts(doc, 'table.incidents tbody tr')[0]!, /Hass/);
    assert.equal(doc.querySelector('input[name=governorate]')?.getAttribute('value'), 'Idlib');
    assert.equal(doc.querySelector('input[name=q]')?.getAttribute('value'), 'market');
    assert.equal(doc.querySelector('select[name=grading] option[selected]')?.getAttribute('value'), 'Fair');
    // Export links carry the same filters.
    const csv = doc.querySelector('a[href^="/api/export.csv"]')?.getAttribute('href') ?? '';
    assert.match(csv, /governorate=Idlib/);
    assert.match(csv, /grading=Fair/);
    const none = await page('/incidents?country=Iraq');
    assert.match(texts(none, '.empty')[0]!, /No incident matches/);
  });

  it('sorts by a column header link and pages on with a Next link', async () => {
    const doc = await page('/incidents');
    const killedHeader = [...doc.querySelectorAll('th a')].find((a) => a.textContent?.startsWith('Killed'));
    assert.ok(killedHeader);
    const sorted = await page(killedHeader.getAttribute('href')!);
    assert.deepEqual(texts(sorted, 'table.incidents tbody td:nth-child(4)'), ['12–14', '7', '3']);
    assert.equal(sorted.querySelector('th[aria-sort]')?.getAttribute('aria-sort'), 'descending');
    const seen: string[] = [];
    let url: string | null = '/incidents?limit=2';
    while (url) {
      const p = await page(url);
      seen.push(...texts(p, 'table.incidents tbody td:first-child'));
      url = p.querySelector('a[rel=next]')?.getAttribute('href') ?? null;
      if (url) assert.match(url, /limit=2&cursor=/);
    }
    assert.equal(seen.length, 3);
    assert.equal(new Set(seen).size, 3);
  });

  it('answers a bad filter with a 400 page naming the field', async () => {
    const doc = await page('/incidents?from=2017-02-30', 400);
    assert.match(texts(doc, '.error-message')[0]!, /^from: /);
    const grading = await page('/incidents?grading=Sure', 400);
    assert.match(texts(grading, '.error-message')[0]!, /^grading: /);
  });
});

describe('incident page', () => {
  it('shows the code, place, assessment, summary panel, sources with stances and evidence, and the history', async () => {
    const id = await incidentId('market');
    const doc = await page(`/incidents/${id}`);
    assert.match(doc.querySelector('h1')?.textContent ?? '', new RegExp(`^SW${id} Hass, Idlib, Syria$`));
    assert.match(texts(doc, '.when')[0]!, /2017-03-14/);
    assert.match(texts(doc, '.assessment p')[0]!, /Hass/);
    const panel = Object.fromEntries(
      [...doc.querySelectorAll('.summary-panel dt')].map((dt) => [
        dt.textContent,
        (dt.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ]),
    );
    assert.equal(panel['Civilians killed'], '12–14children 5, women –');
    assert.equal(panel['Injured'], '20');
    assert.equal(panel['Strike status'], 'Likely strike');
    assert.equal(panel['Strike type'], 'airstrike');
    assert.equal(panel['Suspected belligerents'], 'Russia');
    const grade = doc.querySelector('.summary-panel .grade');
    assert.equal(grade?.textContent, 'Fair');
    assert.equal(grade?.getAttribute('title'), GRADE_DEFINITIONS.Fair);
    const sources = [...doc.querySelectorAll('li.source')];
    assert.equal(sources.length, 2);
    const chips = texts(doc, '.chip');
    assert.ok(chips.includes('blames Russia'), chips.join(', '));
    assert.ok(chips.includes('denies Russia'), chips.join(', '));
    const quotes = [...doc.querySelectorAll('.evidence a')];
    assert.ok(quotes.length > 4);
    assert.ok(quotes.every((a) => /^\/reports\/\d+#ev-\d+-\d+$/.test(a.getAttribute('href') ?? '')));
    assert.ok(texts(doc, '.evidence q').includes('12 civilians'));
    assert.ok(doc.querySelectorAll('table.history tbody tr').length >= 3);
  });

  it('is a 404 page for an unknown incident', async () => {
    const doc = await page('/incidents/4242', 404);
    assert.match(texts(doc, '.error-message')[0]!, /no incident 4242/);
    await page('/incidents/first', 400);
  });
});

describe('report page', () => {
  it('shows the archived text with every evidence span marked and linked to its incident', async () => {
    const api = (await f.app.inject({ url: '/api/reports/1' })).json<{
      text: string;
      claims: { id: number; incidentId: number; evidence: { start: number; end: number }[] }[];
    }>();
    const doc = await page('/reports/1');
    const body = doc.querySelector('.report-text');
    // The marks only wrap: the text reads exactly as archived.
    assert.equal(body?.textContent, api.text);
    const anchors = new Set(
      [...doc.querySelectorAll('.report-text [id^="ev-"]')].map((e) => e.getAttribute('id')),
    );
    for (const c of api.claims) c.evidence.forEach((_e, k) => assert.ok(anchors.has(`ev-${c.id}-${k}`)));
    const links = [...doc.querySelectorAll('.report-text mark a')].map((a) => a.getAttribute('href'));
    assert.ok(links.length > 0);
    const claim = api.claims[0]!;
    assert.ok(links.every((h) => h === `/incidents/${claim.incidentId}#claim-${claim.id}`));
    assert.equal(doc.querySelector('a[download]')?.getAttribute('href'), '/reports/1/original');
  });

  it('offers the original bytes as a download, never as a page', async () => {
    const text = await f.app.inject({ url: '/reports/1/original' });
    assert.equal(text.statusCode, 200);
    assert.equal(text.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(text.headers['content-disposition'], 'attachment; filename="report-1-v1.txt"');
    assert.match(text.body, /^Airstrike kills 12 civilians in Hass/);
    const html = await f.app.inject({ url: '/reports/2/original' });
    assert.equal(html.headers['content-type'], 'application/octet-stream');
    assert.equal(html.headers['content-disposition'], 'attachment; filename="report-2-v1.html"');
    assert.match(String(html.headers['content-security-policy']), /sandbox/);
    assert.equal((await f.app.inject({ url: '/reports/999/original' })).statusCode, 404);
    await page('/reports/999', 404);
  });
});

describe('methodology and API pages', () => {
  it('explains every grade and strike status in the words the hover text uses', async () => {
    const doc = await page('/methodology');
    const body = doc.querySelector('main')?.textContent ?? '';
    for (const text of [...Object.values(GRADE_DEFINITIONS), ...Object.values(STRIKE_STATUS_DEFINITIONS)])
      assert.ok(body.includes(text), text);
  });

  it('renders the API page from the OpenAPI document, every route on it', async () => {
    const doc = await page('/api/docs');
    const routes = texts(doc, '.operation h3 code');
    assert.deepEqual(routes.sort(), [
      '/api/export.csv',
      '/api/export.geojson',
      '/api/export.jsonl',
      '/api/incidents',
      '/api/incidents/{id}',
      '/api/map',
      '/api/reports/{id}',
    ]);
    assert.ok(doc.querySelector('a[href="/api/openapi.json"]'));
  });

  it('serves the stylesheet every page links to', async () => {
    const doc = await page('/methodology');
    assert.equal(doc.querySelector('link[rel=stylesheet]')?.getAttribute('href'), '/assets/site.css');
    const css = await f.app.inject({ url: '/assets/site.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
  });
});
