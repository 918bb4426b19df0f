import {
  defineModule,
  NOTIFICATIONS,
  VIEWERS,
  type NotificationHub,
  type Tx,
  type ViewerResolver,
  defineService,
} from '@meetcute/core';
import { LiveHub } from './hub.ts';
import {
  blockedPairsMigration,
  blockedPairsNaming,
  blockEvents,
  honourBlocks,
  BLOCKED_PAIRS,
} from '@meetcute/block/events';
import { LoggedOut, LoggedOutEverywhere, PasswordChanged, honourDeletion } from '@meetcute/auth/events';
import { OpenChannels } from './endings.ts';
import { forgetBetween, migrations, tables, type Tables } from './store.ts';
import { liveRoutes } from './routes.ts';
import { liveSockets } from './sockets.ts';
import { deletionUseCases, useCases } from './use-cases.ts';

export { LiveHub } from './hub.ts';

/** Where a node says a member's sessions ended, so every node ends their channels. */
const ENDED = 'meetcute.live.ended';

/** The live module's hub itself, for modules that need more than NotificationHub (nav's counters). */
export const LIVE_HUB = defineService<LiveHub>('live.hub');

/**
 * The live channel and the notification hub. Other modules notify a member
 * through the hub (`NOTIFICATIONS`); every open page of that member receives it.
 */
export const live = defineModule({
  name: 'live',
  description:
    'One live channel per open page (WebSocket, SSE, long polling), resumable; the notification hub.',
  publishes: [],
  consumes: [...blockEvents, LoggedOut, LoggedOutEverywhere, PasswordChanged],
  provides: [NOTIFICATIONS, LIVE_HUB],
  tables,
  migrations: [...migrations, blockedPairsMigration],
  projections: [BLOCKED_PAIRS],
  useCases: [...useCases, ...deletionUseCases],
  async register(ctx) {
    const hub = new LiveHub(ctx.db, ctx.clock, ctx.logger, (a, b) => blocks.between(a, b), ctx.broker);
    const blocks = honourBlocks(ctx, {
      onBlocked: async (e, tx) => {
        const { blockerId, blockedId } = e.payload;
        hub.forgetBetween(blockerId, blockedId);
        await forgetBetween(tx.db, blockerId, blockedId);
      },
      // A suspended member's every channel ends, whatever auth has done with their sessions yet.
      onSanction: (memberId, tx, inForce) => {
        if (inForce) tx.afterCommit(() => endEverywhere(memberId, 'all'));
      },
    });
    // However a session ends, its channels end once that is committed: on this node, and
    // (in a cluster, where this consumer runs on one node) on the nodes that hold the others.
    const channels = new OpenChannels();
    const viewers = () => ctx.services.optional<ViewerResolver>(VIEWERS);
    const endHere = async (memberId: string, which: 'all' | 'closed'): Promise<void> => {
      const open = which === 'all' ? new Set<string>() : await viewers()?.openSessions(memberId);
      if (open) channels.endClosedSessions(memberId, open);
    };
    const endEverywhere = (memberId: string, which: 'all' | 'closed'): Promise<void> => {
      ctx.broker.publish(ENDED, { memberId, which });
      return endHere(memberId, which);
    };
    const unsubscribe = ctx.broker.subscribe(ENDED, (data) => {
      const { memberId, which } = data as { memberId: string; which: 'all' | 'closed' };
      void endHere(memberId, which);
    });
    ctx.onClose(() => Promise.resolve(unsubscribe()));
    const endChannels = async (e: { payload: { memberId: string } }, tx: Tx<Tables>) =>
      tx.afterCommit(() => endEverywhere(e.payload.memberId, 'closed'));
    // A deleted member's channels end; what others were told about them goes from every mailbox.
    honourDeletion(ctx, {
      tables: { notifications: { mine: ['member_id'], about: ['about'] }, ...blockedPairsNaming },
      async forget(tx, memberId) {
        await tx.db.deleteFrom('notifications').where('data', 'like', `%${memberId}%`).execute();
        hub.forgetMember(memberId);
        tx.afterCommit(() => endEverywhere(memberId, 'all'));
      },
      // What was queued for their open pages is no data of theirs worth keeping.
      export: () => Promise.resolve(null),
    });
    ctx.on(LoggedOut, endChannels);
    ctx.on(LoggedOutEverywhere, endChannels);
    ctx.on(PasswordChanged, endChannels);

    await hub.start();
    ctx.onClose(() => hub.close());
    ctx.services.provide<NotificationHub>(NOTIFICATIONS, hub);
    ctx.services.provide<LiveHub>(LIVE_HUB, hub);
    liveRoutes(ctx.http, hub, channels);
    liveSockets(ctx.http, { hub, viewers, channels, logger: ctx.logger });
  },
});
