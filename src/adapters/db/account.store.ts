import type { Selectable } from 'kysely';
import type { AccountStore, Role, User } from '../../domain/account.ts';
import { now, type Db } from './atomic.ts';
import type { UsersTable } from './schema.ts';

function toUser(r: Pick<Selectable<UsersTable>, 'id' | 'name' | 'role' | 'created_at'>): User {
  return { id: r.id, name: r.name, role: r.role as Role, createdAt: r.created_at };
}

export function accountStore(db: Db): AccountStore {
  return {
    async addUser(name, role, passwordHash) {
      const row = await db
        .insertInto('users')
        .values({ name, role, password_hash: passwordHash, created_at: now() })
        .onConflict((c) => c.column('name').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toUser(row) : false;
    },
    async user(name) {
      const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
    },
    async users() {
      const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
      return rows.map(toUser);
    },
    async removeUser(name) {
      const result = await db.deleteFrom('users').where('name', '=', name).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async createSession(s) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: s.idHash,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          created_at: now(),
          expires_at: s.expiresAt,
        })
        .execute();
    },
    async session(idHash, at) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'users.id',
          'users.name',
          'users.role',
          'users.created_at',
          'sessions.csrf_token',
          'sessions.expires_at',
        ])
        .where('sessions.id_hash', '=', idHash)
        .where('sessions.expires_at', '>', at)
        .executeTakeFirst();
      return row ? { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
    },
    async deleteSession(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteExpiredSessions(at) {
      await db.deleteFrom('sessions').where('expires_at', '<=', at).execute();
    },
    async addToken(tokenHash, userId) {
      await db
        .insertInto('api_tokens')
        .values({ token_hash: tokenHash, user_id: userId, created_at: now() })
        .execute();
    },
    async tokenUser(tokenHash) {
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select(['users.id', 'users.name', 'users.role', 'users.created_at'])
        .where('api_tokens.token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
  };
}
