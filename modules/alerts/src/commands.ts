import type { ModuleContext, NotificationHub, View } from '@meetcute/core';
import { AlertsRead } from './events.ts';
import { newestUnread } from './store.ts';

/** The one alerts command, shared by the JSON API and the page. */
export interface Commands {
  /** Marks every alert the member has read; returns how many are unread afterwards (0). */
  markAllRead(memberId: string): Promise<number>;
}

export function commands(ctx: ModuleContext, hub: NotificationHub, unread: View<number>): Commands {
  return {
    async markAllRead(memberId) {
      const marked = await ctx.transaction(async (tx) => {
        const upTo = await newestUnread(tx.db, memberId);
        // Nothing unread: nothing to record.
        if (upTo === undefined) return false;
        await tx.publish(AlertsRead, { memberId, upTo }, { actorId: memberId });
        return true;
      });
      const count = (await unread.get(memberId)) ?? 0;
      if (marked) await hub.notify(memberId, { type: 'counter', data: { name: 'alerts', count } });
      return count;
    },
  };
}
