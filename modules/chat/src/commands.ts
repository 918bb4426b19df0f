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
  MAX_MESSAGE_LENGTH,
  type ChatAudience,
  type ReportReason,
} from './events.ts';
import { audienceOf, refusedBy, refusedByEach, type Narrowed } from './audience.ts';
import { notOwner, type ChatGroups, type ForwardedSend } from './ownership.ts';
import {
  characters,
  conversationIdOf,
  decideSend,
  keptBody,
  partnerRefusal,
  TYPING,
  type PartnerRefusal,
  type PartnerState,
  type SendRefusal,
  type SendState,
} from './rules.ts';
import { hasBlocked, pairRefused } from '@meetcute/block';
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
  /** closedBy for the members of a page of cards at once: those who keep the viewer out, with why. */
  closedByEach(
    viewerId: string,
    otherIds: readonly string[],
  ): Promise<Map<string, Exclude<ChatAudience, 'everyone'>>>;
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
  state: SendState;
  work: WorkContext | undefined;
  outcome: Message | SendRefusal | null;
}

/** Why the member may not write to (nor read, nor type to) the other, as the API and pages answer it. */
function partnerRefused(reason: PartnerRefusal, nickname: string): Problem {
  return pairRefused(reason, {
    self: 'You cannot write to yourself.',
    blocked: `You blocked ${nickname}. Unblock to write.`,
  });
}

