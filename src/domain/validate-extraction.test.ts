import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractedDocument, ExtractedEvent } from './extraction.ts';
import { isIsoDay, validateExtraction } from './validate-extraction.ts';

const TEXT = 'Jets struck Ayyash on Sunday, killing three soldiers.';

function event(overrides: Partial<Record<keyof ExtractedEvent, unknown>> = {}): ExtractedEvent {
  return {
    date: '2015-12-06',
    date_precision: 'day',
    date_text: 'on Sunday',
    place: 'Ayyash',
    place_text: 'Ayyash',
    admin1: 'Deir ez-Zor',
    country: 'Syria',
    lat: 35.42,
    lon: 40.05,
    location_precision: 'village',
    gazetteer_id: 'geonames:7632486',
    attributed: [{ belligerent: 'us-coalition', stance: 'blames', by: 'Syria', quote: 'Jets struck Ayyash' }],
    killed: { min: 3, max: 3 },
    civilians_killed: null,
    children_killed: null,
    women_killed: null,
    combatants_killed: { min: 3, max: 3 },
    injured: null,
    strike_type: 'airstrike',
    weapons: [],
    target: null,
    background: false,
    evidence: [{ field: 'place', start: 12, end: 18, text: 'Ayyash' }],
    ...overrides,
  } as ExtractedEvent;
}

function doc(events: ExtractedEvent[]): ExtractedDocument {
  return { id: 'd', published: '2015-12-08', language: 'en', title: null, events };
}

describe('validateExtraction', () => {
  it('accepts a well-formed document', () => {
    assert.deepEqual(validateExtraction(doc([event()]), TEXT), []);
    assert.deepEqual(validateExtraction(doc([]), ''), []);
  });

  it('lists every problem with its path', () => {
    const bad = event({
      date: '2015-12',
      strike_type: 'bombing',
      killed: { min: 5, max: 2 },
      injured: { min: -1, max: null },
      lat: 100,
      attributed: [{ belligerent: 'Russia', stance: 'maybe', by: 'x', quote: 'y' }],
      evidence: [
        { field: 'place', start: 12, end: 18, text: 'Ayyas' },
        { field: 'killed', start: 40, end: 999, text: '' },
      ],
      background: 'no',
    });
    const paths = validateExtraction({ ...doc([bad]), published: '2015-02-30' }, TEXT).map((p) => p.path);
    assert.deepEqual(paths.sort(), [
      'events[0].attributed[0].belligerent',
      'events[0].attributed[0].stance',
      'events[0].background',
      'events[0].date',
      'events[0].evidence[0].text',
      'events[0].evidence[1].end',
      'events[0].injured.min',
      'events[0].killed',
      'events[0].lat',
      'events[0].strike_type',
      'published',
    ]);
  });

  it('rejects a value that is not a document', () => {
    assert.deepEqual(validateExtraction(null, '')[0]?.path, '');
    assert.deepEqual(
      validateExtraction({ id: '', published: null, language: 'en', title: null, events: {} }, '').map(
        (p) => p.path,
      ),
      ['id', 'events'],
    );
  });

  it('checks calendar days', () => {
    assert.ok(isIsoDay('2016-02-29'));
    assert.ok(!isIsoDay('2015-02-29'));
    assert.ok(!isIsoDay('2015-1-02'));
  });
});
