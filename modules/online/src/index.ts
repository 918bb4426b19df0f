import { ONLINE_NOW } from '@meetcute/search';
import { defineModule, NOTIFICATIONS, type NotificationHub } from '@meetcute/core';
import { blockEvents, honourBlocks } from '@meetcute/block';
import { RegistrationApproved } from '@meetcute/registration/events';
import { MEMBER_ACTIONS, MEMBER_BADGES, type MemberAction } from '@meetcute/web';
import { events } from './events.ts';
import { changeEvents, forgetChannels, migrations, projectApprovals, projections, tables } from './store.ts';
import { ONLINE, PresenceTracker, type Presence } from './presence.ts';
import { onlineViews } from './views.ts';
import { onlineRoutes } from './routes.ts';
import { onlineBadge, onlinePages } from './pages.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

export { ONLINE, type Presence } from './presence.ts';

/**
 * Who is online: a member with a live channel open, or who made a request in the last
 * five minutes. Presence is operational state in the module's own table; the list of
 * online members filters on a projection of approvals and never shows a blocked pair.
 */
export const online = defineModule({
  name: 'online',
  description:
    'Presence across the site: who is online now, a list of them with search’s filters, and an online badge on members.',
  publishes: events,
  consumes: [RegistrationApproved, ...changeEvents, ...blockEvents],
  provides: [ONLINE, ONLINE_NOW],
  requires: [NOTIFICATIONS],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  async register(ctx) {
    projectApprovals(ctx);
    // The list filters blocked pairs in SQL, the badge asks these in memory; presence keeps
    // nothing about a pair to remove.
    const blocks = honourBlocks(ctx);

    const hub = ctx.services.require<NotificationHub>(NOTIFICATIONS);
    const presence = new PresenceTracker(ctx.db, ctx.clock, ctx.logger, hub);
    honourDeletion(ctx, {
      tables: {
        online_members: { mine: ['member_id'] },
        presence: { mine: ['member_id'] },
        ...blockedPairsNaming,
      },
      // No write of theirs follows; one still in flight may land after this transaction, so it goes then.
      forget: async (tx, memberId) => {
        presence.forget(memberId);
        tx.afterCommit(async () => {
          await presence.settled();
          await ctx.db.deleteFrom('presence').where('member_id', '=', memberId).execute();
        });
      },
    });
    await forgetChannels(ctx.db);
    await presence.load();
    hub.onPresence((memberId, connected) => void presence.channel(memberId, connected));
    ctx.http.addHook('onResponse', async (request) => {
      if (request.viewer) await presence.seen(request.viewer.memberId);
    });
    ctx.services.provide<Presence>(ONLINE, presence);
    // Search's online-only filter asks for who is online through a key of its own (it registers first).
    ctx.services.provide(ONLINE_NOW, presence);

    const views = onlineViews(ctx, presence, blocks);
    onlineRoutes(ctx.http, views);
    onlinePages(ctx.http, views, ctx.services, () => ctx.clock.now());
    const badge = onlineBadge(blocks, presence);
    ctx.services.contribute<MemberAction>(MEMBER_ACTIONS, badge);
    ctx.services.contribute<MemberAction>(MEMBER_BADGES, badge);
  },
});
