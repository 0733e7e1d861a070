import type { ListQuery } from '../api-schemas.ts';
import { html, type SafeHtml } from '../html.ts';
import { queryString } from './format.ts';
import { filterForm, filterParams } from './incident-list-page.ts';
import { layout } from './layout.ts';
import type { TileSettings } from '../tile-settings.ts';

export type ColourBy = 'belligerent' | 'grading';

export interface MapPageModel {
  query: ListQuery;
  colour: ColourBy;
  total: number;
  labels: Record<string, string>;
  tiles: TileSettings | null;
}

/** Circles of the sizes the map draws for 1, 10 and 50 civilians killed. */
function sizeKey(): SafeHtml {
  const sizes = [1, 10, 50].map((n) => ({ n, r: Math.min(28, 5 + 2.2 * Math.sqrt(n)) }));
  let x = 0;
  const circles = sizes.map(({ n, r }) => {
    x += r + 4;
    const cx = x;
    x += r + 22;
    return html`<circle cx="${cx}" cy="22" r="${r.toFixed(1)}" class="size-circle" /><text x="${cx + r + 3}" y="26">${n}</text>`;
  });
  return html`<svg class="size-key" viewBox="0 0 ${x.toFixed(0)} 44" role="img" aria-label="Circle sizes for 1, 10 and 50 civilians killed">${circles}</svg>`;
}

/** The map of every incident matching the filters; the script draws it, this page says what it shows. */
export function mapPage(m: MapPageModel): SafeHtml {
  const filters = filterParams(m.query);
  const api = `/api/map${queryString(filters)}`;
  const active = Object.values(filters).filter((v) => v !== undefined && v !== '').length;
  const colourLink = (colour: ColourBy, label: string): SafeHtml =>
    html`<a data-colour="${colour}" href="/map${queryString({ ...filters, colour: colour === 'belligerent' ? undefined : colour })}" aria-current="${String(m.colour === colour)}">${label}</a>`;
  return layout({
    title: 'Map',
    section: 'map',
    map: true,
    main: html`<h1>Map</h1>
      <details class="map-filters" open>
        <summary>Filters${active > 0 ? html` <span class="muted">· ${active} active</span>` : null}</summary>
        ${filterForm(m, '/map', m.colour === 'grading' ? html`<input type="hidden" name="colour" value="grading" />` : null)}
      </details>
      <p class="count">
        ${m.total === 1 ? '1 incident matches' : `${m.total.toLocaleString('en')} incidents match`}; the map shows those with
        coordinates. <a href="/incidents${queryString(filters)}">See them as a list</a>.
      </p>
      <div class="map-toolbar">
        <div class="colour-switch" role="group" aria-label="Colour markers by">
          <span>Colour by</span> ${colourLink('belligerent', 'Belligerent')} ${colourLink('grading', 'Grading')}
        </div>
        <div class="size-legend"><span>Civilians killed</span> ${sizeKey()}</div>
      </div>
      <div
        id="incident-map"
        class="incident-map"
        data-api="${api}"
        data-colour="${m.colour}"
        ${m.tiles ? html` data-tiles="${m.tiles.url}" data-tiles-attribution="${m.tiles.attribution}"` : null}
      ></div>
      <p id="map-status" class="muted" role="status"></p>
      <div id="map-legend" class="map-legend" aria-label="Colours"></div>
      <noscript><p class="notice">The map needs JavaScript; the list shows the same incidents.</p></noscript>
      <p class="muted map-note">
        Markers are sized by civilians killed (the highest reported figure) and grouped where they
        crowd: click a group to zoom in. Outlines show countries, governorates and, closer in,
        districts.
      </p>`,
  });
}
