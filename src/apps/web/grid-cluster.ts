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
  return [...cells.values()].map((c) => ({
    x: c.sx / c.items.length,
    y: c.sy / c.items.length,
    items: c.items,
  }));
}

/** The marker radius for a civilian toll: its area grows with the toll, within limits a map can show. */
export function markerRadius(civilians: number | null): number {
  return Math.min(28, 5 + 2.2 * Math.sqrt(Math.max(0, civilians ?? 0)));
}
