import { problems, type ModuleContext } from '@meetcute/core';
import { MemberBlocked, MemberUnblocked } from './events.ts';
import { blockUntil, endedBlocks, blockStands, type Tables } from './store.ts';

/** Who exists as a member others can block: the profile module knows. */
export interface MemberCheck {
  exists(memberId: string): Promise<boolean>;
}

export interface Commands {
  /**
   * Blocks, for good or for some hours (`hours`); blocking someone already blocked
   * changes nothing. Returns whether it was new.
   */
  block(blockerId: string, blockedId: string, hours?: number | null): Promise<boolean>;
  unblock(blockerId: string, blockedId: string): Promise<void>;
  /** Lifts every temporary block whose time is up; answers how many. */
  liftEnded(): Promise<number>;
}

/** The lengths a temporary block may have: a day, or a week. */
export const BLOCK_HOURS = [24, 168] as const;

export function commands(ctx: ModuleContext<Tables>, members: MemberCheck): Commands {
  const blocksCounter = ctx.metrics.counter('blocks', 'Members who blocked someone');
  return {
    async block(blockerId, blockedId, hours = null) {
      if (blockerId === blockedId) {
        throw problems.invalid([{ field: 'memberId', message: 'You cannot block yourself.' }]);
      }
      if (hours !== null && !(BLOCK_HOURS as readonly number[]).includes(hours)) {
        throw problems.invalid([
          { field: 'hours', message: 'A block lasts 24 hours, 168 hours (a week), or until lifted.' },
        ]);
      }
      const until =
        hours === null ? undefined : new Date(ctx.clock.now().getTime() + hours * 3600 * 1000).toISOString();
      if (!(await members.exists(blockedId))) throw problems.notFound('This member');
      const isNew = await ctx.transaction(async (tx) => {
        if (await blockStands(tx.db, blockerId, blockedId)) return false;
        await tx.publish(MemberBlocked, until ? { blockerId, blockedId, until } : { blockerId, blockedId }, {
          actorId: blockerId,
        });
        return true;
      });
      if (isNew) blocksCounter.inc();
      return isNew;
    },
    async liftEnded() {
      const now = ctx.clock.now().toISOString();
      let lifted = 0;
      for (const { blockerId, blockedId } of await endedBlocks(ctx.db, now)) {
        await ctx.transaction(async (tx) => {
          // Checked again inside: another node's sweep, or the member, may have lifted it.
          const until = await blockUntil(tx.db, blockerId, blockedId);
          if (!until || until > now) return;
          await tx.publish(MemberUnblocked, { blockerId, blockedId }, { actorId: null });
          lifted++;
        });
      }
      return lifted;
    },
    async unblock(blockerId, blockedId) {
      await ctx.transaction(async (tx) => {
        if (!(await blockStands(tx.db, blockerId, blockedId))) throw problems.notFound('This block');
        await tx.publish(MemberUnblocked, { blockerId, blockedId }, { actorId: blockerId });
      });
    },
  };
}
