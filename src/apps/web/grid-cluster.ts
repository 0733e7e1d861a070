/** A point in screen pixels at one zoom, carrying what it stands for. */
export interface GridPoint<T> {
  x: number;
  y: number;
  item: T;
}

/** Points that fell in one grid cell: drawn as one marker at their mean position. */
export interface GridCluster<T> {
  x: number;
  y: number;
  items: T[];
}

/**
 * Groups points by a square grid of `cell` pixels: cheap enough to redo on every zoom for tens of
 * thousands of points, and the same input always gives the same clusters.
 */
export function gridClusters<T>(points: readonly GridPoint<T>[], cell: number): GridCluster<T>[] {
  const cells = new Map<string, { sx: number; sy: number; items: T[] }>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cell)}:${Math.floor(p.y / cell)}`;
    const c = cells.get(key);
    if (c) {
      c.sx += p.x;
      c.sy += p.y;
      c.items.push(p.item);
    } else cells.set(key, { sx: p.x, sy: p.y, items: [p.item] });
  }
  const clusters = [...cells.values()].map((c) => ({
    x: c.sx / c.items.length,
    y: c.sy / c.items.length,
    items: c.items,
  }));
  return mergeNeighbours(clusters, cell);
}

/**
 * Points either side of a cell edge end up as two groups drawn on top of each other; the
 * biggest group takes in any other whose centre lies closer than a cell (looked up in the
 * neighbouring cells only, so the pass stays linear).
 */
function mergeNeighbours<T>(clusters: GridCluster<T>[], cell: number): GridCluster<T>[] {
  const byCell = new Map<string, GridCluster<T>[]>();
  const keyOf = (cx: number, cy: number): string => `${cx}:${cy}`;
  for (const c of clusters) {
    const key = keyOf(Math.floor(c.x / cell), Math.floor(c.y / cell));
    byCell.set(key, [...(byCell.get(key) ?? []), c]);
  }
  const order = [...clusters].sort((a, b) => b.items.length - a.items.length);
  const taken = new Set<GridCluster<T>>();
  const out: GridCluster<T>[] = [];
  for (const c of order) {
    if (taken.has(c)) continue;
    taken.add(c);
    let { x, y } = c;
    const items = [...c.items];
    const cx = Math.floor(c.x / cell);
    const cy = Math.floor(c.y / cell);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const other of byCell.get(keyOf(cx + dx, cy + dy)) ?? []) {
          if (taken.has(other) || Math.hypot(other.x - c.x, other.y - c.y) >= cell) continue;
          taken.add(other);
          x = (x * items.length + other.x * other.items.length) / (items.length + other.items.length);
          y = (y * items.length + other.y * other.items.length) / (items.length + other.items.length);
          items.push(...other.items);
        }
    out.push({ x, y, items });
  }
  return out;
}

/** The marker radius for a civilian toll: its area grows with the toll, within limits a map can show. */
export function markerRadius(civilians: number | null): number {
  return Math.min(28, 5 + 2.2 * Math.sqrt(Math.max(0, civilians ?? 0)));
}
