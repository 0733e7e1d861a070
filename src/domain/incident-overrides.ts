/**
 * An analyst's values for an incident's fields. They are kept apart from the assessment and laid
 * over it every time it is computed again, so a new report joining the incident never undoes an
 * analyst's correction; each value keeps who set it, when and why.
 */
export const EDITABLE_FIELDS = [
  'date',
  'place',
  'admin1',
  'country',
  'lat',
  'lon',
  'killedMin',
  'killedMax',
  'civiliansKilledMin',
  'civiliansKilledMax',
  'injuredMin',
  'injuredMax',
  'grading',
  'strikeStatus',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface OverrideValue {
  value: string | number;
  by: string;
  at: string;
  reason: string;
}

export type IncidentOverrides = { [F in EditableField]?: OverrideValue };

export interface OverrideStore {
  get(incidentId: number): Promise<IncidentOverrides>;
  set(incidentId: number, overrides: IncidentOverrides): Promise<void>;
}
