import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractedDocument, ExtractedEvent } from '../../domain/extraction.ts';
import { documentRows, formatRange, formatTable } from './format-table.ts';

const event = {
  date: '2015-12-06',
  place: 'Ayyash',
  admin1: 'Deir ez-Zor',
  killed: { min: 3, max: 3 },
  civilians_killed: null,
  injured: { min: 13, max: null },
  attributed: [
    { belligerent: 'us-coalition', stance: 'blames', by: 'Syria', quote: 'q' },
    { belligerent: 'us-coalition', stance: 'denies', by: 'coalition', quote: 'q' },
    { belligerent: 'russia', stance: 'blames', by: 'US officials', quote: 'q' },
  ],
  strike_type: 'airstrike',
  background: false,
} as unknown as ExtractedEvent;

describe('table output', () => {
  it('writes ranges compactly', () => {
    assert.equal(formatRange(null), '-');
    assert.equal(formatRange({ min: 3, max: 3 }), '3');
    assert.equal(formatRange({ min: 35, max: null }), '35+');
    assert.equal(formatRange({ min: null, max: 30 }), '<=30');
    assert.equal(formatRange({ min: 20, max: 26 }), '20-26');
  });

  it('aligns one row per event and a line for a document without events', () => {
    const docs: ExtractedDocument[] = [
      { id: 'saeqa', published: null, language: 'en', title: null, events: [event] },
      { id: 'statement', published: null, language: 'en', title: null, events: [] },
    ];
    const lines = formatTable(docs.flatMap(documentRows)).trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(
      lines[1]!,
      /^saeqa\s+2015-12-06\s+Ayyash\s+Deir ez-Zor\s+3\s+-\s+13\+\s+us-coalition \(blames, denies\), russia \(blames\)\s+airstrike$/,
    );
    assert.equal(lines[0]!.indexOf('DATE'), lines[1]!.indexOf('2015-12-06'));
    assert.match(lines[2]!, /^statement\s+\(no strike events\)$/);
  });
});
