import * as L from 'leaflet';
import { baseMap, settingsOf } from './base-map.ts';
import { gridClusters, markerRadius } from './grid-cluster.ts';
import type { MapData, MapRow } from './map-data.ts';

export type ColourBy = 'belligerent' | 'grading';

/** Cluster cell size in pixels: markers closer than this are drawn as one. */
const CELL = 44;
/** Where the map opens when nothing matches: Syria and its neighbours. */
const DEFAULT_VIEW: [L.LatLngExpression, number] = [[34.8, 38.5], 6];

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function deaths(row: MapRow): string {
  const [min, max] = [row[4], row[5]];
  if (min === null && max === null) return 'no figure';
  if (max === null) return `at least ${min}`;
  if (min === null) return `up to ${max}`;
  return min === max ? String(min) : `${min}–${max}`;
}

/** The toll a marker is sized by: the highest figure, else the lowest (an open one). */
function toll(row: MapRow): number | null {
  return row[5] ?? row[4];
}

/** A popup's content, built as elements so no text from a report is read as markup. */
function incidentSummary(row: MapRow, data: MapData): HTMLElement {
  const box = element('div', 'map-popup');
  const link = element('a', 'map-popup-code', `SW${row[0]}`);
  link.href = `/incidents/${row[0]}`;
  box.append(link, element('span', 'map-popup-date', ` ${row[3] ?? 'undated'}`));
  box.append(element('div', 'map-popup-place', row[8] ?? 'unnamed place'));
  box.append(element('div', undefined, `Civilians killed: ${deaths(row)}`));
  const b = row[7] === null ? null : data.belligerents[row[7]];
  box.append(
    element('div', undefined, `Belligerent: ${b ? b.label : 'none named'} · Grading: ${row[6] ?? 'none'}`),
  );
  return box;
}

function clusterList(rows: MapRow[]): HTMLElement {
  const box = element('div', 'map-popup');
  box.append(element('strong', undefined, `${rows.length} incidents here`));
  const list = element('ul', 'map-popup-list');
  for (const row of [...rows].sort((a, b) => (b[3] ?? '').localeCompare(a[3] ?? '')).slice(0, 30)) {
    const item = element('li');
    const link = element('a', undefined, `SW${row[0]}`);
    link.href = `/incidents/${row[0]}`;
    item.append(link, ` ${row[3] ?? 'undated'} · ${deaths(row)} civilians`);
    list.append(item);
  }
  box.append(list);
  if (rows.length > 30)
    box.append(element('div', 'muted', `and ${rows.length - 30} more: filter or zoom in`));
  return box;
}

