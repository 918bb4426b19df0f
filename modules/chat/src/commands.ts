import {
  currentWork,
  groupCommit,
  Problem,
  problems,
  runWithWork,
  type ModuleContext,
  type NotificationHub,
  type Tx,
  type View,
  type WorkContext,
} from '@meetcute/core';
import type { Blocks } from '@meetcute/block/events';
import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import {
  ChatAudienceChosen,
  ConversationRead,
  MessageReported,
  MessageSent,
  type ChatAudience,
  type ReportReason,
} from './events.ts';
import { audienceOf, refusedBy } from './audience.ts';
import { groupOf, type ChatOwnership } from './groups.ts';
import { conversationIdOf, messageBody, TYPING } from './rules.ts';
import { hasBlocked } from '@meetcute/block';
import {
  hasReported,
  messageById,
  newestTo,
  sideOf,
  type ChatDb,
  type ChatTables,
  type Message,
} from './store.ts';
import { SendLimits } from './limits.ts';

/** The chat commands, shared by the JSON API and the pages. */
export interface Commands {
  /** Sends a message; resolves only once it is committed, or throws the Problem that says why not. */
  send(senderId: string, recipientId: string, body: string): Promise<Message>;
  /** Marks the conversation read up to the newest message to the reader; says where it stands after. */
  read(readerId: string, otherId: string): Promise<{ lastReadMessageId: string | null; unread: number }>;
  /** Tells the other member's open pages that the member is typing; nothing is kept. */
  typing(memberId: string, otherId: string): Promise<void>;
  /** Reports a message the member received. */
  report(reporterId: string, messageId: string, reason: ReportReason, note: string): Promise<void>;
  /** The other member, if the viewer may chat with them; else the Problem (404 hides their block). */
  partner(viewerId: string, otherId: string): Promise<PublicProfile>;
  /**
   * Why the viewer may not start a conversation with the other member (their choice of
   * who may), or null when they may: always null once the two have a conversation.
   */
  closedBy(viewerId: string, otherId: string): Promise<Exclude<ChatAudience, 'everyone'> | null>;
  /** Who may start a conversation with the member. */
  audience(memberId: string): Promise<ChatAudience>;
  /** The member chooses who may start a conversation with them; nothing is published if it is unchanged. */
  chooseAudience(memberId: string, audience: ChatAudience): Promise<ChatAudience>;
}

/** The stable problem type for a first message the recipient's choice keeps out. */
export const CHAT_CLOSED = 'chat-closed';

/** Says which choice of the recipient keeps the sender out, so a client can tell the member why. */
export function chatClosed(nickname: string, by: Exclude<ChatAudience, 'everyone'>): Problem {
  const detail =
    by === 'preferences'
      ? `${nickname} accepts new conversations only from members within the age and gender they look for.`
      : `${nickname} accepts new conversations only from members they flirted with or added to their favourites.`;
  return new Problem(403, CHAT_CLOSED, `${nickname} does not accept new conversations from you`, detail);
}

/** One send waiting for its group's commit; `outcome` is the stored message or why it was refused. */
interface Send {
  senderId: string;
  recipientId: string;
  recipientName: string;
  conversationId: string;
  body: string;
  work: WorkContext | undefined;
  outcome: Message | Problem | null;
}

function youBlocked(nickname: string): Problem {
  return problems.conflict(
    'blocked',
    'You blocked this member',
    `You blocked ${nickname}. Unblock to write.`,
  );
}

/** What travels to an open page when a message arrives. */
export const wireMessage = (m: Message) => ({
  messageId: m.messageId,
  conversationId: m.conversationId,
  seq: m.seq,
  senderId: m.senderId,
  recipientId: m.recipientId,
  body: m.body,
  sentAt: m.sentAt,
});

/** What the commands need from the rest of the app. */
export interface CommandDeps {
  profiles: ProfileDirectory;
  hub: NotificationHub;
  ownership: () => ChatOwnership;
  unread: View<number>;
  blocks: Blocks;
}

/** What the commands share: the module, the services it needs, and when each member last said "is typing". */
interface Chat extends CommandDeps {
  ctx: ModuleContext<ChatTables>;
  lastTyping: Map<string, number>;
}

export function commands(ctx: ModuleContext<ChatTables>, deps: CommandDeps): Commands {
  const chat: Chat = { ctx, ...deps, lastTyping: new Map() };
  return {
    partner: (viewerId, otherId) => partner(chat, viewerId, otherId),
    closedBy: (viewerId, otherId) => closedBy(ctx, viewerId, otherId),
    audience: (memberId) => audienceOf(ctx.db, memberId),
    chooseAudience: (memberId, audience) => chooseAudience(ctx, memberId, audience),
    send: sender(chat),
    read: (readerId, otherId) => read(chat, readerId, otherId),
    typing: (memberId, otherId) => typing(chat, memberId, otherId),
    report: (reporterId, messageId, reason, note) => report(ctx, reporterId, messageId, reason, note),
  };
}

