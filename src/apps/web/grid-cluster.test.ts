import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridClusters, markerRadius } from './grid-cluster.ts';

describe('gridClusters', () => {
  it('groups points of one cell at their mean and keeps the others apart', () => {
    const clusters = gridClusters(
      [
        { x: 10, y: 10, item: 'a' },
        { x: 30, y: 20, item: 'b' },
        { x: 130, y: 20, item: 'c' },
      ],
      50,
    );
    assert.equal(clusters.length, 2);
    assert.deepEqual(clusters[0], { x: 20, y: 15, items: ['a', 'b'] });
    assert.deepEqual(clusters[1], { x: 130, y: 20, items: ['c'] });
  });

  it('joins groups either side of a cell edge whose centres lie closer than a cell', () => {
    const clusters = gridClusters(
      [
        { x: 48, y: 10, item: 'a' },
        { x: 49, y: 10, item: 'b' },
        { x: 52, y: 10, item: 'c' },
      ],
      50,
    );
    assert.equal(clusters.length, 1);
    assert.deepEqual([...clusters[0]!.items].sort(), ['a', 'b', 'c']);
  });

  it('puts negative coordinates in their own cells', () => {
    assert.equal(
      gridClusters(
        [
          { x: -30, y: 0, item: 1 },
          { x: 30, y: 0, item: 2 },
        ],
        50,
      ).length,
      2,
    );
  });
});

describe('markerRadius', () => {
  it('grows with the toll and stays within bounds', () => {
    assert.equal(markerRadius(null), 5);
    assert.ok(markerRadius(10) > markerRadius(1));
    assert.equal(markerRadius(100_000), 28);
  });
});
