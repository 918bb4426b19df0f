import { deleted, pseudonymOf, sanctionedRequests as sanctionedRequestsTo } from '@meetcute/cast';
import { emitted, given, useCase, type Given, type When } from '@meetcute/core';
import { MemberBlocked, MemberUnblocked } from '@meetcute/block/events';
import { approved, bob, eve, nancy, reinstated, signedUp, suspended, type CastMember } from '@meetcute/cast';
import { ProfileViewed } from '@meetcute/profile/events';
import { ConversationRead, MAX_MESSAGE_LENGTH, MessageReported, MessageSent } from './events.ts';
import { conversationIdOf, MESSAGES_PER_PAGE } from './rules.ts';

const PROBLEMS = 'https://meetcute.dev/problems/';
const UNKNOWN = '00000000-0000-7000-8000-000000000999';

/** Message ids in the givens, so pages, reads and reports can name them. */
const messageId = (n: number) => `00000000-0000-7000-8000-c${String(n).padStart(11, '0')}`;
const nancyAndBob = conversationIdOf(nancy.memberId, bob.memberId);

/** An earlier message between two of the cast. */
function wrote(from: CastMember, to: CastMember, n: number, body: string, at?: string): Given {
  return given(
    MessageSent,
    {
      messageId: messageId(n),
      conversationId: conversationIdOf(from.memberId, to.memberId),
      senderId: from.memberId,
      recipientId: to.memberId,
      body,
    },
    at === undefined ? { actorId: from.memberId } : { actorId: from.memberId, at },
  );
}

const readUpTo = (reader: CastMember, other: CastMember, n: number): Given =>
  given(
    ConversationRead,
    {
      conversationId: conversationIdOf(reader.memberId, other.memberId),
      readerId: reader.memberId,
      lastReadMessageId: messageId(n),
    },
    { actorId: reader.memberId },
  );

const blocked = (blocker: CastMember, blockedMember: CastMember): Given =>
  given(
    MemberBlocked,
    { blockerId: blocker.memberId, blockedId: blockedMember.memberId },
    { actorId: blocker.memberId },
  );

const unblocked = (blocker: CastMember, blockedMember: CastMember): Given =>
  given(
    MemberUnblocked,
    { blockerId: blocker.memberId, blockedId: blockedMember.memberId },
    { actorId: blocker.memberId },
  );

const both = [...approved(nancy), ...approved(bob)];
const chatting = [
  ...both,
  wrote(nancy, bob, 1, 'Hi Bob! Fancy a coffee?'),
  wrote(bob, nancy, 2, 'Hi Nancy, gladly.\nSaturday?'),
  wrote(nancy, bob, 3, 'Saturday it is.'),
];

const send = (from: CastMember, to: string, body: unknown): When => ({
  as: from.memberId,
  method: 'POST',
  url: `/api/v1/chats/${to}/messages`,
  body: { body },
});
const list = (as: CastMember, query = ''): When => ({
  as: as.memberId,
  method: 'GET',
  url: `/api/v1/chats${query}`,
});
const history = (as: CastMember, other: CastMember, query = ''): When => ({
  as: as.memberId,
  method: 'GET',
  url: `/api/v1/chats/${other.memberId}/messages${query}`,
});
const read = (as: CastMember, other: CastMember): When => ({
  as: as.memberId,
  method: 'POST',
  url: `/api/v1/chats/${other.memberId}/read`,
  body: {},
});
const typing = (as: CastMember, other: CastMember): When => ({
  as: as.memberId,
  method: 'POST',
  url: `/api/v1/chats/${other.memberId}/typing`,
  body: {},
});
const report = (as: CastMember, n: number, body: unknown = { reason: 'spam' }): When => ({
  as: as.memberId,
  method: 'POST',
  url: `/api/v1/messages/${messageId(n)}/reports`,
  body,
});
const sendOnPage = (from: CastMember, to: CastMember, body: string): When => ({
  as: from.memberId,
  method: 'POST',
  url: `/chats/${to.memberId}`,
  form: true,
  body: { body },
});
const SEND_FORM = 'POST /chats/:memberId';
const REPORT_PAGE = 'GET /messages/:messageId/report';
const REPORT_FORM = 'POST /messages/:messageId/report';

/** Many messages from Nancy to Bob, a millisecond apart. */
const manyFromNancy = (count: number): Given[] =>
  Array.from({ length: count }, (_, i) => wrote(nancy, bob, 100 + i, `Message ${i + 1}`));

