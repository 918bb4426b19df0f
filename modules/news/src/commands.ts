import type { ModuleContext, View } from '@meetcute/core';
import { NewsSeen } from './events.ts';
import { newestAt, seenUpTo, type NewsTables, type Unseen } from './store.ts';

export interface Commands {
  /**
   * Marks everything in the member's feed as seen, up to its newest item. Publishes
   * NewsSeen only when that moves "seen up to" forward, so reloading /news is quiet.
   */
  markSeen(memberId: string): Promise<{ upTo: string | null }>;
}

export function commands(ctx: ModuleContext<NewsTables>, unseen: View<Unseen>): Commands {
  return {
    async markSeen(memberId) {
      // Nothing newer than what was seen (most page loads): no transaction at all.
      const counter = await unseen.get(memberId);
      if (counter && counter.count === 0) return { upTo: counter.upTo };
      return ctx.transaction(async (tx) => {
        const [newest, seen] = await Promise.all([newestAt(tx.db, memberId), seenUpTo(tx.db, memberId)]);
        if (newest === null || (seen !== null && seen >= newest)) return { upTo: seen };
        await tx.publish(NewsSeen, { memberId, upTo: newest }, { actorId: memberId });
        return { upTo: newest };
      });
    },
  };
}
