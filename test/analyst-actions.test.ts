/**
 * Analyst mode end to end over HTTP: every change through the incident page's forms (session and
 * CSRF token) and through the write API (bearer token), each in the audit log and the change
 * history; visitors and viewers can read but never write, and a refused request changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { analystFixture, FORM, form, login, type AnalystFixture } from './fixtures/analyst-server.ts';

interface Incident {
  id: number;
  killed: { min: number | null; max: number | null } | null;
  grading: string | null;
  claims: { id: number }[];
  history: { actor: string; action: string; entity: string; entityId: string; reason: string | null }[];
}

async function incident(app: FastifyInstance, id: number): Promise<Incident> {
  const r = await app.inject({ url: `/api/incidents/${id}` });
  assert.equal(r.statusCode, 200, r.body);
  return r.json<Incident>();
}

/** Everything a write could change: every incident as the API shows it, and the audit log. */
async function snapshot(f: AnalystFixture): Promise<string> {
  const list = (await f.app.inject({ url: '/api/incidents?limit=200' })).json<{ items: { id: number }[] }>();
  const all = await Promise.all(list.items.map((i) => incident(f.app, i.id)));
  return JSON.stringify({ all, audit: (await f.opened.store.audit.list()).length });
}

function formPost(
  app: FastifyInstance,
  url: string,
  cookie: string | null,
  fields: Record<string, string | string[]>,
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { ...FORM, ...(cookie ? { cookie } : {}) },
    payload: form(fields),
  });
}

function api(
  app: FastifyInstance,
  method: 'POST' | 'PATCH' | 'GET',
  url: string,
  token: string | null,
  body?: object,
) {
  return app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body ? { payload: body } : {}),
  });
}

/** Every write route with a body that would succeed for an analyst. */
function writes(hass: number, claim: number, other: number) {
  return {
    forms: [
      [`/incidents/${hass}/edit`, { field: 'grading', value: 'Fair', reason: 'r' }],
      [`/incidents/${hass}/detach`, { claimId: String(claim), reason: 'r' }],
      [`/incidents/${hass}/merge`, { source: String(other), reason: 'r' }],
      [`/incidents/${hass}/split`, { claims: [String(claim)], reason: 'r' }],
      [`/incidents/${hass}/reassess`, { reason: 'r' }],
      [`/incidents/${hass}/review`, { reason: 'r' }],
    ] as [string, Record<string, string | string[]>][],
    api: [
      ['PATCH', `/api/incidents/${hass}`, { set: { grading: 'Fair' }, reason: 'r' }],
      ['POST', `/api/incidents/${hass}/claims/${claim}/detach`, { reason: 'r' }],
      ['POST', `/api/incidents/${hass}/merge`, { source: other, reason: 'r' }],
      ['POST', `/api/incidents/${hass}/split`, { claims: [claim], reason: 'r' }],
      ['POST', `/api/incidents/${hass}/reassess`, { reason: 'r' }],
      ['POST', `/api/incidents/${hass}/review`, { reason: 'r' }],
    ] as ['POST' | 'PATCH', string, object][],
  };
}

let f: AnalystFixture;
let hass: number;
let raqqa: number;
let hassClaims: number[];
before(async () => {
  f = await analystFixture();
  const list = (await f.app.inject({ url: '/api/incidents' })).json<{
    items: { id: number; place: string }[];
  }>();
  hass = list.items.find((i) => i.place === 'Hass')!.id;
  raqqa = list.items.find((i) => i.place === 'al-Mashlab')!.id;
  hassClaims = (await incident(f.app, hass)).claims.map((c) => c.id);
  assert.equal(hassClaims.length, 2);
});
after(async () => {
  await f.close();
});

