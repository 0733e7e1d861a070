/** "Idlib, Syria" rather than "Idlib, Idlib, Syria" when a city shares its governorate's name. */
export function placeName(parts: (string | null)[]): string {
  const named = parts.filter((p): p is string => !!p);
  return named.filter((p, n) => n === 0 || p.toLowerCase() !== named[n - 1]!.toLowerCase()).join(', ');
}