/** Tells the member's open pages their unread count over all conversations. */
async function notifyUnread(chat: Chat, memberId: string): Promise<void> {
  await chat.hub.notify(memberId, {
    type: 'counter',
    data: { name: 'chats', count: (await chat.unread.get(memberId)) ?? 0 },
  });
}

async function partner(chat: Chat, viewerId: string, otherId: string): Promise<PublicProfile> {
  if (viewerId === otherId) {
    throw problems.invalid([{ field: 'memberId', message: 'You cannot write to yourself.' }]);
  }
  const other = await chat.profiles.get(otherId);
  // Their block is never revealed: to the one they blocked they simply are not there.
  if (!other || (await chat.blocks.has(otherId, viewerId)) || (await chat.blocks.suspended(otherId)))
    throw problems.notFound('This member');
  if (await chat.blocks.has(viewerId, otherId)) throw youBlocked(other.nickname);
  return other;
}

async function closedBy(ctx: ModuleContext<ChatTables>, viewerId: string, otherId: string) {
  // Existing conversations go on whatever either chooses later.
  if ((await sideOf(ctx.db, otherId, viewerId)) !== undefined) return null;
  return refusedBy(ctx.db, viewerId, otherId, ctx.clock.now());
}

async function chooseAudience(
  ctx: ModuleContext<ChatTables>,
  memberId: string,
  audience: ChatAudience,
): Promise<ChatAudience> {
  await ctx.transaction(async (tx) => {
    if ((await audienceOf(tx.db, memberId)) === audience) return;
    await tx.publish(ChatAudienceChosen, { memberId, audience }, { actorId: memberId });
  });
  return audience;
}

/** The send command, with what it keeps between sends: its counter, the senders' limits and the group commit. */
function sender(chat: Chat): Commands['send'] {
  const { ctx } = chat;
  const sent = ctx.metrics.counter('chat_messages', 'Chat messages sent');
  const limits = new SendLimits(ctx.config.chat.messagesPerMinute, ctx.config.chat.newContactsPerDay);

  /**
   * Sends that arrive together commit together: one transaction, each still answered
   * only once it is committed. The block checks are repeated inside, where a block that
   * just arrived wins over the send; a send it refuses takes its Problem back alone.
   */
  const commitSends = groupCommit<Send>((batch) =>
    // The chassis runs a module's write transactions one at a time (on PostgreSQL too), so
    // one conversation's messages commit in order and the log holds them in that order.
    ctx.transaction(async (tx) => {
      for (const send of batch) {
        const write = () => sendIn(ctx, tx, send);
        await (send.work ? runWithWork(send.work, write) : write());
      }
    }),
  );

  return async (senderId, recipientId, raw) => {
    const checked = messageBody(raw);
    if ('problem' in checked) throw problems.invalid([checked.problem]);
    const recipient = await partner(chat, senderId, recipientId);
    const closed = await closedBy(ctx, senderId, recipientId);
    if (closed) throw chatClosed(recipient.nickname, closed);
    const conversationId = conversationIdOf(senderId, recipientId);
    const ownership = chat.ownership();
    if (!ownership.owns(groupOf(conversationId, ownership.groups))) throw notOwner();
    const braked = await limits.check(senderId, ctx.clock.now().getTime(), async () => {
      // Asked only of a member who started many conversations today: is this one new?
      return (await sideOf(ctx.db, senderId, recipientId)) === undefined;
    });
    if (braked) throw braked;
    const send: Send = {
      senderId,
      recipientId,
      recipientName: recipient.nickname,
      conversationId,
      body: checked.body,
      work: currentWork(),
      outcome: null,
    };
    await commitSends(send);
    if (!send.outcome) throw new Error('a committed send has no outcome');
    if (send.outcome instanceof Problem) throw send.outcome;
    const message = send.outcome;
    sent.inc();
    limits.record(senderId, ctx.clock.now().getTime(), message.seq === 1);
    await announce(chat, message);
    return message;
  };
}

function notOwner(): Problem {
  return new Problem(
    503,
    'not-owner',
    'Try again in a moment',
    'This conversation is moving to another server. Send the message again.',
  );
}

