/**
 * What each grade, strike status and precision means, in words for readers (the methodology
 * page, and the hover text wherever a grade or status is shown). The rules that decide them are
 * in the assess stage (docs/assessment.md).
 */
import type { LocationPrecision } from './extraction.ts';
import type { Grade, StrikeStatus } from './grading.ts';
import type { WindowPrecision } from './incident.ts';

export const GRADE_DEFINITIONS: Record<Grade, string> = {
  Confirmed: 'A belligerent accepted responsibility for the strike.',
  Fair: 'Two or more credible sources report it, and one belligerent, and only one, is blamed outright; belligerent action in the vicinity that day is likely or declared.',
  Weak: 'A single source reports it, however detailed, or several sources blame no one outright.',
  Contested: 'Competing claims of responsibility: more than one belligerent is blamed or suspected.',
  Discounted:
    'Those killed were combatants, or another party was most likely responsible: every source giving a toll describes the dead as combatants and none alleges civilian harm.',
};

export const STRIKE_STATUS_DEFINITIONS: Record<StrikeStatus, string> = {
  'Declared strike': 'A belligerent confirms it carried out the strike.',
  'Likely strike': 'Two or more sources report the strike.',
  'Contested strike': 'Several belligerents are blamed for the strike.',
  'Single source claim': 'Only one source reports the strike.',
};

export const LOCATION_PRECISION_DEFINITIONS: Record<LocationPrecision, string> = {
  exact: 'The exact point of the strike is known.',
  street: 'The street where the strike happened is known.',
  neighbourhood: 'The neighbourhood of a town or city is known.',
  village: 'The village is known; the point shown is the village.',
  town: 'The town is known; the point shown is the town.',
  city: 'The city is known, not where in it; the point shown is the city.',
  district: 'Only the district is known; the point shown is the district.',
  governorate: 'Only the governorate (province) is known; the point shown is the governorate.',
  country: 'Only the country is known.',
};

export const DATE_PRECISION_DEFINITIONS: Record<WindowPrecision, string> = {
  day: 'The day is known (or reports differ by a day, as a report-day shift).',
  range: 'The strike happened within a window of a few days.',
  month: 'Only the month is known.',
  year: 'Only the year is known.',
  report: 'No date is given: the strike happened in the days before the report was published.',
};
