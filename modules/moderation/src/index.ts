import {
  defineModule,
  type EventDefinition,
  type EventEnvelope,
  type PayloadOf,
  defineService,
} from '@meetcute/core';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { AboutMeApproved, AboutMeRejected } from '@meetcute/profile/events';
import { PhotoApproved, PhotoRejected } from '@meetcute/photos/events';
import { ReportsClosed } from '@meetcute/reports/events';
import { RegistrationApproved, RegistrationRejected, RegistrationSubmitted } from '@meetcute/registration';
import { html, MEMBER_ACTIONS, translator, languageOf, type MemberAction } from '@meetcute/web';
import {
  events,
  MemberSuspended,
  MemberWarned,
  SuspensionAppealed,
  SuspensionLifted,
  WarningRead,
  HOLDS,
  type Holds,
} from './events.ts';
import {
  addWarning,
  clearSanction,
  logDecision,
  markWarningRead,
  addAppeal,
  sanctionOf,
  namesOf,
  rememberName,
  migrations,
  projections,
  setSanction,
  tables,
  warningsOf,
  type LogAction,
} from './store.ts';
import { commands } from './commands.ts';
import { messages } from './messages.ts';
import { moderationRoutes } from './routes.ts';
import { moderationPages } from './pages.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { appealRoutes } from './appeals.ts';
import { SUSPENDED_LOGIN, type SuspendedLogin, MemberDeleted, honourDeletion } from '@meetcute/auth/events';

export * from './events.ts';

/** Lifts the suspensions whose time is up (the module does so every minute), under SANCTIONS. */
export interface Sanctions {
  liftEnded(): Promise<number>;
}
export const SANCTIONS = defineService<Sanctions>('moderation.sanctions');

