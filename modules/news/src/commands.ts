import type { ModuleContext } from '@meetcute/core';
import { NewsSeen } from './events.ts';
import { seenUpTo, type NewsTables } from './store.ts';
import type { NewsMemory } from './memory.ts';

export interface Commands {
  /**
   * Marks everything in the member's feed as seen, up to its newest item. Publishes
   * NewsSeen only when that moves "seen up to" forward, so reloading /news is quiet.
   */
  markSeen(memberId: string): Promise<{ upTo: string | null }>;
}

export function commands(ctx: ModuleContext<NewsTables>, memory: NewsMemory): Commands {
  return {
    async markSeen(memberId) {
      // Nothing newer than what was seen (most page loads): no transaction at all. A counter
      // not in memory is not loaded for this: loading it counts the feed in SQL.
      const counter = memory.unseen.known(memberId)?.value;
      if (counter && counter.count === 0) return { upTo: counter.upTo };
      // The newest item is the one at the head of the feed the page shows: read from
      // memory, not worked out again while holding the write transaction.
      const newest = (await memory.heads.get(memberId))?.[0]?.at ?? null;
      if (!counter) {
        const seen = await seenUpTo(ctx.db, memberId);
        if (newest === null || (seen !== null && seen >= newest)) return { upTo: seen };
      }
      return ctx.transaction(async (tx) => {
        const seen = await seenUpTo(tx.db, memberId);
        if (newest === null || (seen !== null && seen >= newest)) return { upTo: seen };
        await tx.publish(NewsSeen, { memberId, upTo: newest }, { actorId: memberId });
        return { upTo: newest };
      });
    },
  };
}
