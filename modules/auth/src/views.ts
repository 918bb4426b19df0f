import type { ModuleContext, View } from '@meetcute/core';
import {
  AccountCreated,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
} from '@meetcute/registration';
import { MemberSuspended, SuspensionLifted } from '@meetcute/moderation/events';
import {
  EmailChanged,
  LoggedOut,
  LoggedOutEverywhere,
  MemberDeleted,
  PasswordChanged,
  RoleGranted,
  RoleRevoked,
  TwoFactorDisabled,
  TwoFactorEnabled,
} from './events.ts';
import {
  allStandings,
  sessionByTokenHash,
  standingOf,
  type SessionRow,
  type Standing,
  type Tables,
} from './store.ts';

/** Every request reads these two: in memory, changed by the events that change their tables. */
export function authViews(ctx: ModuleContext<Tables>): {
  standing: View<Standing, Tables>;
  sessions: View<SessionRow, Tables>;
} {
  return { standing: standingView(ctx), sessions: sessionView(ctx) };
}

/** Each member's review status, roles, login email and suspension, by member id. */
function standingView(ctx: ModuleContext<Tables>): View<Standing, Tables> {
  const db = ctx.db;
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
      changes.set(e.payload.memberId, await standingOf(tx.db, e.payload.memberId)),
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
      changes.set(e.payload.memberId, await standingOf(tx.db, e.payload.memberId)),
    );
  standing.on(MemberDeleted, (e, changes) => changes.set(e.payload.memberId, undefined));
  return standing;
}

/** Keyed by the token's hash; sessions load on first use and go when ended. */
function sessionView(ctx: ModuleContext<Tables>): View<SessionRow, Tables> {
  const db = ctx.db;
  const sessions = ctx.view<SessionRow>({
    name: 'sessions',
    load: (hash) => sessionByTokenHash(db, hash),
    budget: 500_000,
  });
  sessions.on(LoggedOut, (e, changes) => changes.forgetWhere((s) => s.id === e.payload.sessionId));
  sessions.on(TwoFactorEnabled, ({ payload: { memberId, sessionId } }, changes) =>
    changes.forgetWhere((s) => s.memberId === memberId && s.id !== sessionId),
  );
  for (const event of [LoggedOutEverywhere, PasswordChanged, MemberSuspended, MemberDeleted])
    sessions.on(event, (e, changes) => changes.forgetWhere((s) => s.memberId === e.payload.memberId));
  return sessions;
}