const sending = [
  useCase({
    title: 'Nancy writes to Bob; the answer comes once the message is stored',
    given: both,
    when: send(nancy, bob.memberId, 'Hi Bob! Fancy a coffee?'),
    then: {
      status: 201,
      body: {
        conversationId: nancyAndBob,
        seq: 1,
        senderId: nancy.memberId,
        recipientId: bob.memberId,
        body: 'Hi Bob! Fancy a coffee?',
      },
      events: [
        emitted(MessageSent, {
          conversationId: nancyAndBob,
          senderId: nancy.memberId,
          recipientId: bob.memberId,
          body: 'Hi Bob! Fancy a coffee?',
        }),
      ],
    },
  }),
  useCase({
    title: 'Nancy’s phone did not hear the answer and sends again with the same Idempotency-Key: one message',
    given: both,
    before: [{ ...send(nancy, bob.memberId, 'Hi Bob!'), headers: { 'idempotency-key': 'nancy-1' } }],
    when: { ...send(nancy, bob.memberId, 'Hi Bob!'), headers: { 'idempotency-key': 'nancy-1' } },
    then: {
      status: 201,
      body: { conversationId: nancyAndBob, seq: 1, body: 'Hi Bob!' },
      headers: { 'idempotent-replayed': 'true' },
      events: [],
    },
  }),
  useCase({
    title: 'Bob’s answer goes into the same conversation, next in line',
    given: chatting,
    when: send(bob, nancy.memberId, 'See you there.'),
    then: {
      status: 201,
      body: { conversationId: nancyAndBob, seq: 4 },
      events: [emitted(MessageSent, { conversationId: nancyAndBob, senderId: bob.memberId })],
    },
  }),
  useCase({
    title: 'Line breaks are kept; blank space around a message is not',
    given: both,
    when: send(nancy, bob.memberId, '  \r\nFirst line\r\nsecond line\n\n  '),
    then: { status: 201, body: { body: 'First line\nsecond line' }, events: [emitted(MessageSent)] },
  }),
  useCase({
    title: `A message of exactly ${MAX_MESSAGE_LENGTH} characters is sent, emoji counted as one each`,
    given: both,
    when: send(nancy, bob.memberId, '😀'.repeat(MAX_MESSAGE_LENGTH)),
    then: { status: 201, events: [emitted(MessageSent)] },
  }),
  useCase({
    title: `A message over ${MAX_MESSAGE_LENGTH} characters is refused, saying how long it is`,
    given: both,
    when: send(nancy, bob.memberId, 'x'.repeat(MAX_MESSAGE_LENGTH + 1)),
    then: {
      status: 400,
      body: {
        errors: [
          {
            field: 'body',
            message: `A message holds at most ${MAX_MESSAGE_LENGTH} characters; this one has 2001.`,
          },
        ],
      },
    },
  }),
  useCase({
    title: 'An empty message is refused',
    given: both,
    when: send(nancy, bob.memberId, ''),
    then: { status: 400, body: { errors: [{ field: 'body', message: 'Write something first.' }] } },
  }),
  useCase({
    title: 'A message of only spaces and line breaks is refused',
    given: both,
    when: send(nancy, bob.memberId, ' \n\t \n'),
    then: { status: 400, body: { errors: [{ field: 'body', message: 'Write something first.' }] } },
  }),
  useCase({
    title: 'A message must be text',
    given: both,
    when: send(nancy, bob.memberId, 42),
    then: { status: 400, body: { errors: [{ field: 'body' }] } },
  }),
  useCase({
    title: 'Nobody can write to themselves',
    given: both,
    when: send(nancy, nancy.memberId, 'Note to self'),
    then: {
      status: 400,
      body: { errors: [{ field: 'memberId', message: 'You cannot write to yourself.' }] },
    },
  }),
  useCase({
    title: 'Writing to an unknown member is a 404',
    given: both,
    when: send(nancy, UNKNOWN, 'Hello?'),
    then: { status: 404 },
  }),
  useCase({
    title: 'Writing to a member still in review is a 404: they are not visible yet',
    given: [...approved(nancy), ...signedUp(eve)],
    when: send(nancy, eve.memberId, 'Hello?'),
    then: { status: 404 },
  }),
  useCase({
    title: 'A member still in review cannot write yet',
    given: [...approved(bob), ...signedUp(eve)],
    when: send(eve, bob.memberId, 'Hello?'),
    then: { status: 403 },
  }),
  useCase({
    title: 'A visitor who is not logged in cannot write',
    given: approved(bob),
    when: { method: 'POST', url: `/api/v1/chats/${bob.memberId}/messages`, body: { body: 'Hi' } },
    then: { status: 401 },
  }),
  useCase({
    title: 'The member id in the address must be a member id',
    given: both,
    when: send(nancy, 'bob', 'Hi'),
    then: { status: 400, body: { errors: [{ field: 'params.memberId' }] } },
  }),
];

