/**
 * Analyst mode in the pages: login and logout, the review queue, and the forms of the incident
 * page. Every POST carries a CSRF token (the session's, or for the login form the one in its own
 * cookie); every change needs the session of an analyst or admin.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../domain/store.ts';
import {
  detachClaim,
  editIncident,
  markReviewed,
  mergeIncident,
  reassessIncident,
  splitIncident,
  type ActionOutcome,
} from '../../pipeline/analyst-actions.ts';
import { randomSecret } from '../../pipeline/password-hash.ts';
import { reviewQueue } from '../../pipeline/review-queue.ts';
import { checkPassword, closeSession, openSession, SESSION_HOURS } from '../../pipeline/user-accounts.ts';
import { failure } from './analyst-api-routes.ts';
import {
  checkCsrf,
  requireSession,
  requireWriterSession,
  sameSecret,
  secureRequest,
  sessionCookie,
  type AnalystOptions,
} from './analyst-auth.ts';
import { editBody, mergeBody, reasonBody, splitBody } from './analyst-schemas.ts';
import { idParams } from './api-schemas.ts';
import { parseCookies, serializeCookie } from './cookies.ts';
import type { SafeHtml } from './html.ts';
import { badRequest } from './http-errors.ts';
import { LoginLimiter } from './login-limiter.ts';
import { accountBar } from './pages/analyst-tools.ts';
import { loggedInPage, loginPage } from './pages/login-page.ts';
import { reviewQueuePage } from './pages/review-page.ts';

const LOGIN_COOKIE = 'sw_login';

function sendPage(reply: FastifyReply, page: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.value);
}

/** A form's fields as strings (a repeated field as a list). */
type FormBody = Record<string, string | string[]>;

function formOf(request: FastifyRequest): FormBody {
  return (request.body ?? {}) as FormBody;
}

