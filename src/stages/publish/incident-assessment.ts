import type { Assessment } from '../../domain/grading.ts';
import type { StoredIncident } from '../../domain/store.ts';

/** The incident's assessment, or null for one stored before assessment existed. */
export function assessmentOf(i: StoredIncident): Assessment | null {
  const a = i.assessment as Partial<Assessment> | null;
  return a && a.grading ? (a as Assessment) : null;
}

/** "Russia (known); Syria (suspected)". */
export function belligerentsOf(i: StoredIncident): string {
  const a = assessmentOf(i);
  if (!a || a.belligerents.length === 0) return '';
  return a.belligerents.map((b) => `${b.label} (${b.role.value})`).join('; ');
}
