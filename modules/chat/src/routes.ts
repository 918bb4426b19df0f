import { MESSAGES_PER_MINUTE, NEW_CONTACTS_PER_DAY } from './limits.ts';
import { Problem as Refusal, ProblemSchema as Problem, problems } from '@meetcute/core';
import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import { portraitPath } from '@meetcute/web';
import { wireMessage, type Commands } from './commands.ts';
import { CHAT_AUDIENCES, MAX_MESSAGE_LENGTH, ReportReasonSchema } from './events.ts';
import { CONVERSATIONS_PER_PAGE, TYPING_FLAG } from './rules.ts';
import { subjectOf, type Flags } from '@meetcute/flags';
import type { ChatPartner, Views } from './views.ts';

const MessageView = Type.Object({
  messageId: Type.String({ format: 'uuid' }),
  conversationId: Type.String(),
  seq: Type.Integer({ minimum: 1, description: 'The place in the conversation, 1 for the first message' }),
  senderId: Type.String({ format: 'uuid' }),
  recipientId: Type.String({ format: 'uuid' }),
  body: Type.String(),
  sentAt: Type.String({ format: 'date-time' }),
});

const MemberView = Type.Object({
  memberId: Type.String({ format: 'uuid' }),
  nickname: Type.String(),
  portrait: Type.String({ description: 'Where the portrait thumbnail is served' }),
  online: Type.Boolean(),
  departed: Type.Optional(
    Type.Boolean({
      description: 'True when the member deleted their account: the conversation takes no more',
    }),
  ),
});

const member = (m: ChatPartner, online: boolean) => ({
  memberId: m.memberId,
  nickname: m.nickname,
  portrait: portraitPath(m.memberId),
  online,
  ...(m.departed ? { departed: true } : {}),
});

const WithMember = Type.Object({ memberId: Type.String({ format: 'uuid' }) });

const api = { access: 'approved', kind: 'api' } as const;

export interface RouteDeps {
  commands: Commands;
  views: Views;
  flags: Flags;
}

/** The chat API: conversations, messages and what they show of each other, the member's choice, reports. */
export function chatRoutes(http: Http, deps: RouteDeps): void {
  conversationListRoute(http, deps.views);
  conversationRoute(http, deps);
  sendRoute(http, deps.commands);
  settingsRoutes(http, deps.commands);
  signalRoutes(http, deps.commands, deps.flags);
  reportRoute(http, deps.commands);
}

