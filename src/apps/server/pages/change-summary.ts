import { FIELD_LABELS } from '../../../domain/apply-overrides.ts';
import { EDITABLE_FIELDS, type EditableField } from '../../../domain/incident-overrides.ts';
import type { AuditEntry } from '../../../domain/store.ts';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function shown(value: unknown): string {
  return value === null || value === undefined ? 'none' : String(value as string | number);
}

/** What an analyst's change did, in words for the change history; null for other entries. */
export function changeSummary(e: AuditEntry): string | null {
  const [before, after] = [record(e.before), record(e.after)];
  if (e.action === 'edit')
    return Object.keys(after)
      .filter((f): f is EditableField => (EDITABLE_FIELDS as readonly string[]).includes(f))
      .map((f) => `${FIELD_LABELS[f]} ${shown(before[f])} → ${shown(after[f])}`)
      .join('; ');
  if (e.action === 'merge') return `incident ${shown(after.merged)} merged into it`;
  if (e.action === 'detach-claim')
    return `claim ${shown(after.claimId)} moved to incident ${shown(after.movedTo)}`;
  if (e.action === 'split') {
    const claims = Array.isArray(after.claims) ? after.claims.join(', ') : '';
    return `claims ${claims} moved to incident ${shown(after.movedTo)}`;
  }
  return null;
}
