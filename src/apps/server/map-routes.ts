/** The map: its page, its data (`GET /api/map`), its script bundle and the shipped outlines. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IncidentPoint } from '../../domain/store.ts';
import { MAP_COLUMNS, type MapData, type MapRow } from '../web/map-data.ts';
import { errorBody, filterQuery, listQuery } from './api-schemas.ts';
import { filterOf } from './incident-query.ts';
import type { ViewContext } from './incident-view.ts';
import { belligerentColour, GRADING_COLOURS, NO_BELLIGERENT_COLOUR } from './map-colours.ts';
import { mapPage } from './pages/map-page.ts';
import type { TileSettings } from './tile-settings.ts';
import { placeName } from './pages/place-name.ts';
import { webBundle } from './web-bundle.ts';

const boundariesFile = new URL('../../../data/boundaries/boundaries.geojson', import.meta.url);

/** At most this many incidents by default: enough for years of a conflict, small enough for a phone. */
const DEFAULT_LIMIT = 50_000;

export const mapQuery = filterQuery.omit({ sort: true }).extend({
  limit: z.coerce
    .number({ error: 'expects a whole number from 1 to 100000' })
    .int({ error: 'expects a whole number from 1 to 100000' })
    .min(1, { error: 'expects a whole number from 1 to 100000' })
    .max(100_000, { error: 'expects a whole number from 1 to 100000' })
    .default(DEFAULT_LIMIT)
    .describe('At most this many incidents, by id'),
});

const mapData = z
  .object({
    total: z.number().describe('Incidents matching the filters, with or without coordinates'),
    unplaced: z
      .number()
      .nullable()
      .describe('Matching incidents without coordinates (not on the map); null when the list was cut'),
    truncated: z.boolean().describe('True when more incidents had coordinates than the limit'),
    columns: z.array(z.enum(MAP_COLUMNS)).describe('What each position of an incident array holds'),
    incidents: z
      .array(z.array(z.union([z.number(), z.string(), z.null()])))
      .describe(
        'One array per incident: id, lat, lon, date, civilians killed min and max (a null max is an open figure), grading, belligerent code (the one the assessment names first, the most blamed; null for none), place',
      ),
    belligerents: z
      .record(z.string(), z.object({ label: z.string(), colour: z.string() }))
      .describe('Label and colour by belligerent code ("" for none named)'),
    gradings: z.record(z.string(), z.string()).describe('Colour by grading ("" for none)'),
  })
  .meta({ id: 'MapData' });

/** The compact map data for points, every belligerent they name given a label and a colour. */
export function mapDataOf(
  points: IncidentPoint[],
  total: number,
  limit: number,
  labels: Record<string, string>,
): MapData {
  const belligerents: MapData['belligerents'] = {
    '': { label: 'No belligerent named', colour: NO_BELLIGERENT_COLOUR },
  };
  const incidents = points.slice(0, limit).map((p): MapRow => {
    const b = p.belligerent;
    if (b && !belligerents[b.code])
      belligerents[b.code] = { label: labels[b.code] ?? b.label, colour: belligerentColour(b.code) };
    return [
      p.id,
      p.lat,
      p.lon,
      p.date,
      p.civiliansKilledMin,
      p.civiliansKilledMax,
      p.grading,
      b?.code ?? null,
      placeName([p.place, p.admin1]) || null,
    ];
  });
  return {
    total,
    unplaced: points.length > limit ? null : Math.max(0, total - points.length),
    truncated: points.length > limit,
    columns: MAP_COLUMNS,
    incidents,
    belligerents,
    gradings: GRADING_COLOURS,
  };
}

interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
}

function asset(type: string, body: Buffer): Asset {
  return { type, body, gzip: gzipSync(body, { level: 9 }) };
}

/** Sends the gzip'd bytes to clients that take them: the outlines shrink to a quarter. */
function sendAsset(request: FastifyRequest, reply: FastifyReply, a: Asset): FastifyReply {
  reply.type(a.type).header('cache-control', 'public, max-age=3600').header('vary', 'accept-encoding');
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')))
    return reply.header('content-encoding', 'gzip').send(a.gzip);
  return reply.send(a.body);
}

export async function registerMapRoutes(
  app: FastifyInstance,
  ctx: ViewContext,
  tiles: TileSettings | null,
): Promise<void> {
  const bundle = await webBundle();
  const assets: Record<string, Asset> = {
    'map.js': asset('text/javascript; charset=utf-8', bundle.js),
    'map.css': asset('text/css; charset=utf-8', bundle.css),
    'boundaries.geojson': asset('application/geo+json', readFileSync(boundariesFile)),
  };
  for (const [name, a] of Object.entries(assets))
    app.get(`/assets/${name}`, { schema: { hide: true } }, (request, reply) => sendAsset(request, reply, a));

  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/map',
    {
      schema: {
        hide: true,
        querystring: listQuery.extend({ colour: z.enum(['belligerent', 'grading']).default('belligerent') }),
      },
    },
    async (request, reply) => {
      const total = await ctx.stores.incidents.count(filterOf(request.query));
      const page = mapPage({
        query: request.query,
        colour: request.query.colour,
        total,
        labels: ctx.labels,
        tiles,
      });
      return reply.type('text/html; charset=utf-8').send(page.value);
    },
  );
  routes.get(
    '/api/map',
    {
      schema: {
        summary: 'Every incident matching the filters, compactly, for a map',
        description:
          'One array per incident with coordinates (columns named once), with the colours the site uses for belligerents and gradings. Incidents without coordinates are counted, not listed.',
        tags: ['incidents'],
        querystring: mapQuery,
        response: { 200: mapData, 400: errorBody },
      },
    },
    async (request, reply) => {
      const filter = { ...filterOf({ ...request.query, sort: '-date' }), sort: null };
      // One more than the limit tells whether the list was cut.
      const [points, total] = await Promise.all([
        ctx.stores.incidents.points({ ...filter, limit: request.query.limit + 1 }),
        ctx.stores.incidents.count(filter),
      ]);
      const body = mapDataOf(points, total, request.query.limit, ctx.labels);
      // Sent as a string: for tens of thousands of rows, validating each against the schema costs more than the query.
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(body) as never);
    },
  );
}
