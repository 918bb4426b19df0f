import type { Transaction } from 'kysely';
import { withNewest, type ModuleContext, type NotificationHub, type Tx } from '@meetcute/core';
import type { Flags } from '@meetcute/flags';
import { unseenCounter } from './views.ts';
import { honourBlocks } from '@meetcute/block';
import {
  CityChanged,
  LookingForChanged,
  NicknameApproved,
  RegistrationApproved,
} from '@meetcute/registration/events';

/** What changes a member's facts after approval: who fits whom, or how their cards read. */
export const changeEvents = [CityChanged, LookingForChanged, NicknameApproved];
import { DiaryPostDeleted, DiaryPostEdited, DiaryPosted } from '@meetcute/diary/events';
import { PhotoApproved, PhotoDeleted } from '@meetcute/photos/events';
import { NewsSeen } from './events.ts';
import {
  addItem,
  changeMember,
  editItem,
  findMember,
  hidePair,
  oneMoreUnseen,
  reachOf,
  removeItem,
  saveMember,
  saveSeen,
  unseenInHead,
  HEAD,
  type HeadEntry,
  type ItemKind,
  type Member,
  type NewsTables,
  type Reach,
} from './store.ts';
import type { NewsMemory } from './memory.ts';

export const COUNTER = 'news';

/** What the projections share: the feeds and counters in memory, the live channel, and the pushes each transaction owes. */
interface Feeds extends NewsMemory {
  hub: NotificationHub;
  /** A member's count as their nav shows it (photo items only where their flag is on). */
  counted: (memberId: string) => Promise<number>;
  /** The members to tell their new count once each transaction commits. */
  scheduled: WeakMap<Tx<NewsTables>, Set<string>>;
}

/** A new item, as the projections hand it on. */
interface NewItem {
  itemId: string;
  kind: ItemKind;
  author: Member;
  text: string | null;
  at: string;
}

/**
 * The feed's projections. Everything here is a function of the events alone (ages are
 * taken at each event's time), so `rebuild news` gives the same feeds; the only side
 * effect is the live counter, which a replay merely repeats. The tables hold members,
 * items and what blocks keep out; feeds are worked out when read (store.ts `feedOf`),
 * and only the feeds and counters held in memory are moved here, item by item.
 */
export function project(
  ctx: ModuleContext<NewsTables>,
  hub: NotificationHub,
  memory: NewsMemory,
  flags: Flags,
): void {
  const feeds: Feeds = { ...memory, hub, counted: unseenCounter(memory, flags), scheduled: new WeakMap() };
  projectApprovals(ctx, feeds);
  projectChanges(ctx, feeds);
  projectDiaries(ctx, feeds);
  projectPhotos(ctx, feeds);
  ctx.on(NewsSeen, async (e, tx) => {
    await saveSeen(tx, e.payload.memberId, e.payload.upTo);
    seen(feeds, tx, e.payload.memberId, e.payload.upTo);
  });
  projectBlocks(ctx, feeds);

  // A (re-)approval sets the member's facts as the cards show them. A view's handler gets
  // the chassis' untyped transaction (core views.ts); it is this module's, so its tables.
  for (const definition of [RegistrationApproved, ...changeEvents])
    feeds.authors.on(definition, async (e, changes, tx) =>
      changes.set(e.payload.memberId, await findMember(tx.db as Transaction<NewsTables>, e.payload.memberId)),
    );
}

/**
 * A member moved, looks for someone else, or has a new nickname. Feeds are worked out when
 * read, so the tables change by one row; what memory holds of the feeds that may show them,
 * their own and every count is read again, as after a re-approval.
 */
function projectChanges(ctx: ModuleContext<NewsTables>, feeds: Feeds): void {
  const changed = async (tx: Tx<NewsTables>, memberId: string, facts: Parameters<typeof changeMember>[2]) => {
    if (!(await changeMember(tx, memberId, facts))) return;
    const heads = feeds.heads.changes(tx);
    heads.forget(memberId);
    heads.forgetWhere((head) => head.some((entry) => entry.authorId === memberId));
    feeds.unseen.changes(tx).forgetWhere(() => true);
  };
  ctx.on(CityChanged, async ({ payload: { memberId, city } }, tx) =>
    changed(tx, memberId, {
      city_label: city.label,
      latitude: city.latitude,
      longitude: city.longitude,
      time_zone: city.timeZone,
    }),
  );
  ctx.on(LookingForChanged, async ({ payload: { memberId, lookingFor: l } }, tx) =>
    changed(tx, memberId, {
      genders: JSON.stringify(l.genders),
      min_age: l.minAge,
      max_age: l.maxAge,
      max_distance_km: l.maxDistanceKm,
    }),
  );
  ctx.on(NicknameApproved, async ({ payload: { memberId, nickname } }, tx) =>
    changed(tx, memberId, { nickname }),
  );
}

