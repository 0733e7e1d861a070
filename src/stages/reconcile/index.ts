/** The reconcile stage: incidents measured against belligerents' declared strikes and casualty statements. */
export {
  Reconciler,
  reconcileByScan,
  SLACK_DAYS,
  ABSENCE_KM,
  STATEMENT_KM,
  MAX_NEAREST_KM,
  DECLARED_NEARBY_KM,
  type IncidentToReconcile,
} from './reconcile-incidents.ts';
export { syntheticReconcileSet } from './synthetic.ts';
