import { decodeCursor, encodeCursor } from '@meetcute/core';
import type { Presence } from '@meetcute/online';
import type { ProfileDirectory } from '@meetcute/profile';
import { conversationIdOf, CONVERSATIONS_PER_PAGE, MESSAGES_PER_PAGE } from './rules.ts';
import type { Reportable } from '@meetcute/reports/events';
import {
  conversationsPage,
  departedAmong,
  messageById,
  messagesAround,
  messagesPage,
  sideOf,
  type ChatDb,
  type Message,
} from './store.ts';

/**
 * The other member of a conversation, as chat shows them. `departed`: they deleted their
 * account; the conversation stays with its messages, under the pseudonym, and takes no more.
 */
export interface ChatPartner {
  memberId: string;
  nickname: string;
  departed?: boolean;
}

/** How chat names a member who deleted their account, where no language applies (the API). */
export const DEPARTED_NICKNAME = 'Deleted member';

/** A conversation in the list, with the other member as the list shows them. */
export interface ConversationItem {
  conversationId: string;
  member: ChatPartner;
  online: boolean;
  last: Message;
  unread: number;
}

export interface ConversationList {
  items: ConversationItem[];
  nextCursor: string | null;
}

/** One page of a conversation as its viewer sees it. */
export interface ConversationView {
  conversationId: string;
  member: ChatPartner;
  online: boolean;
  /** Oldest first. */
  messages: Message[];
  /** Pass as `before` for the page of older messages; null when this page starts the conversation. */
  olderBefore: number | null;
  /** The newest of the viewer's messages the other member has read, if any. */
  readUpTo: string | null;
  /** Up to which `seq` the other member has read. */
  readSeq: number;
  unread: number;
}

export interface Views {
  conversations(viewerId: string, cursor: string | undefined, limit?: number): Promise<ConversationList>;
  conversation(viewerId: string, other: ChatPartner, before?: number): Promise<ConversationView>;
  /** The partner a deleted member left behind, when `memberId` is one's pseudonym in the viewer's conversations. */
  departed(viewerId: string, memberId: string): Promise<ChatPartner | undefined>;
}

export function chatViews(
  db: ChatDb,
  profiles: ProfileDirectory,
  presence: () => Presence | undefined,
): Views {
  const onlineIds = async () => (await presence()?.onlineIds()) ?? new Set<string>();
  return {
    async conversations(viewerId, cursorText, limit = CONVERSATIONS_PER_PAGE.default) {
      const cursor = decodeCursor(cursorText);
      const [entries, online] = await Promise.all([
        conversationsPage(db, viewerId, cursor, limit),
        onlineIds(),
      ]);
      const page = entries.slice(0, limit);
      const members: Array<ChatPartner | undefined> = await Promise.all(
        page.map((e) => profiles.get(e.otherId)),
      );
      const gone = await departedAmong(
        db,
        page.filter((_, i) => !members[i]).map((e) => e.otherId),
      );
      const items: ConversationItem[] = [];
      page.forEach((e, i) => {
        const member = members[i] ?? (gone.has(e.otherId) ? departedPartner(e.otherId) : undefined);
        // A member no longer approved drops out of the list; the page still continues after them.
        if (member) {
          items.push({
            conversationId: e.conversationId,
            member,
            online: online.has(member.memberId),
            last: e.last,
            unread: e.unread,
          });
        }
      });
      const last = page.at(-1);
      return {
        items,
        nextCursor:
          entries.length > limit && last
            ? encodeCursor({ at: last.lastMessageAt, id: last.conversationId })
            : null,
      };
    },

    async departed(viewerId, memberId) {
      const side = await sideOf(db, viewerId, memberId);
      return side && (await departedAmong(db, [memberId])).has(memberId)
        ? departedPartner(memberId)
        : undefined;
    },
    async conversation(viewerId, other, before) {
      // A departed partner's id was replaced in the stored one, which may sort the other way.
      const stored = other.departed
        ? (await sideOf(db, viewerId, other.memberId))?.conversationId
        : undefined;
      const conversationId = stored ?? conversationIdOf(viewerId, other.memberId);
      const [page, mine, theirs, online] = await Promise.all([
        messagesPage(db, conversationId, before, MESSAGES_PER_PAGE),
        sideOf(db, viewerId, other.memberId),
        sideOf(db, other.memberId, viewerId),
        presence()?.isOnline(other.memberId) ?? false,
      ]);
      const readSeq = theirs?.lastReadSeq ?? 0;
      const read = page.messages.filter((m) => m.senderId === viewerId && m.seq <= readSeq).at(-1);
      return {
        conversationId,
        member: other,
        online,
        messages: page.messages,
        olderBefore: page.more ? (page.messages[0]?.seq ?? null) : null,
        readUpTo: read?.messageId ?? null,
        readSeq,
        unread: mine?.unread ?? 0,
      };
    },
  };
}

function departedPartner(memberId: string): ChatPartner {
  return { memberId, nickname: DEPARTED_NICKNAME, departed: true };
}

/** Messages either side of a reported one that moderators read it with. */
const REPORT_CONTEXT = 10;

/** A reported message as the moderators' queue reads it: with the ten either side. */
export function reportableMessages(db: ChatDb): Reportable {
  return {
    kind: 'message',
    async lookup(messageId) {
      const message = await messageById(db, messageId);
      if (!message) return undefined;
      const context = await messagesAround(db, message, REPORT_CONTEXT);
      return {
        memberId: message.senderId,
        excerpt: message.body,
        context: context.map((m) => ({
          senderId: m.senderId,
          body: m.body,
          at: m.sentAt,
          reported: m.messageId === messageId,
        })),
      };
    },
  };
}