/**
 * Tells each member with an open page their new unseen count, once the change is
 * committed, so the nav moves without a reload. Members with no page open are skipped:
 * every page load reads the count afresh, and writing a mailbox row for each of an
 * item's readers was most of the projection's cost (README.md); it also keeps
 * `rebuild news` from replaying counters into the live channel.
 */
function notifyCounts(feeds: Feeds, tx: Tx<NewsTables>, memberIds: readonly string[]): void {
  const { hub, counted, scheduled } = feeds;
  // One push per member and transaction, with the count as it stands once committed.
  let members = scheduled.get(tx);
  if (!members) {
    const pushTo = new Set<string>();
    members = pushTo;
    scheduled.set(tx, pushTo);
    tx.afterCommit(async () => {
      for (const memberId of pushTo) {
        const count = await counted(memberId);
        await hub.notify(memberId, { type: 'counter', data: { name: COUNTER, count } });
      }
    });
  }
  for (const id of memberIds) if (hub.isConnected(id)) members.add(id);
}

/**
 * Which of the members whose counter or feed head is in memory an item reaches. Only
 * those are looked at, so the transaction says its changes may touch keys it does not
 * name: a counter or head loaded meanwhile is not kept (core views.ts).
 */
async function reach(feeds: Feeds, tx: Tx<NewsTables>, author: Member, at: string): Promise<Reach> {
  const { unseen, heads, authors } = feeds;
  unseen.changes(tx).unnamedKeys();
  heads.changes(tx).unnamedKeys();
  const held = new Set([...unseen.held(), ...heads.held()]);
  return reachOf(tx.db, author, at, await authors.getMany(held));
}

/** Counters and heads of these members are read again from the tables when next asked. */
function reread(feeds: Feeds, tx: Tx<NewsTables>, memberIds: readonly string[]): void {
  const counters = feeds.unseen.changes(tx);
  const heads = feeds.heads.changes(tx);
  for (const id of memberIds) {
    counters.forget(id);
    heads.forget(id);
  }
}

/**
 * A new item: kept once; placed at the head of each held feed it reaches and one more
 * unseen for each of those viewers unless they had seen past its time.
 */
async function added(feeds: Feeds, tx: Tx<NewsTables>, item: NewItem): Promise<void> {
  if (!(await addItem(tx, item))) return; // delivered before
  const { itemId, kind, text, at } = item;
  const authorId = item.author.memberId;
  feeds.items.changes(tx).set(itemId, { itemId, kind, authorId, text, at });
  const { fresh, early } = await reach(feeds, tx, item.author, at);
  const entry: HeadEntry = { itemId, kind, at, authorId };
  const counters = feeds.unseen.changes(tx);
  const heads = feeds.heads.changes(tx);
  for (const viewer of fresh) {
    counters.update(
      viewer,
      (u) =>
        u &&
        (u.upTo === null || at > u.upTo
          ? {
              ...u,
              count: oneMoreUnseen(u.count),
              withoutPhotos: kind === 'photo' ? u.withoutPhotos : oneMoreUnseen(u.withoutPhotos),
            }
          : u),
    );
    heads.update(
      viewer,
      (head) => head && withNewest(head, entry, (e) => ({ at: e.at, id: e.itemId }), HEAD),
    );
  }
  reread(feeds, tx, early);
  notifyCounts(feeds, tx, [...fresh, ...early]);
}

/**
 * A member saw their news up to a time. Their counter is worked out from their feed's head
 * in memory when that is exact: the committed head, with nothing staged for it, that
 * reaches back past `upTo` (or is the whole feed). Most page loads mark the newest item
 * seen, so this saves reading the feed again on the next page. Otherwise it is read again.
 */
function seen(feeds: Feeds, tx: Tx<NewsTables>, memberId: string, upTo: string): void {
  const counter = feeds.unseen.known(memberId)?.value;
  // "Seen" never moves back (saveSeen): a marker at or past this one leaves the counter as it is.
  if (counter?.upTo != null && counter.upTo >= upTo) return;
  const head = feeds.heads.known(memberId)?.value;
  const counted = counter && head ? unseenInHead(head, upTo) : undefined;
  if (counted === undefined) return recount(feeds, tx, [memberId]);
  feeds.unseen.changes(tx).set(memberId, { upTo, ...counted });
  notifyCounts(feeds, tx, [memberId]);
}

/**
 * For changes that are not one more or one less: the counters are read again once the
 * change is committed (not counted inside the transaction, where a later event of the
 * same batch, looking only at what memory held, would miss a counter set there).
 */
function recount(feeds: Feeds, tx: Tx<NewsTables>, memberIds: readonly string[]): void {
  const changes = feeds.unseen.changes(tx);
  for (const memberId of memberIds) changes.forget(memberId);
  notifyCounts(feeds, tx, memberIds);
}

/**
 * An item leaves every feed. The held feeds and counters it was in are read again: one
 * fewer, unless it was part of a back-fill, which then reaches one item further back.
 */
