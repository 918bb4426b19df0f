import { defineModule, NOTIFICATIONS, type NotificationHub } from '@meetcute/core';
import { blockEvents, honourBlocks, MemberUnblocked } from '@meetcute/block';
import { FavouriteAdded } from '@meetcute/favourites/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { ProfileViewed } from '@meetcute/profile/events';
import { PhotoDeleted, PhotoLiked, PrivateAlbumUnlocked } from '@meetcute/photos/events';
import { NAV_COUNTERS, type NavCounter } from '@meetcute/web';
import { events } from './events.ts';
import { migrations, projections, project, unreadCount } from './store.ts';
import { commands } from './commands.ts';
import { alertRoutes } from './routes.ts';
import { alertPages } from './pages.ts';
import { useCases } from './use-cases.ts';

export { AlertsRead } from './events.ts';

/**
 * Alerts: everything that happened to me (flirts, visits, favourites), newest first.
 * A projection of other modules' events plus the module's own AlertsRead for the unread
 * markers; each new alert is pushed live with the new unread count for the top bar.
 * A block removes the pair's alerts both ways for good.
 */
export const alerts = defineModule({
  name: 'alerts',
  description:
    'Everything that happened to me (flirts, visits, favourites), newest first, with unread markers, mark all read and a live counter.',
  publishes: events,
  consumes: [
    FlirtSent,
    ProfileViewed,
    FavouriteAdded,
    PhotoLiked,
    PhotoDeleted,
    PrivateAlbumUnlocked,
    ...events,
    ...blockEvents,
  ],
  migrations,
  projections,
  useCases,
  register(ctx) {
    const hub = ctx.services.require<NotificationHub>(NOTIFICATIONS);
    // The top bar shows it on every page: counted once, then moved by the events that move it.
    const unread = ctx.view<number>({
      name: 'unread',
      load: (memberId) => unreadCount(ctx.db, memberId),
    });
    honourBlocks(ctx, { onBlocked: project(ctx, hub, unread) });
    // Blocks removed the pair's alerts for good, so lifting one shows nothing again; counted afresh all the same.
    unread.on(MemberUnblocked, (e, changes) => {
      changes.forget(e.payload.blockerId);
      changes.forget(e.payload.blockedId);
    });
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    const run = commands(ctx, hub, unread);
    alertRoutes(ctx.http, ctx.db, run, profiles);
    alertPages(ctx.http, ctx.db, run, profiles, ctx.clock);
    ctx.services.contribute<NavCounter>(NAV_COUNTERS, {
      name: 'alerts',
      href: '/alerts',
      label: { en: 'Alerts', sv: 'Händelser', fi: 'Ilmoitukset' },
      count: async (memberId) => (await unread.get(memberId)) ?? 0,
    });
  },
});