/** How often suspensions whose time is up are looked for. */
const SWEEP_MS = 60 * 1000;
/** Pages a member with an unread warning may still open: the warning itself, and the way out. */
const OPEN_WITH_WARNING = /^\/(warnings|logout|assets|language|appeal)(\/|\?|$)/;

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
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);

    ctx.on(MemberSuspended, async (e, tx) => {
      const { memberId, moderatorId, reason, until } = e.payload;
      await setSanction(tx.db, { memberId, moderatorId, reason, until, at: e.occurredAt });
      await logDecision(tx.db, e, {
        moderatorId,
        memberId,
        action: until ? 'suspended' : 'banned',
        reason,
        until,
      });
    });
    ctx.on(SuspensionLifted, async (e, tx) => {
      const { memberId, moderatorId, reason } = e.payload;
      await clearSanction(tx.db, memberId);
      await logDecision(tx.db, e, { moderatorId, memberId, action: 'lifted', reason, until: null });
    });
    ctx.on(MemberWarned, async (e, tx) => {
      const { warningId, memberId, moderatorId, reason } = e.payload;
      await addWarning(tx.db, { id: warningId, memberId, moderatorId, reason, at: e.occurredAt });
      await logDecision(tx.db, e, { moderatorId, memberId, action: 'warned', reason, until: null });
    });
    ctx.on(SuspensionAppealed, async (e, tx) => {
      const sanction = await sanctionOf(tx.db, e.payload.memberId);
      if (!sanction) return; // lifted before the appeal arrived: nothing to attach it to
      await addAppeal(tx.db, {
        memberId: e.payload.memberId,
        sanctionAt: sanction.at,
        text: e.payload.text,
        at: e.occurredAt,
      });
      await logDecision(tx.db, e, {
        moderatorId: null,
        memberId: e.payload.memberId,
        action: 'appealed',
        reason: e.payload.text,
        until: null,
      });
    });
    ctx.on(WarningRead, async ({ payload, occurredAt }, tx) =>
      markWarningRead(tx.db, payload.warningId, payload.memberId, occurredAt),
    );
    // The other modules' decisions, so the log is the whole story.
    ctx.on(RegistrationSubmitted, ({ payload }, tx) =>
      rememberName(tx.db, payload.memberId, payload.application.nickname),
    );
    /** A review another module recorded, as a line of the log: who decided, about whom, why. */
    const logReview = <D extends EventDefinition>(
      definition: D,
      action: LogAction,
      read: (e: EventEnvelope<PayloadOf<D>>) => {
        moderatorId: string | null;
        memberId: string;
        reason?: string;
      },
      actionOf: (e: EventEnvelope<PayloadOf<D>>) => LogAction = () => action,
    ) =>
      ctx.on(definition, (e, tx) => {
        const { moderatorId, memberId, reason } = read(e);
        return logDecision(tx.db, e, {
          moderatorId,
          memberId,
          action: actionOf(e),
          reason: reason ?? null,
          until: null,
        });
      });
    ctx.on(RegistrationApproved, async (e, tx) => {
      await rememberName(tx.db, e.payload.memberId, e.payload.application.nickname);
      await logDecision(tx.db, e, {
        moderatorId: e.payload.moderatorId,
        memberId: e.payload.memberId,
        action: 'registration-approved',
        reason: null,
        until: null,
      });
    });
    logReview(RegistrationRejected, 'registration-rejected', ({ payload: p }) => p);
    logReview(PhotoApproved, 'photo-approved', (e) => ({
      moderatorId: e.actorId,
      memberId: e.payload.ownerId,
    }));
    logReview(PhotoRejected, 'photo-rejected', (e) => ({
      ...e.payload,
      moderatorId: e.actorId,
      memberId: e.payload.ownerId,
    }));
    logReview(AboutMeApproved, 'about-approved', ({ payload: p }) => ({
      moderatorId: p.moderatorId,
      memberId: p.memberId,
    }));
    logReview(AboutMeRejected, 'about-rejected', ({ payload: p }) => p);
    // Closing reports is a decision too; taking content down says what went, and why.
    const removed = {
      profile: 'about-removed',
      photo: 'photo-removed',
      'diary-post': 'diary-removed',
    } as const;
    logReview(
      ReportsClosed,
      'reports-handled',
      ({ payload: p }) => p,
      ({ payload: p }) =>
        p.kind === 'appeal'
          ? p.outcome === 'dismissed'
            ? 'appeal-refused'
            : 'reports-handled'
          : p.outcome === 'dismissed'
            ? 'reports-dismissed'
            : p.outcome === 'removed' && p.kind !== 'message'
              ? removed[p.kind]
              : 'reports-handled',
    );

    // Every page a member opens asks this: counted once, then moved by the events that move it.
    const unread = ctx.view<number>({
      name: 'unread_warnings',
      load: async (memberId) => (await warningsOf(ctx.db, memberId, true)).length,
    });
    unread.on(MemberWarned, (e, changes) => changes.update(e.payload.memberId, (n) => (n ?? 0) + 1));
    unread.on(WarningRead, (e, changes) =>
      changes.update(e.payload.memberId, (n) => Math.max(0, (n ?? 1) - 1)),
    );
    ctx.http.addHook('preHandler', async (request, reply) => {
      const viewer = request.viewer;
      if (!viewer || request.method !== 'GET' || request.routeOptions.config.kind !== 'page') return;
      if (OPEN_WITH_WARNING.test(request.url)) return;
      if (((await unread.get(viewer.memberId)) ?? 0) === 0) return;
      return reply.redirect(`/warnings?back=${encodeURIComponent(request.url)}`, 303);
    });

    const run = commands(ctx, async (memberId) => (await namesOf(ctx.db, [memberId])).has(memberId));
    const names = (ids: readonly string[]) => namesOf(ctx.db, ids);
    moderationRoutes(ctx.http, ctx.db, run);
    moderationPages(ctx.http, ctx.db, run, profiles, names);
    appealRoutes(ctx.http, run, ctx.services.require<SuspendedLogin>(SUSPENDED_LOGIN));

    // On profiles, for moderators: the way to act on the member.
    const moderate: MemberAction = (request, _ids, where) => {
      const isModerator = request.viewer?.roles.includes('moderator') ?? false;
      const label = translator(messages, languageOf(request))('moderate');
      return Promise.resolve((memberId) =>
        isModerator && where === 'profile' && memberId !== request.viewer?.memberId
          ? html`<a class="button secondary" href="/moderation/members/${encodeURIComponent(memberId)}"
              >${label}</a
            >`
          : null,
      );
    };
    ctx.services.contribute<MemberAction>(MEMBER_ACTIONS, moderate);

    ctx.services.provide<Sanctions>(SANCTIONS, { liftEnded: () => run.liftEnded() });
    ctx.services.provide<Holds>(HOLDS, { hold: (memberId, reason) => run.hold(memberId, reason) });
    const sweep = setInterval(() => {
      run
        .liftEnded()
        .catch((error: unknown) => ctx.logger.error({ err: error }, 'ended suspensions not lifted'));
    }, SWEEP_MS);
    sweep.unref();
    ctx.onClose(() => {
      clearInterval(sweep);
      return Promise.resolve();
    });
  },
});
