/** An analyst's values outlive the machine's next look: a new report joining the incident keeps them. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { reportProcessor } from '../src/compose.ts';
import type { IngestItem } from '../src/domain/report.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';
import { analystFixture, type AnalystFixture } from './fixtures/analyst-server.ts';

const TEXT = `Hass strike toll rises

IDLIB, 17 March 2017

The toll of Tuesday's airstrike on the village of Hass in Idlib has risen to 16 civilians, local medics said. Residents again blamed Russian warplanes.`;

async function* later(): AsyncGenerator<IngestItem> {
  yield {
    ok: true,
    report: {
      key: 'hass-later',
      bytes: new TextEncoder().encode(TEXT),
      mediaType: 'text/plain',
      doc: {
        id: 'hass-later',
        text: TEXT,
        published: '2017-03-17',
        title: 'Hass strike toll rises',
        url: null,
        outlet: 'Idlib Daily',
      },
      language: 'en',
      retrieved: '2024-01-02T00:00:00.000Z',
      source: 'hass-later.txt',
    },
  };
}

let f: AnalystFixture;
before(async () => {
  f = await analystFixture();
});
after(async () => {
  await f.close();
});

it('keeps the analyst values over the assessment a new report brings', async () => {
  const list = (await f.app.inject({ url: '/api/incidents' })).json<{
    items: { id: number; place: string }[];
  }>();
  const hass = list.items.find((i) => i.place === 'Hass')!.id;
  const edit = await f.app.inject({
    method: 'PATCH',
    url: `/api/incidents/${hass}`,
    headers: { authorization: `Bearer ${f.tokens.ana}` },
    payload: { set: { killedMax: 30, strikeStatus: 'Declared strike' }, reason: 'hospital records' },
  });
  assert.equal(edit.statusCode, 200, edit.body);
  const summary = await runIngest({
    store: f.opened.store,
    items: later(),
    process: reportProcessor(f.opened),
  });
  assert.equal(summary.processFailed, 0);
  const after = (await f.app.inject({ url: `/api/incidents/${hass}` })).json<{
    killed: { min: number; max: number };
    strikeStatus: string;
    claims: unknown[];
  }>();
  assert.equal(after.claims.length, 3, 'the new report joined the incident');
  assert.deepEqual(after.killed, { min: 12, max: 30 });
  assert.equal(after.strikeStatus, 'Declared strike');
});
