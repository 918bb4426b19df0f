import { sql, type Kysely } from 'kysely';
import {
  afterCursor,
  integer,
  text,
  type EventEnvelope,
  type Migration,
  type ModuleContext,
  type PayloadOf,
  type TablesOf,
  type Tx,
  type TimeCursor,
  type View,
} from '@meetcute/core';
import {
  blockedPairsMigration,
  blockedPairsTables,
  honourBlocks,
  notBlockedWith,
  BLOCKED_PAIRS,
  type Blocks,
} from '@meetcute/block/events';
import { ConversationRead, MessageReported, MessageSent, type ReportReason } from './events.ts';
import { audienceMigration, audienceProjections, audienceTables } from './audience.ts';

export const tables = {
  /** A message, numbered by `seq` within its conversation. */
  chat_messages: {
    message_id: text(),
    conversation_id: text(),
    seq: integer(),
    sender_id: text(),
    recipient_id: text(),
    body: text(),
    sent_at: text(),
  },
  /** A member's side of the conversation with `other_id`: its newest message, their read mark, their unread count. */
  chat_participants: {
    member_id: text(),
    other_id: text(),
    conversation_id: text(),
    last_seq: integer(),
    last_message_at: text(),
    last_read_seq: integer(),
    unread: integer(),
  },
  /** A member's report of a message they received. */
  chat_reports: {
    message_id: text(),
    reporter_id: text(),
    reason: text<ReportReason>(),
    reported_at: text(),
  },
  /** The pseudonym of a member who deleted their account; their partners keep the conversation. */
  chat_departed: { member_id: text() },
  ...audienceTables,
  ...blockedPairsTables,
};
export type ChatTables = TablesOf<typeof tables>;
export type ChatDb = Kysely<ChatTables>;

export const migrations: Migration[] = [
  {
    name: '0001_chat',
    async up(db) {
      // `seq` orders a conversation: the send path holds the conversation's lock, so the
      // order of the log is the order of the sequence and a replay numbers alike.
      await sql`create table chat_messages (
        message_id text primary key,
        conversation_id text not null,
        seq integer not null,
        sender_id text not null,
        recipient_id text not null,
        body text not null,
        sent_at text not null
      )`.execute(db);
      await sql`create unique index chat_messages_order on chat_messages (conversation_id, seq)`.execute(db);
      // One row per member and conversation: the list, the unread count and the read mark.
      await sql`create table chat_participants (
        member_id text not null,
        other_id text not null,
        conversation_id text not null,
        last_seq integer not null,
        last_message_at text not null,
        last_read_seq integer not null,
        unread integer not null,
        primary key (member_id, other_id)
      )`.execute(db);
      await sql`create index chat_participants_list on chat_participants (member_id, last_message_at, conversation_id)`.execute(
        db,
      );
      await sql`create table chat_reports (
        message_id text not null,
        reporter_id text not null,
        reason text not null,
        reported_at text not null,
        primary key (message_id, reporter_id)
      )`.execute(db);
    },
  },
  blockedPairsMigration,
  audienceMigration,
  {
    name: '0004_departed',
    async up(db) {
      // The pseudonyms of members who deleted their account: their partners keep the conversation.
      await sql`create table chat_departed (member_id text primary key)`.execute(db);
    },
  },
];

export const projections = [
  'chat_messages',
  'chat_participants',
  'chat_reports',
  'chat_departed',
  BLOCKED_PAIRS,
  ...audienceProjections,
];

export interface Message {
  messageId: string;
  conversationId: string;
  seq: number;
  senderId: string;
  recipientId: string;
  body: string;
  sentAt: string;
}

interface MessageRow {
  message_id: string;
  conversation_id: string;
  seq: number | string;
  sender_id: string;
  recipient_id: string;
  body: string;
  sent_at: string;
}

const toMessage = (r: MessageRow): Message => ({
  messageId: r.message_id,
  conversationId: r.conversation_id,
  seq: Number(r.seq),
  senderId: r.sender_id,
  recipientId: r.recipient_id,
  body: r.body,
  sentAt: r.sent_at,
});

