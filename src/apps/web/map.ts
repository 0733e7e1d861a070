/** The map bundle's entry: starts whichever maps the page has. */
import { showIncidentMap } from './incident-map.ts';
import { showMiniMap } from './mini-map.ts';

// On a phone the filters fold away, so the map is on the first screen.
const filters = document.querySelector<HTMLDetailsElement>('details.map-filters');
if (filters && window.matchMedia('(max-width: 720px)').matches) filters.open = false;

const full = document.getElementById('incident-map');
if (full) showIncidentMap(full);
for (const mini of document.querySelectorAll<HTMLElement>('.mini-map')) showMiniMap(mini);