async function removed(feeds: Feeds, tx: Tx<NewsTables>, itemId: string, authorId: string): Promise<void> {
  const author = await findMember(tx.db, authorId);
  const at = await removeItem(tx, itemId, authorId);
  if (at === null) return; // no such item
  feeds.items.changes(tx).set(itemId, undefined);
  feeds.heads.changes(tx).forgetWhere((head) => head.some((e) => e.itemId === itemId));
  if (!author) return;
  const { fresh, early } = await reach(feeds, tx, author, at);
  reread(feeds, tx, [...fresh, ...early]);
  notifyCounts(feeds, tx, [...fresh, ...early]);
}

/** A member approved: their new-member item, or, approved again, every held feed read afresh. */
function projectApprovals(ctx: ModuleContext<NewsTables>, feeds: Feeds): void {
  ctx.on(RegistrationApproved, async (e, tx) => {
    const { memberId, application } = e.payload;
    const joined = await saveMember(tx, memberId, application, e.occurredAt);
    feeds.heads.changes(tx).forget(memberId);
    if (!joined) {
      // Approved again with other facts: who fits whom may have changed for every feed
      // that holds the member's items, and their own. Rare, so everything held is read again.
      feeds.heads.changes(tx).forgetWhere((head) => head.some((entry) => entry.authorId === memberId));
      feeds.unseen.changes(tx).forgetWhere(() => true);
      return;
    }
    const member = (await findMember(tx.db, memberId))!;
    await added(feeds, tx, {
      itemId: e.id,
      kind: 'new-member',
      author: member,
      text: null,
      at: e.occurredAt,
    });
    recount(feeds, tx, [memberId]);
  });
}

/** Diary posts come into the feeds, change there as they are edited, and leave when deleted. */
function projectDiaries(ctx: ModuleContext<NewsTables>, feeds: Feeds): void {
  ctx.on(DiaryPosted, async (e, tx) => {
    const { postId, memberId, text } = e.payload;
    const author = await findMember(tx.db, memberId);
    if (!author) return; // only approved members write diaries; anything else has no readers
    await added(feeds, tx, { itemId: postId, kind: 'diary-post', author, text, at: e.occurredAt });
  });

  ctx.on(DiaryPostEdited, async (e, tx) => {
    const { postId, memberId, text } = e.payload;
    await editItem(tx, postId, memberId, text);
    feeds.items.changes(tx).update(postId, (i) => i && (i.authorId === memberId ? { ...i, text } : i));
  });

  ctx.on(DiaryPostDeleted, async (e, tx) => {
    await removed(feeds, tx, e.payload.postId, e.payload.memberId);
  });
}

// A photo is news once a moderator approved it, when others can first see it; only the
// public album is news (the private one is for whom the owner chooses), and a rejected
// photo is never approved. The album of a photo never changes after the upload.
function projectPhotos(ctx: ModuleContext<NewsTables>, feeds: Feeds): void {
  ctx.on(PhotoApproved, async (e, tx) => {
    const { photoId, ownerId, album } = e.payload;
    if (album !== 'public') return;
    const author = await findMember(tx.db, ownerId);
    if (!author) return; // a member still in review: nobody may see their photos yet
    await added(feeds, tx, { itemId: photoId, kind: 'photo', author, text: null, at: e.occurredAt });
  });

  ctx.on(PhotoDeleted, async (e, tx) => {
    await removed(feeds, tx, e.payload.photoId, e.payload.ownerId);
  });
}

/** Sanctions and blocks: what they keep out of a feed, and the counts they change. */
function projectBlocks(ctx: ModuleContext<NewsTables>, feeds: Feeds): void {
  honourBlocks(ctx, {
    // A suspended member's items leave every feed, and come back when it is lifted: every
    // feed and counter in memory is read again, and open pages hear their new counts.
    onSanction: (_memberId, tx) => {
      const held = [...new Set([...feeds.unseen.held(), ...feeds.heads.held()])];
      feeds.unseen.changes(tx).forgetWhere(() => true);
      feeds.heads.changes(tx).forgetWhere(() => true);
      notifyCounts(feeds, tx, held);
    },
    onBlocked: async (e, tx) => {
      const { blockerId, blockedId } = e.payload;
      const heads = feeds.heads.changes(tx);
      heads.forget(blockerId);
      heads.forget(blockedId);
      // Each hears only their own count: nothing about the other crosses the live channel.
      recount(feeds, tx, [blockerId, blockedId]);
    },
    // What the block removed stays removed: each one's items up to now stay out of the other's feed.
    onUnblocked: async (e, tx) => {
      const { blockerId, blockedId } = e.payload;
      await hidePair(tx, blockerId, blockedId, e.occurredAt);
      const heads = feeds.heads.changes(tx);
      heads.forget(blockerId);
      heads.forget(blockedId);
      recount(feeds, tx, [blockerId, blockedId]);
    },
  });
}
