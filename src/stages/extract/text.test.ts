import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matches, splitOnSpaces } from './text.ts';

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
  assert.throws(() => matches(/\d+/, s), TypeError);
});

test('splitOnSpaces splits as a split on runs of \\s does', () => {
  for (const s of [
    '',
    ' ',
    'a',
    'Deir ez-Zor',
    '  Kafr\u00a0 Nabl\t',
    'al-Bab\u2009town\n\nx',
    'a \u3000b\ufeff',
  ]) {
    assert.deepEqual(splitOnSpaces(s), s.split(/\s+/), JSON.stringify(s));
  }
});
