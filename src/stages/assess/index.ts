/** The assess stage: ranges, belligerent roles, grading, strike status and summary for an incident. Pure. */
export { assessIncident, FAIR_MIN_OUTLETS, KNOWN_MIN_OUTLETS, type AssessOptions } from './rules.ts';
export { outletOf } from './words.ts';
