import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import {
  SESSION_COOKIE,
  type ModuleContext,
  type Sessions,
  type Viewer,
  type ViewerResolver,
} from '@meetcute/core';
import { isExpired, needsRefresh, sessionExpiry, SESSION_DAYS } from './rules.ts';
import {
  deleteExpiredSessionsOf,
  deleteSession,
  insertSession,
  sessionByTokenHash,
  tables,
  touchSession,
  type Account,
} from './store.ts';

export type SessionView = Pick<Viewer, 'memberId' | 'status' | 'roles'>;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What a member is, as far as auth knows: registration status and roles. */
export function viewOf(memberId: string, account: Account | undefined, moderators: string[]): SessionView {
  const byConfig = account?.email ? moderators.includes(account.email) : false;
  return {
    memberId,
    // A member logged in by sign-up before AccountCreated reached us has just submitted.
    status: account?.status ?? 'submitted',
    roles: account?.moderator || byConfig ? ['moderator'] : [],
  };
}

/**
 * Server-side sessions. The cookie holds a random token; the table holds its hash, so
 * sessions survive restarts, can be ended from anywhere, and leak nothing if read.
 */
export class SessionStore implements Sessions, ViewerResolver {
  readonly #ctx: ModuleContext;
  /** Sessions whose expiry just slid forward, so their cookie should slide with it. */
  readonly #refreshed = new Set<string>();

  constructor(ctx: ModuleContext) {
    this.#ctx = ctx;
  }

  async open(memberId: string, userAgent?: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.#ctx.clock.now();
    const db = tables(this.#ctx.db);
    await deleteExpiredSessionsOf(db, memberId, now.toISOString());
    await insertSession(db, {
      id: this.#ctx.ids.next(),
      tokenHash: tokenHash(token),
      memberId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: sessionExpiry(now).toISOString(),
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  setCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.#ctx.config.cookieSecure,
      maxAge: SESSION_DAYS * 24 * 3600,
    });
  }

  clearCookie(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.#ctx.config.cookieSecure,
    });
  }

  async resolve(token: string): Promise<(Viewer & { csrfSecret: string }) | null> {
    // Our tokens are 43 characters; anything far longer is not one and need not be hashed.
    if (token.length === 0 || token.length > 128) return null;
    const db = tables(this.#ctx.db);
    const hash = tokenHash(token);
    const found = await sessionByTokenHash(db, hash);
    if (!found) return null;
    const { session, account } = found;
    const now = this.#ctx.clock.now();
    if (isExpired(session.expiresAt, now)) {
      await deleteSession(db, session.id);
      return null;
    }
    if (needsRefresh(session.lastSeenAt, now)) {
      await touchSession(db, session.id, now.toISOString(), sessionExpiry(now).toISOString());
      this.#refreshed.add(session.id);
    }
    return {
      ...viewOf(session.memberId, account, this.#ctx.config.moderators),
      sessionId: session.id,
      csrfSecret: hash,
    };
  }

  /** True once for a session whose expiry slid, so the caller can renew the cookie. */
  takeRefreshed(sessionId: string): boolean {
    return this.#refreshed.delete(sessionId);
  }
}
