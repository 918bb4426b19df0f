import type { Transaction } from 'kysely';
import { withNewest, type ModuleContext, type NotificationHub, type Tx } from '@meetcute/core';
import { honourBlocks } from '@meetcute/block';
import { RegistrationApproved } from '@meetcute/registration/events';
import { DiaryPostDeleted, DiaryPostEdited, DiaryPosted } from '@meetcute/diary/events';
import { PhotoApproved, PhotoDeleted } from '@meetcute/photos/events';
import { NewsSeen } from './events.ts';
import {
  addItem,
  editItem,
  findMember,
  hidePair,
  oneMoreUnseen,
  reachOf,
  removeItem,
  saveMember,
  saveSeen,
  HEAD,
  type HeadEntry,
  type ItemKind,
  type Member,
  type NewsTables,
  type Reach,
} from './store.ts';
import type { NewsMemory } from './memory.ts';

export const COUNTER = 'news';

/**
 * The feed's projections. Everything here is a function of the events alone (ages are
 * taken at each event's time), so `rebuild news` gives the same feeds; the only side
 * effect is the live counter, which a replay merely repeats. The tables hold members,
 * items and what blocks keep out; feeds are worked out when read (store.ts `feedOf`),
 * and only the feeds and counters held in memory are moved here, item by item.
 */
