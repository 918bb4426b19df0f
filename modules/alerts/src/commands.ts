import type { ModuleContext, NotificationHub } from '@meetcute/core';
import { AlertsRead } from './events.ts';
import { newestUnread, unreadCount } from './store.ts';

/** The one alerts command, shared by the JSON API and the page. */
export interface Commands {
  /** Marks every alert the member has read; returns how many are unread afterwards (0). */
  markAllRead(memberId: string): Promise<number>;
}

export function commands(ctx: ModuleContext, hub: NotificationHub): Commands {
  return {
    async markAllRead(memberId) {
      const marked = await ctx.transaction(async (tx) => {
        const upTo = await newestUnread(tx.db, memberId);
        // Nothing unread: nothing to record.
        if (upTo === undefined) return false;
        await tx.publish(AlertsRead, { memberId, upTo }, { actorId: memberId });
        return true;
      });
      const count = await unreadCount(ctx.db, memberId);
      if (marked) await hub.notify(memberId, { type: 'counter', data: { name: 'alerts', count } });
      return count;
    },
  };
}
