import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeKey, placeMatch, sameKey } from './place-key.ts';

test('transliterations from evaluation.md are exact matches', () => {
  assert.equal(placeMatch('Kafranbel', 'Kafr Nabl'), 2);
  assert.equal(placeMatch('Raqqa', 'Ar Raqqah'), 2);
  assert.equal(placeMatch('Deir Ezzor', 'Dayr Az Zawr'), 2);
});

test('articles are dropped standalone, hyphenated or assimilated', () => {
  assert.deepEqual(placeKey('al-Bab').words, placeKey('Bab').words);
  assert.equal(placeMatch('Deir ez-Zor', 'Deir Ezzor'), 2);
  assert.equal(placeMatch('Deir el-Zour', 'Deir ez-Zor'), 2);
  assert.equal(placeMatch('Hasakah', 'Al-Hasakah'), 2);
  assert.equal(placeMatch('Ar-Raqqa', 'Arraqqa'), 2);
});

test('folding, apostrophes and filler words do not matter', () => {
  assert.equal(placeMatch("Ma'arrat an-Nu'man", 'Maarat al Numan'), 2);
  assert.equal(placeMatch('Jisr al-Shughūr', 'Jisr ash-Shughur'), 2);
  assert.equal(placeMatch('the town of Douma', 'Duma'), 2);
  assert.equal(placeMatch('Idlib province', 'Idleb'), 2);
});

test('sharing one word key of 2+ letters is a partial match', () => {
  assert.equal(placeMatch('Maisaloun farm (north of Raqqa city)', 'Raqqa'), 1);
  assert.equal(placeMatch('Khan Sheikhoun', 'Sheikhoun'), 1);
});

test('word keys shorter than two letters do not make a match', () => {
  // "al-Bab" reduces to the one-letter key "b".
  assert.equal(placeMatch('Bab al-Hawa crossing', 'al-Bab'), 0);
  assert.equal(placeMatch('Sarmada', 'Sarmin'), 0);
});

test('a name of only articles and fillers matches nothing', () => {
  assert.equal(placeMatch('the city', 'the city'), 0);
});

test('sameKey ignores spaces and treats two nulls as equal', () => {
  assert.equal(sameKey('Deir Ezzor', 'Deir ez-Zor'), true);
  assert.equal(sameKey('Rif Dimashq', 'Rifdimashq'), true);
  assert.equal(sameKey(null, null), true);
  assert.equal(sameKey('Aleppo', null), false);
  assert.equal(sameKey('Aleppo', 'Idlib'), false);
});
