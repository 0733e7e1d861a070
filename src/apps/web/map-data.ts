/** The map's data as `GET /api/map` sends it: one array per incident, its columns named once. */
export interface MapData {
  /** Incidents matching the filters, with or without coordinates. */
  total: number;
  /** Matching incidents without coordinates, which the map cannot show; null when the list was cut. */
  unplaced: number | null;
  /** True when there were more incidents with coordinates than the limit. */
  truncated: boolean;
  columns: typeof MAP_COLUMNS;
  incidents: MapRow[];
  /** Belligerents by code (`""` for none named): label and colour. */
  belligerents: Record<string, { label: string; colour: string }>;
  /** Colours by grading (`""` for none). */
  gradings: Record<string, string>;
}

export const MAP_COLUMNS = [
  'id',
  'lat',
  'lon',
  'date',
  'civiliansMin',
  'civiliansMax',
  'grading',
  'belligerent',
  'place',
] as const;

/** id, lat, lon, date, civilian deaths min and max (null max: open), grading, belligerent code, place. */
export type MapRow = [
  number,
  number,
  number,
  string | null,
  number | null,
  number | null,
  string | null,
  string | null,
  string | null,
];
