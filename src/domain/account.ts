/**
 * Accounts of the people who use the site: viewers may log in and read, analysts and admins may
 * also change incidents. Secrets are kept only as hashes: passwords salted by scrypt, session ids
 * and API tokens (random, long) by SHA-256.
 */

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may change incidents. */
export function canWrite(role: Role): boolean {
  return role === 'analyst' || role === 'admin';
}

export interface User {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
}

export interface UserWithSecret extends User {
  /** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
  passwordHash: string;
}

export interface NewSession {
  idHash: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export interface AccountStore {
  /** Adds a user; `false` when the name is taken (names compare without case). */
  addUser(name: string, role: Role, passwordHash: string): Promise<User | false>;
  user(name: string): Promise<UserWithSecret | null>;
  users(): Promise<User[]>;
  /** Removes the user with their sessions and tokens; `false` when there is none. */
  removeUser(name: string): Promise<boolean>;
  createSession(session: NewSession): Promise<void>;
  /** The live session with this id hash, or null (unknown or expired at `now`). */
  session(idHash: string, now: string): Promise<Session | null>;
  deleteSession(idHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;
  addToken(tokenHash: string, userId: number): Promise<void>;
  /** The user holding the token with this hash, or null. */
  tokenUser(tokenHash: string): Promise<User | null>;
}
