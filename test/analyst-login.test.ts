/**
 * Logging in and out: session cookies and their flags, sessions stored as hashes and expiring,
 * CSRF tokens on the login and logout forms, messages that never tell whether a name exists, and
 * the limit on failed logins per address and per account.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { secretHash } from '../src/pipeline/password-hash.ts';
import {
  analystFixture,
  cookieValue,
  csrfOf,
  FORM,
  form,
  login,
  PASSWORD,
  postLogin,
  setCookie,
  type AnalystFixture,
} from './fixtures/analyst-server.ts';

let f: AnalystFixture;
let now = new Date('2024-05-01T10:00:00Z');
before(async () => {
  f = await analystFixture({ now: () => now });
});
after(async () => {
  await f.close();
});

describe('login', () => {
  it('shows a form with a CSRF token that is also in an HttpOnly, SameSite=Strict cookie', async () => {
    const r = await f.app.inject({ url: '/login' });
    assert.equal(r.statusCode, 200);
    const cookie = setCookie(r.headers, 'sw_login');
    assert.ok(cookie);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.equal(cookieValue(cookie), csrfOf(r.body));
    assert.match(r.body, /type="password" name="password"/);
  });

  it('opens a session: an HttpOnly, SameSite=Lax cookie, not Secure over plain HTTP, stored only as a hash', async () => {
    const r = await postLogin(f.app, 'ana', PASSWORD);
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, '/incidents');
    const cookie = setCookie(r.headers, 'sw_session')!;
    assert.match(cookie, /^sw_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/);
    const id = cookieValue(cookie);
    const at = now.toISOString();
    assert.equal(await f.opened.store.accounts.session(id, at), null, 'the raw id is not a key');
    assert.equal((await f.opened.store.accounts.session(secretHash(id), at))?.user.name, 'ana');
    const page = await f.app.inject({ url: '/login', headers: { cookie: `sw_session=${id}` } });
    assert.match(page.body, /logged in as <strong>ana<\/strong> \(analyst\)/);
  });

  it('gives a new session id at every login', async () => {
    const [a, b] = [await postLogin(f.app, 'ana', PASSWORD), await postLogin(f.app, 'ana', PASSWORD)];
    assert.notEqual(setCookie(a.headers, 'sw_session'), setCookie(b.headers, 'sw_session'));
  });

  it('says the same for an unknown name and a wrong password, and sets no session', async () => {
    const wrong = await postLogin(f.app, 'ana', 'not the password', '10.0.0.1');
    const unknown = await postLogin(f.app, 'nobody', PASSWORD, '10.0.0.2');
    for (const r of [wrong, unknown]) {
      assert.equal(r.statusCode, 401);
      assert.match(r.body, /Wrong name or password\./);
      assert.equal(setCookie(r.headers, 'sw_session'), undefined);
    }
    assert.equal(wrong.body.replace(/value="[^"]*"/g, ''), unknown.body.replace(/value="[^"]*"/g, ''));
  });

  it('refuses a login form without its token or cookie (403), even with the right password', async () => {
    const page = await f.app.inject({ url: '/login' });
    const token = csrfOf(page.body);
    const attempts = [
      { cookie: undefined, csrf: token },
      { cookie: `sw_login=${token}`, csrf: '' },
      { cookie: `sw_login=${token}`, csrf: `${token.slice(0, -1)}x` },
    ];
    for (const a of attempts) {
      const r = await f.app.inject({
        method: 'POST',
        url: '/login',
        headers: { ...FORM, ...(a.cookie ? { cookie: a.cookie } : {}) },
        payload: form({ name: 'ana', password: PASSWORD, csrf: a.csrf }),
      });
      assert.equal(r.statusCode, 403);
      assert.equal(setCookie(r.headers, 'sw_session'), undefined);
    }
  });

  it('marks cookies Secure when told the site is served over HTTPS', async () => {
    const secure = await analystFixture({ secureCookies: true });
    try {
      const page = await secure.app.inject({ url: '/login' });
      assert.match(setCookie(page.headers, 'sw_login')!, /; Secure$/);
      const r = await postLogin(secure.app, 'ana', PASSWORD);
      assert.match(setCookie(r.headers, 'sw_session')!, /; HttpOnly; SameSite=Lax; Secure$/);
    } finally {
      await secure.close();
    }
  });

  it('behind a trusted proxy, takes the protocol and address from X-Forwarded-Proto and -For', async () => {
    const proxied = await analystFixture({ trustProxy: true });
    try {
      const https = { 'x-forwarded-proto': 'https' };
      const page = await proxied.app.inject({ url: '/login', headers: https });
      assert.match(setCookie(page.headers, 'sw_login')!, /; Secure$/);
      const r = await proxied.app.inject({
        method: 'POST',
        url: '/login',
        headers: { ...https, ...FORM, cookie: `sw_login=${csrfOf(page.body)}` },
        payload: form({ name: 'ana', password: PASSWORD, csrf: csrfOf(page.body) }),
      });
      assert.match(setCookie(r.headers, 'sw_session')!, /; Secure$/);
      const attempt = async (client: string) => {
        const p = await proxied.app.inject({ url: '/login' });
        return proxied.app.inject({
          method: 'POST',
          url: '/login',
          headers: { ...FORM, 'x-forwarded-for': client, cookie: `sw_login=${csrfOf(p.body)}` },
          payload: form({ name: `n${Math.random()}`, password: 'wrong password', csrf: csrfOf(p.body) }),
        });
      };
      for (let i = 0; i < 5; i++) assert.equal((await attempt('203.0.113.7')).statusCode, 401);
      assert.equal((await attempt('203.0.113.7')).statusCode, 429);
      assert.equal((await attempt('203.0.113.8')).statusCode, 401, 'another client behind the same proxy');
    } finally {
      await proxied.close();
    }
  });

  it('ends the session a browser had when it logs in again', async () => {
    const first = await login(f.app, 'ana');
    const page = await f.app.inject({ url: '/login', headers: { cookie: first.cookie } });
    assert.doesNotMatch(page.body, /type="password"/);
    const again = await postLogin(f.app, 'vic', PASSWORD, '127.0.0.1', first.cookie);
    assert.equal(again.statusCode, 303);
    const old = await f.app.inject({ url: '/login', headers: { cookie: first.cookie } });
    assert.match(old.body, /type="password"/);
  });

  it('returns only to a path on this site', async () => {
    const page = await f.app.inject({ url: '/login?next=//evil.example/x' });
    assert.match(page.body, /name="next" value="\/incidents"/);
    const inside = await f.app.inject({ url: '/login?next=/incidents/1' });
    assert.match(inside.body, /name="next" value="\/incidents\/1"/);
  });
});

describe('sessions', () => {
  it('end at logout, which needs the CSRF token', async () => {
    const s = await login(f.app, 'vic');
    const forged = await f.app.inject({
      method: 'POST',
      url: '/logout',
      headers: { ...FORM, cookie: s.cookie },
      payload: form({ csrf: 'guess' }),
    });
    assert.equal(forged.statusCode, 403);
    assert.match((await f.app.inject({ url: '/login', headers: { cookie: s.cookie } })).body, /logged in as/);
    const r = await f.app.inject({
      method: 'POST',
      url: '/logout',
      headers: { ...FORM, cookie: s.cookie },
      payload: form({ csrf: s.csrf }),
    });
    assert.equal(r.statusCode, 303);
    assert.match(setCookie(r.headers, 'sw_session')!, /^sw_session=; Path=\/; Max-Age=0; HttpOnly/);
    const after = await f.app.inject({ url: '/login', headers: { cookie: s.cookie } });
    assert.match(after.body, /type="password"/, 'the old cookie opens nothing');
  });

  it('expire after 12 hours', async () => {
    const s = await login(f.app, 'vic');
    now = new Date(now.getTime() + 11 * 3600_000);
    assert.match((await f.app.inject({ url: '/login', headers: { cookie: s.cookie } })).body, /logged in as/);
    now = new Date(now.getTime() + 2 * 3600_000);
    assert.match(
      (await f.app.inject({ url: '/login', headers: { cookie: s.cookie } })).body,
      /type="password"/,
    );
  });
});

describe('the login limit', () => {
  it('refuses an account after 5 failures in 15 minutes, from any address, even with the right password', async () => {
    for (let i = 0; i < 5; i++)
      assert.equal((await postLogin(f.app, 'adm', 'wrong password', `10.1.0.${i}`)).statusCode, 401);
    const r = await postLogin(f.app, 'adm', PASSWORD, '10.1.0.99');
    assert.equal(r.statusCode, 429);
    assert.match(
      r.body,
      /Too many failed logins from this address or for this name\. Try again in 15 minutes\./,
    );
    assert.equal(r.headers['retry-after'], '900');
    assert.equal(setCookie(r.headers, 'sw_session'), undefined);
    assert.equal(
      (await postLogin(f.app, 'ana', PASSWORD, '10.1.0.98')).statusCode,
      303,
      'other accounts still log in',
    );
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    assert.equal((await postLogin(f.app, 'adm', PASSWORD, '10.1.0.99')).statusCode, 303);
  });

  it('refuses an address after 5 failures, whatever the names, with the same message for unknown names', async () => {
    for (const name of ['x1', 'x2', 'ana', 'x4', 'x5'])
      assert.equal((await postLogin(f.app, name, 'wrong password', '10.2.0.1')).statusCode, 401);
    const r = await postLogin(f.app, 'vic', PASSWORD, '10.2.0.1');
    assert.equal(r.statusCode, 429);
    assert.equal((await postLogin(f.app, 'vic', PASSWORD, '10.2.0.2')).statusCode, 303);
  });
});

describe('analyst pages', () => {
  it('carry the security headers, are not cached, and hold no script, inline style or unquoted attribute', async () => {
    const ana = await login(f.app, 'ana');
    for (const url of ['/login', '/review', '/incidents/1']) {
      const r = await f.app.inject({ url, headers: { cookie: ana.cookie } });
      assert.equal(r.statusCode, 200, url);
      assert.match(String(r.headers['content-security-policy']), /form-action 'self'/);
      assert.equal(r.headers['x-frame-options'], 'DENY');
      assert.equal(r.headers['cache-control'], 'no-store');
      // Only the shipped scripts, by address: nothing inline, no inline styles or handlers.
      assert.doesNotMatch(r.body, /<script(?![^>]*\ssrc="\/assets\/)|\sstyle=|\son\w+=/i, url);
      for (const tag of r.body.match(/<[a-z][^<>]*>/gi) ?? [])
        assert.doesNotMatch(tag.replace(/"[^"]*"/g, '""'), /=(?!"")/, `${url}: ${tag}`);
    }
  });
});
