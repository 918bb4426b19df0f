import { Type } from 'typebox';
import { defineEvent } from '@meetcute/core';

/** The most a message may hold, in characters (code points) as a person counts them. */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * One conversation per pair, whoever wrote first: the two member ids in order. Part of
 * the events' contract, since `conversationId` in them is made this way (an importer
 * makes the same ids).
 */
export function conversationIdOf(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export const MessageSent = defineEvent({
  type: 'MessageSent',
  module: 'chat',
  description:
    'A member wrote to another in their conversation (one per pair). Acknowledged to the sender only once committed.',
  schema: Type.Object({
    messageId: Type.String(),
    conversationId: Type.String(),
    senderId: Type.String(),
    recipientId: Type.String(),
    body: Type.String({ minLength: 1, description: `At most ${MAX_MESSAGE_LENGTH} characters` }),
  }),
});

export const ConversationRead = defineEvent({
  type: 'ConversationRead',
  module: 'chat',
  description:
    'A member read their conversation up to a message: their unread count drops and the writer sees "Read".',
  schema: Type.Object({
    conversationId: Type.String(),
    readerId: Type.String(),
    lastReadMessageId: Type.String(),
  }),
});

/** Why a member reports a message; a moderation module decides what follows. */
export const REPORT_REASONS = ['spam', 'harassment', 'scam', 'inappropriate', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const ReportReasonSchema = Type.Enum(REPORT_REASONS);

export const MessageReported = defineEvent({
  type: 'MessageReported',
  module: 'chat',
  description:
    'The recipient of a message reported it to the moderators, with a reason and optionally a few words.',
  schema: Type.Object({
    messageId: Type.String(),
    reporterId: Type.String(),
    reason: ReportReasonSchema,
    note: Type.String({ maxLength: 500 }),
  }),
});

/**
 * Who may start a conversation with a member: everyone; only members within the age and
 * gender the member looks for; or only members the member flirted with or favourited.
 * A conversation that already exists goes on whatever the choice.
 */
export const CHAT_AUDIENCES = ['everyone', 'preferences', 'contacts'] as const;
export type ChatAudience = (typeof CHAT_AUDIENCES)[number];
export const ChatAudienceSchema = Type.Enum(CHAT_AUDIENCES);

export const ChatAudienceChosen = defineEvent({
  type: 'ChatAudienceChosen',
  module: 'chat',
  description:
    'A member chose who may start a conversation with them: everyone, members within their age and gender preferences, or members they flirted with or favourited. Conversations already begun go on.',
  schema: Type.Object({ memberId: Type.String(), audience: ChatAudienceSchema }),
});

export const events = [MessageSent, ConversationRead, MessageReported, ChatAudienceChosen];
