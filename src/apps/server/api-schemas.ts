/**
 * The API's request and response shapes: the same zod schemas validate requests, serialise
 * responses and become the OpenAPI document.
 */
import { z } from 'zod';
import { STANCES } from '../../domain/extraction.ts';
import { GRADES, STRIKE_STATUSES } from '../../domain/grading.ts';
import { isIsoDay } from '../../domain/validate-extraction.ts';

const isoDay = z
  .string()
  .refine(isIsoDay, { message: 'expects a date as YYYY-MM-DD' })
  .meta({ format: 'date', example: '2016-10-26' });

export const SORTS = [
  'date',
  '-date',
  'killed',
  '-killed',
  'civilians',
  '-civilians',
  'place',
  '-place',
] as const;
export type Sort = (typeof SORTS)[number];

/** Filters shared by the incident list, the exports and the list page; every one given must hold. */
export const filterQuery = z.object({
  from: isoDay.optional().describe('Incidents dated on or after this day'),
  to: isoDay.optional().describe('Incidents dated on or before this day'),
  country: z.string().max(100).optional().describe('Country name, any case'),
  governorate: z.string().max(100).optional().describe('Governorate (first-level division), any case'),
  belligerent: z
    .string()
    .max(100)
    .optional()
    .describe('A belligerent named in the assessment: code or label'),
  grading: z.enum(GRADES).optional().describe('Airwars grading'),
  strikeStatus: z.enum(STRIKE_STATUSES).optional().describe('Strike status'),
  minKilled: z.coerce
    .number({ error: 'expects a whole number' })
    .int({ error: 'expects a whole number' })
    .min(0, { error: 'expects a whole number, 0 or more' })
    .max(1_000_000)
    .optional()
    .describe('The lowest reported toll is at least this'),
  q: z.string().max(200).optional().describe('Words in the place, the summary or the text of a report'),
  sort: z
    .enum(SORTS)
    .default('-date')
    .describe('Sort key; a leading minus sorts descending (ties go by id in the same direction)'),
});
export type FilterQuery = z.infer<typeof filterQuery>;

export const listQuery = filterQuery.extend({
  limit: z.coerce
    .number({ error: 'expects a whole number from 1 to 200' })
    .int({ error: 'expects a whole number from 1 to 200' })
    .min(1, { error: 'expects a whole number from 1 to 200' })
    .max(200, { error: 'expects a whole number from 1 to 200' })
    .default(50)
    .describe('Incidents per page'),
  cursor: z
    .string()
    .max(300)
    .optional()
    .describe('Where the page starts: the next value of the previous page, with the same sort'),
});
export type ListQuery = z.infer<typeof listQuery>;

export const idParams = z.object({
  id: z.coerce
    .number({ error: 'expects a whole number' })
    .int({ error: 'expects a whole number' })
    .min(1, { error: 'expects a whole number from 1' })
    .max(Number.MAX_SAFE_INTEGER)
    .describe('A numeric id'),
});

export const errorBody = z
  .object({
    error: z.enum([
      'invalid_request',
      'unauthorized',
      'forbidden',
      'not_found',
      'too_many_requests',
      'internal_error',
    ]),
    message: z.string(),
    field: z.string().nullable().describe('The request field at fault, when one is'),
  })
  .meta({ id: 'Error' });

const range = z
  .object({ min: z.number().nullable(), max: z.number().nullable() })
  .nullable()
  .describe('A min-max range; a null max is an open figure ("at least 19")');

const belligerent = z.object({
  code: z.string(),
  label: z.string(),
  role: z.enum(['known', 'suspected']),
});

export const incidentSummary = z
  .object({
    id: z.number(),
    code: z.string().describe('Public code, SW then the id'),
    url: z.string().describe('The incident page'),
    date: z.string().nullable(),
    datePrecision: z.string().nullable(),
    place: z.string().nullable(),
    governorate: z.string().nullable(),
    country: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    locationPrecision: z.string().nullable(),
    killed: range,
    civiliansKilled: range,
    childrenKilled: range,
    womenKilled: range,
    injured: range,
    grading: z.string().nullable(),
    strikeStatus: z.string().nullable(),
    belligerents: z.array(belligerent),
    sources: z.array(z.string()).describe('Outlets that reported it'),
    summary: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'IncidentSummary' });
export type IncidentSummary = z.infer<typeof incidentSummary>;

export const incidentPage = z.object({
  items: z.array(incidentSummary),
  total: z.number().describe('Incidents matching the filters'),
  next: z.string().nullable().describe('Cursor of the next page, null on the last'),
});

const evidence = z.object({
  field: z.string(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
});

const attribution = z.object({
  belligerent: z.string().describe('Belligerent code'),
  stance: z.enum(STANCES),
  by: z.string().describe('Who said it, as the report names them'),
  quote: z.string(),
});

const extractedEvent = z
  .object({
    date: z.string().nullable(),
    date_precision: z.string(),
    date_text: z.string().nullable(),
    place: z.string().nullable(),
    place_text: z.string().nullable(),
    admin1: z.string().nullable(),
    country: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    location_precision: z.string().nullable(),
    gazetteer_id: z.string().nullable(),
    attributed: z.array(attribution),
    killed: range,
    civilians_killed: range,
    children_killed: range,
    women_killed: range,
    combatants_killed: range,
    injured: range,
    strike_type: z.string(),
    weapons: z.array(z.string()),
    target: z.string().nullable(),
    background: z.boolean(),
    evidence: z.array(evidence),
  })
  .describe('The claim in the extraction format (docs/extraction-format.md)');

const sourceClaim = z.object({
  id: z.number(),
  reportId: z.number(),
  reportUrl: z.string().describe('The report page'),
  outlet: z.string().nullable(),
  outletKind: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string().nullable(),
  title: z.string().nullable(),
  sourceUrl: z.string().nullable().describe('Where the report was published'),
  linkedBy: z.string(),
  reason: z.string().nullable(),
  pinnedBy: z.string().nullable(),
  event: extractedEvent,
});

const auditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  reason: z.string().nullable(),
});

export const incidentDetail = incidentSummary
  .extend({
    assessment: z.unknown().describe('The full assessment: every decision with its rule and reason'),
    claims: z.array(sourceClaim),
    history: z.array(auditEntry).describe('Every change to the incident and its claims, oldest first'),
  })
  .meta({ id: 'Incident' });
export type IncidentDetail = z.infer<typeof incidentDetail>;

export const reportDetail = z
  .object({
    id: z.number(),
    key: z.string(),
    version: z.number(),
    sha256: z.string(),
    mediaType: z.string(),
    url: z.string().nullable(),
    outlet: z.string().nullable(),
    language: z.string().nullable(),
    published: z.string().nullable(),
    retrieved: z.string(),
    title: z.string().nullable(),
    status: z.string(),
    text: z.string().describe('The plain text the claims were extracted from'),
    originalUrl: z.string().describe('The bytes as received'),
    claims: z.array(
      z.object({
        id: z.number(),
        index: z.number(),
        incidentId: z.number().nullable(),
        evidence: z.array(evidence).describe('Spans of the text, as offsets in UTF-16 code units'),
      }),
    ),
  })
  .meta({ id: 'Report' });
export type ReportDetail = z.infer<typeof reportDetail>;
