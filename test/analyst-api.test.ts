/**
 * The write API with an admin's token: every action, JSON errors naming the field, the audit log,
 * the OpenAPI document; and the review queue as a page and as JSON.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DOMParser } from 'linkedom';
import { analystFixture, login, type AnalystFixture } from './fixtures/analyst-server.ts';

interface Result {
  incidentId: number;
  createdId: number | null;
  incident: {
    killed: { min: number | null; max: number | null } | null;
    grading: string | null;
    civiliansKilled: { min: number | null; max: number | null } | null;
    claims: { id: number }[];
    assessment: { grading: { value: string; rule: string; reason: string } };
  };
}

let f: AnalystFixture;
let hass: number;
let raqqa: number;
let saraqib: number;
let claims: number[];

function call(method: 'POST' | 'PATCH', url: string, body: object, token = f.tokens.adm!) {
  return f.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload: body });
}

function queue(token = f.tokens.ana!) {
  return f.app.inject({ url: '/api/review-queue', headers: { authorization: `Bearer ${token}` } });
}

before(async () => {
  f = await analystFixture();
  const list = (await f.app.inject({ url: '/api/incidents' })).json<{
    items: { id: number; place: string }[];
  }>();
  const id = (place: string) => list.items.find((i) => i.place === place)!.id;
  [hass, raqqa, saraqib] = [id('Hass'), id('al-Mashlab'), id('Saraqib')];
  claims = (await f.app.inject({ url: `/api/incidents/${hass}` }))
    .json<{ claims: { id: number }[] }>()
    .claims.map((c) => c.id);
});
after(async () => {
  await f.close();
});

describe('review queue', () => {
  it('lists incidents whose sources conflict, with the reason, for analysts, as JSON and as a page', async () => {
    const r = await queue();
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json<{
      total: number;
      items: { id: number; code: string; reasons: { code: string; message: string }[] }[];
    }>();
    assert.equal(body.total, 1);
    assert.equal(body.items[0]!.id, hass);
    assert.deepEqual(body.items[0]!.reasons, [
      {
        code: 'denied',
        message:
          'Russia blamed by Idlib Local Monitor, Northern Watch but denied by Russian Defence Ministry.',
      },
    ]);
    const ana = await login(f.app, 'ana');
    const page = await f.app.inject({ url: '/review', headers: { cookie: ana.cookie } });
    assert.equal(page.statusCode, 200);
    const doc = new DOMParser().parseFromString(page.body, 'text/html');
    const rows = [...doc.querySelectorAll('table.review tbody tr')];
    assert.equal(rows.length, 1);
    assert.match(rows[0]!.textContent ?? '', /SW\d+[\s\S]*Hass[\s\S]*denied by Russian Defence Ministry/);
  });

  it('puts low confidence and disagreeing tolls in too, oldest first', async () => {
    const blank = await call('PATCH', `/api/incidents/${raqqa}`, { set: { place: null }, reason: 'r' });
    assert.equal(blank.statusCode, 200);
    // An analyst acting on an incident takes it out of the queue; an automatic change brings it back.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const stored = (await f.opened.store.incidents.get(saraqib))!;
    await f.opened.store.incidents.update(
      saraqib,
      { ...stored, locationPrecision: 'governorate' },
      { actor: 'assess', reason: 'test' },
    );
    const body = (await queue()).json<{
      items: { id: number; reasons: { code: string; message: string }[] }[];
    }>();
    assert.deepEqual(
      body.items.map((i) => i.id),
      [hass, saraqib].sort((a, b) => a - b),
    );
    assert.deepEqual(body.items.find((i) => i.id === saraqib)!.reasons, [
      { code: 'low-confidence', message: 'Extraction unsure: placed only to the governorate.' },
    ]);
  });
});

describe('write API', () => {
  it('edits fields: laid over the assessment, with the reason in the audit log', async () => {
    const grading = (await f.app.inject({ url: `/api/incidents/${hass}` })).json<{ grading: string }>()
      .grading;
    const r = await call('PATCH', `/api/incidents/${hass}`, {
      set: { grading: 'Confirmed', civiliansKilledMin: 13 },
      reason: 'second list checked',
    });
    assert.equal(r.statusCode, 200, r.body);
    const result = r.json<Result>();
    assert.equal(result.incident.grading, 'Confirmed');
    assert.deepEqual(result.incident.civiliansKilled, { min: 13, max: 14 });
    assert.deepEqual(result.incident.assessment.grading, {
      value: 'Confirmed',
      rule: 'analyst',
      reason: 'set by analyst:adm: second list checked',
    });
    const entries = await f.opened.store.audit.list({ entity: 'incident', entityId: String(hass) });
    const edit = entries.find((e) => e.action === 'edit')!;
    assert.equal(edit.actor, 'analyst:adm');
    assert.equal(edit.reason, 'second list checked');
    assert.deepEqual(edit.after, { grading: 'Confirmed', civiliansKilledMin: 13 });
    assert.deepEqual((edit.before as Record<string, unknown>).grading, grading);
    const reviewed = (await queue()).json<{ items: { id: number }[] }>();
    assert.ok(!reviewed.items.some((i) => i.id === hass), 'acted on, so out of the queue');
  });

  it('answers bad requests with JSON naming the field, and changes nothing', async () => {
    const before = JSON.stringify((await f.app.inject({ url: `/api/incidents/${hass}` })).json());
    const cases: [string, string, object, number, string | null, RegExp][] = [
      [
        'PATCH',
        `/api/incidents/${hass}`,
        { set: { grading: 'Fair' } },
        400,
        'reason',
        /reason: a reason is required/,
      ],
      [
        'PATCH',
        `/api/incidents/${hass}`,
        { set: { grading: 'Fair' }, reason: '  ' },
        400,
        'reason',
        /a reason is required/,
      ],
      [
        'PATCH',
        `/api/incidents/${hass}`,
        { set: { killedMin: -1 }, reason: 'r' },
        400,
        'set.killedMin',
        /expects a whole number, 0 or more/,
      ],
      [
        'PATCH',
        `/api/incidents/${hass}`,
        { set: { date: '2017-13-45' }, reason: 'r' },
        400,
        'set.date',
        /YYYY-MM-DD/,
      ],
      [
        'PATCH',
        `/api/incidents/${hass}`,
        { set: { killedMin: 99 }, reason: 'r' },
        400,
        'set.killedMin',
        /above killed \(max\)/,
      ],
      [
        'PATCH',
        `/api/incidents/${hass}`,
        { set: { summary: 'x' }, reason: 'r' },
        400,
        'set',
        /summary cannot be edited/,
      ],
      ['PATCH', `/api/incidents/${hass}`, { set: {}, reason: 'r' }, 400, 'set', /at least one field/],
      [
        'PATCH',
        '/api/incidents/999999',
        { set: { grading: 'Fair' }, reason: 'r' },
        404,
        'id',
        /no incident 999999/,
      ],
      ['POST', `/api/incidents/${hass}/merge`, { source: hass, reason: 'r' }, 400, 'source', /into itself/],
      [
        'POST',
        `/api/incidents/${hass}/merge`,
        { source: 999999, reason: 'r' },
        404,
        'source',
        /no incident 999999/,
      ],
      ['POST', `/api/incidents/${hass}/split`, { claims, reason: 'r' }, 400, 'claims', /leave it empty/],
      [
        'POST',
        `/api/incidents/${hass}/split`,
        { claims: [], reason: 'r' },
        400,
        'claims',
        /at least one claim/,
      ],
      [
        'POST',
        `/api/incidents/${hass}/claims/999999/detach`,
        { reason: 'r' },
        400,
        'claimId',
        /not in incident/,
      ],
      [
        'POST',
        `/api/incidents/${raqqa}/claims/${claims[0]}/detach`,
        { reason: 'r' },
        400,
        'claimId',
        /not in incident/,
      ],
      [
        'POST',
        `/api/incidents/${hass}/claims/x/detach`,
        { reason: 'r' },
        400,
        'claimId',
        /expects a claim id/,
      ],
    ];
    for (const [method, url, body, status, field, message] of cases) {
      const r = await call(method as 'POST' | 'PATCH', url, body);
      assert.equal(r.statusCode, status, `${url} ${JSON.stringify(body)}: ${r.body}`);
      const error = r.json<{ error: string; message: string; field: string | null }>();
      assert.equal(error.field, field, `${url} ${JSON.stringify(body)}: ${r.body}`);
      assert.match(error.message, message);
    }
    assert.equal(JSON.stringify((await f.app.inject({ url: `/api/incidents/${hass}` })).json()), before);
  });

  it('takes a claim out, merges, splits, re-assesses and marks reviewed', async () => {
    const detach = await call('POST', `/api/incidents/${hass}/claims/${claims[1]}/detach`, {
      reason: 'other strike',
    });
    assert.equal(detach.statusCode, 200, detach.body);
    const detached = detach.json<Result>();
    assert.deepEqual(
      detached.incident.claims.map((c) => c.id),
      [claims[0]],
    );
    assert.ok(detached.createdId !== null && detached.createdId !== hass);
    const merge = await call('POST', `/api/incidents/${hass}/merge`, {
      source: detached.createdId,
      reason: 'same one',
    });
    assert.equal(merge.statusCode, 200, merge.body);
    assert.deepEqual(
      merge.json<Result>().incident.claims.map((c) => c.id),
      claims,
    );
    const split = await call('POST', `/api/incidents/${hass}/split`, {
      claims: [claims[0]],
      reason: 'two strikes',
    });
    assert.equal(split.statusCode, 200, split.body);
    const created = split.json<Result>().createdId!;
    assert.equal(await f.opened.store.incidents.incidentOf(claims[0]!), created);
    const reassess = await call('POST', `/api/incidents/${hass}/reassess`, { reason: 'after the split' });
    assert.equal(reassess.statusCode, 200);
    assert.equal(reassess.json<Result>().incident.grading, 'Confirmed', "the analyst's grading stays");
    const review = await call('POST', `/api/incidents/${created}/review`, { reason: 'looked' }, f.tokens.ana);
    assert.equal(review.statusCode, 200);
    const actions = (await f.opened.store.audit.list())
      .filter(
        (e) =>
          e.actor.startsWith('analyst:') &&
          e.entity === 'incident' &&
          e.action !== 'update' &&
          e.action !== 'create',
      )
      .map((e) => `${e.actor} ${e.action} ${e.entityId}: ${e.reason}`);
    assert.deepEqual(actions, [
      `analyst:adm edit ${raqqa}: r`,
      `analyst:adm edit ${hass}: second list checked`,
      `analyst:adm detach-claim ${hass}: other strike`,
      `analyst:adm merge ${hass}: same one`,
      `analyst:adm split ${hass}: two strikes`,
      `analyst:adm reassess ${hass}: after the split`,
      `analyst:ana review ${created}: looked`,
    ]);
  });

  it('is in the OpenAPI document with the schemas that validate it and bearer auth', async () => {
    const doc = (await f.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<
        string,
        Record<
          string,
          { tags: string[]; security: object[]; requestBody?: unknown; responses: Record<string, unknown> }
        >
      >;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    }>();
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
      type: 'http',
      scheme: 'bearer',
      description: 'strikewatch user token NAME',
    });
    const routes: [string, string][] = [
      ['/api/incidents/{id}', 'patch'],
      ['/api/incidents/{id}/claims/{claimId}/detach', 'post'],
      ['/api/incidents/{id}/merge', 'post'],
      ['/api/incidents/{id}/split', 'post'],
      ['/api/incidents/{id}/reassess', 'post'],
      ['/api/incidents/{id}/review', 'post'],
      ['/api/review-queue', 'get'],
    ];
    for (const [path, method] of routes) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path}`);
      assert.deepEqual(op.tags, ['analyst']);
      assert.deepEqual(op.security, [{ bearerAuth: [] }]);
      for (const status of ['200', '401', '403']) assert.ok(op.responses[status], `${path} ${status}`);
      if (method !== 'get') assert.ok(op.requestBody, path);
    }
    assert.match(JSON.stringify(doc.paths['/api/incidents/{id}']!.patch!.requestBody), /IncidentEdit/);
    const edit = JSON.stringify(doc.components.schemas.IncidentEdit);
    for (const field of ['killedMin', 'grading', 'strikeStatus', 'reason'])
      assert.ok(edit.includes(field), field);
    const docs = await f.app.inject({ url: '/api/docs' });
    assert.match(docs.body, /review-queue/);
  });
});
