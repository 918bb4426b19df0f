import {
  defineModule,
  SESSION_COOKIE,
  SESSIONS,
  VIEWERS,
  type Sessions,
  type ViewerResolver,
} from '@meetcute/core';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
} from '@meetcute/registration';
import { events, PasswordChanged, RoleGranted, RoleRevoked } from './events.ts';
import {
  migrations,
  PROJECTIONS,
  recordAccount,
  setModerator,
  setPasswordHash,
  setStatus,
  tables,
} from './store.ts';
import { normalizeEmail } from './rules.ts';
import { SessionStore } from './sessions.ts';
import { Accounts } from './accounts.ts';
import { authRoutes } from './routes.ts';
import { authPages } from './pages.ts';
import { useCases } from './use-cases.ts';

export * from './events.ts';
export type { SessionView } from './sessions.ts';

/**
 * What the operator's command line uses to appoint moderators, under the key
 * MODERATORS. Both answer the member id, or null when no account has the email.
 * Revoking only takes a role given by RoleGranted: members listed in
 * MEETCUTE_MODERATORS stay moderators while they are listed.
 */
export interface Moderators {
  grant(email: string): Promise<string | null>;
  revoke(email: string): Promise<string | null>;
}
export const MODERATORS = 'moderators';

/**
 * Who is calling and what they may do. Keeps each member's login email, password hash,
 * review status and roles from events; owns sessions (server-side, surviving restarts)
 * and brute-force protection. Provides VIEWERS (the chassis resolves every request's
 * session cookie with it), SESSIONS (sign-up logs the new member in with it) and
 * MODERATORS.
 */
export const auth = defineModule({
  name: 'auth',
  description:
    'Log in and out, sessions that survive restarts, password change, log out everywhere, brute-force protection, moderator roles.',
  publishes: events,
  consumes: [
    AccountCreated,
    RegistrationSubmitted,
    RegistrationApproved,
    RegistrationRejected,
    PasswordChanged,
    RoleGranted,
    RoleRevoked,
  ],
  migrations,
  projections: PROJECTIONS,
  useCases,
  register(ctx) {
    const sessions = new SessionStore(ctx);
    const accounts = new Accounts(ctx, sessions);

    ctx.services.provide<ViewerResolver>(VIEWERS, { resolve: (token) => sessions.resolve(token) });
    ctx.services.provide<Sessions>(SESSIONS, {
      open: (memberId, userAgent) => sessions.open(memberId, userAgent),
      setCookie: (reply, token) => sessions.setCookie(reply, token),
    });
    ctx.services.provide<Moderators>(MODERATORS, {
      async grant(email) {
        const account = await accounts.accountByEmail(email);
        if (!account) return null;
        await accounts.grant(account);
        return account.memberId;
      },
      async revoke(email) {
        const account = await accounts.accountByEmail(email);
        if (!account) return null;
        await accounts.revoke(account);
        return account.memberId;
      },
    });

    ctx.on(AccountCreated, async ({ payload }, tx) => {
      await recordAccount(
        tables(tx.db),
        payload.memberId,
        normalizeEmail(payload.email),
        payload.passwordHash,
      );
    });
    ctx.on(RegistrationSubmitted, async ({ payload }, tx) =>
      setStatus(tables(tx.db), payload.memberId, 'submitted'),
    );
    ctx.on(RegistrationApproved, async ({ payload }, tx) =>
      setStatus(tables(tx.db), payload.memberId, 'approved'),
    );
    ctx.on(RegistrationRejected, async ({ payload }, tx) =>
      setStatus(tables(tx.db), payload.memberId, 'rejected'),
    );
    ctx.on(PasswordChanged, async ({ payload }, tx) =>
      setPasswordHash(tables(tx.db), payload.memberId, payload.passwordHash),
    );
    ctx.on(RoleGranted, async ({ payload }, tx) => setModerator(tables(tx.db), payload.memberId, true));
    ctx.on(RoleRevoked, async ({ payload }, tx) => setModerator(tables(tx.db), payload.memberId, false));

    // The session's expiry slides on use; its cookie must slide with it or the browser drops it at 30 days.
    ctx.http.addHook('preHandler', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (request.viewer && token && sessions.takeRefreshed(request.viewer.sessionId))
        sessions.setCookie(reply, token);
    });

    authRoutes(ctx.http, accounts, sessions);
    authPages(ctx.http, accounts, sessions);
  },
});
