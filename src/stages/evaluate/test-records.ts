/** Small hand-made gold and predicted records for the evaluate tests. */
import type { ExtractedDocument, ExtractedEvent } from '../../domain/extraction.ts';
import type { GoldDocument, GoldIncident } from './gold.ts';

export function predictedEvent(over: Partial<ExtractedEvent> = {}): ExtractedEvent {
  return {
    date: null,
    date_precision: 'unknown',
    date_text: null,
    place: null,
    place_text: null,
    admin1: null,
    country: 'Syria',
    lat: null,
    lon: null,
    location_precision: null,
    gazetteer_id: null,
    attributed: [],
    killed: null,
    civilians_killed: null,
    children_killed: null,
    women_killed: null,
    combatants_killed: null,
    injured: null,
    strike_type: 'unknown',
    weapons: [],
    target: null,
    background: false,
    evidence: [],
    ...over,
  };
}

export function goldIncident(over: Partial<GoldIncident> = {}): GoldIncident {
  return {
    date: null,
    place: null,
    admin1: null,
    attributed: [],
    killed_min: null,
    killed_max: null,
    civilians_killed_min: null,
    civilians_killed_max: null,
    children_killed_min: null,
    injured_min: null,
    injured_max: null,
    combatants_killed_min: null,
    combatants_killed_max: null,
    strike_type: 'unknown',
    background: false,
    ...over,
  };
}

export function goldDocument(incidents: GoldIncident[], id = 'doc-1'): GoldDocument {
  return { id, published: '2016-05-10', outlet: null, incidents };
}

export function predictedDocument(events: ExtractedEvent[], id = 'doc-1'): ExtractedDocument {
  return { id, published: '2016-05-10', language: 'en', title: null, events };
}

export const attribution = (belligerent: string, stance: 'blames' | 'confirms' | 'denies' | 'unsure') => ({
  belligerent,
  stance,
  by: 'someone',
  quote: '',
});
