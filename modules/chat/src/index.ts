import { sql } from 'kysely';
import { MemberDeleted, honourDeletion } from '@meetcute/auth/events';
import { blockedPairsNaming } from '@meetcute/block';
import { chatImport, CHAT_IMPORT, type ChatImport } from './import.ts';
import { FLAGS, type Flags } from '@meetcute/flags';
import { defineModule, NOTIFICATIONS, type NotificationHub, type Tx } from '@meetcute/core';
import { blockEvents } from '@meetcute/block/events';
import { ONLINE, type Presence } from '@meetcute/online';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import { MEMBER_ACTIONS, NAV_COUNTERS, type MemberAction, type NavCounter } from '@meetcute/web';
import { ConversationRead, events, MessageReported, MessageSent } from './events.ts';
import { chatGroups } from './ownership.ts';
import { migrations, projections, project, tables, totalUnread, type ChatTables } from './store.ts';
import { REPORTABLE, type Reportable } from '@meetcute/reports/events';
import { commands } from './commands.ts';
import { chatViews, reportableMessages } from './views.ts';
import { chatRoutes } from './routes.ts';
import { chatPages, messageAction } from './pages.ts';
import { conversationPages } from './conversation-page.ts';
import { reportPages } from './report-page.ts';
import { deletionUseCases, useCases } from './use-cases.ts';
import { audienceConsumes, choicesView, projectAudience } from './audience.ts';
import { audienceUseCases } from './use-cases.audience.ts';
import { limitUseCases } from './use-cases.limits.ts';

export {
  MessageSent,
  ConversationRead,
  MessageReported,
  ChatAudienceChosen,
  MAX_MESSAGE_LENGTH,
} from './events.ts';
export { CHAT_GROUPS, groupOf, jumpHash } from './groups.ts';
export { CHAT_IMPORT, type ChatImport, type ImportedMessage } from './import.ts';

/**
 * Chat: one conversation per pair of approved members, delivered live to every open
 * page of both, with "is typing", read receipts and unread counts. A message is
 * acknowledged only once committed. A block removes the pair's conversation for good.
 */
export const chat = defineModule({
  name: 'chat',
  description:
    'One-to-one conversations, live: messages, typing, read receipts, unread counts, reports; blocks hide them.',
  publishes: events,
  consumes: [...events, ...blockEvents, ...audienceConsumes],
  provides: [CHAT_IMPORT],
  requires: [NOTIFICATIONS, PROFILES, FLAGS],
  tables,
  migrations,
  projections,
  useCases: [...deletionUseCases, ...useCases, ...limitUseCases, ...audienceUseCases],
  register(ctx) {
    const hub = ctx.services.require<NotificationHub>(NOTIFICATIONS);
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    // Unread messages over all conversations, for the top bar on every page.
    const unread = ctx.view<number>({ name: 'unread', load: (memberId) => totalUnread(ctx.db, memberId) });
    const notifyCounts = (memberIds: string[], tx: Tx<ChatTables>) =>
      tx.afterCommit(async () => {
        for (const memberId of memberIds) {
          await hub.notify(memberId, {
            type: 'counter',
            data: { name: 'chats', count: (await unread.get(memberId)) ?? 0 },
          });
        }
      });
    // A block or its lift moves the pair's own counters; nothing crosses over to the other.
    const blocks = project(ctx, unread, notifyCounts);
    // The partner keeps the conversation, under the deleted member's pseudonym; one nobody is left in goes.
    honourDeletion(ctx, {
      kept: {
        chat_messages: ['conversation_id', 'sender_id', 'recipient_id'],
        chat_participants: ['other_id', 'conversation_id'],
        chat_reports: ['reporter_id'],
      },
      tables: {
        chat_messages: { mine: ['sender_id', 'recipient_id'] },
        chat_participants: { mine: ['member_id'] },
        chat_reports: { mine: ['reporter_id'] },
        chat_audiences: { mine: ['member_id'] },
        chat_seekers: { mine: ['member_id'] },
        chat_contacts: { mine: ['member_id'], about: ['other_id'] },
        ...blockedPairsNaming,
      },
      keptEvents: [MessageSent, ConversationRead, MessageReported],
      async forget(tx: Tx<ChatTables>, memberId, pseudonym) {
        await tx.db
          .insertInto('chat_departed')
          .values({ member_id: pseudonym })
          .onConflict((oc) => oc.column('member_id').doNothing())
          .execute();
        await sql`delete from chat_messages
          where conversation_id in (select conversation_id from chat_participants where member_id = ${memberId})
          and conversation_id not in (select conversation_id from chat_participants where member_id <> ${memberId})`.execute(
          tx.db,
        );
      },
    });
    unread.on(MemberDeleted, (_e, changes) => changes.forgetWhere(() => true));
    projectAudience(ctx);
    // In a cluster each node writes the conversations of the chat groups it holds; alone, all.
    const choices = choicesView(ctx);
    const run = commands(ctx, { profiles, hub, groups: chatGroups(ctx), unread, blocks, choices });
    const views = chatViews(ctx.db, profiles, () => ctx.services.optional<Presence>(ONLINE));
    // "Is typing" sits behind a flag an operator can ramp or kill.
    const flags = ctx.services.require<Flags>(FLAGS);
    chatRoutes(ctx.http, { commands: run, views, flags });
    ctx.services.provide<ChatImport>(CHAT_IMPORT, chatImport(ctx.db));
    const pages = { db: ctx.db, commands: run, views, profiles, flags, now: () => ctx.clock.now() };
    chatPages(ctx.http, pages);
    conversationPages(ctx.http, pages);
    reportPages(ctx.http, pages);
    ctx.services.contribute<MemberAction>(MEMBER_ACTIONS, messageAction(blocks, profiles, run));
    // The moderators' report queue reads a reported message with the ten around it.
    ctx.services.contribute<Reportable>(REPORTABLE, reportableMessages(ctx.db));
    ctx.services.contribute<NavCounter>(NAV_COUNTERS, {
      name: 'chats',
      href: '/chats',
      label: { en: 'Chats', sv: 'Chattar', fi: 'Keskustelut' },
      count: async (memberId) => (await unread.get(memberId)) ?? 0,
    });
  },
});
