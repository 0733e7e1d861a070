/**
 * Ingest builds incidents: short reports written for this test go through extraction, the
 * store-backed clustering index and assessment, and land as incidents in the database.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { incidentOptions, openStore, reportProcessor, type OpenedStore } from '../src/compose.ts';
import { clusterUnlinked } from '../src/pipeline/build-incidents.ts';
import type { IngestItem } from '../src/domain/report.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';

const dir = mkdtempSync(join(tmpdir(), 'strikewatch-incidents-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let opened: OpenedStore | null = null;
let n = 0;
async function open(): Promise<OpenedStore> {
  const result = await openStore(join(dir, `i${n++}.db`));
  assert.ok(result.ok);
  opened = result.opened;
  return opened;
}
afterEach(async () => {
  if (!opened) return;
  assert.deepEqual(opened.integrityProblems(), []);
  await opened.store.close();
  opened = null;
});

function item(key: string, outlet: string, text: string, published = '2017-03-15'): IngestItem {
  return {
    ok: true,
    report: {
      key,
      bytes: new TextEncoder().encode(text),
      mediaType: 'text/plain',
      doc: { id: key, text, published, title: null, url: null, outlet },
      language: null,
      retrieved: '2024-01-01T00:00:00.000Z',
      source: `${key}.txt`,
    },
  };
}

async function* items(list: IngestItem[]): AsyncGenerator<IngestItem> {
  yield* list;
}

async function ingest(o: OpenedStore, list: IngestItem[]): Promise<void> {
  const summary = await runIngest({ store: o.store, items: items(list), process: reportProcessor(o) });
  assert.equal(summary.processFailed, 0, JSON.stringify(summary.problems));
}

const SAME_STRIKE = [
  item(
    'outlet-one',
    'Step News',
    'Jets hit Idlib bakery\n\nRussian warplanes bombed a bakery in the city of Idlib on Monday, killing 11 civilians, rescuers said.',
  ),
  item(
    'outlet-two',
    'Al Jazeera',
    'Deadly raid on Idlib\n\nAt least 19 civilians were killed on Monday when air strikes hit a bakery in Idlib city, activists said. They blamed Russian and US-led coalition aircraft.',
  ),
  item(
    'outlet-three',
    'Syrian Observatory',
    'Strikes kill 23 in Idlib\n\nThe Syrian Observatory for Human Rights said 23 people were killed in air strikes on Idlib city on Monday. It said the US-led coalition carried out the raids.',
  ),
];

describe('ingest builds incidents', () => {
  it('makes one Contested incident of one strike told by three outlets', async () => {
    const o = await open();
    await ingest(o, SAME_STRIKE);
    const { store } = o;
    assert.equal(await store.incidents.count(), 1);
    const [incident] = await store.incidents.near({ from: '2017-03-01', to: '2017-03-31' });
    assert.ok(incident);
    assert.equal(incident.grading, 'Contested');
    assert.equal(incident.strikeStatus, 'Contested strike');
    assert.deepEqual([incident.killedMin, incident.killedMax], [11, 23]);
    assert.equal(incident.civiliansKilledMin, 11);
    assert.equal(incident.date, '2017-03-13');
    assert.match(incident.place ?? '', /Idlib/);
    const links = await store.incidents.links(incident.id);
    assert.equal(links.length, 3);
    assert.deepEqual(
      links.map((l) => l.linkedBy),
      ['cluster:no-match', 'cluster:match', 'cluster:match'],
    );
    assert.ok(links.every((l) => (l.reason ?? '').length > 0));
  });

  it('keeps two strikes of the same day in different villages apart', async () => {
    const o = await open();
    await ingest(o, [
      item(
        'village-one',
        'Orient News',
        'Barrel bombs on Kafr Nabl\n\nGovernment helicopters dropped barrel bombs on the village of Kafr Nabl in Idlib province on Monday, killing three people.',
      ),
      item(
        'village-two',
        'Smart News',
        'Raid on Hass\n\nAn air strike on the village of Hass in Idlib province killed seven people on Monday, local activists said.',
      ),
    ]);
    const incidents = await o.store.incidents.near({ from: '2017-03-01', to: '2017-03-31' });
    assert.equal(incidents.length, 2);
    assert.deepEqual(incidents.map((i) => i.place).sort(), ['Hass', 'Kafr Nabl']);
  });

  it('builds the same incident again when a report is ingested a second time, and rebuilds on re-extraction', async () => {
    const o = await open();
    await ingest(o, SAME_STRIKE);
    await ingest(o, SAME_STRIKE);
    assert.equal(await o.store.incidents.count(), 1);
    // A new version of the third report, now about another day: the incident loses its claim.
    await ingest(o, [
      item(
        'outlet-three',
        'Syrian Observatory',
        'Strikes kill 23 in Idlib\n\nThe Syrian Observatory for Human Rights said 23 people were killed in air strikes on Idlib city on 2 March.',
      ),
    ]);
    const incidents = await o.store.incidents.near({ from: '2017-03-01', to: '2017-03-31' });
    assert.equal(incidents.length, 2);
    const first = incidents.find((i) => i.date === '2017-03-13')!;
    assert.equal((await o.store.incidents.links(first.id)).length, 2);
    // "At least 19" leaves the top open once no exact figure is above it.
    assert.deepEqual([first.killedMin, first.killedMax], [11, null]);
  });

  it('places claims stored without clustering (an older database) into incidents, once', async () => {
    const o = await open();
    // Extraction only, as a store written before clustering existed holds its claims.
    const summary = await runIngest({
      store: o.store,
      items: items(SAME_STRIKE),
      process: reportProcessor(),
    });
    assert.equal(summary.claims, 3);
    assert.equal(await o.store.incidents.count(), 0);
    const first = await clusterUnlinked(o.store, incidentOptions(o));
    assert.deepEqual([first.created, first.joined, first.reports], [1, 2, 3]);
    const [incident] = await o.store.incidents.near({ from: '2017-03-01', to: '2017-03-31' });
    assert.equal(incident!.grading, 'Contested');
    assert.equal((await o.store.incidents.links(incident!.id)).length, 3);
    const again = await clusterUnlinked(o.store, incidentOptions(o));
    assert.deepEqual([again.created, again.joined], [0, 0]);
    assert.equal(await o.store.incidents.count(), 1);
  });
});
