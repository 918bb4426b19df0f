import type { ModuleContext, NotificationHub, Tx, View } from '@meetcute/core';
import { honourBlocks } from '@meetcute/block';
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
  type Unseen,
} from './store.ts';

export const COUNTER = 'news';

/**
 * The feed's projections. Everything here is a function of the events alone (ages are
 * taken at each event's time), so `rebuild news` gives the same feeds; the only side
 * effect is the live counter, which a replay merely repeats.
 */
export function project(ctx: ModuleContext, hub: NotificationHub, unseen: View<Unseen>): void {
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
  /** Each viewer an item reached has one more unseen, unless they had seen past its time. */
  const reachedBy = (tx: Tx, viewers: readonly string[], at: string): void => {
    const changes = unseen.changes(tx);
    for (const viewer of viewers) {
      changes.update(viewer, (u) => u && (u.upTo === null || at > u.upTo ? { ...u, count: u.count + 1 } : u));
    }
    notifyCounts(tx, viewers);
  };
  /** Counted again in the transaction, for changes that are not one more or one less. */
  const recount = async (tx: Tx, memberIds: readonly string[]): Promise<void> => {
    const changes = unseen.changes(tx);
    for (const memberId of memberIds) changes.set(memberId, await unseenOf(tx.db, memberId));
    notifyCounts(tx, memberIds);
  };

  /** A removed item was unseen by these viewers: one fewer each. */
  const droppedFor = (tx: Tx, viewers: readonly string[]): void => {
    const changes = unseen.changes(tx);
    for (const viewer of viewers) changes.update(viewer, (u) => u && { ...u, count: u.count - 1 });
    notifyCounts(tx, viewers);
  };

  ctx.on(RegistrationApproved, async (e, tx) => {
    const { memberId, application } = e.payload;
    if (!(await saveMember(tx, memberId, application, e.occurredAt))) return; // approved before
    const member = (await findMember(tx.db, memberId))!;
    // First what is already there, so the new member's own item is not part of it.
    await backfill(tx, member, e.occurredAt);
    const reached = await addItem(tx, {
      itemId: e.id,
      kind: 'new-member',
      author: member,
      text: null,
      at: e.occurredAt,
    });
    await recount(tx, [memberId]);
    reachedBy(tx, reached, e.occurredAt);
  });

  ctx.on(DiaryPosted, async (e, tx) => {
    const { postId, memberId, text } = e.payload;
    const author = await findMember(tx.db, memberId);
    if (!author) return; // only approved members write diaries; anything else has no readers
    const reached = await addItem(tx, { itemId: postId, kind: 'diary-post', author, text, at: e.occurredAt });
    reachedBy(tx, reached, e.occurredAt);
  });

  ctx.on(DiaryPostEdited, async (e, tx) => {
    await editItem(tx, e.payload.postId, e.payload.memberId, e.payload.text);
  });

  ctx.on(DiaryPostDeleted, async (e, tx) => {
    droppedFor(tx, await removeItem(tx, e.payload.postId, e.payload.memberId));
  });

  // A photo is news once a moderator approved it, when others can first see it; only the
  // public album is news (the private one is for whom the owner chooses), and a rejected
  // photo is never approved. The album of a photo never changes after the upload.
  ctx.on(PhotoApproved, async (e, tx) => {
    const { photoId, ownerId, album } = e.payload;
    if (album !== 'public') return;
    const author = await findMember(tx.db, ownerId);
    if (!author) return; // a member still in review: nobody may see their photos yet
    const reached = await addItem(tx, {
      itemId: photoId,
      kind: 'photo',
      author,
      text: null,
      at: e.occurredAt,
    });
    reachedBy(tx, reached, e.occurredAt);
  });

  ctx.on(PhotoDeleted, async (e, tx) => {
    droppedFor(tx, await removeItem(tx, e.payload.photoId, e.payload.ownerId));
  });

  ctx.on(NewsSeen, async (e, tx) => {
    await saveSeen(tx, e.payload.memberId, e.payload.upTo);
    await recount(tx, [e.payload.memberId]);
  });

  honourBlocks(ctx, {
    onBlocked: async (e, tx) => {
      const { blockerId, blockedId } = e.payload;
      await forgetPair(tx, blockerId, blockedId);
      // Each hears only their own count: nothing about the other crosses the live channel.
      await recount(tx, [blockerId, blockedId]);
    },
  });
}
