import type { ModuleContext, NotificationHub, View } from '@meetcute/core';
import { AlertsRead } from './events.ts';
import { newestUnread, type AlertsTables } from './store.ts';

/** The one alerts command, shared by the JSON API and the page. */
export interface Commands {
  /**
   * Marks the member's alerts read: all of them, or those up to `upTo` (the newest a page
   * showed, so one that arrived since is not marked unseen); returns how many stay unread.
   */
  markAllRead(memberId: string, upTo?: string): Promise<number>;
}

export function commands(
  ctx: ModuleContext<AlertsTables>,
  hub: NotificationHub,
  unread: View<number>,
): Commands {
  return {
    async markAllRead(memberId, shown) {
      const marked = await ctx.transaction(async (tx) => {
        const newest = await newestUnread(tx.db, memberId);
        // Nothing unread: nothing to record.
        if (newest === undefined) return false;
        const upTo = shown !== undefined && shown < newest ? shown : newest;
        await tx.publish(AlertsRead, { memberId, upTo }, { actorId: memberId });
        return true;
      });
      const count = (await unread.get(memberId)) ?? 0;
      if (marked) await hub.notify(memberId, { type: 'counter', data: { name: 'alerts', count } });
      return count;
    },
  };
}