/** What a member's side of a conversation says: where it stands and what they have read. */
export interface Participant {
  conversationId: string;
  otherId: string;
  lastSeq: number;
  lastMessageAt: string;
  lastReadSeq: number;
  unread: number;
}

interface ParticipantRow {
  conversation_id: string;
  other_id: string;
  last_seq: number | string;
  last_message_at: string;
  last_read_seq: number | string;
  unread: number | string;
}

const toParticipant = (r: ParticipantRow): Participant => ({
  conversationId: r.conversation_id,
  otherId: r.other_id,
  lastSeq: Number(r.last_seq),
  lastMessageAt: r.last_message_at,
  lastReadSeq: Number(r.last_read_seq),
  unread: Number(r.unread),
});

async function upsertSide(
  db: ChatDb,
  memberId: string,
  otherId: string,
  conversationId: string,
  seq: number,
  at: string,
  unreadBy: number,
): Promise<void> {
  await db
    .insertInto('chat_participants')
    .values({
      member_id: memberId,
      other_id: otherId,
      conversation_id: conversationId,
      last_seq: seq,
      last_message_at: at,
      last_read_seq: 0,
      unread: unreadBy,
    })
    .onConflict((oc) =>
      oc.columns(['member_id', 'other_id']).doUpdateSet((eb) => ({
        last_seq: seq,
        last_message_at: at,
        unread: eb('chat_participants.unread', '+', unreadBy),
      })),
    )
    .execute();
}

/**
 * The sender's side after they wrote message `seq`: the newest message, read up to it,
 * nothing unread. Returns how many of theirs were unread before.
 */
async function answered(
  db: ChatDb,
  senderId: string,
  recipientId: string,
  conversationId: string,
  seq: number,
  at: string,
): Promise<number> {
  const side = await db
    .selectFrom('chat_participants')
    .select('unread')
    .where('member_id', '=', senderId)
    .where('other_id', '=', recipientId)
    .executeTakeFirst();
  await db
    .insertInto('chat_participants')
    .values({
      member_id: senderId,
      other_id: recipientId,
      conversation_id: conversationId,
      last_seq: seq,
      last_message_at: at,
      last_read_seq: seq,
      unread: 0,
    })
    .onConflict((oc) =>
      oc
        .columns(['member_id', 'other_id'])
        .doUpdateSet({ last_seq: seq, last_message_at: at, last_read_seq: seq, unread: 0 }),
    )
    .execute();
  return Number(side?.unread ?? 0);
}

/**
 * The chat tables are projections of the module's own events, applied in the sending
 * transaction. A block hides the pair's conversation (every read filters blocked pairs)
 * and removes nothing, so lifting it brings the conversation back as it was, and a
 * moderator reading a report still sees the messages around it. `onRecounted` runs, in
 * the same transaction, when a block, its lift, a suspension or its lift changed unread counts.
 */
export function project(
  ctx: ModuleContext<ChatTables>,
  unread: View<number>,
  onRecounted: (memberIds: string[], tx: Tx<ChatTables>) => void,
): Blocks {
  ctx.on(MessageSent, (e, tx) => projectMessage(e, tx, unread, blocks));
  ctx.on(ConversationRead, (e, tx) => projectRead(e, tx, unread));

  ctx.on(MessageReported, async (e, tx) => {
    await tx.db
      .insertInto('chat_reports')
      .values({
        message_id: e.payload.messageId,
        reporter_id: e.payload.reporterId,
        reason: e.payload.reason,
        reported_at: e.occurredAt,
      })
      .onConflict((oc) => oc.columns(['message_id', 'reporter_id']).doNothing())
      .execute();
  });

  // The pair's counters are worked out again: a hidden conversation's unread messages
  // count for neither, and come back with it.
  const recountPair = async (
    e: EventEnvelope<{ blockerId: string; blockedId: string }>,
    tx: Tx<ChatTables>,
  ) => {
    const pair = [e.payload.blockerId, e.payload.blockedId];
    const changes = unread.changes(tx);
    for (const memberId of pair) changes.set(memberId, await totalUnread(tx.db, memberId));
    onRecounted(pair, tx);
  };
  const blocks = honourBlocks(ctx, {
    onBlocked: recountPair,
    onUnblocked: recountPair,
    // A suspension hides the member's conversations and removes nothing, so the unread
    // counts of everyone who talked with them drop now and come back when it is lifted.
    onSanction: async (memberId, tx) => {
      const contacts = await tx.db
        .selectFrom('chat_participants')
        .select('member_id')
        .where('other_id', '=', memberId)
        .execute();
      const memberIds = contacts.map((c) => c.member_id);
      const changes = unread.changes(tx);
      for (const id of memberIds) changes.forget(id);
      onRecounted(memberIds, tx);
    },
  });
  return blocks;
}