describe('visitors and viewers', () => {
  it('see no analyst forms: visitors nothing, viewers only who they are', async () => {
    const visitor = await f.app.inject({ url: `/incidents/${hass}` });
    assert.doesNotMatch(visitor.body, /method="post"/);
    const vic = await login(f.app, 'vic');
    const viewer = await f.app.inject({ url: `/incidents/${hass}`, headers: { cookie: vic.cookie } });
    assert.match(viewer.body, /Logged in as <strong>vic<\/strong> \(viewer\)/);
    assert.doesNotMatch(viewer.body, /action="\/incidents\/\d+\/(edit|detach|merge|split|reassess|review)"/);
  });

  it('cannot write: 401 without a session or token, 403 for a viewer, and nothing changes', async () => {
    const before = await snapshot(f);
    const vic = await login(f.app, 'vic');
    const w = writes(hass, hassClaims[0]!, raqqa);
    for (const [url, fields] of w.forms) {
      assert.equal((await formPost(f.app, url, null, fields)).statusCode, 401, url);
      assert.equal((await formPost(f.app, url, null, { ...fields, csrf: vic.csrf })).statusCode, 401, url);
      assert.equal(
        (await formPost(f.app, url, vic.cookie, { ...fields, csrf: vic.csrf })).statusCode,
        403,
        url,
      );
    }
    for (const [method, url, body] of w.api) {
      const none = await api(f.app, method, url, null, body);
      assert.equal(none.statusCode, 401, url);
      assert.equal(none.headers['www-authenticate'], 'Bearer realm="strikewatch"');
      assert.deepEqual(Object.keys(none.json<object>()), ['error', 'message', 'field']);
      assert.equal(none.json<{ error: string }>().error, 'unauthorized');
      assert.equal((await api(f.app, method, url, 'swt_not-a-token', body)).statusCode, 401, url);
      const viewer = await api(f.app, method, url, f.tokens.vic!, body);
      assert.equal(viewer.statusCode, 403, url);
      assert.equal(viewer.json<{ error: string }>().error, 'forbidden');
      // A session cookie opens nothing in the API: it takes tokens only.
      const cookie = await f.app.inject({ method, url, headers: { cookie: vic.cookie }, payload: body });
      assert.equal(cookie.statusCode, 401, url);
    }
    assert.equal((await f.app.inject({ url: '/review' })).statusCode, 401);
    assert.equal((await f.app.inject({ url: '/review', headers: { cookie: vic.cookie } })).statusCode, 403);
    assert.equal((await api(f.app, 'GET', '/api/review-queue', null)).statusCode, 401);
    assert.equal((await api(f.app, 'GET', '/api/review-queue', f.tokens.vic!)).statusCode, 403);
    assert.equal(await snapshot(f), before);
  });

  it("cannot write with an analyst's session but a missing or wrong CSRF token (403), and nothing changes", async () => {
    const before = await snapshot(f);
    const ana = await login(f.app, 'ana');
    const vic = await login(f.app, 'vic');
    for (const [url, fields] of writes(hass, hassClaims[0]!, raqqa).forms)
      for (const csrf of [undefined, '', 'guess', vic.csrf]) {
        const r = await formPost(f.app, url, ana.cookie, csrf === undefined ? fields : { ...fields, csrf });
        assert.equal(r.statusCode, 403, `${url} with ${csrf}`);
        assert.match(r.body, /This form has expired or did not come from this site/);
      }
    assert.equal(await snapshot(f), before);
  });
});

