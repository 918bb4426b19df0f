import {
  defineModule,
  SESSION_COOKIE,
  SESSIONS,
  VIEWERS,
  CREDENTIALS,
  type Credentials,
  type Sessions,
  type Tx,
  type ViewerResolver,
} from '@meetcute/core';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
} from '@meetcute/registration';
import {
  events,
  EmailChanged,
  EmailChangeRequested,
  EmailConfirmed,
  PasswordResetRequested,
  PASSWORD_POLICY,
  SUSPENDED_LOGIN,
  type PasswordPolicy,
  type SuspendedLogin,
  PERSONAL_DATA,
  type PersonalData,
  LoggedOut,
  LoggedOutEverywhere,
  PasswordChanged,
  RoleGranted,
  RoleRevoked,
  MemberDeleted,
  TwoFactorEnabled,
  TwoFactorDisabled,
} from './events.ts';
import {
  allStandings,
  migrations,
  PROJECTIONS,
  recordAccount,
  sessionByTokenHash,
  setEmailConfirmed,
  changeEmail,
  insertEmailChange,
  setSuspension,
  deleteSessionsOf,
  deleteResetsOf,
  forgetAccount,
  accountExport,
  insertReset,
  setModerator,
  setPasswordHash,
  forgetPasswordHash,
  setStatus,
  setTwoFactor,
  setSecondFactor,
  standingOf,
  tables,
  type AuthDb,
  type SessionRow,
  type Standing,
} from './store.ts';
import { isCommonPassword, normalizeEmail } from './rules.ts';
import { SessionStore } from './sessions.ts';
import { Accounts } from './accounts.ts';
import { authRoutes } from './routes.ts';
import { authPages } from './pages.ts';
import { Recovery } from './recovery.ts';
import { SecondFactors } from './second-factor.ts';
import { secondFactorRoutes } from './second-factor-routes.ts';
import { secondFactorPages } from './second-factor-pages.ts';
import { recoveryPages } from './recovery-pages.ts';
import { recoveryRoutes } from './recovery-routes.ts';
import { yourDataRoutes } from './your-data.ts';
import { yourDataUseCases } from './use-cases.your-data.ts';
import { useCases } from './use-cases.ts';
import { MemberSuspended, SuspensionLifted } from '@meetcute/moderation/events';
import { recoveryUseCases } from './use-cases.recovery.ts';
import { suspensionUseCases } from './use-cases.suspension.ts';
import { secondFactorUseCases } from './use-cases.second-factor.ts';

