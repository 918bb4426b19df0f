import { emitted, useCase, type When } from '@meetcute/core';
import { approved, bob, nancy, type CastMember } from '@meetcute/cast';
import { MessageSent } from './events.ts';
import { MESSAGES_PER_MINUTE, NEW_CONTACTS_PER_DAY } from './limits.ts';

const send = (n: number, to: CastMember = bob): When => ({
  as: nancy.memberId,
  method: 'POST',
  url: `/api/v1/chats/${to.memberId}/messages`,
  body: { body: `Message ${n}` },
});

/** A member Nancy does not know yet. */
const stranger = (i: number): CastMember => {
  const nickname = `Stranger${i}`;
  return {
    memberId: `00000000-0000-7000-8000-000000000c${String(i).padStart(2, '0')}`,
    email: `${nickname.toLowerCase()}@example.com`,
    application: { ...bob.application, nickname },
  };
};
/** Those Nancy starts the day's conversations with, Bob first, and one more she would write to next. */
const startedWith = [bob, ...Array.from({ length: NEW_CONTACTS_PER_DAY - 1 }, (_, i) => stranger(i + 1))];
const newcomer = stranger(NEW_CONTACTS_PER_DAY);

/** Nancy used up the day's new conversations; five minutes later her pace is no brake. */
const dayOfNewConversations = {
  given: [...approved(nancy), ...[...startedWith, newcomer].flatMap(approved)],
  before: startedWith.map((to, i) => send(i, to)),
  clock: '2026-06-01T10:05:00.000Z',
};

/** The brakes on messaging: what a script sending for a member runs into, and a person does not. */
export const limitUseCases = [
  useCase({
    title: 'Nancy writes her twentieth message within a minute: it goes',
    given: [...approved(nancy), ...approved(bob)],
    before: Array.from({ length: MESSAGES_PER_MINUTE - 1 }, (_, i) => send(i)),
    when: send(MESSAGES_PER_MINUTE),
    then: { status: 201, events: [emitted(MessageSent, { senderId: nancy.memberId })] },
  }),
  useCase({
    title: 'A twenty-first message within a minute waits, saying so',
    given: [...approved(nancy), ...approved(bob)],
    before: Array.from({ length: MESSAGES_PER_MINUTE }, (_, i) => send(i)),
    when: send(MESSAGES_PER_MINUTE + 1),
    then: {
      status: 429,
      body: {
        type: 'https://meetcute.dev/problems/rate-limited',
        detail: 'You are sending messages very fast. Wait a minute, then go on.',
      },
      events: [],
    },
  }),
  useCase({
    title: `After ${NEW_CONTACTS_PER_DAY} new conversations in a day, Nancy writing to someone new waits, saying so`,
    ...dayOfNewConversations,
    when: send(NEW_CONTACTS_PER_DAY, newcomer),
    then: {
      status: 429,
      body: {
        type: 'https://meetcute.dev/problems/rate-limited',
        detail: `You started ${NEW_CONTACTS_PER_DAY} conversations today. Write to those you know, or start new ones tomorrow.`,
      },
      events: [],
    },
  }),
  useCase({
    title: `After ${NEW_CONTACTS_PER_DAY} new conversations in a day, Nancy still writes to Bob, whom she talks with`,
    ...dayOfNewConversations,
    when: send(NEW_CONTACTS_PER_DAY),
    then: {
      status: 201,
      events: [emitted(MessageSent, { senderId: nancy.memberId, recipientId: bob.memberId })],
    },
  }),
];
