import * as L from 'leaflet';

/** The credit the boundaries' CC BY licences ask for, short enough for a phone. */
const BOUNDARY_ATTRIBUTION =
  'Boundaries: <a href="https://whosonfirst.org/docs/licenses/">Who’s On First</a>, GeoNames, Quattroshapes, Yahoo! GeoPlanet (CC BY), Mesoshapes';

/** Districts are drawn from this zoom on; below it they would only blur the governorates. */
const DISTRICT_ZOOM = 7;

interface BoundaryProperties {
  level: 'country' | 'governorate' | 'district';
  name: string;
  governorate: string | null;
  country: string;
}

const STYLES: Record<BoundaryProperties['level'], L.PathOptions> = {
  country: {
    color: '#4a5561',
    weight: 1.4,
    fill: true,
    fillColor: '#fbfaf6',
    fillOpacity: 1,
    interactive: false,
  },
  governorate: { color: '#7d8791', weight: 0.9, fill: true, fillOpacity: 0 },
  district: { color: '#b3bac1', weight: 0.5, dashArray: '2 3', fill: true, fillOpacity: 0 },
};

function boundaryName(p: BoundaryProperties): string {
  if (p.level === 'district') return `${p.name} district, ${p.governorate ?? p.country}`;
  return p.level === 'governorate' ? `${p.name}, ${p.country}` : p.name;
}

/** Settings the page passes on its map element's data attributes. */
export interface MapSettings {
  /** A tile URL template (`{z}/{x}/{y}`), when the server was given one; offline otherwise. */
  tiles?: string | undefined;
  tilesAttribution?: string | undefined;
  interactive?: boolean;
}

/**
 * A Leaflet map over the shipped country, governorate and district outlines (tiles only when
 * configured), with the attribution their licence asks for.
 */
export function baseMap(element: HTMLElement, settings: MapSettings): L.Map {
  const interactive = settings.interactive !== false;
  const map = L.map(element, {
    attributionControl: false,
    scrollWheelZoom: interactive,
    zoomSnap: 0.5,
    minZoom: 3,
    maxZoom: 16,
    worldCopyJump: false,
  });
  L.control
    .attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
    .addAttribution(BOUNDARY_ATTRIBUTION)
    .addTo(map);
  if (settings.tiles)
    L.tileLayer(settings.tiles, { attribution: settings.tilesAttribution ?? '', maxZoom: 18 }).addTo(map);
  // Below the markers, which sit in the overlay pane (400); Leaflet gives the pane its own SVG.
  map.createPane('boundaries').style.zIndex = '350';
  void fetch('/assets/boundaries.geojson')
    .then((r) => r.json() as Promise<GeoJSON.FeatureCollection<GeoJSON.Geometry, BoundaryProperties>>)
    .then((data) => {
      const layers: Record<BoundaryProperties['level'], L.GeoJSON> = {
        country: L.geoJSON(undefined, { pane: 'boundaries', style: () => STYLES.country }),
        governorate: L.geoJSON(undefined, { pane: 'boundaries', style: () => STYLES.governorate }),
        district: L.geoJSON(undefined, { pane: 'boundaries', style: () => STYLES.district }),
      };
      for (const level of ['country', 'governorate', 'district'] as const) {
        const layer = layers[level];
        layer.addData({
          type: 'FeatureCollection',
          features: data.features.filter((f) => f.properties.level === level),
        } as GeoJSON.FeatureCollection);
        if (level !== 'country' && interactive)
          layer.eachLayer((l) => {
            const p = (l as L.Polygon & { feature?: GeoJSON.Feature<GeoJSON.Geometry, BoundaryProperties> })
              .feature?.properties;
            if (p) l.bindTooltip(boundaryName(p), { sticky: true, className: 'boundary-tooltip' });
          });
      }
      layers.country.addTo(map);
      layers.governorate.addTo(map);
      const districts = (): void => {
        if (map.getZoom() >= DISTRICT_ZOOM) layers.district.addTo(map);
        else layers.district.remove();
      };
      districts();
      map.on('zoomend', districts);
      element.dataset.boundaries = 'loaded';
    })
    .catch(() => {
      element.dataset.boundaries = 'failed';
    });
  return map;
}

/** The settings on an element's data attributes. */
export function settingsOf(element: HTMLElement): MapSettings {
  return {
    tiles: element.dataset.tiles || undefined,
    tilesAttribution: element.dataset.tilesAttribution || undefined,
  };
}
