import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envelope, exact } from './range.ts';

test('envelope takes the lowest min and the highest exact max', () => {
  assert.deepEqual(envelope([exact(10), exact(15), exact(20)]), { min: 10, max: 20 });
});

test('envelope leaves max open when the highest figure is open-ended', () => {
  assert.deepEqual(envelope([exact(12), { min: 20, max: null }]), { min: 12, max: null });
});

test('envelope keeps a closed max above every open min', () => {
  assert.deepEqual(envelope([{ min: 5, max: null }, exact(9)]), { min: 5, max: 9 });
});

test('envelope of "up to" figures has no min', () => {
  assert.deepEqual(envelope([{ min: null, max: 30 }]), { min: null, max: 30 });
});

test('envelope leaves max open when an open figure reaches the highest exact one', () => {
  assert.deepEqual(envelope([{ min: 20, max: null }, exact(20)]), { min: 20, max: null });
});
