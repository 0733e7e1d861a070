/** Incidents as CSV (ACLED and UCDP GED column names), GeoJSON and JSON lines. */
import type { StoredIncident } from '../../domain/store.ts';
import { assessmentOf, belligerentsOf } from './incident-assessment.ts';

/** Columns named as ACLED and UCDP GED users know them. */
export const CSV_COLUMNS = [
  'event_id',
  'event_date',
  'date_precision',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'belligerents',
  'civilian_deaths_low',
  'civilian_deaths_best',
  'civilian_deaths_high',
  'injured_low',
  'injured_high',
  'grading',
  'strike_status',
  'sources',
  'belligerent_assessment',
  'nearest_declared_strike_km',
  'declared_strikes_in_window',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/** ACLED's geo_precision: 1 the town itself, 2 near it or in its district, 3 only the region. */
export function geoPrecision(precision: string | null): number | null {
  if (precision === null) return null;
  if (precision === 'district') return 2;
  if (precision === 'governorate' || precision === 'country') return 3;
  return 1;
}

/**
 * The best estimate is the low end of the range (the lowest figure a report gives), or the only
 * figure given; the high end is empty when a report gives an open-ended figure ("at least 19").
 */
export function exportRow(i: StoredIncident): Row {
  const low = i.civiliansKilledMin;
  const high = i.civiliansKilledMax;
  return {
    event_id: `SW${i.id}`,
    event_date: i.date,
    date_precision: i.datePrecision,
    admin1: i.admin1,
    location: i.place,
    latitude: i.lat,
    longitude: i.lon,
    geo_precision: geoPrecision(i.locationPrecision),
    belligerents: belligerentsOf(i),
    civilian_deaths_low: low,
    civilian_deaths_best: low ?? high,
    civilian_deaths_high: high,
    injured_low: i.injuredMin,
    injured_high: i.injuredMax,
    grading: i.grading,
    strike_status: i.strikeStatus,
    sources: assessmentOf(i)?.outlets.join('; ') ?? '',
    ...officialColumns(i),
  };
}

/**
 * What the belligerents published, from the reconciled assessment: each one's verdict and reason,
 * and, for the first with a strike log near the incident, the nearest declared strike and the
 * number declared in the incident's days.
 */
export function officialColumns(
  i: StoredIncident,
): Pick<Row, 'belligerent_assessment' | 'nearest_declared_strike_km' | 'declared_strikes_in_window'> {
  const official = (assessmentOf(i)?.belligerents ?? []).flatMap((b) =>
    b.official ? [{ b, o: b.official }] : [],
  );
  const verdicts = official
    .filter(({ o }) => o.verdict !== 'not yet assessed' || o.deniesStrikes)
    .map(({ b, o }) => {
      const verdict = o.verdict === 'not yet assessed' ? 'reported no strikes there' : o.verdict;
      return `${b.label}: ${verdict}${o.reason ? ` (${o.reason})` : ''}`;
    });
  const logged = official.find(({ o }) => o.nearestStrike);
  return {
    belligerent_assessment: verdicts.join('; ') || null,
    nearest_declared_strike_km: logged?.o.nearestStrike?.km ?? null,
    declared_strikes_in_window: logged?.o.strikesInWindow ?? null,
  };
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(incidents: StoredIncident[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const i of incidents) {
    const row = exportRow(i);
    lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return lines.join('\n') + '\n';
}

export function toGeoJson(incidents: StoredIncident[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: incidents.map((i) => ({
      type: 'Feature',
      id: `SW${i.id}`,
      geometry: i.lat !== null && i.lon !== null ? { type: 'Point', coordinates: [i.lon, i.lat] } : null,
      properties: { ...exportRow(i), summary: assessmentOf(i)?.summary ?? null },
    })),
  });
}

/** One JSON object per line, as stored. */
export function toJsonLines(incidents: StoredIncident[]): string {
  return incidents.map((i) => JSON.stringify(i) + '\n').join('');
}