/** The member's conversations, the newest first. */
function conversationListRoute(http: Http, views: Views): void {
  http.get(
    '/api/v1/chats',
    {
      config: api,
      schema: {
        summary: 'My conversations, the one with the latest message first, with unread counts',
        tags: ['chat'],
        querystring: Type.Object({
          cursor: Type.Optional(Type.String({ description: 'The nextCursor of the previous page' })),
          limit: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: CONVERSATIONS_PER_PAGE.max,
              default: CONVERSATIONS_PER_PAGE.default,
            }),
          ),
        }),
        response: {
          200: Type.Object({
            conversations: Type.Array(
              Type.Object({
                conversationId: Type.String(),
                member: MemberView,
                lastMessage: MessageView,
                unread: Type.Integer({ minimum: 0 }),
              }),
            ),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const list = await views.conversations(
        request.viewer!.memberId,
        request.query.cursor,
        request.query.limit,
      );
      return {
        conversations: list.items.map((i) => ({
          conversationId: i.conversationId,
          member: member(i.member, i.online),
          lastMessage: wireMessage(i.last),
          unread: i.unread,
        })),
        nextCursor: list.nextCursor,
      };
    },
  );
}

/** One page of the member's conversation with another, and how far each has read. */
function conversationRoute(http: Http, { commands, views }: RouteDeps): void {
  http.get(
    '/api/v1/chats/:memberId/messages',
    {
      config: api,
      schema: {
        summary:
          'My conversation with a member: the newest 75 messages (oldest first), or the 75 before `before`',
        tags: ['chat'],
        params: WithMember,
        querystring: Type.Object({
          before: Type.Optional(
            Type.Integer({
              minimum: 1,
              description: 'The olderBefore of the previous answer, for older messages',
            }),
          ),
        }),
        response: {
          200: Type.Object({
            conversationId: Type.String(),
            member: MemberView,
            messages: Type.Array(MessageView),
            olderBefore: Type.Union([Type.Integer(), Type.Null()], {
              description: 'Pass as `before` for older messages; null at the start of the conversation',
            }),
            readUpTo: Type.Union([Type.String(), Type.Null()], {
              description: 'My newest message on this page the member has read',
            }),
            unread: Type.Integer({ minimum: 0 }),
          }),
          404: Problem,
        },
      },
    },
    async (request) => {
      const viewerId = request.viewer!.memberId;
      const other = await visible(commands, views, viewerId, request.params.memberId);
      const view = await views.conversation(viewerId, other, request.query.before);
      return {
        conversationId: view.conversationId,
        member: member(view.member, view.online),
        messages: view.messages.map(wireMessage),
        olderBefore: view.olderBefore,
        readUpTo: view.readUpTo,
        unread: view.unread,
      };
    },
  );
}

/** Writing to a member, answered once the message is committed. */
function sendRoute(http: Http, commands: Commands): void {
  http.post(
    '/api/v1/chats/:memberId/messages',
    {
      config: api,
      schema: {
        summary: `Write to a member (1 to ${MAX_MESSAGE_LENGTH} characters); answered once the message is committed`,
        description: `At most ${MESSAGES_PER_MINUTE} messages a minute, and ${NEW_CONTACTS_PER_DAY} new conversations a day, by default (429).`,
        tags: ['chat'],
        params: WithMember,
        body: Type.Object({ body: Type.String({ maxLength: MAX_MESSAGE_LENGTH * 4 }) }),
        response: { 201: MessageView, 404: Problem, 409: Problem, 429: Problem, 503: Problem },
      },
    },
    async (request, reply) => {
      const message = await commands.send(
        request.viewer!.memberId,
        request.params.memberId,
        request.body.body,
      );
      return reply.code(201).send(wireMessage(message));
    },
  );
}

/** What the two members see of each other while they talk: "Read" and "is typing". */
function signalRoutes(http: Http, commands: Commands, flags: Flags): void {
  http.post(
    '/api/v1/chats/:memberId/read',
    {
      config: api,
      schema: {
        summary: 'Mark my conversation with a member read up to the newest message to me; they see "Read"',
        tags: ['chat'],
        params: WithMember,
        response: {
          200: Type.Object({
            lastReadMessageId: Type.Union([Type.String(), Type.Null()]),
            unread: Type.Integer({ minimum: 0 }),
          }),
          404: Problem,
          409: Problem,
        },
      },
    },
    (request) => commands.read(request.viewer!.memberId, request.params.memberId),
  );

  http.post(
    '/api/v1/chats/:memberId/typing',
    {
      config: api,
      schema: {
        summary: 'Tell the member I am typing (their open pages show it for a few seconds; nothing is kept)',
        tags: ['chat'],
        params: WithMember,
        response: { 204: Type.Null(), 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      // With the flag off for the member, "is typing" is gone: an old page's signal reaches nobody.
      if (await flags.isOn(TYPING_FLAG, subjectOf(request))) {
        await commands.typing(request.viewer!.memberId, request.params.memberId);
      }
      return reply.code(204).send(null);
    },
  );
}

const Settings = Type.Object({
  audience: Type.Enum(CHAT_AUDIENCES, {
    description:
      'Who may start a conversation with me: `everyone`; `preferences`, members within the age and gender I look for; `contacts`, members I flirted with or favourited. Conversations already begun go on.',
  }),
});

/** Who may start a conversation with the member, and their choice of it. */
function settingsRoutes(http: Http, commands: Commands): void {
  http.get(
    '/api/v1/chats/settings',
    {
      config: api,
      schema: {
        summary: 'Who may start a conversation with me',
        tags: ['chat'],
        response: { 200: Settings },
      },
    },
    async (request) => ({ audience: await commands.audience(request.viewer!.memberId) }),
  );

  http.put(
    '/api/v1/chats/settings',
    {
      config: api,
      schema: {
        summary: 'Choose who may start a conversation with me (others get a 403 `chat-closed` saying why)',
        tags: ['chat'],
        body: Settings,
        response: { 200: Settings },
      },
    },
    async (request) => ({
      audience: await commands.chooseAudience(request.viewer!.memberId, request.body.audience),
    }),
  );
}

/** Reporting a message the member received to the moderators. */
function reportRoute(http: Http, commands: Commands): void {
  http.post(
    '/api/v1/messages/:messageId/reports',
    {
      config: api,
      schema: {
        summary: 'Report a message I received to the moderators',
        tags: ['chat'],
        params: Type.Object({ messageId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({
          reason: ReportReasonSchema,
          note: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: {
          201: Type.Object({ messageId: Type.String(), reason: Type.String() }),
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const { reason, note } = request.body;
      await commands.report(request.viewer!.memberId, request.params.messageId, reason, note ?? '');
      return reply.code(201).send({ messageId: request.params.messageId, reason });
    },
  );
}

/**
 * Reading a conversation needs no 409: with a block either way there is nothing to read.
 * A partner who deleted their account left the conversation to read, and nothing more.
 */
async function visible(
  commands: Commands,
  views: Views,
  viewerId: string,
  otherId: string,
): Promise<ChatPartner> {
  try {
    return await commands.partner(viewerId, otherId);
  } catch (error) {
    if (error instanceof Refusal && error.status === 404) {
      const departed = await views.departed(viewerId, otherId);
      if (departed) return departed;
    }
    if (error instanceof Refusal && error.status === 409) throw problems.notFound('This member');
    throw error;
  }
}
