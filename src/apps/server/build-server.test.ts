import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../../domain/store.ts';
import { buildServer, escapeJsonMarkup } from './build-server.ts';

/** A store whose every call fails, as a broken database would. */
const brokenStore = new Proxy({} as Store, {
  get: () =>
    new Proxy(
      {},
      {
        get: () => () => Promise.reject(new Error('SQLITE_CORRUPT: database disk image is malformed')),
      },
    ),
});

describe('server failures', () => {
  it('answer 500 with a plain message and no stack, as JSON for the API and as a page otherwise', async () => {
    const app = await buildServer({ store: brokenStore });
    const api = await app.inject({ url: '/api/incidents' });
    assert.equal(api.statusCode, 500);
    assert.deepEqual(api.json(), {
      error: 'internal_error',
      message: 'the server failed to answer; it has logged why',
      field: null,
    });
    const page = await app.inject({ url: '/incidents/1' });
    assert.equal(page.statusCode, 500);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.doesNotMatch(page.body, /SQLITE_CORRUPT|\n\s+at /);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    await app.close();
  });
});

describe('escapeJsonMarkup', () => {
  it('writes <, > and & as escapes, leaving the same JSON value', () => {
    const value = { text: '<script>alert("a & b")</script>' };
    const escaped = escapeJsonMarkup(JSON.stringify(value));
    assert.doesNotMatch(escaped, /[<>&]/);
    assert.deepEqual(JSON.parse(escaped), value);
  });
});
