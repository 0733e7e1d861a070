/** The geocode stage: resolves place names to gazetteer entries. */
export { createResolver, distanceKm, type GazetteerResolver } from './resolver.ts';
export { nameKey } from './names.ts';
