/** Analyst mode in a real browser: log in, edit an incident, see the change history; visitors cannot post. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { analystFixture, PASSWORD, type AnalystFixture } from '../fixtures/analyst-server.ts';
import { launchBrowser, screenshot, VIEWPORTS, watchProblems } from './browser.ts';

let fixture: AnalystFixture;
let url: string;
let browser: Browser;
before(async () => {
  [fixture, browser] = await Promise.all([analystFixture(), launchBrowser()]);
  await fixture.app.listen({ port: 0, host: '127.0.0.1' });
  const address = fixture.app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(async () => {
  await browser?.close();
  await fixture?.close();
});

describe('analyst mode in the browser', () => {
  it('logs in, edits a field with a reason, and the change history shows it', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    const problems = watchProblems(page);
    await page.goto(`${url}/login`);
    await page.fill('input[name=name]', 'ana');
    await page.fill('input[name=password]', PASSWORD);
    // A form post navigates: wait for that navigation to end before the next one starts.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[type=submit]')]);
    await page.goto(`${url}/incidents/1`);
    assert.match((await page.textContent('.account-bar')) ?? '', /Logged in as\s+ana/);
    const edit = page.locator('form[action="/incidents/1/edit"]');
    await edit.locator('select[name=field]').selectOption('place');
    await edit.locator('input[name=value]').fill('Hass (checked against video)');
    await edit.locator('input[name=reason]').fill('Geolocated from the strike footage');
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      edit.locator('button[type=submit]').click(),
    ]);
    await page.goto(`${url}/incidents/1`);
    assert.match((await page.textContent('h1')) ?? '', /Hass \(checked against video\)/);
    const history = (await page.textContent('#history')) ?? '';
    assert.match(history, /ana/);
    assert.match(history, /Geolocated from the strike footage/);
    await screenshot(page, 'incident-analyst-desktop');
    // Leaving a page at once aborts its late loads (the icon): no fault of the page.
    assert.deepEqual(
      problems.filter((p) => !p.startsWith('failed:')),
      [],
    );
    await page.close();
  });

  it('gives a logged-out visitor no forms, and refuses a post without changing anything', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${url}/incidents/2`);
    assert.equal(await page.locator('form[action^="/incidents/2/"]').count(), 0);
    const before = (await page.textContent('h1')) ?? '';
    const post = await page.request.post(`${url}/incidents/2/edit`, {
      form: { field: 'place', value: 'Nowhere', reason: 'vandalism', csrf: 'forged' },
      maxRedirects: 0,
    });
    assert.ok([401, 403].includes(post.status()), `status ${post.status()}`);
    await page.reload();
    assert.equal((await page.textContent('h1')) ?? '', before);
    await context.close();
  });
});
