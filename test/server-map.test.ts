/** The map page, its data, the timeline and the tile setting, over the server fixtures. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DOMParser } from 'linkedom';
import { buildServer } from '../src/apps/server/build-server.ts';
import type { MapData } from '../src/apps/web/map-data.ts';
import { reportProcessor } from '../src/compose.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';
import { FIXTURES, fixtureItems, serverFixture, type ServerFixture } from './fixtures/server-store.ts';

let f: ServerFixture;
before(async () => {
  f = await serverFixture();
});
after(async () => {
  await f.close();
});

async function get(url: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const r = await f.app.inject({ url });
  return { status: r.statusCode, body: r.body, headers: r.headers };
}

describe('map data', () => {
  it('gives every incident with coordinates, one array each, with colours for what it names', async () => {
    const r = await get('/api/map');
    assert.equal(r.status, 200);
    const data = JSON.parse(r.body) as MapData;
    assert.equal(data.total, 3);
    assert.equal(data.unplaced, 0);
    assert.equal(data.incidents.length, 3);
    assert.deepEqual(data.columns.slice(0, 3), ['id', 'lat', 'lon']);
    const hass = data.incidents.find((row) => row[8] === 'Hass, Idlib')!;
    assert.deepEqual([hass[4], hass[5], hass[6], hass[7]], [12, 14, 'Fair', 'russia']);
    assert.equal(data.belligerents['russia']!.label, 'Russia');
    assert.match(data.gradings['Fair']!, /^#[0-9a-f]{6}$/);
  });

  it('narrows by the same filters as the list and refuses a bad limit', async () => {
    const idlib = JSON.parse((await get('/api/map?governorate=idlib')).body) as MapData;
    assert.equal(idlib.incidents.length, 2);
    const cut = JSON.parse((await get('/api/map?limit=1')).body) as MapData;
    assert.equal(cut.incidents.length, 1);
    assert.equal(cut.truncated, true);
    const bad = await get('/api/map?limit=0');
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.body).field, 'limit');
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = JSON.parse((await get('/api/openapi.json')).body);
    assert.ok(doc.paths['/api/map'].get);
  });
});

describe('map page and assets', () => {
  it('links the map from the navigation and passes the filters to the script', async () => {
    const r = await get('/map?governorate=Idlib&colour=grading');
    assert.equal(r.status, 200);
    const doc = new DOMParser().parseFromString(r.body, 'text/html');
    assert.equal(doc.querySelector('nav a[aria-current=page]')?.textContent?.trim(), 'Map');
    const map = doc.querySelector('#incident-map')!;
    assert.equal(map.getAttribute('data-api'), '/api/map?governorate=Idlib');
    assert.equal(map.getAttribute('data-colour'), 'grading');
    assert.ok(!map.hasAttribute('data-tiles'));
    assert.equal(doc.querySelector('script')?.getAttribute('src'), '/assets/map.js');
    assert.equal(doc.querySelectorAll('script:not([src])').length, 0);
    assert.equal(doc.querySelector('a[data-colour=grading]')?.getAttribute('aria-current'), 'true');
  });

  it('serves the bundle and the outlines, gzip when asked', async () => {
    const js = await f.app.inject({ url: '/assets/map.js' });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
    assert.ok(js.body.length > 50_000);
    const outlines = await f.app.inject({
      url: '/assets/boundaries.geojson',
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(outlines.headers['content-encoding'], 'gzip');
    const plain = JSON.parse((await get('/assets/boundaries.geojson')).body);
    assert.ok(plain.features.some((x: { properties: { name: string } }) => x.properties.name === 'Idlib'));
  });

  it('draws the timeline on the list page, and a small map on an incident page', async () => {
    const list = new DOMParser().parseFromString((await get('/incidents')).body, 'text/html');
    const svg = list.querySelector('figure.timeline svg');
    assert.ok(svg);
    assert.match(
      svg.getAttribute('aria-label') ?? '',
      /3 dated incidents from Mar 2017 to Jun 2017, 22 to 24 civilians killed/,
    );
    assert.ok(list.querySelectorAll('figure.timeline rect title').length >= 6);
    const id = JSON.parse((await get('/api/incidents?q=Hass')).body).items[0].id;
    const page = new DOMParser().parseFromString((await get(`/incidents/${id}`)).body, 'text/html');
    const mini = page.querySelector('.mini-map')!;
    assert.equal(mini.getAttribute('data-lat'), '35.6161');
    assert.equal(mini.getAttribute('data-civilians'), '14');
  });
});

describe('tiles', () => {
  it('lets the configured tile host into the CSP and passes the template to the map', async () => {
    const app = await buildServer({
      store: f.opened.store,
      tiles: { url: 'https://{s}.tiles.example/{z}/{x}/{y}.png', attribution: '© Example' },
    });
    try {
      const r = await app.inject({ url: '/map' });
      assert.match(
        String(r.headers['content-security-policy']),
        /img-src 'self' data: https:\/\/\*\.tiles\.example;/,
      );
      assert.match(r.body, /data-tiles="https:\/\/\{s\}\.tiles\.example\/\{z\}\/\{x\}\/\{y\}\.png"/);
    } finally {
      await app.close();
    }
  });
});

describe('counts kept between requests', () => {
  it('follow the database: a new report changes the total and the timeline at once', async () => {
    const total = async (): Promise<number> => JSON.parse((await get('/api/incidents')).body).total;
    assert.equal(await total(), 3);
    const summary = await runIngest({
      store: f.opened.store,
      items: fixtureItems([{ ...FIXTURES[2]!, key: 'douma', text: DOUMA, title: 'Market bombed in Douma' }]),
      process: reportProcessor(f.opened),
    });
    assert.equal(summary.processFailed, 0);
    assert.equal(await total(), 4);
    const list = new DOMParser().parseFromString((await get('/incidents')).body, 'text/html');
    assert.match(
      list.querySelector('figure.timeline svg')?.getAttribute('aria-label') ?? '',
      /^4 dated incidents/,
    );
  });
});

const DOUMA = `Market bombed in Douma

DOUMA, 17 August 2015

Syrian government aircraft bombed a crowded market in Douma on Sunday, killing 25 civilians, rescue workers said.`;
