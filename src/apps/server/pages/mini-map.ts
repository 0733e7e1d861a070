import type { StoredIncident } from '../../../domain/store.ts';
import { assessmentOf } from '../../../stages/publish/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { belligerentColour } from '../map-colours.ts';
import type { TileSettings } from '../tile-settings.ts';

/** How close the small map opens, by how precisely the place is known. */
const ZOOM: Record<string, number> = {
  neighbourhood: 9,
  village: 8,
  town: 8,
  city: 8,
  district: 7,
  governorate: 6,
  country: 5,
};

/** The incident page's small map (drawn by the map script), or null without coordinates. */
export function miniMap(i: StoredIncident, tiles: TileSettings | null): SafeHtml | null {
  if (i.lat === null || i.lon === null) return null;
  const zoom = ZOOM[i.locationPrecision ?? ''] ?? 8;
  const belligerents = assessmentOf(i)?.belligerents ?? [];
  const first = belligerents.find((b) => b.role.value === 'known') ?? belligerents[0];
  const civilians = i.civiliansKilledMax ?? i.civiliansKilledMin;
  return html`<figure class="mini-map-box">
    <div
      class="mini-map"
      role="img"
      aria-label="Map of where the incident happened"
      data-lat="${i.lat}"
      data-lon="${i.lon}"
      data-zoom="${zoom}"
      data-colour="${belligerentColour(first?.code ?? null)}"
      ${civilians !== null ? html` data-civilians="${civilians}"` : null}
      ${tiles ? html` data-tiles="${tiles.url}" data-tiles-attribution="${tiles.attribution}"` : null}
    ></div>
    <figcaption><a href="/map#${zoom}/${i.lat.toFixed(4)}/${i.lon.toFixed(4)}">Open on the map</a></figcaption>
  </figure>`;
}
