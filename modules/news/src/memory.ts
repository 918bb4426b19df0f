import type { ModuleContext, View } from '@meetcute/core';
import {
  allMembers,
  feedHead,
  findItem,
  findMember,
  seenUpTo,
  unseenInHead,
  unseenOf,
  type HeadEntry,
  type Item,
  type Member,
  type NewsTables,
  type Unseen,
} from './store.ts';

/**
 * What the feed's hot reads need, in memory: every member's counter, the newest entries
 * of each feed, the items they point at and their authors. The projections in
 * project.ts change them as they change the tables; each is audited against them.
 */
export interface NewsMemory {
  unseen: View<Unseen>;
  heads: View<HeadEntry[]>;
  items: View<Item>;
  authors: View<Member>;
}

export function newsMemory(ctx: ModuleContext<NewsTables>): NewsMemory {
  // The first page of each feed, for those who read theirs lately.
  const heads = ctx.view<HeadEntry[]>({
    name: 'heads',
    load: (viewerId) => feedHead(ctx.db, viewerId),
    budget: 50_000,
  });
  return {
    // The top bar's news counter, on every page: counted in the feed's head when the
    // head reaches back to what was seen (a member who reads their news), else in the feed.
    unseen: ctx.view<Unseen>({
      name: 'unseen',
      load: async (memberId) => {
        const [upTo, head] = await Promise.all([seenUpTo(ctx.db, memberId), heads.get(memberId)]);
        // Never seen: every entry counts ('' is before any time).
        const counted = head && unseenInHead(head, upTo ?? '');
        return counted === undefined ? unseenOf(ctx.db, memberId, upTo) : { upTo, ...counted };
      },
    }),
    heads,
    items: ctx.view<Item>({ name: 'items', load: (itemId) => findItem(ctx.db, itemId), budget: 200_000 }),
    authors: ctx.view<Member>({
      name: 'authors',
      load: (memberId) => findMember(ctx.db, memberId),
      warm: () => allMembers(ctx.db),
      budget: 1_000_000,
    }),
  };
}