/** A message sent: numbered next in its conversation, and both sides of it moved on. */
async function projectMessage(
  e: EventEnvelope<PayloadOf<typeof MessageSent>>,
  tx: Tx<ChatTables>,
  unread: View<number>,
  blocks: Blocks,
): Promise<void> {
  const { messageId, conversationId, senderId, recipientId, body } = e.payload;
  const known = await tx.db
    .selectFrom('chat_messages')
    .select('message_id')
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  if (known) return;
  const top = await tx.db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  const seq = Number(top?.seq ?? 0) + 1;
  await tx.db
    .insertInto('chat_messages')
    .values({
      message_id: messageId,
      conversation_id: conversationId,
      seq,
      sender_id: senderId,
      recipient_id: recipientId,
      body,
      sent_at: e.occurredAt,
    })
    .execute();
  // Writing is reading: what the sender answered they have seen, and nothing is newer than it.
  const read = await answered(tx.db, senderId, recipientId, conversationId, seq, e.occurredAt);
  await upsertSide(tx.db, recipientId, senderId, conversationId, seq, e.occurredAt, 1);
  // A message that raced a block is kept like the rest, hidden with them (on a replay too,
  // so `rebuild chat` ends where live delivery did); a hidden conversation counts for nobody.
  if (await blocks.between(senderId, recipientId, tx)) return;
  const changes = unread.changes(tx);
  changes.update(recipientId, (n) => (n ?? 0) + 1);
  if (read > 0) changes.update(senderId, (n) => (n ?? 0) - read);
}

