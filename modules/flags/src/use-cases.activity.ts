import { given, useCase } from '@meetcute/core';
import { approved, bob, deleted, eve, nancy, otto } from '@meetcute/cast';
import { SessionStarted } from '@meetcute/auth/events';
import { conversationIdOf, MessageSent } from '@meetcute/chat/events';
import { ExperimentCreated, ExperimentExposed, ExperimentStarted, ExperimentStopped } from './events.ts';
import { created } from './use-cases.ts';

/**
 * What exposed members did since their exposure, per variant: the messages they sent and
 * the sessions they started, for any experiment (whatever its metric).
 */
const op = otto;
const by = { actorId: op.memberId };
const running = [
  ...approved(op),
  created('chat.opener', 100, {}, ['control', 'short']),
  given(
    ExperimentCreated,
    { key: 'opener', flagKey: 'chat.opener', description: 'A shorter first message', metric: 'writers' },
    by,
  ),
  given(ExperimentStarted, { key: 'opener' }, by),
];
const exposed = (memberId: string, variant: string) =>
  given(ExperimentExposed, { experimentKey: 'opener', memberId, variant }, { actorId: memberId });
let sessions = 0;
const loggedIn = (memberId: string) =>
  given(
    SessionStarted,
    { memberId, sessionId: `00000000-0000-7000-8000-0000000a${String(++sessions).padStart(4, '0')}` },
    { actorId: memberId },
  );
let messages = 0;
const wrote = (from: string, to: string) =>
  given(
    MessageSent,
    {
      messageId: `00000000-0000-7000-8000-0000000b${String(++messages).padStart(4, '0')}`,
      conversationId: conversationIdOf(from, to),
      senderId: from,
      recipientId: to,
      body: 'Hi!',
    },
    { actorId: from },
  );

/**
 * Nancy and Bob see the short opener, Eve the control. Before her exposure Nancy logged in
 * and wrote once (neither counts); after it she logged in twice and wrote twice, Bob
 * answered once, and Eve logged in once and wrote once.
 */
const active = [
  ...running,
  ...approved(nancy),
  ...approved(bob),
  ...approved(eve),
  loggedIn(nancy.memberId),
  wrote(nancy.memberId, bob.memberId),
  exposed(nancy.memberId, 'short'),
  exposed(bob.memberId, 'short'),
  exposed(eve.memberId, 'control'),
  loggedIn(nancy.memberId),
  wrote(nancy.memberId, bob.memberId),
  wrote(bob.memberId, nancy.memberId),
  loggedIn(nancy.memberId),
  wrote(nancy.memberId, bob.memberId),
  loggedIn(eve.memberId),
  wrote(eve.memberId, bob.memberId),
];

const results = { as: op.memberId, method: 'GET', url: '/api/v1/ops/experiments/opener' } as const;
const endpoint = 'GET /api/v1/ops/experiments/:key';

export const activityUseCases = [
  useCase({
    title:
      'Results show per variant the messages sent and the sessions started by exposed members since their exposure, in all and per member',
    given: active,
    endpoint,
    when: results,
    then: {
      status: 200,
      body: {
        results: [
          {
            variant: 'control',
            exposed: 1,
            messages: 1,
            messagesPerMember: 1,
            sessions: 1,
            sessionsPerMember: 1,
          },
          {
            variant: 'short',
            exposed: 2,
            messages: 3,
            messagesPerMember: 1.5,
            sessions: 2,
            sessionsPerMember: 1,
          },
        ],
      },
    },
  }),
  useCase({
    title: 'Messages and sessions after an experiment stopped are not counted',
    given: [
      ...running,
      ...approved(nancy),
      ...approved(bob),
      exposed(nancy.memberId, 'short'),
      wrote(nancy.memberId, bob.memberId),
      given(ExperimentStopped, { key: 'opener' }, by),
      loggedIn(nancy.memberId),
      wrote(nancy.memberId, bob.memberId),
    ],
    endpoint,
    when: results,
    then: {
      status: 200,
      body: { results: [{ variant: 'short', exposed: 1, messages: 1, sessions: 0, sessionsPerMember: 0 }] },
    },
  }),
  useCase({
    title: 'Nancy deleted her account: her messages and sessions leave her variant’s activity',
    given: [...active, deleted(nancy)],
    endpoint,
    when: results,
    then: {
      status: 200,
      body: {
        results: [
          { variant: 'control', exposed: 1, messages: 1, sessions: 1 },
          { variant: 'short', exposed: 1, messages: 1, messagesPerMember: 1, sessions: 0 },
        ],
      },
    },
  }),
  useCase({
    title: 'The experiment’s page shows each variant’s activity since exposure, in all and per member',
    given: active,
    when: { as: op.memberId, method: 'GET', url: '/ops/experiments/opener' },
    then: {
      status: 200,
      page: [
        'Activity since exposure',
        '<th scope="col">Messages sent</th>',
        '<th scope="col">Sessions per member</th>',
        '<td>1.50</td>',
        '<td>1.00</td>',
      ],
    },
  }),
  useCase({
    title: 'The activity of an experiment nobody was exposed to yet is “not yet” per member, in Finnish',
    given: running,
    when: {
      as: op.memberId,
      method: 'GET',
      url: '/ops/experiments/opener',
      headers: { 'accept-language': 'fi' },
    },
    then: { status: 200, page: ['Toiminta altistuksen jälkeen', 'Istuntoja jäsentä kohden', 'ei vielä'] },
  }),
];
