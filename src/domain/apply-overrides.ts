/** An analyst's values laid over an incident's computed fields, and what makes an edit wrong. */
import type { Assessment, Decision } from './grading.ts';
import {
  EDITABLE_FIELDS,
  type EditableField,
  type IncidentOverrides,
  type OverrideValue,
} from './incident-overrides.ts';
import type { Range } from './range.ts';
import type { IncidentFields } from './store.ts';

export type EditableValues = { [F in EditableField]?: NonNullable<IncidentFields[F]> };

/** What a field is called on the page. */
export const FIELD_LABELS: Record<EditableField, string> = {
  date: 'date',
  place: 'place',
  admin1: 'governorate',
  country: 'country',
  lat: 'latitude',
  lon: 'longitude',
  killedMin: 'killed (min)',
  killedMax: 'killed (max)',
  civiliansKilledMin: 'civilians killed (min)',
  civiliansKilledMax: 'civilians killed (max)',
  injuredMin: 'injured (min)',
  injuredMax: 'injured (max)',
  grading: 'grading',
  strikeStatus: 'strike status',
};

function decision<T>(value: T, o: OverrideValue): Decision<T> {
  return { value, rule: 'analyst', reason: `set by ${o.by}: ${o.reason}` };
}

function isAssessment(value: unknown): value is Assessment {
  return typeof value === 'object' && value !== null && 'grading' in value && 'ranges' in value;
}

function range(min: number | null, max: number | null): Range | null {
  return min === null && max === null ? null : { min, max };
}

/** The fields with the analyst's values laid over them, the assessment's decisions included. */
export function applyOverrides(fields: IncidentFields, overrides: IncidentOverrides): IncidentFields {
  const out: IncidentFields = { ...fields };
  const set = out as unknown as Record<EditableField, unknown>;
  for (const field of EDITABLE_FIELDS) {
    const o = overrides[field];
    if (o) set[field] = o.value;
  }
  if (!isAssessment(fields.assessment)) return out;
  const a: Assessment = { ...fields.assessment, ranges: { ...fields.assessment.ranges } };
  const killed = overrides.killedMin ?? overrides.killedMax;
  if (killed) a.ranges.killed = decision(range(out.killedMin, out.killedMax), killed);
  const injured = overrides.injuredMin ?? overrides.injuredMax;
  if (injured) a.ranges.injured = decision(range(out.injuredMin, out.injuredMax), injured);
  const civilians = overrides.civiliansKilledMin ?? overrides.civiliansKilledMax;
  if (civilians) a.civilians = decision(range(out.civiliansKilledMin, out.civiliansKilledMax), civilians);
  if (overrides.grading)
    a.grading = decision(out.grading as Assessment['grading']['value'], overrides.grading);
  if (overrides.strikeStatus)
    a.strikeStatus = decision(
      out.strikeStatus as Assessment['strikeStatus']['value'],
      overrides.strikeStatus,
    );
  out.assessment = a;
  return out;
}

export interface FieldProblem {
  field: EditableField;
  message: string;
}

const PAIRS: [EditableField, EditableField][] = [
  ['killedMin', 'killedMax'],
  ['civiliansKilledMin', 'civiliansKilledMax'],
  ['injuredMin', 'injuredMax'],
];

/** What is wrong with fields an edit would leave: a minimum above its maximum. */
export function overrideProblems(fields: IncidentFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [lo, hi] of PAIRS) {
    const [min, max] = [fields[lo], fields[hi]] as [number | null, number | null];
    if (min !== null && max !== null && min > max)
      problems.push({ field: lo, message: `${FIELD_LABELS[lo]} ${min} is above ${FIELD_LABELS[hi]} ${max}` });
  }
  return problems;
}
