import { decodeCursor, encodeCursor, type Db } from '@meetcute/core';
import type { Presence } from '@meetcute/online';
import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import { conversationIdOf, CONVERSATIONS_PER_PAGE, MESSAGES_PER_PAGE } from './rules.ts';
import { conversationsPage, messagesPage, sideOf, type Message } from './store.ts';

/** A conversation in the list, with the other member as the list shows them. */
export interface ConversationItem {
  conversationId: string;
  member: PublicProfile;
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
  member: PublicProfile;
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
  conversation(viewerId: string, other: PublicProfile, before?: number): Promise<ConversationView>;
}

export function chatViews(db: Db, profiles: ProfileDirectory, presence: () => Presence | undefined): Views {
  const onlineIds = async () => (await presence()?.onlineIds()) ?? new Set<string>();
  return {
    async conversations(viewerId, cursorText, limit = CONVERSATIONS_PER_PAGE.default) {
      const cursor = decodeCursor(cursorText);
      const [entries, online] = await Promise.all([
        conversationsPage(db, viewerId, cursor, limit),
        onlineIds(),
      ]);
      const page = entries.slice(0, limit);
      const members = await Promise.all(page.map((e) => profiles.get(e.otherId)));
      const items: ConversationItem[] = [];
      page.forEach((e, i) => {
        const member = members[i];
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

    async conversation(viewerId, other, before) {
      const conversationId = conversationIdOf(viewerId, other.memberId);
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
