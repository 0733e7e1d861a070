import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toCsv, toGeoJson, toJsonLines } from '../../stages/publish/index.ts';
import {
  errorBody,
  filterQuery,
  idParams,
  incidentDetail,
  incidentPage,
  listQuery,
  reportDetail,
} from './api-schemas.ts';
import { filterOf, listIncidents } from './incident-query.ts';
import {
  incidentDetailOf,
  incidentView,
  reportDetailOf,
  reportView,
  summaryOf,
  type ViewContext,
} from './incident-view.ts';
import { notFound } from './http-errors.ts';
import type { StoredIncident } from '../../domain/store.ts';

const EXPORTS = {
  csv: { type: 'text/csv; charset=utf-8', render: toCsv },
  geojson: {
    type: 'application/geo+json; charset=utf-8',
    render: (i: StoredIncident[]) => toGeoJson(i) + '\n',
  },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', render: toJsonLines },
} as const;

const errors = { 400: errorBody, 404: errorBody };

export function registerApiRoutes(app: FastifyInstance, ctx: ViewContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/incidents',
    {
      schema: {
        summary: 'Incidents matching the filters, one page at a time',
        tags: ['incidents'],
        querystring: listQuery,
        response: { 200: incidentPage, 400: errorBody },
      },
    },
    async (request) => {
      const page = await listIncidents(ctx, request.query);
      return { items: page.items.map(summaryOf), total: page.total, next: page.next };
    },
  );
  api.get(
    '/api/incidents/:id',
    {
      schema: {
        summary: 'One incident: its assessment, its claims with their sources and evidence, its history',
        tags: ['incidents'],
        params: idParams,
        response: { 200: incidentDetail, ...errors },
      },
    },
    async (request) => {
      const view = await incidentView(ctx, request.params.id);
      if (!view) throw notFound(`no incident ${request.params.id}`, 'id');
      return incidentDetailOf(view);
    },
  );
  api.get(
    '/api/reports/:id',
    {
      schema: {
        summary: 'One archived report: its text and the evidence spans of its claims',
        tags: ['reports'],
        params: idParams,
        response: { 200: reportDetail, ...errors },
      },
    },
    async (request) => {
      const view = await reportView(ctx.stores, request.params.id);
      if (!view) throw notFound(`no report ${request.params.id}`, 'id');
      return reportDetailOf(view);
    },
  );
  for (const [format, { type, render }] of Object.entries(EXPORTS)) {
    api.get(
      `/api/export.${format}`,
      {
        schema: {
          summary: `Every incident matching the filters as ${format === 'csv' ? 'CSV (ACLED and UCDP GED column names)' : format === 'geojson' ? 'a GeoJSON FeatureCollection' : 'JSON lines'}`,
          tags: ['exports'],
          querystring: filterQuery,
          response: {
            200: {
              description: `The export, as a file to save`,
              content: { [type.split(';')[0]!]: { schema: z.string() } },
            },
            400: errorBody,
          },
        },
      },
      async (request, reply) => {
        const incidents = await ctx.stores.incidents.list(filterOf(request.query));
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="incidents.${format}"`)
          .send(render(incidents));
      },
    );
  }
}