function one(form: FormBody, name: string): string {
  const v = form[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function many(form: FormBody, name: string): string[] {
  const v = form[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A number where the text is one, else the text, so the schema names what it expected. */
function numberOrText(text: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;
}

const TEXT_FIELDS = new Set(['date', 'place', 'admin1', 'country', 'grading', 'strikeStatus']);

/** Checks a converted form with the API's schema; a problem is a 400 naming the field. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || null;
  throw badRequest(`${field ?? 'form'}: ${issue.message}`, field);
}

/** A path on this site to return to after login; anything else goes to the incident list. */
function localPath(next: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/incidents';
}

function minutes(ms: number): string {
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return `${m} minute${m === 1 ? '' : 's'}`;
}

export function registerAnalystPageRoutes(app: FastifyInstance, store: Store, o: AnalystOptions): void {
  const clock = o.now ?? (() => new Date());
  const limiter = new LoginLimiter(5, 15 * 60_000, () => clock().getTime());
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => {
      const out: FormBody = {};
      for (const [k, v] of new URLSearchParams(body as string)) {
        const prev = out[k];
        out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      done(null, out);
    },
  );

  const loginForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { next: string; name?: string; message?: string | null },
  ) => {
    const csrf = randomSecret();
    reply.header(
      'set-cookie',
      serializeCookie(LOGIN_COOKIE, csrf, {
        path: '/login',
        maxAge: 3600,
        sameSite: 'Strict',
        secure: secureRequest(request, o),
      }),
    );
    return sendPage(reply, loginPage({ ...form, csrf }));
  };

  app.get('/login', { schema: { hide: true } }, (request, reply) => {
    const account = request.account;
    const next = localPath(String((request.query as Record<string, unknown>).next ?? '/incidents'));
    if (account?.via === 'session')
      return sendPage(reply, loggedInPage(account.user.name, account.user.role, accountBar(account)));
    return loginForm(request, reply, { next });
  });

  app.post('/login', { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const [name, password, next] = [
      one(form, 'name').trim(),
      one(form, 'password'),
      localPath(one(form, 'next')),
    ];
    if (!sameSecret(one(form, 'csrf'), parseCookies(request.headers.cookie)[LOGIN_COOKIE]))
      return loginForm(request, reply.code(403), {
        next,
        name,
        message: 'The login form had expired. Please try again.',
      });
    const keys = [`ip:${request.ip}`, `name:${name.toLowerCase()}`];
    const wait = limiter.retryAfter(keys);
    if (wait > 0)
      return loginForm(request, reply.code(429).header('retry-after', Math.ceil(wait / 1000)), {
        next,
        name,
        message: `Too many failed logins from this address or for this name. Try again in ${minutes(wait)}.`,
      });
    const user = name && password ? await checkPassword(store, name, password) : null;
    if (!user) {
      limiter.fail(keys);
      return loginForm(request, reply.code(401), { next, name, message: 'Wrong name or password.' });
    }
    limiter.clear(keys[1]!);
    // A login replaces the session the browser had, which ends.
    if (request.account?.via === 'session') await closeSession(store, request.account.sessionId!);
    const session = await openSession(store, user, clock());
    reply.header('set-cookie', [
      sessionCookie(request, session.id, SESSION_HOURS * 3600, o),
      serializeCookie(LOGIN_COOKIE, '', {
        path: '/login',
        maxAge: 0,
        sameSite: 'Strict',
        secure: secureRequest(request, o),
      }),
    ]);
    return reply.code(303).header('location', next).send();
  });

  app.post(
    '/logout',
    { schema: { hide: true }, onRequest: requireSession, preHandler: checkCsrf },
    async (request, reply) => {
      await closeSession(store, request.account!.sessionId!);
      return reply
        .code(303)
        .header('set-cookie', sessionCookie(request, '', 0, o))
        .header('location', '/incidents')
        .send();
    },
  );

  app.get('/review', { schema: { hide: true }, onRequest: requireWriterSession }, async (request, reply) =>
    sendPage(reply, reviewQueuePage(await reviewQueue(store, 200), request.account!)),
  );

  const action = (path: string, run: (id: number, form: FormBody, name: string) => Promise<ActionOutcome>) =>
    app.post(
      `/incidents/:id/${path}`,
      { schema: { hide: true }, onRequest: requireWriterSession, preHandler: checkCsrf },
      async (request, reply) => {
        const { id } = parse(idParams, request.params);
        const outcome = await run(id, formOf(request), request.account!.user.name);
        if (!outcome.ok) throw failure(outcome);
        return reply.code(303).header('location', `/incidents/${outcome.incidentId}#history`).send();
      },
    );

  action('edit', (id, form, name) => {
    const field = one(form, 'field');
    const value = one(form, 'value').trim();
    const converted = value === '' ? null : TEXT_FIELDS.has(field) ? value : numberOrText(value);
    const body = parse(editBody, { set: { [field]: converted }, reason: one(form, 'reason') });
    return editIncident(store, o.incidents, id, body.set, { name, reason: body.reason });
  });
  action('detach', (id, form, name) => {
    const { reason } = parse(reasonBody, { reason: one(form, 'reason') });
    const claimId = numberOrText(one(form, 'claimId'));
    if (typeof claimId !== 'number' || !Number.isInteger(claimId))
      throw badRequest('claimId: expects a claim id (a whole number)', 'claimId');
    return detachClaim(store, o.incidents, id, claimId, { name, reason });
  });
  action('merge', (id, form, name) => {
    const body = parse(mergeBody, { source: numberOrText(one(form, 'source')), reason: one(form, 'reason') });
    return mergeIncident(store, o.incidents, id, body.source, { name, reason: body.reason });
  });
  action('split', (id, form, name) => {
    const body = parse(splitBody, {
      claims: many(form, 'claims').map(numberOrText),
      reason: one(form, 'reason'),
    });
    return splitIncident(store, o.incidents, id, body.claims, { name, reason: body.reason });
  });
  action('reassess', (id, form, name) => {
    const { reason } = parse(reasonBody, { reason: one(form, 'reason') });
    return reassessIncident(store, o.incidents, id, { name, reason });
  });
  action('review', (id, form, name) => {
    const { reason } = parse(reasonBody, { reason: one(form, 'reason') });
    return markReviewed(store, id, { name, reason });
  });
}