async function sendIn(ctx: ModuleContext<ChatTables>, tx: Tx<ChatTables>, send: Send): Promise<void> {
  const { senderId, recipientId, conversationId } = send;
  if (await hasBlocked(tx.db, recipientId, senderId)) {
    send.outcome = problems.notFound('This member');
    return;
  }
  if (await hasBlocked(tx.db, senderId, recipientId)) {
    send.outcome = youBlocked(send.recipientName);
    return;
  }
  const event = await tx.publish(
    MessageSent,
    { messageId: ctx.ids.next(), conversationId, senderId, recipientId, body: send.body },
    { actorId: senderId },
  );
  const stored = await messageById(tx.db, event.payload.messageId);
  if (!stored) throw new Error(`message ${event.payload.messageId} was not projected`);
  send.outcome = stored;
}

/**
 * Committed: from here on the message exists whatever happens to this process. Pages
 * that miss the push (a crash right now) see it on their next load.
 */
async function announce(chat: Chat, message: Message): Promise<void> {
  const { senderId, recipientId } = message;
  const data = wireMessage(message);
  await chat.hub.notify(recipientId, { type: 'chat.message', data, about: senderId });
  await chat.hub.notify(senderId, { type: 'chat.message', data, about: recipientId });
  await notifyUnread(chat, recipientId);
  await notifyUnread(chat, senderId);
  chat.lastTyping.delete(`${senderId}>${recipientId}`);
}

async function read(
  chat: Chat,
  readerId: string,
  otherId: string,
): Promise<{ lastReadMessageId: string | null; unread: number }> {
  const { ctx } = chat;
  await partner(chat, readerId, otherId);
  const conversationId = conversationIdOf(readerId, otherId);
  const result = await ctx.transaction(async (tx) => {
    const side = await sideOf(tx.db, readerId, otherId);
    const newest = await newestTo(tx.db, readerId, conversationId);
    if (!side || !newest) return { advanced: null, lastReadSeq: side?.lastReadSeq ?? 0 };
    if (newest.seq <= side.lastReadSeq) return { advanced: null, lastReadSeq: side.lastReadSeq };
    await tx.publish(
      ConversationRead,
      { conversationId, readerId, lastReadMessageId: newest.messageId },
      { actorId: readerId },
    );
    return { advanced: newest, lastReadSeq: newest.seq };
  });
  const side = await sideOf(ctx.db, readerId, otherId);
  if (result.advanced) {
    const data = {
      conversationId,
      readerId,
      lastReadMessageId: result.advanced.messageId,
      seq: result.advanced.seq,
    };
    await chat.hub.notify(otherId, { type: 'chat.read', data, about: readerId });
    await chat.hub.notify(readerId, { type: 'chat.read', data, about: otherId });
    await notifyUnread(chat, readerId);
  }
  const last = side ? await messageIdAt(ctx.db, conversationId, side.lastReadSeq) : null;
  return { lastReadMessageId: last, unread: side?.unread ?? 0 };
}

/** The id of the message at `seq` in the conversation; null before the first. */
async function messageIdAt(db: ChatDb, conversationId: string, seq: number): Promise<string | null> {
  if (seq === 0) return null;
  const row = await db
    .selectFrom('chat_messages')
    .select('message_id')
    .where('conversation_id', '=', conversationId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.message_id ?? null;
}

async function typing(chat: Chat, memberId: string, otherId: string): Promise<void> {
  await partner(chat, memberId, otherId);
  // Pages already send this at most every few seconds; a misbehaving client gets no more.
  const key = `${memberId}>${otherId}`;
  const now = chat.ctx.clock.now().getTime();
  const last = chat.lastTyping.get(key);
  if (last !== undefined && now >= last && now - last < TYPING.everyMs / 2) return;
  chat.lastTyping.set(key, now);
  if (chat.lastTyping.size > 10_000) chat.lastTyping.clear();
  await chat.hub.notify(otherId, {
    type: 'chat.typing',
    data: { conversationId: conversationIdOf(memberId, otherId), memberId },
    about: memberId,
    transient: true,
  });
}

async function report(
  ctx: ModuleContext<ChatTables>,
  reporterId: string,
  messageId: string,
  reason: ReportReason,
  note: string,
): Promise<void> {
  const message = await messageById(ctx.db, messageId);
  if (!message || (message.recipientId !== reporterId && message.senderId !== reporterId)) {
    throw problems.notFound('This message');
  }
  if (message.recipientId !== reporterId) {
    throw problems.forbidden('You can report only messages you received.');
  }
  await ctx.transaction(async (tx) => {
    if (await hasReported(tx.db, messageId, reporterId)) {
      throw problems.conflict(
        'already-reported',
        'Already reported',
        'You already reported this message; the moderators have it.',
      );
    }
    await tx.publish(
      MessageReported,
      { messageId, reporterId, reason, note: note.trim() },
      { actorId: reporterId },
    );
  });
}
