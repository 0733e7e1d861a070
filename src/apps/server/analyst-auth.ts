/**
 * Who is asking: a session cookie (pages) or a bearer token (the write API). Sessions are kept in
 * the store under a hash of their id; forms carry the session's CSRF token, checked on every
 * POST. The API takes tokens only, so a browser's cookies can never write through it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canWrite, type User } from '../../domain/account.ts';
import type { Store } from '../../domain/store.ts';
import type { IncidentOptions } from '../../pipeline/build-incidents.ts';
import { findSession, tokenUser } from '../../pipeline/user-accounts.ts';
import { parseCookies, serializeCookie } from './cookies.ts';
import { HttpError } from './http-errors.ts';

/** What analyst mode needs: the incident index for merges and splits, and how to set cookies. */
export interface AnalystOptions {
  incidents: IncidentOptions;
  /** Mark cookies Secure even when the request came over HTTP (behind a proxy that ends TLS). */
  secureCookies?: boolean;
  /** Read the client's address and protocol from X-Forwarded-For and -Proto (behind a proxy). */
  trustProxy?: boolean;
  /** The clock, for sessions and the login limit. */
  now?: () => Date;
}

/** The person behind a request, and how they proved it. */
export interface Account {
  user: User;
  via: 'session' | 'token';
  /** The session's id (from the cookie) and its CSRF token; null for a token. */
  sessionId: string | null;
  csrfToken: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by analyst mode; null for a visitor, undefined when analyst mode is off. */
    account?: Account | null;
  }
}

export const SESSION_COOKIE = 'sw_session';

export function sessionCookie(request: FastifyRequest, value: string, maxAge: number, o: AnalystOptions) {
  return serializeCookie(SESSION_COOKIE, value, {
    path: '/',
    maxAge,
    sameSite: 'Lax',
    secure: secureRequest(request, o),
  });
}

/** Cookies are Secure when the request came over HTTPS, or always when told so. */
export function secureRequest(request: FastifyRequest, o: AnalystOptions): boolean {
  return o.secureCookies === true || request.protocol === 'https';
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(a: string | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/** Reads the session cookie (pages) or the bearer token (API) on every request. */
export function registerAccountLookup(app: FastifyInstance, store: Store, o: AnalystOptions): void {
  app.decorateRequest('account', null);
  app.addHook('onRequest', async (request, reply) => {
    request.account = null;
    const isApi = request.url.startsWith('/api/');
    const token = isApi ? bearer(request) : null;
    if (token) {
      const user = await tokenUser(store, token);
      if (user) request.account = { user, via: 'token', sessionId: null, csrfToken: null };
      return;
    }
    if (isApi) return;
    const id = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    if (!id) return;
    const session = await findSession(store, id, o.now?.() ?? new Date());
    if (!session) return;
    request.account = { user: session.user, via: 'session', sessionId: id, csrfToken: session.csrfToken };
    // Pages for a logged-in user carry their CSRF token: no cache may keep them.
    reply.header('cache-control', 'no-store');
  });
}

/** A route hook: the API needs a token of an analyst or admin (401 without one, 403 for a viewer). */
export async function requireWriterToken(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const account = request.account;
  if (!account) {
    reply.header('www-authenticate', 'Bearer realm="strikewatch"');
    throw new HttpError(
      401,
      bearer(request)
        ? 'the API token is not valid (strikewatch user token NAME issues one)'
        : 'this endpoint needs an API token: Authorization: Bearer TOKEN (strikewatch user token NAME issues one)',
      'authorization',
    );
  }
  if (!canWrite(account.user.role))
    throw new HttpError(
      403,
      `${account.user.name} is a ${account.user.role}: only analysts and admins may do this`,
      null,
    );
}

/** A route hook: a form needs a session of an analyst or admin (401 without one, 403 for a viewer). */
export async function requireWriterSession(request: FastifyRequest): Promise<void> {
  const account = request.account;
  if (!account) throw new HttpError(401, 'Log in as an analyst to make changes.', null);
  if (!canWrite(account.user.role))
    throw new HttpError(
      403,
      `You are logged in as ${account.user.name}, a ${account.user.role}: viewers can read but not change incidents.`,
      null,
    );
}

/** A route hook: any logged-in user (401 otherwise). */
export async function requireSession(request: FastifyRequest): Promise<void> {
  if (!request.account) throw new HttpError(401, 'Log in first.', null);
}

/** A route hook after the body is read: the form's CSRF token must be its session's. */
export async function checkCsrf(request: FastifyRequest): Promise<void> {
  const body = request.body as Record<string, unknown> | null;
  const sent = body && typeof body.csrf === 'string' ? body.csrf : undefined;
  if (!sameSecret(sent, request.account?.csrfToken))
    throw new HttpError(
      403,
      'This form has expired or did not come from this site. Reload the page and try again.',
      'csrf',
    );
}
