/**
 * Accounts over the store: adding and removing users, API tokens, and logging in to a session.
 * Only hashes of passwords, session ids and tokens are stored.
 */
import { ROLES, type Role, type Session, type User } from '../domain/account.ts';
import type { Stores } from '../domain/store.ts';
import {
  hashPassword,
  randomSecret,
  secretHash,
  UNKNOWN_USER_HASH,
  verifyPassword,
} from './password-hash.ts';

/** How long a session lasts after login. */
export const SESSION_HOURS = 12;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 10;

export type AccountResult<T> = { ok: true; value: T } | { ok: false; problem: string };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Why a name or password cannot be used, or null. */
export function accountProblem(name: string, password: string): string | null {
  if (!NAME.test(name))
    return `name "${name}" must be 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit`;
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  return null;
}

export async function addUser(
  stores: Stores,
  name: string,
  role: Role,
  password: string,
): Promise<AccountResult<User>> {
  const problem = accountProblem(name, password);
  if (problem) return { ok: false, problem };
  const added = await stores.accounts.addUser(name, role, await hashPassword(password));
  return added ? { ok: true, value: added } : { ok: false, problem: `there is a user ${name} already` };
}

/** A new API token for the user (shown once; only its hash is stored). */
export async function issueToken(stores: Stores, name: string): Promise<AccountResult<string>> {
  const user = await stores.accounts.user(name);
  if (!user) return { ok: false, problem: `there is no user ${name}` };
  const token = `swt_${randomSecret()}`;
  await stores.accounts.addToken(secretHash(token), user.id);
  return { ok: true, value: token };
}

/** The user a bearer token belongs to, or null. */
export function tokenUser(stores: Stores, token: string): Promise<User | null> {
  return stores.accounts.tokenUser(secretHash(token));
}

/** The user when name and password match; unknown names take as long as wrong passwords. */
export async function checkPassword(stores: Stores, name: string, password: string): Promise<User | null> {
  const user = await stores.accounts.user(name);
  const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !matches) return null;
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

export interface OpenedSession {
  /** The session id for the cookie; the store keeps only its hash. */
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A new session for the user (a fresh id at every login); expired sessions are dropped. */
export async function openSession(stores: Stores, user: User, at = new Date()): Promise<OpenedSession> {
  await stores.accounts.deleteExpiredSessions(at.toISOString());
  const id = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(at.getTime() + SESSION_HOURS * 3600_000);
  await stores.accounts.createSession({
    idHash: secretHash(id),
    userId: user.id,
    csrfToken,
    expiresAt: expiresAt.toISOString(),
  });
  return { id, csrfToken, expiresAt };
}

export function findSession(stores: Stores, id: string, at = new Date()): Promise<Session | null> {
  return stores.accounts.session(secretHash(id), at.toISOString());
}

export function closeSession(stores: Stores, id: string): Promise<void> {
  return stores.accounts.deleteSession(secretHash(id));
}
