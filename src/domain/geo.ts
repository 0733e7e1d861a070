/** Distances and precision order shared by every stage that compares places. */
import { LOCATION_PRECISIONS, type LocationPrecision } from './extraction.ts';

const EARTH_DIAMETER_KM = 12742;

/** Great-circle distance in km between two points (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return EARTH_DIAMETER_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Points with coordinates, such as gazetteer places. */
export interface Point {
  lat: number;
  lon: number;
}

export const kmBetween = (a: Point, b: Point): number => distanceKm(a.lat, a.lon, b.lat, b.lon);

/** Finer first: exact 0 ... country 8; unknown 9. */
export function precisionRankOf(p: LocationPrecision | string | null | undefined): number {
  const i = LOCATION_PRECISIONS.indexOf(p as LocationPrecision);
  return i < 0 ? LOCATION_PRECISIONS.length : i;
}
