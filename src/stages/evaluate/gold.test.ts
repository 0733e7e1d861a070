import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoldDocument } from './gold.ts';

test('a gold record parses with missing optional fields read as null', () => {
  const parsed = parseGoldDocument({ id: 'a', incidents: [{ place: 'Douma', killed_min: 3 }] });
  assert.equal(parsed.ok, true);
  if (!parsed.ok) return;
  assert.equal(parsed.value.incidents[0]?.killed_min, 3);
  assert.equal(parsed.value.incidents[0]?.killed_max, null);
  assert.equal(parsed.value.incidents[0]?.background, false);
  assert.equal(parsed.value.incidents[0]?.strike_type, 'unknown');
});

test('every problem of a malformed record is listed with its path', () => {
  const parsed = parseGoldDocument({
    incidents: [{ killed_min: '3', attributed: [{ belligerent: 'russia' }], background: 'no' }],
  });
  assert.deepEqual(parsed, {
    ok: false,
    problems: [
      'id: expected a non-empty string',
      'incidents[0].attributed[0]: expected {belligerent, stance} strings',
      'incidents[0].background: expected a boolean',
      'incidents[0].killed_min: expected a non-negative integer or null',
    ],
  });
  assert.deepEqual(parseGoldDocument([1]), { ok: false, problems: ['expected a JSON object'] });
});
