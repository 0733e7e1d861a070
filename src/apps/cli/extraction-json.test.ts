import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractedDocument } from '../../domain/extraction.ts';
import { extractionLine } from './extraction-json.ts';

describe('extraction JSON lines', () => {
  it('puts keys in the documented order, extra keys last', () => {
    const shuffled = {
      events: [
        {
          evidence: [{ text: 'x', end: 1, start: 0, field: 'place' }],
          killed: { max: 3, min: 1 },
          extra: true,
          date: null,
          attributed: [{ quote: 'q', by: 'b', stance: 'blames', belligerent: 'russia' }],
        },
      ],
      title: null,
      language: 'en',
      published: null,
      id: 'd',
    } as unknown as ExtractedDocument;
    const line = extractionLine(shuffled);
    assert.ok(!line.includes('\n'));
    const parsed = JSON.parse(line) as ExtractedDocument & { events: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(parsed), ['id', 'published', 'language', 'title', 'events']);
    const e = parsed.events[0]!;
    assert.deepEqual(Object.keys(e), ['date', 'attributed', 'killed', 'evidence', 'extra']);
    assert.deepEqual(Object.keys(e.killed as object), ['min', 'max']);
    assert.deepEqual(Object.keys((e.attributed as object[])[0]!), ['belligerent', 'stance', 'by', 'quote']);
    assert.deepEqual(Object.keys((e.evidence as object[])[0]!), ['field', 'start', 'end', 'text']);
  });
});