const blocking = [
  useCase({
    title: 'Nancy cannot write to Bob, whom she blocked, and is told why',
    given: [...both, blocked(nancy, bob)],
    when: send(nancy, bob.memberId, 'Hi'),
    then: { status: 409, body: { type: `${PROBLEMS}blocked`, detail: 'You blocked Bob. Unblock to write.' } },
  }),
  useCase({
    title: 'Nancy cannot write to Bob, who blocked her: to her he is not there',
    given: [...both, blocked(bob, nancy)],
    when: send(nancy, bob.memberId, 'Hi'),
    then: { status: 404, body: { type: `${PROBLEMS}not-found` } },
  }),
  useCase({
    title: 'When Bob blocks Nancy their conversation leaves his list',
    given: [...chatting, blocked(bob, nancy)],
    when: list(bob),
    then: { status: 200, body: { conversations: [], nextCursor: null } },
  }),
  useCase({
    title: 'When Bob blocks Nancy their conversation leaves her list too',
    given: [...chatting, blocked(bob, nancy)],
    when: list(nancy),
    then: { status: 200, body: { conversations: [], nextCursor: null } },
  }),
  useCase({
    title: 'After a block neither can open the conversation',
    given: [...chatting, blocked(nancy, bob)],
    when: history(nancy, bob),
    then: { status: 404 },
  }),
  useCase({
    title: 'A message that raced the block is hidden with the conversation',
    given: [...both, blocked(bob, nancy), wrote(nancy, bob, 9, 'Sent as the block happened')],
    when: list(bob),
    then: { status: 200, body: { conversations: [] } },
  }),
  useCase({
    title: 'A message that raced the block is kept: it is there when the block is lifted',
    given: [
      ...both,
      blocked(bob, nancy),
      wrote(nancy, bob, 9, 'Sent as the block happened'),
      unblocked(bob, nancy),
    ],
    when: list(bob),
    then: {
      status: 200,
      body: { conversations: [{ lastMessage: { messageId: messageId(9) }, unread: 1 }] },
    },
  }),
  useCase({
    title: 'Unread messages from a blocked member no longer count in the top bar',
    given: [...chatting, blocked(bob, nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/nav' },
    then: {
      status: 200,
      body: { counters: [{ name: 'alerts' }, { name: 'news' }, { name: 'chats', count: 0 }] },
    },
  }),
  useCase({
    title: 'Once Bob lifts his block they can write again, where their conversation left off',
    given: [...chatting, blocked(bob, nancy), unblocked(bob, nancy)],
    when: send(nancy, bob.memberId, 'Hello again'),
    then: { status: 201, body: { seq: 4 }, events: [emitted(MessageSent)] },
  }),
  useCase({
    title: 'Lifting a block brings their conversation back as it was, unread message included',
    given: [...chatting, blocked(bob, nancy), unblocked(bob, nancy)],
    when: list(bob),
    then: {
      status: 200,
      body: {
        conversations: [
          {
            lastMessage: { messageId: messageId(3), body: 'Saturday it is.', senderId: nancy.memberId },
            unread: 1,
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Once the block is lifted, the unread message counts in the top bar again',
    given: [...chatting, blocked(bob, nancy), unblocked(bob, nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/nav' },
    then: {
      status: 200,
      body: { counters: [{ name: 'alerts' }, { name: 'news' }, { name: 'chats', count: 1 }] },
    },
  }),
  useCase({
    title: 'Nancy can read the whole conversation again once the block she made is lifted',
    given: [...chatting, blocked(nancy, bob), unblocked(nancy, bob)],
    when: history(nancy, bob),
    then: {
      status: 200,
      body: {
        messages: [{ messageId: messageId(1) }, { messageId: messageId(2) }, { messageId: messageId(3) }],
      },
    },
  }),
  useCase({
    title: 'Nobody blocked can tell the other they are typing',
    given: [...both, blocked(bob, nancy)],
    when: typing(nancy, bob),
    then: { status: 404 },
  }),
];

// A suspension hides the member's conversations from the others and refuses messages to
// them; it removes nothing, so once lifted the conversations go on where they were.
const suspensions = [
  useCase({
    title: 'Nancy cannot write to suspended Bob: to her he is not there',
    given: [...chatting, suspended(bob)],
    when: send(nancy, bob.memberId, 'Hi'),
    then: { status: 404, body: { type: `${PROBLEMS}not-found` } },
  }),
  useCase({
    title: 'Suspended, Nancy’s conversation leaves Bob’s list',
    given: [...chatting, suspended(nancy)],
    when: list(bob),
    then: { status: 200, body: { conversations: [], nextCursor: null } },
  }),
  useCase({
    title: 'Suspended, Nancy’s unread messages no longer count in Bob’s top bar',
    given: [...chatting, suspended(nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/nav' },
    then: {
      status: 200,
      body: { counters: [{ name: 'alerts' }, { name: 'news' }, { name: 'chats', count: 0 }] },
    },
  }),
  useCase({
    title: 'Bob cannot open his conversation with suspended Nancy',
    given: [...chatting, suspended(nancy)],
    when: history(bob, nancy),
    then: { status: 404 },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, her conversation is back in Bob’s list, unread and all',
    given: [...chatting, suspended(nancy), reinstated(nancy)],
    when: list(bob),
    then: {
      status: 200,
      body: {
        conversations: [{ conversationId: nancyAndBob, lastMessage: { messageId: messageId(3) }, unread: 1 }],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'Once Nancy’s suspension is lifted, her unread message counts in Bob’s top bar again',
    given: [...chatting, suspended(nancy), reinstated(nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/nav' },
    then: {
      status: 200,
      body: { counters: [{ name: 'alerts' }, { name: 'news' }, { name: 'chats', count: 1 }] },
    },
  }),
  useCase({
    title: 'Once Bob’s suspension is lifted, Nancy writes to him again, next in their conversation',
    given: [...chatting, suspended(bob), reinstated(bob)],
    when: send(nancy, bob.memberId, 'Good to have you back'),
    then: { status: 201, body: { seq: 4 }, events: [emitted(MessageSent)] },
  }),
];

const lists = [
  useCase({
    title: 'Bob’s conversations: Nancy, her portrait, the last message and what he has not read',
    given: chatting,
    when: list(bob),
    then: {
      status: 200,
      body: {
        conversations: [
          {
            conversationId: nancyAndBob,
            member: {
              memberId: nancy.memberId,
              nickname: 'Nancy',
              portrait: `/members/${nancy.memberId}/portrait/thumb`,
              online: false,
            },
            lastMessage: { messageId: messageId(3), body: 'Saturday it is.', senderId: nancy.memberId },
            // Bob answered her first message, which read it; her last one is new.
            unread: 1,
          },
        ],
        nextCursor: null,
      },
    },
  }),
  useCase({
    title: 'The conversation with the latest message comes first',
    given: [
      ...both,
      ...approved(eve),
      wrote(nancy, bob, 1, 'Hi Bob', '2026-06-01T09:00:00.000Z'),
      wrote(eve, bob, 2, 'Hi Bob, it is Eve', '2026-06-01T09:05:00.000Z'),
      wrote(nancy, bob, 3, 'Still there?', '2026-06-01T09:10:00.000Z'),
    ],
    when: list(bob),
    then: {
      status: 200,
      body: {
        conversations: [
          { member: { nickname: 'Nancy' }, unread: 2 },
          { member: { nickname: 'Eve' }, unread: 1 },
        ],
      },
    },
  }),
  useCase({
    title: 'Conversations come a page at a time',
    given: [
      ...both,
      ...approved(eve),
      wrote(nancy, bob, 1, 'Hi Bob', '2026-06-01T09:00:00.000Z'),
      wrote(eve, bob, 2, 'Hi Bob, it is Eve', '2026-06-01T09:05:00.000Z'),
    ],
    when: list(bob, '?limit=1'),
    then: { status: 200, body: { conversations: [{ member: { nickname: 'Eve' } }] } },
  }),
  useCase({
    title: 'A cursor that was not given out is a 400 naming the cursor',
    given: both,
    when: list(bob, '?cursor=nonsense'),
    then: { status: 400, body: { errors: [{ field: 'cursor' }] } },
  }),
  useCase({
    title: 'A member with no conversations has an empty list',
    given: both,
    when: list(nancy),
    then: { status: 200, body: { conversations: [], nextCursor: null } },
  }),
  useCase({
    title: 'Unread messages count in the top bar',
    given: chatting,
    when: { as: bob.memberId, method: 'GET', url: '/api/v1/nav' },
    then: {
      status: 200,
      body: { counters: [{ name: 'alerts' }, { name: 'news' }, { name: 'chats', count: 1 }] },
    },
  }),
];

const conversation = [
  useCase({
    title: 'Nancy opens her conversation with Bob: the messages oldest first, and which of hers he read',
    given: [...chatting, readUpTo(bob, nancy, 3)],
    when: history(nancy, bob),
    then: {
      status: 200,
      body: {
        conversationId: nancyAndBob,
        member: { nickname: 'Bob', portrait: `/members/${bob.memberId}/portrait/thumb` },
        messages: [
          { messageId: messageId(1), seq: 1, body: 'Hi Bob! Fancy a coffee?' },
          { messageId: messageId(2), seq: 2, body: 'Hi Nancy, gladly.\nSaturday?' },
          { messageId: messageId(3), seq: 3, body: 'Saturday it is.' },
        ],
        olderBefore: null,
        readUpTo: messageId(3),
        unread: 0,
      },
    },
  }),
  useCase({
    title: 'Until Bob reads her last message, the receipt stays on the one he answered',
    given: chatting,
    when: history(nancy, bob),
    then: { status: 200, body: { readUpTo: messageId(1) } },
  }),
  useCase({
    title: `The newest ${MESSAGES_PER_PAGE} messages come first, with the way to older ones`,
    given: [...both, ...manyFromNancy(MESSAGES_PER_PAGE + 5)],
    when: history(bob, nancy),
    then: { status: 200, body: { olderBefore: 6, unread: MESSAGES_PER_PAGE + 5 } },
  }),
  useCase({
    title: 'Older messages continue before the cursor and end at the start',
    given: [...both, ...manyFromNancy(MESSAGES_PER_PAGE + 5)],
    when: history(bob, nancy, '?before=6'),
    then: {
      status: 200,
      body: {
        messages: [
          { body: 'Message 1' },
          { body: 'Message 2' },
          { body: 'Message 3' },
          { body: 'Message 4' },
          { body: 'Message 5' },
        ],
        olderBefore: null,
      },
    },
  }),
  useCase({
    title: 'A cursor must be a place in the conversation',
    given: both,
    when: history(bob, nancy, '?before=zero'),
    then: { status: 400, body: { errors: [{ field: 'querystring.before' }] } },
  }),
  useCase({
    title: 'A conversation not yet started is empty',
    given: both,
    when: history(nancy, bob),
    then: { status: 200, body: { messages: [], olderBefore: null, readUpTo: null, unread: 0 } },
  }),
  useCase({
    title: 'Eve cannot open a conversation with a member who is not there',
    given: approved(eve),
    when: history(eve, bob),
    then: { status: 404 },
  }),
];

const reading = [
  useCase({
    title: 'Bob reads his conversation with Nancy up to her newest message',
    given: chatting,
    when: read(bob, nancy),
    then: {
      status: 200,
      body: { lastReadMessageId: messageId(3), unread: 0 },
      events: [
        emitted(ConversationRead, {
          conversationId: nancyAndBob,
          readerId: bob.memberId,
          lastReadMessageId: messageId(3),
        }),
      ],
    },
  }),
  useCase({
    title: 'Reading again with nothing new records nothing',
    given: [...chatting, readUpTo(bob, nancy, 3)],
    when: read(bob, nancy),
    then: { status: 200, body: { lastReadMessageId: messageId(3), unread: 0 } },
  }),
  useCase({
    title: 'After Bob read it all, nothing is unread in his list',
    given: [...chatting, readUpTo(bob, nancy, 3)],
    when: list(bob),
    then: { status: 200, body: { conversations: [{ unread: 0 }] } },
  }),
  useCase({
    title: 'Once a block is lifted, reading it all leaves nothing unread, as before the block',
    given: [...chatting, blocked(bob, nancy), unblocked(bob, nancy), readUpTo(bob, nancy, 3)],
    when: list(bob),
    then: { status: 200, body: { conversations: [{ unread: 0 }] } },
  }),
  useCase({
    title: 'Reading a conversation that never started records nothing',
    given: both,
    when: read(bob, nancy),
    then: { status: 200, body: { lastReadMessageId: null, unread: 0 } },
  }),
  useCase({
    title: 'Reading with a blocked member is a 404 for the one blocked',
    given: [...chatting, blocked(nancy, bob)],
    when: read(bob, nancy),
    then: { status: 404 },
  }),
];

const typingCases = [
  useCase({
    title: 'Nancy tells Bob she is typing: nothing is recorded',
    given: both,
    when: typing(nancy, bob),
    then: { status: 204 },
  }),
  useCase({
    title: 'Typing to an unknown member is a 404',
    given: both,
    when: { as: nancy.memberId, method: 'POST', url: `/api/v1/chats/${UNKNOWN}/typing`, body: {} },
    then: { status: 404 },
  }),
  useCase({
    title: 'Nancy cannot tell Bob, whom she blocked, that she is typing',
    given: [...both, blocked(nancy, bob)],
    when: typing(nancy, bob),
    then: { status: 409 },
  }),
];

const reporting = [
  useCase({
    title: 'Bob reports a message Nancy sent him',
    given: chatting,
    when: report(bob, 3, { reason: 'harassment', note: 'Third time today.' }),
    then: {
      status: 201,
      body: { messageId: messageId(3), reason: 'harassment' },
      events: [
        emitted(MessageReported, {
          messageId: messageId(3),
          reporterId: bob.memberId,
          reason: 'harassment',
          note: 'Third time today.',
        }),
      ],
    },
  }),
  useCase({
    title: 'Nancy cannot report her own message',
    given: chatting,
    when: report(nancy, 3),
    then: { status: 403, body: { detail: 'You can report only messages you received.' } },
  }),
  useCase({
    title: 'Eve cannot report a message between others: to her it is not there',
    given: [...chatting, ...approved(eve)],
    when: report(eve, 3),
    then: { status: 404 },
  }),
  useCase({
    title: 'A message is reported once by the same member',
    given: [
      ...chatting,
      given(MessageReported, { messageId: messageId(3), reporterId: bob.memberId, reason: 'spam', note: '' }),
    ],
    when: report(bob, 3),
    then: { status: 409, body: { type: `${PROBLEMS}already-reported` } },
  }),
  useCase({
    title: 'A report needs one of the listed reasons',
    given: chatting,
    when: report(bob, 3, { reason: 'boring' }),
    then: { status: 400, body: { errors: [{ field: 'reason' }] } },
  }),
  useCase({
    title: 'A report of an unknown message is a 404',
    given: chatting,
    when: report(bob, 99),
    then: { status: 404 },
  }),
];

const pages = [
  useCase({
    title: 'Bob’s chats page lists Nancy with her portrait, her last message and one unread',
    given: chatting,
    when: { as: bob.memberId, method: 'GET', url: '/chats' },
    then: {
      status: 200,
      page: [
        '<h1>Chats</h1>',
        `href="/chats/${nancy.memberId}"`,
        `src="/members/${nancy.memberId}/portrait/thumb"`,
        'Nancy',
        'Saturday it is.',
        'aria-label="1 unread"',
        'data-counter="chats"',
      ],
    },
  }),
  useCase({
    title: 'The chats page says how to start when there is nothing yet',
    given: both,
    when: { as: nancy.memberId, method: 'GET', url: '/chats' },
    then: { status: 200, page: ['No conversations yet. Write to someone from their profile.'] },
  }),
  useCase({
    title: 'The chats page speaks Swedish',
    given: chatting,
    when: { as: bob.memberId, method: 'GET', url: '/chats', headers: { 'accept-language': 'sv' } },
    then: { status: 200, page: ['<h1>Chattar</h1>', '1 olästa'] },
  }),
  useCase({
    title:
      'Bob opens the conversation: the messages with their line breaks, a form to answer, and it is read',
    given: chatting,
    when: { as: bob.memberId, method: 'GET', url: `/chats/${nancy.memberId}` },
    then: {
      status: 200,
      page: [
        'Hi Bob! Fancy a coffee?',
        'Hi Nancy, gladly.\nSaturday?',
        'Saturday it is.',
        'This is the start of your conversation with Nancy.',
        `action="/chats/${nancy.memberId}"`,
        `href="/messages/${messageId(3)}/report"`,
      ],
      events: [emitted(ConversationRead, { readerId: bob.memberId, lastReadMessageId: messageId(3) })],
    },
  }),
  useCase({
    title: 'Nancy’s page shows “Read” under her last message Bob has read',
    given: [...chatting, readUpTo(bob, nancy, 3)],
    when: { as: nancy.memberId, method: 'GET', url: `/chats/${bob.memberId}` },
    then: {
      status: 200,
      // Nancy answered Bob's message, which read it: opening the page records nothing new.
      page: [`id="m-${messageId(3)}"`, '<span class="receipt">Read</span>'],
    },
  }),
  useCase({
    title: 'Message text is shown as text, never as markup',
    given: [...both, wrote(nancy, bob, 1, '<script>alert(1)</script> & <b>bold</b>')],
    when: { as: bob.memberId, method: 'GET', url: `/chats/${nancy.memberId}` },
    then: {
      status: 200,
      page: ['&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;'],
      pageLacks: ['<script>alert(1)'],
      events: [emitted(ConversationRead)],
    },
  }),
  useCase({
    title: `Without JavaScript, older messages are a link away`,
    given: [...both, ...manyFromNancy(MESSAGES_PER_PAGE + 5)],
    when: { as: bob.memberId, method: 'GET', url: `/chats/${nancy.memberId}?before=6` },
    then: {
      status: 200,
      page: ['Message 1<', 'Message 5<', 'This is the start of your conversation with Nancy.'],
      pageLacks: ['Message 6<'],
    },
  }),
  useCase({
    title: 'The newest page links to older messages',
    given: [...both, ...manyFromNancy(MESSAGES_PER_PAGE + 5)],
    when: { as: bob.memberId, method: 'GET', url: `/chats/${nancy.memberId}` },
    then: {
      status: 200,
      page: [
        `href="/chats/${nancy.memberId}?before=6"`,
        'Older messages',
        `Message ${MESSAGES_PER_PAGE + 5}<`,
      ],
      pageLacks: ['Message 5<'],
      events: [emitted(ConversationRead)],
    },
  }),
  useCase({
    title: 'The conversation page with someone who blocked Nancy is not found',
    given: [...chatting, blocked(bob, nancy)],
    when: { as: nancy.memberId, method: 'GET', url: `/chats/${bob.memberId}` },
    then: { status: 404, pageLacks: ['Saturday it is.'] },
  }),
  useCase({
    title: 'The conversation page with someone Nancy blocked tells her to unblock first',
    given: [...chatting, blocked(nancy, bob)],
    when: { as: nancy.memberId, method: 'GET', url: `/chats/${bob.memberId}` },
    then: { status: 409, page: ['You blocked Bob. Unblock to write.'], pageLacks: ['Saturday it is.'] },
  }),
  useCase({
    title: 'Without JavaScript, the form sends the message and returns to the conversation',
    given: both,
    endpoint: SEND_FORM,
    when: sendOnPage(nancy, bob, 'Hi Bob!\nCoffee?'),
    then: {
      status: 303,
      location: `/chats/${bob.memberId}#newest`,
      events: [emitted(MessageSent, { senderId: nancy.memberId, body: 'Hi Bob!\nCoffee?' })],
    },
  }),
  useCase({
    title: 'An empty message from the form shows the page again with the reason',
    given: both,
    endpoint: SEND_FORM,
    when: sendOnPage(nancy, bob, '   '),
    then: { status: 400, page: ['Write something first.', 'aria-invalid="true"'] },
  }),
  useCase({
    title: 'The form says why in the member’s language',
    given: both,
    endpoint: SEND_FORM,
    when: { ...sendOnPage(nancy, bob, ' '), headers: { 'accept-language': 'sv' } },
    then: { status: 400, page: ['Skriv något först.', 'Meddelandet kunde inte skickas'] },
  }),
  useCase({
    title: 'A too long message from the form keeps what was typed',
    given: both,
    endpoint: SEND_FORM,
    when: sendOnPage(nancy, bob, `${'y'.repeat(MAX_MESSAGE_LENGTH)}z`),
    then: { status: 400, page: ['this one has 2001', `${'y'.repeat(MAX_MESSAGE_LENGTH)}z</textarea`] },
  }),
  useCase({
    title: 'The form to someone who blocked Nancy finds nobody',
    given: [...both, blocked(bob, nancy)],
    endpoint: SEND_FORM,
    when: sendOnPage(nancy, bob, 'Hi'),
    then: { status: 404 },
  }),
  useCase({
    title: 'Bob’s profile has a button to write to him',
    given: both,
    when: { as: nancy.memberId, method: 'GET', url: `/members/${bob.memberId}` },
    then: {
      status: 200,
      page: [`href="/chats/${bob.memberId}"`, 'aria-label="Message Bob"'],
      events: [emitted(ProfileViewed)],
    },
  }),
  useCase({
    title: 'Bob opens the report form for Nancy’s message',
    given: chatting,
    endpoint: REPORT_PAGE,
    when: { as: bob.memberId, method: 'GET', url: `/messages/${messageId(3)}/report` },
    then: {
      status: 200,
      page: ['Report a message', 'Saturday it is.', 'value="harassment"', 'from Nancy'],
    },
  }),
  useCase({
    title: 'Nancy cannot open the report form for her own message',
    given: chatting,
    endpoint: REPORT_PAGE,
    when: { as: nancy.memberId, method: 'GET', url: `/messages/${messageId(3)}/report` },
    then: { status: 403 },
  }),
  useCase({
    title: 'Bob reports from the form and is back in the conversation with a thank-you',
    given: chatting,
    endpoint: REPORT_FORM,
    when: {
      as: bob.memberId,
      method: 'POST',
      url: `/messages/${messageId(3)}/report`,
      form: true,
      body: { reason: 'scam', note: 'Asked for money.' },
    },
    then: {
      status: 303,
      location: `/chats/${nancy.memberId}?chat=reported&to=${messageId(3)}#m-${messageId(3)}`,
      events: [emitted(MessageReported, { reason: 'scam', note: 'Asked for money.' })],
    },
  }),
  useCase({
    title: 'The report form needs a reason',
    given: chatting,
    endpoint: REPORT_FORM,
    when: {
      as: bob.memberId,
      method: 'POST',
      url: `/messages/${messageId(3)}/report`,
      form: true,
      body: { note: 'No reason picked' },
    },
    then: { status: 400, page: ['Choose why you are reporting it.'] },
  }),
  useCase({
    title: 'The conversation thanks Bob for his report',
    given: [
      ...chatting,
      given(MessageReported, { messageId: messageId(3), reporterId: bob.memberId, reason: 'spam', note: '' }),
    ],
    when: {
      as: bob.memberId,
      method: 'GET',
      url: `/chats/${nancy.memberId}?chat=reported&to=${messageId(3)}`,
    },
    then: {
      status: 200,
      page: [
        `id="m-${messageId(3)}"`,
        'data-feedback-notice>Thank you. The moderators have your report.</p>',
      ],
      events: [emitted(ConversationRead)],
    },
  }),
];

export const useCases = [
  ...sending,
  ...blocking,
  ...suspensions,
  ...lists,
  ...conversation,
  ...reading,
  ...typingCases,
  ...reporting,
  ...pages,
  ...sanctionedRequestsTo('his conversations', '/api/v1/chats'),
];

/** A member who deleted their account is gone from here, for everyone. */
export const deletionUseCases = [
  useCase({
    title: 'Nancy deleted her account: Bob keeps the conversation, with a deleted member',
    given: [...chatting, deleted(nancy)],
    when: list(bob),
    then: {
      status: 200,
      body: {
        conversations: [
          {
            member: { memberId: pseudonymOf(nancy), nickname: 'Deleted member', departed: true },
            lastMessage: { body: 'Saturday it is.', senderId: pseudonymOf(nancy) },
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Nancy deleted her account: Bob reads their messages, and learns it takes no more',
    given: [...chatting, deleted(nancy)],
    when: { as: bob.memberId, method: 'GET', url: `/chats/${pseudonymOf(nancy)}` },
    then: {
      status: 200,
      page: [
        'Deleted member',
        'Hi Bob! Fancy a coffee?',
        'Saturday it is.',
        'This member deleted their account.',
      ],
      pageLacks: ['data-composer', nancy.memberId],
    },
  }),
  useCase({
    title: 'In Swedish, Bob’s list names her a deleted member',
    given: [...chatting, deleted(nancy)],
    when: { as: bob.memberId, method: 'GET', url: '/chats', headers: { 'accept-language': 'sv' } },
    then: { status: 200, page: ['Raderad medlem'] },
  }),
  useCase({
    title: 'Nancy deleted her account: Bob cannot write to her, under either id',
    given: [...chatting, deleted(nancy)],
    when: send(bob, pseudonymOf(nancy), 'Hello?'),
    then: { status: 404 },
  }),
  useCase({
    title: 'Nancy deleted her account: the API gives Bob their conversation under her new id',
    given: [...chatting, deleted(nancy)],
    when: { as: bob.memberId, method: 'GET', url: `/api/v1/chats/${pseudonymOf(nancy)}/messages` },
    then: {
      status: 200,
      body: {
        member: { nickname: 'Deleted member', departed: true },
        messages: [{ seq: 1 }, { seq: 2 }, { seq: 3 }],
      },
    },
  }),
];
