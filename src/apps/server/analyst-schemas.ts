/**
 * The write API's request and response shapes. The same zod schemas validate the JSON API, the
 * forms on the incident page (their text fields converted first) and become the OpenAPI document.
 */
import { z } from 'zod';
import { GRADES, STRIKE_STATUSES } from '../../domain/grading.ts';
import { EDITABLE_FIELDS } from '../../domain/incident-overrides.ts';
import { REVIEW_REASONS } from '../../domain/review-reasons.ts';
import { isIsoDay } from '../../domain/validate-extraction.ts';
import { incidentDetail } from './api-schemas.ts';

const reason = z
  .string({ error: 'a reason is required, for the audit log' })
  .trim()
  .min(1, { error: 'a reason is required, for the audit log' })
  .max(2000, { error: 'expects at most 2000 characters' })
  .describe('Why, for the audit log (required)');

const id = (what: string) =>
  z
    .number({ error: `expects ${what} (a whole number)` })
    .int({ error: `expects ${what} (a whole number)` })
    .min(1, { error: `expects ${what} (a whole number from 1)` })
    .max(Number.MAX_SAFE_INTEGER);

const count = z
  .number({ error: 'expects a whole number, 0 or more' })
  .int({ error: 'expects a whole number, 0 or more' })
  .min(0, { error: 'expects a whole number, 0 or more' })
  .max(10_000_000)
  .nullable();
const text = z
  .string()
  .trim()
  .min(1, { error: 'expects a name (null clears the value)' })
  .max(200)
  .nullable();

/** Each field may be set to a value, or to null to go back to what the assessment says. */
export const fieldEdits = z
  .strictObject(
    {
      date: z
        .string()
        .refine(isIsoDay, { message: 'expects a date as YYYY-MM-DD' })
        .nullable()
        .meta({ format: 'date' }),
      place: text,
      admin1: text.describe('Governorate'),
      country: text,
      lat: z.number({ error: 'expects a latitude from -90 to 90' }).min(-90).max(90).nullable(),
      lon: z.number({ error: 'expects a longitude from -180 to 180' }).min(-180).max(180).nullable(),
      killedMin: count,
      killedMax: count,
      civiliansKilledMin: count,
      civiliansKilledMax: count,
      injuredMin: count,
      injuredMax: count,
      grading: z.enum(GRADES).nullable(),
      strikeStatus: z.enum(STRIKE_STATUSES).nullable(),
    } satisfies Record<(typeof EDITABLE_FIELDS)[number], z.ZodType>,
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `${issue.keys.join(', ')} cannot be edited; the fields are ${EDITABLE_FIELDS.join(', ')}`
          : undefined,
    },
  )
  .partial();

export const editBody = z
  .object({
    set: fieldEdits.describe('New values by field; null takes the analyst value away'),
    reason,
  })
  .meta({ id: 'IncidentEdit' });

const coercedId = (what: string) =>
  z.coerce
    .number({ error: `expects ${what} (a whole number)` })
    .int({ error: `expects ${what} (a whole number)` })
    .min(1, { error: `expects ${what} (a whole number from 1)` })
    .max(Number.MAX_SAFE_INTEGER);

export const detachParams = z.object({
  id: coercedId('an incident id').describe('The incident'),
  claimId: coercedId('a claim id').describe('The claim that is not about it'),
});
export const reasonBody = z.object({ reason });
export const mergeBody = z.object({
  source: id('an incident id').describe(
    'The incident merged into this one (it is left empty, kept for its history)',
  ),
  reason,
});
export const splitBody = z.object({
  claims: z
    .array(id('a claim id'), { error: 'expects a list of claim ids' })
    .min(1, { error: 'name at least one claim' })
    .max(500)
    .describe('Claims that leave for a new incident'),
  reason,
});

export const actionResult = z
  .object({
    incidentId: z.number(),
    createdId: z.number().nullable().describe('The incident a split or a detached claim started'),
    incident: incidentDetail,
  })
  .meta({ id: 'AnalystActionResult' });

export const reviewQuery = z.object({
  limit: z.coerce
    .number({ error: 'expects a whole number from 1 to 500' })
    .int({ error: 'expects a whole number from 1 to 500' })
    .min(1, { error: 'expects a whole number from 1 to 500' })
    .max(500, { error: 'expects a whole number from 1 to 500' })
    .default(100),
});

export const reviewPage = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        code: z.string(),
        url: z.string(),
        date: z.string().nullable(),
        place: z.string().nullable(),
        createdAt: z.string().describe('When the incident entered the record'),
        reasons: z.array(z.object({ code: z.enum(REVIEW_REASONS), message: z.string() })),
      }),
    ),
    total: z.number().describe('Incidents waiting for review'),
  })
  .meta({ id: 'ReviewQueue' });