export * from './events.ts';
export { isUsable as isUsablePasswordHash } from './password-schemes.ts';
/** What an authenticator app does with a key: the code for a moment (for clients, the demo and tests). */
export { codeAt, stepAt } from './totp.ts';
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
    'Log in and out, sessions that survive restarts, password change and reset by mail, confirmed addresses, log out everywhere, brute-force protection, moderator roles.',
  publishes: events,
  consumes: [
    AccountCreated,
    RegistrationSubmitted,
    RegistrationApproved,
    RegistrationRejected,
    PasswordChanged,
    RoleGranted,
    RoleRevoked,
    EmailConfirmed,
    EmailChangeRequested,
    EmailChanged,
    PasswordResetRequested,
    MemberSuspended,
    SuspensionLifted,
    MemberDeleted,
    TwoFactorEnabled,
    TwoFactorDisabled,
  ],
  tables,
  migrations,
  projections: PROJECTIONS,
  useCases: [
    ...useCases,
    ...recoveryUseCases,
    ...suspensionUseCases,
    ...yourDataUseCases,
    ...secondFactorUseCases,
  ],
  register(ctx) {
    const db = ctx.db;
    // A view's handler gets the chassis' untyped transaction (core views.ts); it is this module's own.
    const viewTx = (tx: Tx): AuthDb => tx.db as AuthDb;
    // Every request reads these two: in memory, changed by the events that change their tables.
    const standing = ctx.view<Standing>({
      name: 'standing',
      load: (memberId) => standingOf(db, memberId),
      warm: () => allStandings(db),
      budget: 2_000_000,
    });
    for (const event of [
      AccountCreated,
      RegistrationSubmitted,
      RegistrationApproved,
      RegistrationRejected,
      EmailChanged,
    ])
      standing.on(event, async (e, changes, tx) =>
        changes.set(e.payload.memberId, await standingOf(viewTx(tx), e.payload.memberId)),
      );
    for (const event of [
      RoleGranted,
      RoleRevoked,
      MemberSuspended,
      SuspensionLifted,
      TwoFactorEnabled,
      TwoFactorDisabled,
    ])
      standing.on(event, async (e, changes, tx) =>
        changes.set(e.payload.memberId, await standingOf(viewTx(tx), e.payload.memberId)),
      );
    // Keyed by the token's hash; sessions load on first use and go when ended.
    const sessionView = ctx.view<SessionRow>({
      name: 'sessions',
      load: (hash) => sessionByTokenHash(db, hash),
      budget: 500_000,
    });
    sessionView.on(LoggedOut, (e, changes) => changes.forgetWhere((s) => s.id === e.payload.sessionId));
    sessionView.on(TwoFactorEnabled, ({ payload: { memberId, sessionId } }, changes) =>
      changes.forgetWhere((s) => s.memberId === memberId && s.id !== sessionId),
    );
    standing.on(MemberDeleted, (e, changes) => changes.set(e.payload.memberId, undefined));
    for (const event of [LoggedOutEverywhere, PasswordChanged, MemberSuspended, MemberDeleted])
      sessionView.on(event, (e, changes) => changes.forgetWhere((s) => s.memberId === e.payload.memberId));
    const sessions = new SessionStore(ctx, { sessions: sessionView, standing });
    const accounts = new Accounts(ctx, sessions);

    ctx.services.provide<ViewerResolver>(VIEWERS, {
      resolve: (token) => sessions.resolve(token),
      openSessions: (memberId) => sessions.openSessions(memberId),
    });
    ctx.services.provide<Sessions>(SESSIONS, {
      open: (memberId, userAgent) => sessions.open(memberId, userAgent),
      setCookie: (reply, token) => sessions.setCookie(reply, token),
    });
    ctx.services.provide<Credentials>(CREDENTIALS, {
      store: (kept) =>
        db.transaction().execute(async (trx) => {
          for (const { memberId, passwordHash, totp } of kept) {
            await setPasswordHash(trx, memberId, passwordHash);
            if (totp)
              await setSecondFactor(trx, memberId, {
                secret: totp.secret ?? null,
                pending: totp.pending ?? null,
              });
          }
        }),
      forget: (memberId) => forgetPasswordHash(db, memberId),
    });
    ctx.services.provide<PasswordPolicy>(PASSWORD_POLICY, { isCommon: isCommonPassword });
    ctx.services.provide<SuspendedLogin>(SUSPENDED_LOGIN, {
      check: (email, password, ip) => accounts.credentials(email, password, ip),
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
      await recordAccount(tx.db, payload.memberId, normalizeEmail(payload.email));
    });
    ctx.on(RegistrationSubmitted, async ({ payload }, tx) => setStatus(tx.db, payload.memberId, 'submitted'));
    ctx.on(RegistrationApproved, async ({ payload }, tx) => setStatus(tx.db, payload.memberId, 'approved'));
    ctx.on(RegistrationRejected, async ({ payload }, tx) => setStatus(tx.db, payload.memberId, 'rejected'));
    ctx.on(PasswordChanged, async ({ payload }, tx) => {
      // A reset link sent before works no more: whoever asked for it has a password again.
      await deleteResetsOf(tx.db, payload.memberId);
    });
    // A suspension ends every session at once; log-in is refused until it is lifted or runs out.
    ctx.on(MemberSuspended, async ({ payload: { memberId, until, reason } }, tx) => {
      await setSuspension(tx.db, memberId, { until, reason });
      await deleteSessionsOf(tx.db, memberId);
    });
    ctx.on(SuspensionLifted, async ({ payload }, tx) => setSuspension(tx.db, payload.memberId, null));
    ctx.on(EmailChangeRequested, async ({ payload }, tx) =>
      insertEmailChange(tx.db, {
        id: payload.changeId,
        memberId: payload.memberId,
        email: payload.email,
        expiresAt: payload.expiresAt,
      }),
    );
    ctx.on(EmailChanged, async ({ payload }, tx) => changeEmail(tx.db, payload.memberId, payload.email));
    ctx.on(PasswordResetRequested, async ({ payload }, tx) =>
      insertReset(tx.db, payload.resetId, payload.memberId, payload.expiresAt),
    );
    ctx.on(EmailConfirmed, async ({ payload }, tx) =>
      setEmailConfirmed(tx.db, payload.memberId, payload.email),
    );
    // The account goes, and so does every event in the log that names the member: their
    // password hashes, address and words leave with them (the right to erasure).
    ctx.on(MemberDeleted, async ({ id, payload: { memberId, pseudonym } }, tx) => {
      await forgetAccount(tx.db, memberId);
      await ctx.eraseFromLog({ memberId, pseudonym, keep: id });
    });
    ctx.on(TwoFactorEnabled, async ({ payload }, tx) => setTwoFactor(tx.db, payload.memberId, true));
    ctx.on(TwoFactorDisabled, async ({ payload }, tx) => setTwoFactor(tx.db, payload.memberId, false));
    ctx.on(RoleGranted, async ({ payload }, tx) => setModerator(tx.db, payload.memberId, true));
    ctx.on(RoleRevoked, async ({ payload }, tx) => setModerator(tx.db, payload.memberId, false));

    // The session's expiry slides on use; its cookie must slide with it or the browser drops it at 30 days.
    ctx.http.addHook('preHandler', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (request.viewer && token && sessions.takeRefreshed(request.viewer.sessionId))
        sessions.setCookie(reply, token);
    });

    ctx.services.contribute<PersonalData>(PERSONAL_DATA, {
      name: 'account',
      export: (memberId) => accountExport(db, memberId),
    });

    authRoutes(ctx.http, accounts, sessions);
    yourDataRoutes(ctx.http, { accounts, sessions, services: ctx.services, now: () => ctx.clock.now() });
    authPages(ctx.http, accounts, sessions);
    const secondFactors = new SecondFactors(ctx, accounts, sessions);
    secondFactorRoutes(ctx.http, secondFactors, sessions);
    secondFactorPages(ctx.http, secondFactors, accounts, sessions);
    const recovery = new Recovery(ctx, accounts);
    recoveryRoutes(ctx.http, recovery, accounts);
    recoveryPages(ctx.http, recovery, accounts);
  },
});