/** The whole map page: every matching incident, clustered, coloured by belligerent or grading. */
export function showIncidentMap(container: HTMLElement): void {
  const map = baseMap(container, settingsOf(container));
  const markers = L.layerGroup().addTo(map);
  let colourBy: ColourBy = container.dataset.colour === 'grading' ? 'grading' : 'belligerent';
  let data: MapData | null = null;

  const colourOf = (row: MapRow): string =>
    colourBy === 'grading'
      ? (data!.gradings[row[6] ?? ''] ?? data!.gradings['']!)
      : (data!.belligerents[row[7] ?? '']?.colour ?? '#8a9199');

  const draw = (): void => {
    if (!data) return;
    markers.clearLayers();
    const zoom = map.getZoom();
    const view = map.getPixelBounds().pad(0.25);
    const points = data.incidents.map((row) => {
      const p = map.project([row[1], row[2]], zoom);
      return { x: p.x, y: p.y, item: row };
    });
    let shown = 0;
    for (const c of gridClusters(points, CELL)) {
      if (!view.contains([c.x, c.y])) continue;
      const at = map.unproject([c.x, c.y], zoom);
      if (c.items.length === 1) {
        const row = c.items[0]!;
        L.circleMarker(at, {
          radius: markerRadius(toll(row)),
          color: '#ffffff',
          weight: 1.2,
          fillColor: colourOf(row),
          fillOpacity: 0.85,
          className: 'incident-marker',
        })
          .bindTooltip(`SW${row[0]} · ${row[3] ?? 'undated'} · ${deaths(row)} civilians killed`)
          .bindPopup(incidentSummary(row, data))
          .addTo(markers);
        shown += 1;
        continue;
      }
      const counts = new Map<string, number>();
      for (const row of c.items) counts.set(colourOf(row), (counts.get(colourOf(row)) ?? 0) + 1);
      const dominant = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      // Never wider than a cell, so neighbouring groups do not cover each other.
      const size = Math.round(Math.min(CELL - 6, 24 + 6 * Math.log10(c.items.length)));
      const icon = element('div', 'cluster-marker', String(c.items.length));
      icon.style.background = dominant;
      icon.style.width = icon.style.height = icon.style.lineHeight = `${size}px`;
      const same = c.items.every((r) => r[1] === c.items[0]![1] && r[2] === c.items[0]![2]);
      const marker = L.marker(at, {
        icon: L.divIcon({ html: icon, className: 'cluster-icon', iconSize: [size, size] }),
        title: `${c.items.length} incidents`,
        keyboard: true,
      }).addTo(markers);
      if (same || zoom >= map.getMaxZoom()) marker.bindPopup(clusterList(c.items));
      else
        marker.on('click', () => {
          const bounds = L.latLngBounds(c.items.map((r) => [r[1], r[2]] as [number, number]));
          map.fitBounds(bounds.pad(0.3), { maxZoom: Math.min(map.getMaxZoom(), zoom + 3) });
        });
      shown += c.items.length;
    }
    container.dataset.markers = String(markers.getLayers().length);
    container.dataset.shown = String(shown);
  };

  const legend = document.getElementById('map-legend');
  const drawLegend = (): void => {
    if (!legend || !data) return;
    legend.replaceChildren();
    const present = new Map<string, { label: string; colour: string; n: number }>();
    for (const row of data.incidents) {
      const key = colourBy === 'grading' ? (row[6] ?? '') : (row[7] ?? '');
      const entry = present.get(key) ?? {
        label: colourBy === 'grading' ? key || 'not graded' : (data.belligerents[key]?.label ?? 'none named'),
        colour: colourOf(row),
        n: 0,
      };
      entry.n += 1;
      present.set(key, entry);
    }
    const list = element('ul', 'legend-keys');
    for (const e of [...present.values()].sort((a, b) => b.n - a.n)) {
      const item = element('li');
      const swatch = element('span', 'swatch');
      swatch.style.background = e.colour;
      item.append(swatch, `${e.label} (${e.n})`);
      list.append(item);
    }
    legend.append(list);
  };

  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-colour]'))
    link.addEventListener('click', (event) => {
      event.preventDefault();
      colourBy = link.dataset.colour === 'grading' ? 'grading' : 'belligerent';
      for (const other of document.querySelectorAll<HTMLAnchorElement>('a[data-colour]'))
        other.setAttribute('aria-current', String(other === link));
      history.replaceState(null, '', link.href.replace(/#.*$/, '') + location.hash);
      container.dataset.colour = colourBy;
      draw();
      drawLegend();
    });

  const hash = /^#(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(location.hash);
  if (hash) map.setView([Number(hash[2]), Number(hash[3])], Number(hash[1]));
  else map.setView(...DEFAULT_VIEW);
  map.on('moveend', () => {
    const c = map.getCenter();
    history.replaceState(
      null,
      '',
      `${location.pathname}${location.search}#${map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`,
    );
    draw();
  });

  void fetch(container.dataset.api ?? '/api/map', { headers: { accept: 'application/json' } })
    .then((r) => {
      if (!r.ok) throw new Error(`the map data could not be loaded (${r.status})`);
      return r.json() as Promise<MapData>;
    })
    .then((loaded) => {
      data = loaded;
      container.dataset.incidents = String(loaded.incidents.length);
      const status = document.getElementById('map-status');
      if (status && loaded.truncated)
        status.textContent = `The map shows ${loaded.incidents.length.toLocaleString('en')} of them; narrow the filters to see the rest.`;
      else if (status && loaded.unplaced)
        status.textContent = `${loaded.unplaced.toLocaleString('en')} without coordinates are not on the map.`;
      if (!hash && loaded.incidents.length > 0)
        map.fitBounds(
          L.latLngBounds(loaded.incidents.map((r) => [r[1], r[2]] as [number, number])).pad(0.2),
          { maxZoom: 10, animate: false },
        );
      draw();
      drawLegend();
      container.dataset.state = 'ready';
    })
    .catch((err: unknown) => {
      container.dataset.state = 'failed';
      const status = document.getElementById('map-status');
      if (status)
        status.textContent = err instanceof Error ? err.message : 'the map data could not be loaded';
    });
}
