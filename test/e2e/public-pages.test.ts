/** The public pages in a real browser: the map's markers, filters on list and map, the incident page. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  screenshot,
  startServer,
  VIEWPORTS,
  watchProblems,
  type RunningServer,
} from './browser.ts';
import { E2E_REPORTS } from './e2e-reports.ts';

let server: RunningServer;
let browser: Browser;
before(async () => {
  [server, browser] = await Promise.all([startServer(E2E_REPORTS), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(
  path: string,
  viewport: keyof typeof VIEWPORTS = 'desktop',
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
  const problems = watchProblems(page);
  await page.goto(server.url + path);
  return { page, problems };
}

/** Waits for the map script to draw its data and the outlines. */
async function mapReady(page: Page, selector = '#incident-map'): Promise<void> {
  await page.waitForSelector(`${selector}[data-state=ready]`, { timeout: 15_000 });
  await page.waitForSelector(`${selector}[data-boundaries=loaded]`, { timeout: 15_000 });
}

async function incidentIdAt(place: string): Promise<number> {
  const r = await fetch(`${server.url}/api/incidents?q=${encodeURIComponent(place)}`);
  return ((await r.json()) as { items: { id: number }[] }).items[0]!.id;
}

describe('map', () => {
  it('shows every incident with coordinates as markers or groups, over the outlines', async () => {
    const { page, problems } = await open('/map');
    await mapReady(page);
    const map = page.locator('#incident-map');
    assert.equal(await map.getAttribute('data-incidents'), '6');
    await page.waitForSelector('#incident-map[data-shown="6"]');
    const singles = await page.locator('path.incident-marker').count();
    const grouped = (await page.locator('.cluster-marker').allTextContents()).reduce(
      (n, t) => n + Number(t),
      0,
    );
    assert.equal(singles + grouped, 6);
    assert.ok((await page.locator('.leaflet-boundaries-pane path').count()) > 100, 'outlines drawn');
    assert.match((await page.locator('.leaflet-control-attribution').textContent()) ?? '', /Who’s On First/);
    // The legend names each belligerent with its count.
    assert.match((await page.locator('#map-legend').textContent()) ?? '', /US-led Coalition \(2\)/);
    await screenshot(page, 'map-desktop');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('zooms into a group on a click and opens an incident from its marker', async () => {
    const { page } = await open('/map#5/34.5/38');
    await mapReady(page);
    await page.locator('.cluster-marker').first().click();
    // The group parts into its incidents at a closer zoom, kept in the URL.
    await page.waitForFunction(() => document.querySelectorAll('.cluster-marker').length === 0);
    assert.ok(Number(/#(\d+(?:\.\d+)?)\//.exec(page.url())?.[1]) > 5, page.url());
    await page.locator('path.incident-marker').first().click({ force: true });
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor();
    assert.match((await popup.textContent()) ?? '', /SW\d+.*Civilians killed/s);
    await page.close();
  });

  it('colours by grading when switched, and keeps the switch in the URL', async () => {
    const { page } = await open('/map');
    await mapReady(page);
    await page.click('a[data-colour=grading]');
    assert.match(page.url(), /colour=grading/);
    assert.match(
      (await page.locator('#map-legend').textContent()) ?? '',
      /Fair \(1\).*Weak \(5\)|Weak \(5\).*Fair \(1\)/s,
    );
    await page.close();
  });
});

describe('filters', () => {
  it('narrow the list, and the map shows the same incidents', async () => {
    const { page, problems } = await open('/incidents');
    assert.equal(await page.locator('table.incidents tbody tr').count(), 6);
    await page.fill('input[name=governorate]', 'Idlib');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/governorate=Idlib/);
    assert.equal(await page.locator('table.incidents tbody tr').count(), 2);
    assert.match(
      (await page.locator('figure.timeline svg.timeline-wide').getAttribute('aria-label')) ?? '',
      /^2 dated incidents/,
    );
    await page.click('text=see them on the map');
    await page.waitForURL(/\/map\?governorate=Idlib/);
    await mapReady(page);
    assert.equal(await page.locator('#incident-map').getAttribute('data-incidents'), '2');
    // The map's own form narrows it further, and the list link follows.
    await page.selectOption('select[name=belligerent]', 'russia');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/belligerent=russia/);
    await mapReady(page);
    assert.equal(await page.locator('#incident-map').getAttribute('data-incidents'), '1');
    await page.click('text=See them as a list');
    assert.equal(await page.locator('table.incidents tbody tr').count(), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('incident page', () => {
  it('shows the ranges, the stance chips, the evidence and a small map', async () => {
    const id = await incidentIdAt('Hass');
    const { page, problems } = await open(`/incidents/${id}`);
    const panel = (await page.locator('.summary-panel').textContent()) ?? '';
    assert.match(panel, /Civilians killed\s*12–14/);
    assert.match(panel, /Injured\s*20/);
    const chips = await page.locator('.chip').allTextContents();
    assert.ok(
      chips.some((c) => /blames\s+Russia/.test(c)),
      chips.join(' | '),
    );
    assert.ok(
      chips.some((c) => /denies\s+Russia/.test(c)),
      chips.join(' | '),
    );
    assert.ok((await page.locator('.evidence q').count()) >= 2);
    await mapReady(page, '.mini-map');
    assert.equal(await page.locator('.mini-map path.incident-marker').count(), 1);
    await screenshot(page, 'incident-desktop');
    // The evidence is marked in the archived report it links to.
    const href = (await page.locator('.evidence a').first().getAttribute('href'))!;
    await page.goto(server.url + href);
    assert.ok((await page.locator('mark').count()) >= 2);
    await screenshot(page, 'report-desktop');
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('screenshots', () => {
  it('of the list, the map, an incident and a report at laptop and phone widths', async () => {
    const id = await incidentIdAt('Hass');
    for (const [name, path] of [
      ['list', '/incidents'],
      ['map', '/map'],
      ['incident', `/incidents/${id}`],
      ['report', '/reports/1'],
    ] as const)
      for (const viewport of ['desktop', 'phone'] as const) {
        const { page, problems } = await open(path, viewport);
        if (name === 'map') await mapReady(page);
        if (name === 'incident') await mapReady(page, '.mini-map');
        await screenshot(page, `${name}-${viewport}`);
        assert.deepEqual(problems, [], `${name} ${viewport}`);
        await page.close();
      }
  });
});
