import { isSuspended, pairRefused, type PairRefusal } from '@meetcute/block';
import type { ModuleContext } from '@meetcute/core';
import type { ProfileDirectory } from '@meetcute/profile';
import { FavouriteAdded, FavouriteRemoved } from './events.ts';
import { blockBetween, isFavourite, type Tables } from './store.ts';

/**
 * The favourite commands and the one question about a member, shared by the JSON API,
 * the pages and the profile button so all enforce the same rules. Each throws a
 * Problem the caller can show as it is.
 */
export interface Commands {
  /** Adds a favourite; returns false when they already were one (nothing published). */
  add(memberId: string, favouriteId: string): Promise<boolean>;
  /** Takes a favourite off; returns false when they were not one. */
  remove(memberId: string, favouriteId: string): Promise<boolean>;
  /** Whether the member has this other member as a favourite; 404 for someone not visible to them. */
  isFavourite(memberId: string, otherId: string): Promise<boolean>;
}

export function commands(ctx: ModuleContext<Tables>, profiles: ProfileDirectory): Commands {
  const added = ctx.metrics.counter('favourites', 'Favourites added');

  /**
   * Who may be acted on: an approved member other than oneself. In a blocked pair the
   * one who was blocked learns nothing (404, as if absent); the blocker is told why. A
   * suspended member is absent to everyone, as if all had blocked them.
   */
  async function check(memberId: string, otherId: string, blockerSees: 'conflict' | 'absent') {
    const refusal = await pairCheck(memberId, otherId, blockerSees);
    if (refusal)
      throw pairRefused(refusal, {
        self: 'You cannot make yourself a favourite.',
        blocked:
          'You blocked this member, so they cannot be among your favourites. Unblock them first if you changed your mind.',
      });
  }

  async function pairCheck(
    memberId: string,
    otherId: string,
    blockerSees: 'conflict' | 'absent',
  ): Promise<PairRefusal | null> {
    if (memberId === otherId) return 'self';
    if (!(await profiles.get(otherId)) || (await isSuspended(ctx.db, otherId))) return 'not-found';
    const block = await blockBetween(ctx.db, memberId, otherId);
    if (block === 'theirs' || (block === 'mine' && blockerSees === 'absent')) return 'not-found';
    return block === 'mine' ? 'blocked' : null;
  }

  return {
    async add(memberId, favouriteId) {
      await check(memberId, favouriteId, 'conflict');
      const isNew = await ctx.transaction(async (tx) => {
        if (await isFavourite(tx.db, memberId, favouriteId)) return false;
        await tx.publish(FavouriteAdded, { memberId, favouriteId }, { actorId: memberId });
        return true;
      });
      if (isNew) added.inc();
      return isNew;
    },

    async remove(memberId, favouriteId) {
      await check(memberId, favouriteId, 'conflict');
      return ctx.transaction(async (tx) => {
        if (!(await isFavourite(tx.db, memberId, favouriteId))) return false;
        await tx.publish(FavouriteRemoved, { memberId, favouriteId }, { actorId: memberId });
        return true;
      });
    },

    async isFavourite(memberId, otherId) {
      await check(memberId, otherId, 'absent');
      return isFavourite(ctx.db, memberId, otherId);
    },
  };
}