describe('analyst forms on the incident page', () => {
  let ana: { cookie: string; csrf: string };
  before(async () => {
    ana = await login(f.app, 'ana');
  });

  it('show every action to an analyst, each form with the CSRF token', async () => {
    const page = await f.app.inject({ url: `/incidents/${hass}`, headers: { cookie: ana.cookie } });
    for (const action of ['edit', 'detach', 'merge', 'split', 'reassess', 'review'])
      assert.match(page.body, new RegExp(`action="/incidents/${hass}/${action}"`));
    const forms = page.body.match(/<form [^>]*method="post"/g) ?? [];
    const tokens = page.body.match(new RegExp(`name="csrf" value="${ana.csrf}"`, 'g')) ?? [];
    assert.equal(tokens.length, forms.length);
  });

  it('edit a field with a reason; the value stays over a new assessment, and an empty value takes it away', async () => {
    const r = await formPost(f.app, `/incidents/${hass}/edit`, ana.cookie, {
      csrf: ana.csrf,
      field: 'killedMax',
      value: '20',
      reason: 'hospital list names 20 dead',
    });
    assert.equal(r.statusCode, 303, r.body);
    assert.equal(r.headers.location, `/incidents/${hass}#history`);
    assert.deepEqual((await incident(f.app, hass)).killed, { min: 12, max: 20 });
    const page = await f.app.inject({ url: `/incidents/${hass}` });
    assert.match(
      page.body,
      /<td>analyst:ana<\/td>\s*<td>edit incident \d+: killed \(max\) 14 → 20<\/td>\s*<td>hospital list names 20 dead<\/td>/,
    );
    const again = await formPost(f.app, `/incidents/${hass}/reassess`, ana.cookie, {
      csrf: ana.csrf,
      reason: 'check after the edit',
    });
    assert.equal(again.statusCode, 303);
    assert.deepEqual((await incident(f.app, hass)).killed, { min: 12, max: 20 });
    const entry = (await incident(f.app, hass)).history.at(-1)!;
    assert.deepEqual(
      { actor: entry.actor, action: entry.action, reason: entry.reason },
      { actor: 'analyst:ana', action: 'reassess', reason: 'check after the edit' },
    );
    await formPost(f.app, `/incidents/${hass}/edit`, ana.cookie, {
      csrf: ana.csrf,
      field: 'killedMax',
      value: '',
      reason: 'back to the sources',
    });
    assert.deepEqual((await incident(f.app, hass)).killed, { min: 12, max: 14 });
  });

  it('refuse a change without a reason or with a bad value, naming the field, and change nothing', async () => {
    const before = await snapshot(f);
    const cases: [string, Record<string, string>, RegExp][] = [
      ['edit', { field: 'grading', value: 'Fair', reason: ' ' }, /reason: a reason is required/],
      ['edit', { field: 'grading', value: 'Great', reason: 'r' }, /set\.grading: /],
      ['edit', { field: 'killedMin', value: 'many', reason: 'r' }, /set\.killedMin: expects a whole number/],
      [
        'edit',
        { field: 'killedMin', value: '50', reason: 'r' },
        /killed \(min\) 50 is above killed \(max\) 14/,
      ],
      ['edit', { field: 'assessment', value: 'x', reason: 'r' }, /assessment cannot be edited/],
      ['merge', { source: String(hass), reason: 'r' }, /cannot merge incident \d+ into itself/],
      ['merge', { source: 'x', reason: 'r' }, /source: expects an incident id/],
      ['split', { reason: 'r' }, /claims: name at least one claim/],
      ['split', { claims: String(hassClaims[0]! + 1000), reason: 'r' }, /not claims of incident/],
      ['detach', { claimId: '999999', reason: 'r' }, /claim 999999 is not in incident/],
    ];
    for (const [action, fields, message] of cases) {
      const r = await formPost(f.app, `/incidents/${hass}/${action}`, ana.cookie, {
        ...fields,
        csrf: ana.csrf,
      });
      assert.equal(r.statusCode, 400, `${action} ${JSON.stringify(fields)}: ${r.statusCode}`);
      assert.match(r.body, message);
      assert.doesNotMatch(r.body, /\bat .*:\d+:\d+/);
    }
    const missing = await formPost(f.app, `/incidents/999999/reassess`, ana.cookie, {
      csrf: ana.csrf,
      reason: 'r',
    });
    assert.equal(missing.statusCode, 404);
    assert.equal(await snapshot(f), before);
  });

  it('take a claim out, merge it back, split it off again, and mark reviewed: each in the history', async () => {
    const claim = hassClaims[1]!;
    const detach = await formPost(f.app, `/incidents/${hass}/detach`, ana.cookie, {
      csrf: ana.csrf,
      claimId: String(claim),
      reason: 'a different strike that day',
    });
    assert.equal(detach.statusCode, 303, detach.body);
    const kept = await incident(f.app, hass);
    assert.deepEqual(
      kept.claims.map((c) => c.id),
      [hassClaims[0]],
    );
    const created = await incidentOf(claim);
    assert.notEqual(created, hass);
    assert.ok(
      kept.history.some((e) => e.action === 'detach-claim' && e.reason === 'a different strike that day'),
    );

    const merge = await formPost(f.app, `/incidents/${hass}/merge`, ana.cookie, {
      csrf: ana.csrf,
      source: String(created),
      reason: 'same strike after all',
    });
    assert.equal(merge.statusCode, 303, merge.body);
    assert.deepEqual(
      (await incident(f.app, hass)).claims.map((c) => c.id),
      hassClaims,
    );

    const split = await formPost(f.app, `/incidents/${hass}/split`, ana.cookie, {
      csrf: ana.csrf,
      claims: [String(claim)],
      reason: 'two strikes',
    });
    assert.equal(split.statusCode, 303, split.body);
    assert.deepEqual(
      (await incident(f.app, hass)).claims.map((c) => c.id),
      [hassClaims[0]],
    );
    assert.notEqual(await incidentOf(claim), hass);

    const review = await formPost(f.app, `/incidents/${hass}/review`, ana.cookie, {
      csrf: ana.csrf,
      reason: 'checked',
    });
    assert.equal(review.statusCode, 303);
    const actions = (await incident(f.app, hass)).history
      .filter((e) => e.actor === 'analyst:ana' && e.entity === 'incident' && e.action !== 'update')
      .map((e) => e.action);
    assert.deepEqual(actions, ['edit', 'reassess', 'edit', 'detach-claim', 'merge', 'split', 'review']);
  });
});

async function incidentOf(claim: number): Promise<number | null> {
  return f.opened.store.incidents.incidentOf(claim);
}

describe('the change history', () => {
  it("says what each analyst's change did", async () => {
    const page = (await f.app.inject({ url: `/incidents/${hass}` })).body;
    for (const what of [
      /detach-claim incident \d+: claim \d+ moved to incident \d+/,
      /merge incident \d+: incident \d+ merged into it/,
      /split incident \d+: claims \d+ moved to incident \d+/,
      /edit incident \d+: killed \(max\) 20 → 14/,
    ])
      assert.match(page, what);
  });
});
