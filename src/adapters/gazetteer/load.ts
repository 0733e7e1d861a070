/** Placeholder until the compiled gazetteer lands. */
export function loadGazetteer(): unknown {
  return null;
}
