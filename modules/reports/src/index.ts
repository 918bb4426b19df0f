import { defineModule } from '@meetcute/core';
import { MessageReported } from '@meetcute/chat/events';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import {
  html,
  languageOf,
  REVIEW_WORK,
  SAFETY_ACTIONS,
  translator,
  type MemberAction,
  type ReviewWork,
} from '@meetcute/web';
import { SuspensionAppealed, SuspensionLifted } from '@meetcute/moderation/events';
import { ContentReported, events, ReportsClosed } from './events.ts';
import {
  addReport,
  closeAppeals,
  closeReports,
  migrations,
  openQueue,
  projections,
  tables,
} from './store.ts';
import { commands } from './commands.ts';
import { messages } from './messages.ts';
import { reportRoutes } from './routes.ts';
import { reportPages } from './pages.ts';
import { queuePages } from './queue-page.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { MemberDeleted, honourDeletion } from '@meetcute/auth/events';

export * from './events.ts';

/**
 * Reports: a member reports a profile, a photo or a diary post (a chat message is
 * reported in the chat, and lands here too); moderators work one queue of open reports,
 * grouped by what they are about, the most reported and newest first, with what was
 * reported in front of them, and act on the member from it, dismiss, or remove the content
 * (the module that owns it takes it down, in its own words: REPORTABLE's `remove`).
 */
export const reports = defineModule({
  name: 'reports',
  description:
    'Report a profile, a photo or a diary post (and chat messages); the moderators’ queue of open reports, grouped and shown in context, closed as dismissed or handled, or by removing the content.',
  publishes: events,
  consumes: [MemberDeleted, ...events, MessageReported, SuspensionAppealed, SuspensionLifted],
  requires: [PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    honourDeletion(ctx, {
      kept: { reports: ['reporter_id'] },
      tables: { reports: { mine: ['reporter_id'], about: ['member_id'] } },
    });
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);

    ctx.on(ContentReported, ({ payload, occurredAt }, tx) =>
      addReport(tx.db, {
        id: payload.reportId,
        reporterId: payload.reporterId,
        memberId: payload.memberId,
        kind: payload.kind,
        contentId: payload.contentId,
        reason: payload.reason,
        note: payload.note,
        at: occurredAt,
      }),
    );
    // Its sender is the chat's to say: looked up when the queue is shown.
    ctx.on(MessageReported, (e, tx) =>
      addReport(tx.db, {
        id: e.id,
        reporterId: e.payload.reporterId,
        memberId: '',
        kind: 'message',
        contentId: e.payload.messageId,
        reason: e.payload.reason,
        note: e.payload.note,
        at: e.occurredAt,
      }),
    );
    // An appeal waits in the same queue, in the member's own words, until it is decided.
    ctx.on(SuspensionAppealed, (e, tx) =>
      addReport(tx.db, {
        id: e.id,
        reporterId: e.payload.memberId,
        memberId: e.payload.memberId,
        kind: 'appeal',
        // One open appeal per member at most (once per decision): the member is what it is about.
        contentId: e.payload.memberId,
        reason: 'appeal',
        note: e.payload.text,
        at: e.occurredAt,
      }),
    );
    ctx.on(SuspensionLifted, (e, tx) => closeAppeals(tx.db, e.payload.memberId, e.occurredAt));
    ctx.on(ReportsClosed, ({ payload, occurredAt }, tx) =>
      closeReports(tx.db, payload.kind, payload.contentId, payload.outcome, occurredAt),
    );

    const run = commands(ctx, ctx.services, profiles);
    reportRoutes(ctx.http, { db: ctx.db, commands: run });
    const pages = { db: ctx.db, commands: run, profiles };
    reportPages(ctx.http, pages);
    queuePages(ctx.http, pages);
    // A moderator with reports (or appeals) open and no earlier queue waiting lands on them.
    ctx.services.contribute<ReviewWork>(REVIEW_WORK, {
      href: '/review/reports',
      waiting: async () => (await openQueue(ctx.db, 1)).length > 0,
    });

    const report: MemberAction = (request, _ids, where) => {
      const viewer = request.viewer;
      const label = translator(messages, languageOf(request))('report');
      return Promise.resolve((memberId) =>
        viewer?.status === 'approved' && where === 'profile' && memberId !== viewer.memberId
          ? html`<a
              class="button secondary"
              href="/reports/new?kind=profile&amp;contentId=${encodeURIComponent(memberId)}"
              >${label}</a
            >`
          : null,
      );
    };
    ctx.services.contribute<MemberAction>(SAFETY_ACTIONS, report);
  },
});
