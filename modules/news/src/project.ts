import { withNewest, type ModuleContext, type NotificationHub, type Tx } from '@meetcute/core';
import { honourBlocks, MemberUnblocked } from '@meetcute/block';
import { RegistrationApproved } from '@meetcute/registration/events';
import { DiaryPostDeleted, DiaryPostEdited, DiaryPosted } from '@meetcute/diary/events';
import { PhotoApproved, PhotoDeleted } from '@meetcute/photos/events';
import { NewsSeen } from './events.ts';
import {
  addItem,
  backfill,
  editItem,
  findMember,
  forgetPair,
  removeItem,
  saveMember,
  saveSeen,
  unseenOf,
  HEAD,
  type HeadEntry,
  type ItemKind,
  type Member,
} from './store.ts';
import type { NewsMemory } from './memory.ts';

export const COUNTER = 'news';

/**
 * The feed's projections. Everything here is a function of the events alone (ages are
 * taken at each event's time), so `rebuild news` gives the same feeds; the only side
 * effect is the live counter, which a replay merely repeats.
 */
export function project(ctx: ModuleContext, hub: NotificationHub, memory: NewsMemory): void {
  const { unseen, heads, items, authors } = memory;
  /**
   * Tells each member with an open page their new unseen count, once the change is
   * committed, so the nav moves without a reload. Members with no page open are skipped:
   * every page load reads the count afresh, and writing a mailbox row for each of an
   * item's readers was most of the projection's cost (README.md); it also keeps
   * `rebuild news` from replaying counters into the live channel.
   */
  const scheduled = new WeakMap<Tx, Set<string>>();
  const notifyCounts = (tx: Tx, memberIds: readonly string[]): void => {
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
   * A new item: kept once, placed at the head of each feed it reached, and one more
   * unseen for each of those viewers unless they had seen past its time.
   */
  const added = async (
    tx: Tx,
    item: { itemId: string; kind: ItemKind; author: Member; text: string | null; at: string },
  ): Promise<string[]> => {
    const viewers = await addItem(tx, ctx.dialect, item);
    if (viewers === null) return []; // delivered before
    const { itemId, kind, text, at } = item;
    const authorId = item.author.memberId;
    items.changes(tx).set(itemId, { itemId, kind, authorId, text, at });
    const entry: HeadEntry = { itemId, at, authorId };
    const counters = unseen.changes(tx);
    const feeds = heads.changes(tx);
    for (const viewer of viewers) {
      counters.update(
        viewer,
        (u) => u && (u.upTo === null || at > u.upTo ? { ...u, count: u.count + 1 } : u),
      );
      feeds.update(
        viewer,
        (head) => head && withNewest(head, entry, (e) => ({ at: e.at, id: e.itemId }), HEAD),
      );
    }
    notifyCounts(tx, viewers);
    return viewers;
  };
  /** Counted again in the transaction, for changes that are not one more or one less. */
  const recount = async (tx: Tx, memberIds: readonly string[]): Promise<void> => {
    const changes = unseen.changes(tx);
    for (const memberId of memberIds) changes.set(memberId, await unseenOf(tx.db, memberId));
    notifyCounts(tx, memberIds);
  };

  /** An item leaves every feed; those who had not seen it have one fewer unseen. */
  const removed = async (tx: Tx, itemId: string, authorId: string): Promise<void> => {
    const unseenBy = await removeItem(tx, itemId, authorId);
    if (unseenBy === null) return; // no such item
    items.changes(tx).set(itemId, undefined);
    heads.changes(tx).forgetWhere((head) => head.some((e) => e.itemId === itemId));
    const changes = unseen.changes(tx);
    for (const viewer of unseenBy) changes.update(viewer, (u) => u && { ...u, count: u.count - 1 });
    notifyCounts(tx, unseenBy);
  };

  ctx.on(RegistrationApproved, async (e, tx) => {
    const { memberId, application } = e.payload;
    if (!(await saveMember(tx, memberId, application, e.occurredAt))) return; // approved before
    const member = (await findMember(tx.db, memberId))!;
    // First what is already there, so the new member's own item is not part of it.
    await backfill(tx, ctx.dialect, member, e.occurredAt);
    heads.changes(tx).forget(memberId);
    await added(tx, { itemId: e.id, kind: 'new-member', author: member, text: null, at: e.occurredAt });
    await recount(tx, [memberId]);
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
    await recount(tx, [e.payload.memberId]);
  });

  honourBlocks(ctx, {
    onBlocked: async (e, tx) => {
      const { blockerId, blockedId } = e.payload;
      await forgetPair(tx, blockerId, blockedId);
      const feeds = heads.changes(tx);
      feeds.forget(blockerId);
      feeds.forget(blockedId);
      // Each hears only their own count: nothing about the other crosses the live channel.
      await recount(tx, [blockerId, blockedId]);
    },
  });
  // Blocks removed the pair's entries for good; the heads are read afresh all the same.
  heads.on(MemberUnblocked, (e, changes) => {
    changes.forget(e.payload.blockerId);
    changes.forget(e.payload.blockedId);
  });
  // A (re-)approval sets the member's facts as the cards show them.
  authors.on(RegistrationApproved, async (e, changes, tx) =>
    changes.set(e.payload.memberId, await findMember(tx.db, e.payload.memberId)),
  );
}
