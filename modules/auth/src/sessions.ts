import { hash, randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import {
  SESSION_COOKIE,
  type Config,
  type ModuleContext,
  type Sessions,
  type View,
  type Viewer,
  type ViewerResolver,
} from '@meetcute/core';
import { SessionStarted, type Role } from './events.ts';
import { isExpired, needsRefresh, sessionExpiry, SESSION_DAYS } from './rules.ts';
import {
  deleteExpiredSessionsOf,
  deleteSession,
  insertSession,
  sessionIdsOf,
  type Tables,
  touchSession,
  type Account,
  type SessionRow,
  isSuspendedAt,
  type Standing,
} from './store.ts';

export type SessionView = Pick<Viewer, 'memberId' | 'status' | 'roles' | 'heldBack'>;

/** Where a moderator or operator without a second factor is sent, and what they are told. */
export const SECOND_FACTOR_PAGE = '/account/two-factor';
const NEEDS_IT: Record<Role, string> = {
  moderator:
    'Moderators need two-factor authentication: set it up on your account to reach the review queues.',
  operator: 'Operators need two-factor authentication: set it up on your account to reach the console.',
};

/** Who holds a role by the operator's configuration (MEETCUTE_MODERATORS, MEETCUTE_OPERATORS). */
export type ConfiguredRoles = Pick<Config, 'moderators' | 'operators'>;

export function tokenHash(token: string): string {
  return hash('sha256', token, 'hex');
}

/** What a member is, as far as auth knows: registration status and roles. */
export function viewOf(
  memberId: string,
  account: Pick<Account, 'email' | 'status' | 'moderator' | 'operator' | 'twoFactor'> | undefined,
  configured: ConfiguredRoles,
): SessionView {
  const email = account?.email;
  const given: Role[] = [];
  if (account?.moderator === true || (email && configured.moderators.includes(email)))
    given.push('moderator');
  if (account?.operator === true || (email && configured.operators.includes(email))) given.push('operator');
  // A stolen password alone must not open the queues or the console: roles hold with a second factor.
  const held = account?.twoFactor === true ? [] : given;
  const [first] = held;
  return {
    memberId,
    // A member logged in by sign-up before AccountCreated reached us has just submitted.
    status: account?.status ?? 'submitted',
    roles: held.length > 0 ? [] : given,
    ...(first && {
      heldBack: { roles: held, href: SECOND_FACTOR_PAGE, detail: NEEDS_IT[first] },
    }),
  };
}

/**
 * Server-side sessions. The cookie holds a random token; the table holds its hash, so
 * sessions survive restarts, can be ended from anywhere, and leak nothing if read.
 * Every request resolves its cookie, so sessions and members' standing are in-memory
 * views: a request reads no table, and ending a session (here, or on another node
 * through LoggedOut and LoggedOutEverywhere) drops it from memory in the same commit.
 */
export class SessionStore implements Sessions, ViewerResolver {
  readonly #ctx: ModuleContext<Tables>;
  readonly #sessions: View<SessionRow>;
  readonly #standing: View<Standing>;
  /** Sessions whose expiry just slid forward, so their cookie should slide with it. */
  readonly #refreshed = new Set<string>();

  constructor(ctx: ModuleContext<Tables>, views: { sessions: View<SessionRow>; standing: View<Standing> }) {
    this.#ctx = ctx;
    this.#sessions = views.sessions;
    this.#standing = views.standing;
  }

  async open(memberId: string, userAgent?: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.#ctx.clock.now();
    const sessionId = this.#ctx.ids.next();
    // The session and the fact that it started commit together (SessionStarted names no token).
    await this.#ctx.transaction(async (tx) => {
      await deleteExpiredSessionsOf(tx.db, memberId, now.toISOString());
      this.#sessions.changes(tx).forgetWhere((s) => s.memberId === memberId && isExpired(s.expiresAt, now));
      await insertSession(tx.db, {
        id: sessionId,
        tokenHash: tokenHash(token),
        memberId,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: sessionExpiry(now).toISOString(),
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      await tx.publish(SessionStarted, { memberId, sessionId }, { actorId: memberId });
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
    const hash = tokenHash(token);
    const session = await this.#sessions.get(hash);
    if (!session) return null;
    const now = this.#ctx.clock.now();
    if (isExpired(session.expiresAt, now)) {
      await this.#ctx.transaction(async (tx) => {
        await deleteSession(tx.db, session.id);
        this.#sessions.changes(tx).set(hash, undefined);
      });
      return null;
    }
    if (needsRefresh(session.lastSeenAt, now)) {
      const lastSeenAt = now.toISOString();
      const expiresAt = sessionExpiry(now, new Date(session.createdAt)).toISOString();
      await this.#ctx.transaction(async (tx) => {
        await touchSession(tx.db, session.id, lastSeenAt, expiresAt);
        this.#sessions.changes(tx).update(hash, (s) => s && { ...s, lastSeenAt, expiresAt });
      });
      this.#refreshed.add(session.id);
    }
    const standing = await this.#standing.get(session.memberId);
    // Sessions end with a suspension; this holds in the moment before they are gone.
    if (isSuspendedAt(standing, now)) return null;
    return {
      ...viewOf(session.memberId, standing, this.#ctx.config),
      sessionId: session.id,
      csrfSecret: hash,
    };
  }

  openSessions(memberId: string): Promise<ReadonlySet<string>> {
    return sessionIdsOf(this.#ctx.db, memberId, this.#ctx.clock.now().toISOString());
  }

  /** True once for a session whose expiry slid, so the caller can renew the cookie. */
  takeRefreshed(sessionId: string): boolean {
    return this.#refreshed.delete(sessionId);
  }
}
