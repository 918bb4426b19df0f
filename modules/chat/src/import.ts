import { defineService } from '@meetcute/core';
import type { ChatDb } from './store.ts';

/** Where an imported read mark's message sits: its conversation and who received it. */
export interface ImportedMessage {
  messageId: string;
  conversationId: string;
  recipientId: string;
}

/**
 * What the importer (`@meetcute/community`) asks of chat while it feeds a dump through
 * the modules: whether the messages a later batch refers to were imported already.
 */
export interface ChatImport {
  /** The messages among `messageIds` that chat holds (a block removed the pair's, so they are not). */
  messages(messageIds: readonly string[]): Promise<ImportedMessage[]>;
}
export const CHAT_IMPORT = defineService<ChatImport>('chat.import');

/** SQLite allows 32,766 parameters; a dump's batch asks for far fewer, in slices all the same. */
const SLICE = 500;

export function chatImport(db: ChatDb): ChatImport {
  return {
    async messages(messageIds) {
      const found: ImportedMessage[] = [];
      for (let i = 0; i < messageIds.length; i += SLICE) {
        const rows = await db
          .selectFrom('chat_messages')
          .select(['message_id', 'conversation_id', 'recipient_id'])
          .where('message_id', 'in', messageIds.slice(i, i + SLICE))
          .execute();
        for (const r of rows)
          found.push({
            messageId: r.message_id,
            conversationId: r.conversation_id,
            recipientId: r.recipient_id,
          });
      }
      return found;
    },
  };
}
