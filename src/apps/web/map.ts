/** The map bundle's entry: starts whichever maps the page has. */
import { showIncidentMap } from './incident-map.ts';
import { showMiniMap } from './mini-map.ts';

const full = document.getElementById('incident-map');
if (full) showIncidentMap(full);
for (const mini of document.querySelectorAll<HTMLElement>('.mini-map')) showMiniMap(mini);