/** A conversation read: the reader's mark moves up to the message, and their unread count falls. */
async function projectRead(
  e: EventEnvelope<PayloadOf<typeof ConversationRead>>,
  tx: Tx<ChatTables>,
  unread: View<number>,
): Promise<void> {
  const { conversationId, readerId, lastReadMessageId } = e.payload;
  const message = await tx.db
    .selectFrom('chat_messages')
    .select('seq')
    .where('message_id', '=', lastReadMessageId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  // Gone with its sender's account: nothing left to mark.
  if (!message) return;
  const read = await markRead(tx.db, readerId, conversationId, Number(message.seq));
  if (read > 0) unread.changes(tx).update(readerId, (n) => (n ?? 0) - read);
}

/**
 * Moves a member's read mark forward (never back) and counts what is left unread;
 * returns by how much their unread count in the conversation fell.
 */
async function markRead(db: ChatDb, memberId: string, conversationId: string, seq: number): Promise<number> {
  const side = await db
    .selectFrom('chat_participants')
    .select(['last_read_seq', 'unread'])
    .where('member_id', '=', memberId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  if (!side || Number(side.last_read_seq) >= seq) return 0;
  const left = await db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('conversation_id', '=', conversationId)
    .where('recipient_id', '=', memberId)
    .where('seq', '>', seq)
    .executeTakeFirst();
  await db
    .updateTable('chat_participants')
    .set({ last_read_seq: seq, unread: Number(left?.n ?? 0) })
    .where('member_id', '=', memberId)
    .where('conversation_id', '=', conversationId)
    .execute();
  return Number(side.unread) - Number(left?.n ?? 0);
}

export async function messageById(db: ChatDb, messageId: string): Promise<Message | undefined> {
  const row = await db
    .selectFrom('chat_messages')
    .selectAll()
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row && toMessage(row);
}

/**
 * The messages either side of one (up to `around` each way), oldest first, the message
 * itself among them: what moderators read a reported message in.
 */
export async function messagesAround(db: ChatDb, message: Message, around: number): Promise<Message[]> {
  const side = (before: boolean) =>
    db
      .selectFrom('chat_messages')
      .selectAll()
      .where('conversation_id', '=', message.conversationId)
      .where('seq', before ? '<' : '>', message.seq)
      .orderBy('seq', before ? 'desc' : 'asc')
      .limit(around)
      .execute();
  const [before, after] = await Promise.all([side(true), side(false)]);
  return [...before.reverse().map(toMessage), message, ...after.map(toMessage)];
}

/** A member's side of the conversation with another, if they have one. */
export async function sideOf(
  db: ChatDb,
  memberId: string,
  otherId: string,
): Promise<Participant | undefined> {
  const row = await db
    .selectFrom('chat_participants')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('other_id', '=', otherId)
    .executeTakeFirst();
  return row && toParticipant(row);
}

/** The newest message sent to the member in a conversation: how far reading it all goes. */
export async function newestTo(
  db: ChatDb,
  memberId: string,
  conversationId: string,
): Promise<Message | undefined> {
  const row = await db
    .selectFrom('chat_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('recipient_id', '=', memberId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toMessage(row);
}

/** A page of a conversation, oldest first: the newest `limit` before `beforeSeq` (or the newest at all). */
export async function messagesPage(
  db: ChatDb,
  conversationId: string,
  beforeSeq: number | undefined,
  limit: number,
): Promise<{ messages: Message[]; more: boolean }> {
  let query = db.selectFrom('chat_messages').selectAll().where('conversation_id', '=', conversationId);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  return { messages: rows.slice(0, limit).map(toMessage).reverse(), more: rows.length > limit };
}

/** A conversation in a member's list: their side of it and the last message. */
export interface ConversationEntry extends Participant {
  last: Message;
}

/** One page of a member's conversations, the latest message first; never one with a blocked pair. */
export async function conversationsPage(
  db: ChatDb,
  memberId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<ConversationEntry[]> {
  let query = db
    .selectFrom('chat_participants as p')
    .innerJoin('chat_messages as m', (join) =>
      join.onRef('m.conversation_id', '=', 'p.conversation_id').onRef('m.seq', '=', 'p.last_seq'),
    )
    .select([
      'p.conversation_id',
      'p.other_id',
      'p.last_seq',
      'p.last_message_at',
      'p.last_read_seq',
      'p.unread',
      'm.message_id',
      'm.seq',
      'm.sender_id',
      'm.recipient_id',
      'm.body',
      'm.sent_at',
    ])
    .where('p.member_id', '=', memberId)
    .where(notBlockedWith(memberId, 'p.other_id'));
  if (cursor) query = query.where(afterCursor(cursor, 'p.last_message_at', 'p.conversation_id'));
  const rows = await query
    .orderBy('p.last_message_at', 'desc')
    .orderBy('p.conversation_id', 'desc')
    .limit(limit + 1)
    .execute();
  return rows.map((r) => ({ ...toParticipant(r), last: toMessage(r) }));
}

/** Messages to the member that they have not read, over all conversations not hidden by a block. */
export async function totalUnread(db: ChatDb, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('chat_participants as p')
    .select((eb) => eb.fn.sum<number | string | null>('p.unread').as('n'))
    .where('p.member_id', '=', memberId)
    .where(notBlockedWith(memberId, 'p.other_id'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether the member already reported the message. */
export async function hasReported(db: ChatDb, messageId: string, reporterId: string): Promise<boolean> {
  const row = await db
    .selectFrom('chat_reports')
    .select('message_id')
    .where('message_id', '=', messageId)
    .where('reporter_id', '=', reporterId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of these ids are the pseudonyms of members who deleted their account. */
export async function departedAmong(db: ChatDb, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('chat_departed')
    .select('member_id')
    .where('member_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.member_id));
}
