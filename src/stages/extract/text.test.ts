import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matches } from './text.ts';

test('matches gives what matchAll gives, empty matches included', () => {
  const s = 'Strikes hit Ariha and al-Bab; 12 killed, 3 wounded in Idlib.';
  for (const re of [/\b[A-Z]\w*/g, /\d+/g, /(?<n>\d+) (?<v>killed|wounded)/g, /x*/g, /\b/g, /zzz/g]) {
    const expected = [...s.matchAll(re)];
    const got = matches(re, s);
    assert.deepEqual(
      got.map((m) => [m.index, [...m], m.groups]),
      expected.map((m) => [m.index, [...m], m.groups]),
      String(re),
    );
  }
});
