import {
  defineModule,
  SESSION_COOKIE,
  SESSIONS,
  VIEWERS,
  CREDENTIALS,
  type Credentials,
  type Sessions,
  type ViewerResolver,
  defineService,
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
  PasswordChanged,
  RoleGranted,
  RoleRevoked,
  MemberDeleted,
  TwoFactorEnabled,
  TwoFactorDisabled,
} from './events.ts';
import { accountExport, credentialStore, migrations, project, PROJECTIONS, tables } from './store.ts';
import { authViews } from './views.ts';
import { isCommonPassword } from './rules.ts';
import { SessionStore } from './sessions.ts';
import { Accounts, type RevokeOutcome } from './accounts.ts';
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
import type { Role } from './events.ts';

export * from './events.ts';
export { isUsable as isUsablePasswordHash } from './password-schemes.ts';
/** What an authenticator app does with a key: the code for a moment (for clients, the demo and tests). */
export { codeAt, stepAt } from './totp.ts';
export type { SessionView } from './sessions.ts';
export type { RevokeOutcome } from './accounts.ts';

/**
 * What the operator's command line uses to appoint moderators and operators, under the
 * key ROLES. Each answers null when no account has the email; granting answers the member
 * id. Revoking only takes a role given by RoleGranted: members listed in
 * MEETCUTE_MODERATORS or MEETCUTE_OPERATORS keep the role while they are listed
 * ('by-configuration'), and a member who never had it is 'not-granted'.
 */
export interface Roles {
  grant(email: string, role: Role): Promise<string | null>;
  revoke(email: string, role: Role): Promise<RevokeOutcome | null>;
}
export const ROLES = defineService<Roles>('roles');

/**
 * Who is calling and what they may do. Keeps each member's login email, password hash,
 * review status and roles from events; owns sessions (server-side, surviving restarts)
 * and brute-force protection. Provides VIEWERS (the chassis resolves every request's
 * session cookie with it), SESSIONS (sign-up logs the new member in with it) and
 * ROLES.
 */
export const auth = defineModule({
  name: 'auth',
  description:
    'Log in and out, sessions that survive restarts, password change and reset by mail, confirmed addresses, log out everywhere, brute-force protection, moderator and operator roles.',
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
  provides: [CREDENTIALS, ROLES, PASSWORD_POLICY, SESSIONS, SUSPENDED_LOGIN, VIEWERS],
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
    const views = authViews(ctx);
    const sessions = new SessionStore(ctx, views);
    const accounts = new Accounts(ctx, sessions);

    ctx.services.provide<ViewerResolver>(VIEWERS, {
      resolve: (token) => sessions.resolve(token),
      openSessions: (memberId) => sessions.openSessions(memberId),
    });
    ctx.services.provide<Sessions>(SESSIONS, {
      open: (memberId, userAgent) => sessions.open(memberId, userAgent),
      setCookie: (reply, token) => sessions.setCookie(reply, token),
    });
    ctx.services.provide<Credentials>(CREDENTIALS, credentialStore(ctx.db));
    ctx.services.provide<PasswordPolicy>(PASSWORD_POLICY, { isCommon: isCommonPassword });
    ctx.services.provide<SuspendedLogin>(SUSPENDED_LOGIN, {
      check: (email, password, ip) => accounts.credentials(email, password, ip),
    });
    ctx.services.provide<Roles>(ROLES, {
      grant: (email, role) => accounts.grantByEmail(email, role),
      revoke: (email, role) => accounts.revokeByEmail(email, role),
    });

    project(ctx);

    // The session's expiry slides on use; its cookie must slide with it or the browser drops it at 30 days.
    ctx.http.addHook('preHandler', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (request.viewer && token && sessions.takeRefreshed(request.viewer.sessionId))
        sessions.setCookie(reply, token);
    });

    ctx.services.contribute<PersonalData>(PERSONAL_DATA, {
      name: 'account',
      export: (memberId) => accountExport(ctx.db, memberId),
    });

    authRoutes(ctx.http, { accounts, sessions });
    yourDataRoutes(ctx.http, { accounts, sessions, services: ctx.services, now: () => ctx.clock.now() });
    authPages(ctx.http, { accounts, sessions });
    const secondFactors = { factors: new SecondFactors(ctx, accounts, sessions), accounts, sessions };
    secondFactorRoutes(ctx.http, secondFactors);
    secondFactorPages(ctx.http, secondFactors);
    const recovery = { recovery: new Recovery(ctx, accounts), accounts };
    recoveryRoutes(ctx.http, recovery);
    recoveryPages(ctx.http, recovery);
  },
});
