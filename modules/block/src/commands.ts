import { problems, type ModuleContext } from '@meetcute/core';
import { MemberBlocked, MemberUnblocked } from './events.ts';
import { hasBlocked } from './store.ts';

/** Who exists as a member others can block: the profile module knows. */
export interface MemberCheck {
  exists(memberId: string): Promise<boolean>;
}

export interface Commands {
  /** Blocks; blocking someone already blocked changes nothing. Returns whether it was new. */
  block(blockerId: string, blockedId: string): Promise<boolean>;
  unblock(blockerId: string, blockedId: string): Promise<void>;
}

export function commands(ctx: ModuleContext, members: MemberCheck): Commands {
  const blocksCounter = ctx.metrics.counter('blocks', 'Members who blocked someone');
  return {
    async block(blockerId, blockedId) {
      if (blockerId === blockedId) {
        throw problems.invalid([{ field: 'memberId', message: 'You cannot block yourself.' }]);
      }
      if (!(await members.exists(blockedId))) throw problems.notFound('This member');
      const isNew = await ctx.transaction(async (tx) => {
        if (await hasBlocked(tx.db, blockerId, blockedId)) return false;
        await tx.publish(MemberBlocked, { blockerId, blockedId }, { actorId: blockerId });
        return true;
      });
      if (isNew) blocksCounter.inc();
      return isNew;
    },
    async unblock(blockerId, blockedId) {
      await ctx.transaction(async (tx) => {
        if (!(await hasBlocked(tx.db, blockerId, blockedId))) throw problems.notFound('This block');
        await tx.publish(MemberUnblocked, { blockerId, blockedId }, { actorId: blockerId });
      });
    },
  };
}
