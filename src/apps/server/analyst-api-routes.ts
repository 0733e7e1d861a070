/** The write API for analysts (bearer token of an analyst or admin) and the review queue. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../../domain/store.ts';
import {
  detachClaim,
  editIncident,
  markReviewed,
  mergeIncident,
  reassessIncident,
  splitIncident,
  type ActionOutcome,
  type Actor,
} from '../../pipeline/analyst-actions.ts';
import { reviewQueue } from '../../pipeline/review-queue.ts';
import { requireWriterToken, type AnalystOptions } from './analyst-auth.ts';
import {
  actionResult,
  detachParams,
  editBody,
  mergeBody,
  reasonBody,
  reviewPage,
  reviewQuery,
  splitBody,
} from './analyst-schemas.ts';
import { errorBody, idParams } from './api-schemas.ts';
import { HttpError } from './http-errors.ts';
import { incidentCode, incidentDetailOf, incidentView, type ViewContext } from './incident-view.ts';
import type { FastifyRequest } from 'fastify';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const write = { tags: ['analyst'], security: [{ bearerAuth: [] }] };

/** An action's outcome as an answer: the incident after the change, or the error naming the field. */
export function failure(outcome: Extract<ActionOutcome, { ok: false }>): HttpError {
  return new HttpError(outcome.kind === 'not-found' ? 404 : 400, outcome.message, outcome.field);
}

function actor(request: FastifyRequest, reason: string): Actor {
  return { name: request.account!.user.name, reason };
}

export function registerAnalystApiRoutes(
  app: FastifyInstance,
  ctx: ViewContext,
  store: Store,
  o: AnalystOptions,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const answer = async (outcome: ActionOutcome) => {
    if (!outcome.ok) throw failure(outcome);
    const view = await incidentView(ctx, outcome.incidentId);
    if (!view) throw new HttpError(404, `no incident ${outcome.incidentId}`, 'id');
    return { incidentId: outcome.incidentId, createdId: outcome.createdId, incident: incidentDetailOf(view) };
  };
  const response = { 200: actionResult, ...errors };
  api.patch(
    '/api/incidents/:id',
    {
      onRequest: requireWriterToken,
      schema: {
        ...write,
        summary: "Set an analyst's values for incident fields (null goes back to the assessment's)",
        params: idParams,
        body: editBody,
        response,
      },
    },
    async (request) =>
      answer(
        await editIncident(
          store,
          o.incidents,
          request.params.id,
          request.body.set,
          actor(request, request.body.reason),
        ),
      ),
  );
  api.post(
    '/api/incidents/:id/claims/:claimId/detach',
    {
      onRequest: requireWriterToken,
      schema: {
        ...write,
        summary: 'Mark a claim as not about this incident: it leaves for an incident of its own, kept apart',
        params: detachParams,
        body: reasonBody,
        response,
      },
    },
    async (request) =>
      answer(
        await detachClaim(
          store,
          o.incidents,
          request.params.id,
          request.params.claimId,
          actor(request, request.body.reason),
        ),
      ),
  );
  api.post(
    '/api/incidents/:id/merge',
    {
      onRequest: requireWriterToken,
      schema: {
        ...write,
        summary: 'Merge another incident into this one; every claim of both is pinned here',
        params: idParams,
        body: mergeBody,
        response,
      },
    },
    async (request) =>
      answer(
        await mergeIncident(
          store,
          o.incidents,
          request.params.id,
          request.body.source,
          actor(request, request.body.reason),
        ),
      ),
  );
  api.post(
    '/api/incidents/:id/split',
    {
      onRequest: requireWriterToken,
      schema: {
        ...write,
        summary: 'Split claims off this incident into a new one',
        params: idParams,
        body: splitBody,
        response,
      },
    },
    async (request) =>
      answer(
        await splitIncident(
          store,
          o.incidents,
          request.params.id,
          request.body.claims,
          actor(request, request.body.reason),
        ),
      ),
  );
  api.post(
    '/api/incidents/:id/reassess',
    {
      onRequest: requireWriterToken,
      schema: {
        ...write,
        summary: "Assess the incident again over its claims (analysts' values stay)",
        params: idParams,
        body: reasonBody,
        response,
      },
    },
    async (request) =>
      answer(
        await reassessIncident(store, o.incidents, request.params.id, actor(request, request.body.reason)),
      ),
  );
  api.post(
    '/api/incidents/:id/review',
    {
      onRequest: requireWriterToken,
      schema: {
        ...write,
        summary: 'Mark the incident reviewed: it leaves the review queue until it changes',
        params: idParams,
        body: reasonBody,
        response,
      },
    },
    async (request) =>
      answer(await markReviewed(store, request.params.id, actor(request, request.body.reason))),
  );
  api.get(
    '/api/review-queue',
    {
      onRequest: requireWriterToken,
      schema: {
        ...write,
        summary: 'Incidents that need review (extraction unsure, sources in conflict), oldest first',
        querystring: reviewQuery,
        response: { 200: reviewPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const queue = await reviewQueue(store, request.query.limit);
      return {
        total: queue.total,
        items: queue.items.map(({ incident: i, reasons }) => ({
          id: i.id,
          code: incidentCode(i.id),
          url: `/incidents/${i.id}`,
          date: i.date,
          place: i.place,
          createdAt: i.createdAt,
          reasons,
        })),
      };
    },
  );
}
