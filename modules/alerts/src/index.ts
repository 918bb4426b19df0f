import { sql } from 'kysely';
import { defineModule, NOTIFICATIONS, type NotificationHub } from '@meetcute/core';
import { blockEvents, honourBlocks } from '@meetcute/block';
import { FavouriteAdded } from '@meetcute/favourites/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { AboutMeApproved, AboutMeRejected, ProfileViewed } from '@meetcute/profile/events';
import {
  PhotoApproved,
  PhotoDeleted,
  PhotoLiked,
  PhotoRejected,
  PrivateAlbumUnlocked,
} from '@meetcute/photos/events';
import { RegistrationApproved } from '@meetcute/registration/events';
import { NAV_COUNTERS, type NavCounter } from '@meetcute/web';
import { events } from './events.ts';
import {
  alertsHead,
  migrations,
  projections,
  project,
  tables,
  unreadCount,
  type AlertsMemory,
} from './store.ts';
import { commands } from './commands.ts';
import { alertRoutes } from './routes.ts';
import { alertPages } from './pages.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { MemberDeleted, forgetInView, honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';

export { AlertsRead } from './events.ts';

/**
 * Alerts: everything that happened to me (flirts, visits, favourites, likes, and what the
 * moderators decided about my sign-up, photos and about-me text), newest first.
 * A projection of other modules' events plus the module's own AlertsRead for the unread
 * markers; each new alert is pushed live with the new unread count for the top bar.
 * A block hides the pair's alerts both ways; lifting it brings them back.
 */
export const alerts = defineModule({
  name: 'alerts',
  description:
    'Everything that happened to me (flirts, visits, favourites, likes, moderators’ decisions), newest first, with unread markers, mark all read and a live counter.',
  publishes: events,
  consumes: [
    FlirtSent,
    ProfileViewed,
    FavouriteAdded,
    PhotoLiked,
    PhotoDeleted,
    PrivateAlbumUnlocked,
    RegistrationApproved,
    PhotoApproved,
    PhotoRejected,
    AboutMeApproved,
    AboutMeRejected,
    ...events,
    ...blockEvents,
  ],
  requires: [NOTIFICATIONS, PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    const hub = ctx.services.require<NotificationHub>(NOTIFICATIONS);
    const memory: AlertsMemory = {
      // The top bar shows it on every page: counted once, then moved by the events that move it.
      unread: ctx.view<number>({ name: 'unread', load: (memberId) => unreadCount(ctx.db, memberId) }),
      // The first page of each member's alerts, for those who looked lately.
      heads: ctx.view({ name: 'heads', load: (memberId) => alertsHead(ctx.db, memberId), budget: 50_000 }),
    };
    honourBlocks(ctx, (blocks) => project(ctx, hub, memory, blocks));
    // A deleted member's alerts go, and so do the alerts they caused others: counts are read afresh.
    honourDeletion(ctx, {
      tables: {
        alerts: { mine: ['member_id'], about: ['actor_id'] },
        alerts_read: { mine: ['member_id'] },
        private_photos: { mine: ['owner_id'] },
        ...blockedPairsNaming,
      },
      async forget(tx, memberId) {
        await sql`delete from alert_photos where alert_id in
          (select alert_id from alerts where member_id = ${memberId} or actor_id = ${memberId})`.execute(
          tx.db,
        );
      },
    });
    memory.unread.on(MemberDeleted, (_e, changes) => changes.forgetWhere(() => true));
    forgetInView(memory.heads);
    const { unread } = memory;
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    const run = commands(ctx, hub, unread);
    alertRoutes(ctx.http, { db: ctx.db, memory, commands: run, profiles });
    alertPages(ctx.http, {
      db: ctx.db,
      memory,
      commands: run,
      profiles,
      clock: ctx.clock,
      services: ctx.services,
    });
    ctx.services.contribute<NavCounter>(NAV_COUNTERS, {
      name: 'alerts',
      href: '/alerts',
      label: { en: 'Alerts', sv: 'Händelser', fi: 'Ilmoitukset' },
      count: async (memberId) => (await unread.get(memberId)) ?? 0,
    });
  },
});
