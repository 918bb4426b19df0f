import { defineModule, defineService } from '@meetcute/core';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { AboutMeApproved, AboutMeRejected } from '@meetcute/profile/events';
import { PhotoApproved, PhotoRejected } from '@meetcute/photos/events';
import { ReportsClosed } from '@meetcute/reports/events';
import {
  NicknameApproved,
  NicknameRejected,
  RegistrationApproved,
  RegistrationRejected,
  RegistrationSubmitted,
} from '@meetcute/registration';
import { MEMBER_ACTIONS, type MemberAction } from '@meetcute/web';
import { events, HOLDS, type Holds } from './events.ts';
import { namesOf, migrations, projections, project, tables } from './store.ts';
import { commands, sweepEndedSuspensions } from './commands.ts';
import { moderationRoutes } from './routes.ts';
import { moderateAction, moderationPages } from './pages.ts';
import { warningPages } from './warning-pages.ts';
import { unreadWarnings } from './views.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { appealRoutes } from './appeals.ts';
import { SUSPENDED_LOGIN, type SuspendedLogin, MemberDeleted, honourDeletion } from '@meetcute/auth/events';

export * from './events.ts';

/** Lifts the suspensions whose time is up (the module does so every minute), under SANCTIONS. */
export interface Sanctions {
  liftEnded(): Promise<number>;
}
export const SANCTIONS = defineService<Sanctions>('moderation.sanctions');

/**
 * Moderation of members: warnings that stand in front of the next page, suspensions and
 * bans that take effect everywhere at once (every module hides a sanctioned member
 * through the block kit, auth ends their sessions, live closes their channels), lifted
 * by a moderator or when their time is up, and a log of every moderator decision.
 */
export const moderation = defineModule({
  name: 'moderation',
  description:
    'Warnings, suspensions and bans that take effect everywhere at once, lifted by hand or by time, and the moderators’ audit log of every decision.',
  publishes: events,
  consumes: [
    MemberDeleted,
    ...events,
    RegistrationSubmitted,
    RegistrationApproved,
    RegistrationRejected,
    PhotoApproved,
    PhotoRejected,
    AboutMeApproved,
    AboutMeRejected,
    NicknameApproved,
    NicknameRejected,
    ReportsClosed,
  ],
  provides: [HOLDS, SANCTIONS],
  requires: [PROFILES, SUSPENDED_LOGIN],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      kept: {
        sanctions: ['moderator_id'],
        warnings: ['moderator_id'],
        moderation_log: ['member_id', 'moderator_id'],
      },
      tables: {
        sanctions: { mine: ['member_id'] },
        warnings: { mine: ['member_id'] },
        moderation_log: { mine: ['member_id'] },
        moderation_names: { mine: ['member_id'] },
        appeals: { mine: ['member_id'] },
      },
    });
    project(ctx);
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    const run = commands(ctx, async (memberId) => (await namesOf(ctx.db, [memberId])).has(memberId));
    const names = (ids: readonly string[]) => namesOf(ctx.db, ids);
    const deps = { db: ctx.db, commands: run };
    // Unread warnings stand in front of every page, this module's and the others'.
    warningPages(ctx.http, { ...deps, profiles, unread: unreadWarnings(ctx) });
    moderationRoutes(ctx.http, deps);
    moderationPages(ctx.http, { ...deps, profiles, names });
    appealRoutes(ctx.http, { commands: run, logins: ctx.services.require<SuspendedLogin>(SUSPENDED_LOGIN) });
    ctx.services.contribute<MemberAction>(MEMBER_ACTIONS, moderateAction);
    ctx.services.provide<Sanctions>(SANCTIONS, { liftEnded: () => run.liftEnded() });
    ctx.services.provide<Holds>(HOLDS, { hold: (memberId, reason) => run.hold(memberId, reason) });
    sweepEndedSuspensions(ctx, run);
  },
});
