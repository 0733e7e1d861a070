import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outletKinds } from './outlet-kind.ts';

const kindOf = outletKinds({
  'state media': ['SANA', 'RT'],
  monitor: ['Syrian Observatory for Human Rights', 'Syrian Observatory'],
  'international media': ['National News Agency', 'AP'],
  'social media': ['X'],
});

describe('outletKinds', () => {
  it('knows listed outlets by their whole name, whatever the case and punctuation', () => {
    assert.equal(kindOf('SANA'), 'state media');
    assert.equal(kindOf('sana'), 'state media');
    assert.equal(kindOf('Syrian Observatory for Human Rights'), 'monitor');
    assert.equal(kindOf('X'), 'social media');
  });
  it('finds a listed name inside a longer one, the longest first', () => {
    assert.equal(kindOf('National News Agency (Lebanon)'), 'international media');
    assert.equal(kindOf('the Syrian Observatory, Coventry'), 'monitor');
  });
  it('does not read short names inside other words or names', () => {
    assert.equal(kindOf('Channel X News'), null);
    assert.equal(kindOf('AP Syria Desk'), null);
    assert.equal(kindOf('Sanaa Daily'), null);
  });
  it('leaves unlisted outlets and reports without an outlet without a kind', () => {
    assert.equal(kindOf('Some Village Page'), null);
    assert.equal(kindOf(null), null);
  });
});
