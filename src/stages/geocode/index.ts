import type { PlaceResolver } from '../../domain/place.ts';

/** Placeholder until the gazetteer lands: resolves nothing. */
export function createResolver(_data: unknown): PlaceResolver {
  return { resolve: () => null, admin1: () => null };
}
