/** The JSON API over a store filled from the server fixtures: filters, pages, errors, exports, OpenAPI. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CSV_COLUMNS } from '../src/stages/publish/index.ts';
import { serverFixture, type ServerFixture } from './fixtures/server-store.ts';

let f: ServerFixture;
before(async () => {
  f = await serverFixture();
});
after(async () => {
  await f.close();
});

interface Page {
  items: { id: number; place: string | null; date: string | null; killed: { min: number | null } | null }[];
  total: number;
  next: string | null;
}

async function get(url: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await f.app.inject({ url });
  return { status: r.statusCode, json: r.json() };
}

async function places(query: string): Promise<string[]> {
  const { status, json } = await get(`/api/incidents?${query}`);
  assert.equal(status, 200, JSON.stringify(json));
  return (json as unknown as Page).items.map((i) => i.place ?? '').sort();
}

describe('GET /api/incidents', () => {
  it('lists every incident, newest first by default, with a total', async () => {
    const { json } = await get('/api/incidents');
    const page = json as unknown as Page;
    assert.equal(page.total, 3);
    assert.deepEqual(
      page.items.map((i) => i.place),
      ['al-Mashlab', 'Saraqib', 'Hass'],
    );
    assert.equal(page.next, null);
  });

  it('filters by dates, country, governorate, belligerent, grading, strike status, toll and words', async () => {
    assert.deepEqual(await places('from=2017-04-01'), ['Saraqib', 'al-Mashlab']);
    assert.deepEqual(await places('to=2017-04-10'), ['Hass', 'Saraqib']);
    assert.deepEqual(await places('country=syria'), ['Hass', 'Saraqib', 'al-Mashlab']);
    assert.deepEqual(await places('country=Iraq'), []);
    assert.deepEqual(await places('governorate=Idlib'), ['Hass', 'Saraqib']);
    assert.deepEqual(await places('belligerent=russia'), ['Hass']);
    assert.deepEqual(await places('belligerent=US-led%20Coalition'), ['al-Mashlab']);
    assert.deepEqual(await places('grading=Fair'), ['Hass']);
    assert.deepEqual(await places('strikeStatus=Single%20source%20claim'), ['Saraqib', 'al-Mashlab']);
    assert.deepEqual(await places('minKilled=7'), ['Hass', 'Saraqib']);
    assert.deepEqual(await places('q=market'), ['Hass']);
    assert.deepEqual(await places('governorate=Idlib&minKilled=10'), ['Hass']);
    // An empty form field is no filter at all.
    assert.deepEqual(await places('country=&q='), ['Hass', 'Saraqib', 'al-Mashlab']);
  });

  it('sorts by any sort key in both directions', async () => {
    const killed = async (sort: string) =>
      ((await get(`/api/incidents?sort=${sort}`)).json as unknown as Page).items.map((i) => i.killed?.min);
    assert.deepEqual(await killed('-killed'), [12, 7, 3]);
    assert.deepEqual(await killed('killed'), [3, 7, 12]);
    assert.deepEqual(await places('sort=place'), ['Hass', 'Saraqib', 'al-Mashlab']);
  });

  it('pages through by cursor, each incident once, the last page without a next cursor', async () => {
    for (const sort of ['-date', 'date', 'killed', '-place']) {
      const seen: number[] = [];
      let url: string | null = `/api/incidents?limit=1&sort=${sort}`;
      while (url) {
        const page = (await get(url)).json as unknown as Page;
        assert.equal(page.total, 3);
        seen.push(...page.items.map((i) => i.id));
        url = page.next
          ? `/api/incidents?limit=1&sort=${sort}&cursor=${encodeURIComponent(page.next)}`
          : null;
      }
      const all = ((await get(`/api/incidents?sort=${sort}`)).json as unknown as Page).items.map((i) => i.id);
      assert.deepEqual(seen, all, sort);
    }
  });

  it('answers bad parameters with 400 and the field at fault, never a stack trace', async () => {
    const cases: [string, string][] = [
      ['from=2017-13-45', 'from'],
      ['to=yesterday', 'to'],
      ['minKilled=-1', 'minKilled'],
      ['minKilled=many', 'minKilled'],
      ['grading=Certain', 'grading'],
      ['strikeStatus=Maybe', 'strikeStatus'],
      ['sort=casualties', 'sort'],
      ['limit=1000', 'limit'],
      ['limit=0', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['grading=Fair&grading=Weak', 'grading'],
    ];
    for (const [query, field] of cases) {
      const { status, json } = await get(`/api/incidents?${query}`);
      assert.equal(status, 400, query);
      assert.equal(json.error, 'invalid_request', query);
      assert.equal(json.field, field, query);
      assert.equal(typeof json.message, 'string');
      assert.doesNotMatch(String(json.message), /\n\s+at /, query);
    }
    const first = (await get('/api/incidents?limit=1&sort=killed')).json as unknown as Page;
    const other = await get(`/api/incidents?sort=date&cursor=${first.next}`);
    assert.equal(other.status, 400);
    assert.equal(other.json.field, 'cursor');
    assert.match(String(other.json.message), /sort "killed"/);
  });
});

describe('GET /api/incidents/{id} and /api/reports/{id}', () => {
  it('gives an incident with its claims, their sources and evidence, and its history', async () => {
    const hass = ((await get('/api/incidents?q=market')).json as unknown as Page).items[0]!;
    const { status, json } = await get(`/api/incidents/${hass.id}`);
    assert.equal(status, 200);
    assert.equal(json.code, `SW${hass.id}`);
    assert.equal(json.grading, 'Fair');
    assert.deepEqual(json.civiliansKilled, { min: 12, max: 14 });
    assert.deepEqual(json.childrenKilled, { min: 5, max: 5 });
    const claims = json.claims as { outlet: string; event: { evidence: unknown[]; attributed: unknown[] } }[];
    assert.deepEqual(claims.map((c) => c.outlet).sort(), ['Idlib Local Monitor', 'Northern Watch']);
    assert.ok(claims.every((c) => c.event.evidence.length > 0));
    assert.ok((json.history as unknown[]).length > 0);
    assert.ok(json.assessment && typeof json.assessment === 'object');
  });

  it('gives a report with its text and evidence spans that point into that text', async () => {
    const { status, json } = await get('/api/reports/1');
    assert.equal(status, 200);
    assert.equal(json.originalUrl, '/reports/1/original');
    const text = json.text as string;
    const claims = json.claims as {
      incidentId: number;
      evidence: { start: number; end: number; text: string }[];
    }[];
    assert.ok(claims.length > 0);
    for (const c of claims) {
      assert.equal(typeof c.incidentId, 'number');
      for (const e of c.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    }
  });

  it('answers unknown ids with 404 and malformed ids with 400, naming the id', async () => {
    for (const url of ['/api/incidents/99999', '/api/reports/99999']) {
      const { status, json } = await get(url);
      assert.equal(status, 404, url);
      assert.deepEqual([json.error, json.field], ['not_found', 'id']);
    }
    for (const url of ['/api/incidents/abc', '/api/reports/0', '/api/incidents/1.5']) {
      const { status, json } = await get(url);
      assert.equal(status, 400, url);
      assert.equal(json.field, 'id', url);
    }
    const missing = await get('/api/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error, 'not_found');
  });
});

describe('exports', () => {
  it('writes the filtered incidents as CSV, GeoJSON and JSON lines, as downloads', async () => {
    const csv = await f.app.inject({ url: '/api/export.csv?governorate=Idlib' });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /^attachment; filename="incidents\.csv"$/);
    const lines = csv.body.trimEnd().split('\n');
    assert.equal(lines[0], CSV_COLUMNS.join(','));
    assert.equal(lines.length, 3);
    const geo = await f.app.inject({ url: '/api/export.geojson?minKilled=10' });
    assert.match(String(geo.headers['content-type']), /^application\/geo\+json/);
    const collection = geo.json<{ type: string; features: { geometry: { type: string } }[] }>();
    assert.equal(collection.type, 'FeatureCollection');
    assert.equal(collection.features.length, 1);
    assert.equal(collection.features[0]!.geometry.type, 'Point');
    const jsonl = await f.app.inject({ url: '/api/export.jsonl' });
    const records = jsonl.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number });
    assert.equal(records.length, 3);
    const bad = await f.app.inject({ url: '/api/export.csv?from=March' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ field: string }>().field, 'from');
  });
});

describe('GET /api/openapi.json', () => {
  interface Doc {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: object }>>;
    components?: { schemas?: Record<string, unknown> };
  }

  it('describes every API route, with the parameters that are validated, and no page route', async () => {
    const r = await f.app.inject({ url: '/api/openapi.json' });
    assert.equal(r.statusCode, 200);
    const doc = r.json<Doc>();
    assert.match(doc.openapi, /^3\.0\./);
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/api/export.csv',
      '/api/export.geojson',
      '/api/export.jsonl',
      '/api/incidents',
      '/api/incidents/{id}',
      '/api/map',
      '/api/reports/{id}',
    ]);
    for (const [path, methods] of Object.entries(doc.paths)) {
      assert.deepEqual(Object.keys(methods), ['get'], path);
      assert.ok(Object.keys(methods.get!.responses).includes('200'), path);
      assert.ok(Object.keys(methods.get!.responses).includes('400'), path);
    }
    const names = doc.paths['/api/incidents']!.get!.parameters!.map((p) => `${p.in}:${p.name}`);
    for (const name of [
      'from',
      'to',
      'country',
      'governorate',
      'belligerent',
      'grading',
      'strikeStatus',
      'minKilled',
      'q',
      'sort',
      'limit',
      'cursor',
    ])
      assert.ok(names.includes(`query:${name}`), name);
    assert.deepEqual(
      doc.paths['/api/incidents/{id}']!.get!.parameters!.map((p) => `${p.in}:${p.name}`),
      ['path:id'],
    );
    // Every reference points at a schema the document defines.
    const refs = [...r.body.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) assert.ok(doc.components?.schemas?.[ref], ref);
  });
});