/** A refused message as the API and pages answer it. */
function refused(reason: SendRefusal, state: SendState): Problem {
  const nickname = state.recipient ?? '';
  switch (reason) {
    case 'empty':
      return problems.invalid([{ field: 'body', message: 'Write something first.' }]);
    case 'too-long': {
      const n = characters(keptBody(state.text));
      const message = `A message holds at most ${MAX_MESSAGE_LENGTH} characters; this one has ${n}.`;
      return problems.invalid([{ field: 'body', message }]);
    }
    case 'self':
    case 'not-found':
    case 'blocked':
      return partnerRefused(reason, nickname);
    case 'outside-preferences':
      return chatClosed(nickname, 'preferences');
    case 'not-a-contact':
      return chatClosed(nickname, 'contacts');
    case 'too-fast':
      return problems.tooMany('You are sending messages very fast. Wait a minute, then go on.');
    case 'too-many-new':
      return problems.tooMany(
        `You started ${state.brakes.newContactsPerDay} conversations today. Write to those you know, or start new ones tomorrow.`,
      );
  }
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
  groups: ChatGroups;
  unread: View<number>;
  blocks: Blocks;
  /** Members' narrowed choices of who may write to them, in memory (audience.ts). */
  choices: View<Narrowed>;
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
    closedBy: async (viewerId, otherId) =>
      (await closedByEach(ctx, viewerId, [otherId], deps.choices)).get(otherId) ?? null,
    closedByEach: (viewerId, otherIds) => closedByEach(ctx, viewerId, otherIds, deps.choices),
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

/** The other member's profile, and what partnerRefusal needs to know of them, as the viewer sees them. */
async function partnerFacts(
  chat: Chat,
  viewerId: string,
  otherId: string,
): Promise<{ other: PublicProfile | undefined; state: PartnerState }> {
  const other = await chat.profiles.get(otherId);
  const state: PartnerState = {
    senderId: viewerId,
    recipientId: otherId,
    recipient: other?.nickname,
    hiddenFromSender: (await chat.blocks.has(otherId, viewerId)) || (await chat.blocks.suspended(otherId)),
    senderBlocked: await chat.blocks.has(viewerId, otherId),
  };
  return { other, state };
}

async function partner(chat: Chat, viewerId: string, otherId: string): Promise<PublicProfile> {
  const { other, state } = await partnerFacts(chat, viewerId, otherId);
  const refusal = partnerRefusal(state);
  // The rule refuses a member without a profile as not there, so past it `other` is known.
  if (refusal || !other) throw partnerRefused(refusal ?? 'not-found', state.recipient ?? '');
  return other;
}

/**
 * Whether a message from the sender would start the pair's conversation, and then whether
 * the recipient's choice keeps them out. The choice is read only for a new conversation,
 * the only one decideSend asks it of (an ongoing one goes on whatever either chooses later).
 */
async function opening(
  ctx: ModuleContext<ChatTables>,
  senderId: string,
  recipientId: string,
): Promise<Pick<SendState, 'startsConversation' | 'keptOutBy'>> {
  // Both sides are written with every message, so the recipient's stands for the pair.
  const startsConversation = (await sideOf(ctx.db, recipientId, senderId)) === undefined;
  const keptOutBy = startsConversation
    ? await refusedBy(ctx.db, senderId, recipientId, ctx.clock.now())
    : null;
  return { startsConversation, keptOutBy };
}

/**
 * opening's keptOutBy for many members: a pair already in conversation is never kept out.
 * The choices are looked at first: most members let everyone write, so a page of cards
 * mostly asks nothing about conversations.
 */
async function closedByEach(
  ctx: ModuleContext<ChatTables>,
  viewerId: string,
  otherIds: readonly string[],
  choices: View<Narrowed>,
): Promise<Map<string, Exclude<ChatAudience, 'everyone'>>> {
  const keptOut = await refusedByEach(ctx.db, viewerId, otherIds, ctx.clock.now(), (ids) =>
    choices.getMany(ids),
  );
  if (keptOut.size === 0) return keptOut;
  const talking = await ctx.db
    .selectFrom('chat_participants')
    .select('member_id')
    .where('member_id', 'in', [...keptOut.keys()])
    .where('other_id', '=', viewerId)
    .execute();
  for (const row of talking) keptOut.delete(row.member_id);
  return keptOut;
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
  const limits = new SendLimits(ctx.config.chat);

  /**
   * Sends that arrive together commit together: one transaction, each still answered
   * only once it is committed. Each is decided again inside, on the blocks that
   * transaction sees, so a block that just arrived wins over the send; a send it refuses
   * takes its refusal back alone.
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

  const sendHere = async ({ senderId, recipientId, text }: ForwardedSend): Promise<Message> => {
    const state = await sendState(chat, limits, senderId, recipientId, text);
    // Decided before waiting for the group, so a refused send never waits for a commit.
    const decision = decideSend(state);
    if (decision.refused) throw refused(decision.refused, state);
    // Which node writes a conversation is no rule of the product but where it runs, so it
    // is asked once the member's message is known to be one the rules let through.
    if (!chat.groups.owns(decision.message.conversationId)) throw notOwner();
    const send: Send = { state, work: currentWork(), outcome: null };
    await commitSends(send);
    if (!send.outcome) throw new Error('a committed send has no outcome');
    if (typeof send.outcome === 'string') throw refused(send.outcome, state);
    const message = send.outcome;
    sent.inc();
    limits.record(senderId, ctx.clock.now().getTime(), message.seq === 1);
    await announce(chat, message);
    return message;
  };
  chat.groups.answer(sendHere);
  // The node that holds the conversation's group sends it (ownership.ts); it pushes it live.
  return async (senderId, recipientId, text) => {
    const send = { senderId, recipientId, text };
    const conversationId = conversationIdOf(senderId, recipientId);
    return chat.groups.owns(conversationId) ? sendHere(send) : chat.groups.forward(conversationId, send);
  };
}

/** What decideSend needs, read before the send waits for its group. */
async function sendState(
  chat: Chat,
  limits: SendLimits,
  senderId: string,
  recipientId: string,
  text: string,
): Promise<SendState> {
  const { ctx } = chat;
  const { state: partner } = await partnerFacts(chat, senderId, recipientId);
  return {
    ...partner,
    text,
    ...(await opening(ctx, senderId, recipientId)),
    pace: limits.pace(senderId, ctx.clock.now().getTime()),
    brakes: limits.brakes,
  };
}

/** Decides the send again on the blocks this transaction sees, then stores it or says why not. */
async function sendIn(ctx: ModuleContext<ChatTables>, tx: Tx<ChatTables>, send: Send): Promise<void> {
  const { senderId, recipientId } = send.state;
  const decision = decideSend({
    ...send.state,
    // A suspension read before still holds; a block only adds to it.
    hiddenFromSender: send.state.hiddenFromSender || (await hasBlocked(tx.db, recipientId, senderId)),
    senderBlocked: await hasBlocked(tx.db, senderId, recipientId),
  });
  if (decision.refused) {
    send.outcome = decision.refused;
    return;
  }
  const event = await tx.publish(
    MessageSent,
    { messageId: ctx.ids.next(), ...decision.message },
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
  // The sender's name, for the notice the recipient gets on whatever page she is on (site.js
  // knows the recipient's copy by it).
  const senderNickname = (await chat.profiles.get(senderId))?.nickname ?? null;
  await chat.hub.notify(recipientId, {
    type: 'chat.message',
    data: { ...data, senderNickname },
    about: senderId,
  });
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
