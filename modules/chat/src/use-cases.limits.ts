import { emitted, useCase, type When } from '@meetcute/core';
import { approved, bob, nancy } from '@meetcute/cast';
import { MessageSent } from './events.ts';
import { MESSAGES_PER_MINUTE } from './limits.ts';

const send = (n: number): When => ({
  as: nancy.memberId,
  method: 'POST',
  url: `/api/v1/chats/${bob.memberId}/messages`,
  body: { body: `Message ${n}` },
});

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
];
