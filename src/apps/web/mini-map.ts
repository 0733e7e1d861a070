import * as L from 'leaflet';
import { baseMap, settingsOf } from './base-map.ts';
import { markerRadius } from './grid-cluster.ts';

/** The incident page's small map: the incident's point among the outlines around it. */
export function showMiniMap(container: HTMLElement): void {
  const lat = Number(container.dataset.lat);
  const lon = Number(container.dataset.lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
  const map = baseMap(container, { ...settingsOf(container), interactive: false });
  const zoom = Number(container.dataset.zoom) || 8;
  map.setView([lat, lon], zoom);
  const toll = container.dataset.civilians ? Number(container.dataset.civilians) : null;
  L.circleMarker([lat, lon], {
    radius: markerRadius(toll),
    color: '#ffffff',
    weight: 1.5,
    fillColor: container.dataset.colour || '#8a1c1c',
    fillOpacity: 0.9,
    className: 'incident-marker',
  }).addTo(map);
  container.dataset.state = 'ready';
}