export function project(ctx: ModuleContext<NewsTables>, hub: NotificationHub, memory: NewsMemory): void {
  const { unseen, heads, items, authors } = memory;
  /**
   * Tells each member with an open page their new unseen count, once the change is
   * committed, so the nav moves without a reload. Members with no page open are skipped:
   * every page load reads the count afresh, and writing a mailbox row for each of an
   * item's readers was most of the projection's cost (README.md); it also keeps
   * `rebuild news` from replaying counters into the live channel.
   */
  const scheduled = new WeakMap<Tx<NewsTables>, Set<string>>();
  const notifyCounts = (tx: Tx<NewsTables>, memberIds: readonly string[]): void => {
    // One push per member and transaction, with the count as it stands once committed.
    let members = scheduled.get(tx);
    if (!members) {
      const pushTo = new Set<string>();
      members = pushTo;
      scheduled.set(tx, pushTo);
      tx.afterCommit(async () => {
        for (const memberId of pushTo) {
          const count = (await unseen.get(memberId))?.count ?? 0;
          await hub.notify(memberId, { type: 'counter', data: { name: COUNTER, count } });
        }
      });
    }
    for (const id of memberIds) if (hub.isConnected(id)) members.add(id);
  };
  /**
   * Which of the members whose counter or feed head is in memory an item reaches. Only
   * those are looked at, so the transaction says its changes may touch keys it does not
   * name: a counter or head loaded meanwhile is not kept (core views.ts).
   */
  const reach = async (tx: Tx<NewsTables>, author: Member, at: string): Promise<Reach> => {
    unseen.changes(tx).unnamedKeys();
    heads.changes(tx).unnamedKeys();
    const held = new Set([...unseen.held(), ...heads.held()]);
    return reachOf(tx.db, author, at, await authors.getMany(held));
  };
  /** Counters and heads of these members are read again from the tables when next asked. */
  const reread = (tx: Tx<NewsTables>, memberIds: readonly string[]): void => {
    const counters = unseen.changes(tx);
    const feeds = heads.changes(tx);
    for (const id of memberIds) {
      counters.forget(id);
      feeds.forget(id);
    }
  };
  /**
   * A new item: kept once; placed at the head of each held feed it reaches and one more
   * unseen for each of those viewers unless they had seen past its time.
   */
  const added = async (
    tx: Tx<NewsTables>,
    item: { itemId: string; kind: ItemKind; author: Member; text: string | null; at: string },
  ): Promise<void> => {
    if (!(await addItem(tx, item))) return; // delivered before
    const { itemId, kind, text, at } = item;
    const authorId = item.author.memberId;
    items.changes(tx).set(itemId, { itemId, kind, authorId, text, at });
    const { fresh, early } = await reach(tx, item.author, at);
    const entry: HeadEntry = { itemId, at, authorId };
    const counters = unseen.changes(tx);
    const feeds = heads.changes(tx);
    for (const viewer of fresh) {
      counters.update(
        viewer,
        (u) => u && (u.upTo === null || at > u.upTo ? { ...u, count: oneMoreUnseen(u.count) } : u),
      );
      feeds.update(
        viewer,
        (head) => head && withNewest(head, entry, (e) => ({ at: e.at, id: e.itemId }), HEAD),
      );
    }
    reread(tx, early);
    notifyCounts(tx, [...fresh, ...early]);
  };
  /**
   * For changes that are not one more or one less: the counters are read again once the
   * change is committed (not counted inside the transaction, where a later event of the
   * same batch, looking only at what memory held, would miss a counter set there).
   */
  const recount = (tx: Tx<NewsTables>, memberIds: readonly string[]): void => {
    const changes = unseen.changes(tx);
    for (const memberId of memberIds) changes.forget(memberId);
    notifyCounts(tx, memberIds);
  };

  /**
   * An item leaves every feed. The held feeds and counters it was in are read again: one
   * fewer, unless it was part of a back-fill, which then reaches one item further back.
   */
  const removed = async (tx: Tx<NewsTables>, itemId: string, authorId: string): Promise<void> => {
    const author = await findMember(tx.db, authorId);
    const at = await removeItem(tx, itemId, authorId);
    if (at === null) return; // no such item
    items.changes(tx).set(itemId, undefined);
    heads.changes(tx).forgetWhere((head) => head.some((e) => e.itemId === itemId));
    if (!author) return;
    const { fresh, early } = await reach(tx, author, at);
    reread(tx, [...fresh, ...early]);
    notifyCounts(tx, [...fresh, ...early]);
  };

  ctx.on(RegistrationApproved, async (e, tx) => {
    const { memberId, application } = e.payload;
    const joined = await saveMember(tx, memberId, application, e.occurredAt);
    heads.changes(tx).forget(memberId);
    if (!joined) {
      // Approved again with other facts: who fits whom may have changed for every feed
      // that holds the member's items, and their own. Rare, so everything held is read again.
      heads.changes(tx).forgetWhere((head) => head.some((entry) => entry.authorId === memberId));
      unseen.changes(tx).forgetWhere(() => true);
      return;
    }
    const member = (await findMember(tx.db, memberId))!;
    await added(tx, { itemId: e.id, kind: 'new-member', author: member, text: null, at: e.occurredAt });
    recount(tx, [memberId]);
  });

  ctx.on(DiaryPosted, async (e, tx) => {
    const { postId, memberId, text } = e.payload;
    const author = await findMember(tx.db, memberId);
    if (!author) return; // only approved members write diaries; anything else has no readers
    await added(tx, { itemId: postId, kind: 'diary-post', author, text, at: e.occurredAt });
  });

  ctx.on(DiaryPostEdited, async (e, tx) => {
    const { postId, memberId, text } = e.payload;
    await editItem(tx, postId, memberId, text);
    items.changes(tx).update(postId, (i) => i && (i.authorId === memberId ? { ...i, text } : i));
  });

  ctx.on(DiaryPostDeleted, async (e, tx) => {
    await removed(tx, e.payload.postId, e.payload.memberId);
  });

  // A photo is news once a moderator approved it, when others can first see it; only the
  // public album is news (the private one is for whom the owner chooses), and a rejected
  // photo is never approved. The album of a photo never changes after the upload.
  ctx.on(PhotoApproved, async (e, tx) => {
    const { photoId, ownerId, album } = e.payload;
    if (album !== 'public') return;
    const author = await findMember(tx.db, ownerId);
    if (!author) return; // a member still in review: nobody may see their photos yet
    await added(tx, { itemId: photoId, kind: 'photo', author, text: null, at: e.occurredAt });
  });

  ctx.on(PhotoDeleted, async (e, tx) => {
    await removed(tx, e.payload.photoId, e.payload.ownerId);
  });

  ctx.on(NewsSeen, async (e, tx) => {
    await saveSeen(tx, e.payload.memberId, e.payload.upTo);
    recount(tx, [e.payload.memberId]);
  });

  honourBlocks(ctx, {
    // A suspended member's items leave every feed, and come back when it is lifted: every
    // feed and counter in memory is read again, and open pages hear their new counts.
    onSanction: (_memberId, tx) => {
      const held = [...new Set([...unseen.held(), ...heads.held()])];
      unseen.changes(tx).forgetWhere(() => true);
      heads.changes(tx).forgetWhere(() => true);
      notifyCounts(tx, held);
    },
    onBlocked: async (e, tx) => {
      const { blockerId, blockedId } = e.payload;
      const feeds = heads.changes(tx);
      feeds.forget(blockerId);
      feeds.forget(blockedId);
      // Each hears only their own count: nothing about the other crosses the live channel.
      recount(tx, [blockerId, blockedId]);
    },
    // What the block removed stays removed: each one's items up to now stay out of the other's feed.
    onUnblocked: async (e, tx) => {
      const { blockerId, blockedId } = e.payload;
      await hidePair(tx, blockerId, blockedId, e.occurredAt);
      const feeds = heads.changes(tx);
      feeds.forget(blockerId);
      feeds.forget(blockedId);
      recount(tx, [blockerId, blockedId]);
    },
  });

  // A (re-)approval sets the member's facts as the cards show them. A view's handler gets
  // the chassis' untyped transaction (core views.ts); it is this module's, so its tables.
  authors.on(RegistrationApproved, async (e, changes, tx) =>
    changes.set(e.payload.memberId, await findMember(tx.db as Transaction<NewsTables>, e.payload.memberId)),
  );
}
