import { readFileSync } from 'node:fs';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Store } from '../../domain/store.ts';
import { registerAnalystApiRoutes } from './analyst-api-routes.ts';
import { registerAccountLookup, type AnalystOptions } from './analyst-auth.ts';
import { registerAnalystPageRoutes } from './analyst-page-routes.ts';
import { registerApiRoutes } from './api-routes.ts';
import { registerMapRoutes } from './map-routes.ts';
import { HttpError } from './http-errors.ts';
import type { ViewContext } from './incident-view.ts';
import { registerPageRoutes } from './page-routes.ts';
import { errorPage } from './pages/error-page.ts';
import { contentSecurityPolicy, setSecurityHeaders } from './security-headers.ts';
import { tileOrigin, type TileSettings } from './tile-settings.ts';

/** What the server serves, and how. */
export interface ServerOptions {
  store: Store;
  /** The kind of an outlet by its name (local media, monitor...), null when not listed. */
  outletKind?: (outlet: string | null) => string | null;
  /** Display names of belligerents by code, for filters and stance chips. */
  labels?: Record<string, string>;
  /** What to log, as JSON lines on stdout: `error` for failures only; nothing by default. */
  logLevel?: 'silent' | 'error' | 'warn' | 'info';
  /** Analyst mode (logins, the write API, the review queue); read-only without it. */
  analyst?: AnalystOptions;
  /** Map tiles for those online (a URL template with {z}/{x}/{y}); the map draws outlines only without. */
  tiles?: TileSettings | null;
}

const ASSETS: Record<string, { file: URL; type: string }> = {
  'site.css': { file: new URL('../web/site.css', import.meta.url), type: 'text/css; charset=utf-8' },
  'favicon.svg': { file: new URL('../web/favicon.svg', import.meta.url), type: 'image/svg+xml' },
};

type ErrorCode =
  'invalid_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'too_many_requests' | 'internal_error';

const ERROR_CODES: Record<number, ErrorCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  429: 'too_many_requests',
};

interface ErrorAnswer {
  status: number;
  error: ErrorCode;
  message: string;
  field: string | null;
}

function answerFor(err: FastifyError): ErrorAnswer {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issue = err.validation[0]!;
    const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || err.validationContext || null;
    return {
      status: 400,
      error: 'invalid_request',
      message: `${field ?? 'request'}: ${issue.message}`,
      field,
    };
  }
  if (err instanceof HttpError)
    return {
      status: err.statusCode,
      error: ERROR_CODES[err.statusCode] ?? 'invalid_request',
      message: err.message,
      field: err.field,
    };
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500)
    return { status: err.statusCode, error: 'invalid_request', message: err.message, field: null };
  return {
    status: 500,
    error: 'internal_error',
    message: 'the server failed to answer; it has logged why',
    field: null,
  };
}

const JSON_MARKUP: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/** The same JSON with `<`, `>` and `&` written as escapes (they can only occur inside strings). */
export function escapeJsonMarkup(json: string): string {
  return json.replace(/[<>&]/g, (c) => JSON_MARKUP[c]!);
}

function isApi(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/');
}

function sendError(request: FastifyRequest, reply: FastifyReply, answer: ErrorAnswer): FastifyReply {
  reply.code(answer.status);
  if (isApi(request))
    return reply.type('application/json; charset=utf-8').send(
      JSON.stringify({
        error: answer.error,
        message: answer.message,
        field: answer.field,
      }),
    );
  return reply.type('text/html; charset=utf-8').send(errorPage(answer.status, answer.message).value);
}

/**
 * The web server: the JSON API under /api (with its OpenAPI document), the public pages and
 * their assets, over one store. Call `ready()` or `listen()` on the result.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const tiles = options.tiles ?? null;
  const policy = contentSecurityPolicy(tiles ? [tileOrigin(tiles.url)] : []);
  const app = Fastify({
    logger: { level: options.logLevel ?? 'silent' },
    return503OnClosing: true,
    // Behind a proxy, the client's address and protocol come from its X-Forwarded-* headers.
    trustProxy: options.analyst?.trustProxy === true,
    routerOptions: { ignoreTrailingSlash: true },
    // A malformed URL is answered before any hook runs, so its answer sets the headers itself.
    frameworkErrors: (err, request, reply) => {
      setSecurityHeaders(reply, policy);
      return sendError(request, reply, answerFor(err));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'strikewatch API',
        description:
          'Incidents of airstrikes built from reports, each figure traceable to its sources. Reading needs no account; the analyst endpoints need an API token of an analyst or admin (Authorization: Bearer TOKEN, from strikewatch user token NAME). Every response is JSON unless it says otherwise, and errors are {error, message, field}.',
        version: '1',
      },
      tags: [
        { name: 'incidents', description: 'Incidents and their assessments' },
        { name: 'reports', description: 'Archived reports and their evidence' },
        { name: 'exports', description: 'Whole filtered lists as files' },
        { name: 'analyst', description: 'Changes by analysts, each with a reason, all in the audit log' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'strikewatch user token NAME' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.addHook('onRequest', async (_request, reply) => {
    setSecurityHeaders(reply, policy);
  });
  // JSON never carries a raw `<`, `>` or `&`, so report text in it cannot be read as markup anywhere.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (typeof payload === 'string' && /json/.test(type)) return escapeJsonMarkup(payload);
    return payload;
  });
  // Empty form fields (`?country=&q=`) mean "no filter", not an empty value to validate.
  app.addHook('preValidation', async (request) => {
    const query = request.query as Record<string, unknown> | null;
    if (query && typeof query === 'object')
      for (const [key, value] of Object.entries(query)) if (value === '') delete query[key];
  });
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const answer = answerFor(err);
    if (answer.status >= 500) request.log.error(err);
    return sendError(request, reply, answer);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, {
      status: 404,
      error: 'not_found',
      message: `nothing at ${request.url.split('?')[0]}`,
      field: null,
    }),
  );

  for (const [name, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(asset.file);
    app.get(`/assets/${name}`, { schema: { hide: true } }, (_request, reply) =>
      reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(body),
    );
  }

  const ctx: ViewContext = {
    stores: options.store,
    outletKind: options.outletKind ?? (() => null),
    labels: options.labels ?? {},
    tiles,
  };
  if (options.analyst) registerAccountLookup(app, options.store, options.analyst);
  registerApiRoutes(app, ctx);
  registerPageRoutes(app, ctx);
  if (options.analyst) {
    registerAnalystApiRoutes(app, ctx, options.store, options.analyst);
    registerAnalystPageRoutes(app, options.store, options.analyst);
  }
  await registerMapRoutes(app, ctx, tiles);
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  return app;
}
